/** The paste door's bad inputs (issue #11): see paste.cases.ts. */
import { cases } from "./paste.cases";
import { runCatalogue } from "./harness";

runCatalogue(cases);
