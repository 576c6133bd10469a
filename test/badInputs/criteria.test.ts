import { cases, workbook } from "./criteria.cases";
import { runCatalogue } from "./harness";

// The shared workbook is built once, before the cases (saving a bloc and inserting the sheets takes seconds).
beforeAll(() => workbook(), 180_000);

describe("bad inputs: criteria tables (issue #11)", () => runCatalogue(cases));
