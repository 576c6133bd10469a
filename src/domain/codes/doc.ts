import { APPLIES_TEXT, CATALOGUE, type CodeSpec } from "./index";

/** The Markdown table of every issue code and its texts (docs/ma-loi.md), sorted by code. */
export function codesMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const rows = Object.entries(CATALOGUE as Record<string, CodeSpec>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, s]) => `| \`${code}\` | ${s.severity === "error" ? "Lỗi / Error" : "Cảnh báo / Warning"} | ${APPLIES_TEXT[s.applies].vi} / ${APPLIES_TEXT[s.applies].en} | ${esc(s.vi)} | ${esc(s.en)} |`);
  return [
    "# Mã lỗi và cảnh báo / Issue codes",
    "",
    "Mỗi thông báo của Bình xét có một mã. Tìm mã (Ctrl+F) để biết nó nói gì và xảy ra ở bước nào. Chữ trong {ngoặc} là chỗ điền tên, ô hoặc số cụ thể.",
    "",
    "Every message the add-in shows carries a code. Search for it to read what it means and where it applies. Words in {braces} are filled with the actual name, cell or number.",
    "",
    "_Tệp này được sinh tự động (`npm run codes:doc`) từ `src/domain/codes/`; đừng sửa tay. / Generated from `src/domain/codes/`; do not edit._",
    "",
    `${rows.length} mã / codes.`,
    "",
    "| Mã / Code | Mức / Severity | Bước / Step | Tiếng Việt | English |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
