import { runCatalogue } from "./harness";
import { cases } from "./voting.cases";

describe("bad inputs: vote creation (issue #11)", () => runCatalogue(cases));
