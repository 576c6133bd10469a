import { cases, workbook } from "./scoring.cases";
import { runCatalogue } from "./harness";

// The shared workbook is built once, before the cases (saving a bloc and inserting the sheets takes seconds).
beforeAll(() => workbook(), 180_000);

describe("bad inputs: unit score sheets (issue #11)", () => runCatalogue(cases));
