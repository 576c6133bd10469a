import { runCatalogue } from "./harness";
import { cases } from "./safety.cases";

// Each case builds a workbook through the real use cases: slow on a busy machine.
jest.setTimeout(120_000);
runCatalogue(cases);
