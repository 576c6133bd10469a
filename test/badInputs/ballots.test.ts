import { runCatalogue } from "./harness";
import { cases } from "./ballots.cases";

describe("bad inputs: ballots, entry sheets, hand counts and ballot files (issue #11)", () => runCatalogue(cases));
