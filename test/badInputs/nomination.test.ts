import { runCatalogue } from "./harness";
import { cases } from "./nomination.cases";

describe("bad inputs: nomination decisions, meeting record and award catalogue (issue #11)", () => runCatalogue(cases));
