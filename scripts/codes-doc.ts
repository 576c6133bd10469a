/** Writes docs/ma-loi.md, the table of every issue code (issue #13). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { codesMarkdown } from "../src/domain/codes/doc";

const out = join(__dirname, "..", "docs", "ma-loi.md");
writeFileSync(out, codesMarkdown());
console.log(`wrote ${out}`);
