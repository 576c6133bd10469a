/** The scenario file door's bad inputs (issue #11): see scenario.cases.ts. */
import { cases } from "./scenario.cases";
import { runCatalogue } from "./harness";

runCatalogue(cases);
