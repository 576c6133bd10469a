/** The bloc door's bad inputs (issue #11): see bloc.cases.ts. */
import { cases } from "./bloc.cases";
import { runCatalogue } from "./harness";

runCatalogue(cases);
