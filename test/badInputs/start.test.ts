import { runCatalogue } from "./harness";
import { cases } from "./start.cases";

describe("bad inputs: the start of the year (pact, registrations, returned files; issue #12)", () => runCatalogue(cases));
