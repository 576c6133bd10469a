import { cases, setup } from "./returned.cases";
import { runCatalogue } from "./harness";

// The shared workbook is built once, before the cases (saving a bloc and inserting the sheets takes seconds).
beforeAll(() => setup(), 180_000);

describe("bad inputs: returned unit files (issue #11)", () => runCatalogue(cases));
