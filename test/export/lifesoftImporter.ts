/**
 * LIFESOFT's Excel importer, reproduced for tests: what its "Nhận dữ liệu từ file" keeps of an .xlsx.
 *
 * Source: the public repository lifephongphanmem/thiduakhenthuong_php8 (commit dc8c198):
 * - app/Http/Controllers/NghiepVu/_DungChung/dungchung_nhanexcelController.php,
 *   `NhanExcelKhenThuong` (the emulation dossiers, e.g. dshosodenghikhenthuongthiduaController::NhanExcel) and
 *   `NhanExcelCumKhoi` (the bloc dossiers: dshosodenghikhenthuongcumkhoiController::NhanExcel,
 *   dshosokhenthuongcumkhoiController, dshosodenghikhenthuongthiduacumkhoiController). Both:
 *     $theArray = Excel::toArray(new ColectionImport(), $file); $data = $theArray[0];
 *     for ($i = START; $i <= $inputs['dendong']; $i++) {
 *       if (!isset($data[$i][ColumnName()[$inputs['phanloaikhenthuong']]])) continue;
 *       if ($data[$i][R] == 'TAPTHE') { tentapthe = C ?? '', madanhhieukhenthuong = S ?? madanhhieukhenthuong_tt,
 *                                       maphanloaitapthe = T ?? maphanloaidoituong_tt, linhvuchoatdong = U ?? linhvuchoatdong_tt }
 *       if (… == 'CANHAN') { … }   if (… == 'HOGIADINH') { … }   (NhanExcelCumKhoi: no HOGIADINH)
 *     }
 *   with START = $inputs['tudong'] - 1 in NhanExcelKhenThuong and START = $inputs['tudong'] in NhanExcelCumKhoi.
 * - app/Imports/ColectionImport.php: ToCollection, WithCalculatedFormulas, WithStrictNullComparison (no WithFormatData).
 * - app/HeThong/ThiDuaKhenThuong.php `ColumnName()`: 'A' => 0 … 'R' => 17, 'S' => 18, 'T' => 19, 'U' => 20.
 * - The dialogs' defaults, resources/views/NghiepVu/_DungChung/modal_Excel.blade.php (bloc dossiers) and
 *   modal_ExcelCumKhoi.blade.php: pldoituong B, tendoituong C, chucvu D, tencoquan E, phanloaikhenthuong R,
 *   madanhhieukhenthuong S, maphanloaidoituong T, linhvuchoatdong U, tudong 2, dendong 200.
 * - maatwebsite/excel 3.1.58 (composer.lock): `Excel::toArray` gives every sheet, in workbook order, as rows
 *   numbered from 0 = sheet row 1 (no heading row); a row holds the cells A…(the sheet's highest column);
 *   `Cell::getValue` gives null for a cell with no value, the plain text of rich text, else
 *   `getCalculatedValue()` (PhpSpreadsheet recalculates formulas). PHP's `isset` is false for null;
 *   `==` between strings is exact.
 *
 * Formulas: only the template's own code lookups, `VLOOKUP(F2,'phan loai kt'!$A$2:$B$4,2,0)`, are
 * evaluated (exact match, case-insensitive, "#N/A" when not found, as PhpSpreadsheet does);
 * any other formula throws, so a test cannot pass on a formula this emulation does not know.
 */
import ExcelJS from "exceljs";

export type Variant = "NhanExcelKhenThuong" | "NhanExcelCumKhoi";

/** The import dialog's fields (column letters, rows, and the defaults used when a code cell is empty). */
export interface Dialog {
  tendoituong: string;
  phanloaikhenthuong: string;
  madanhhieukhenthuong: string;
  maphanloaidoituong: string;
  linhvuchoatdong: string;
  tudong: number;
  dendong: number;
  madanhhieukhenthuong_tt: string;
  maphanloaidoituong_tt: string;
  linhvuchoatdong_tt: string;
}

/** modal_Excel.blade.php / modal_ExcelCumKhoi.blade.php text fields; the `_tt` selects stand for whatever the user picks. */
export const DEFAULT_DIALOG: Dialog = {
  tendoituong: "C",
  phanloaikhenthuong: "R",
  madanhhieukhenthuong: "S",
  maphanloaidoituong: "T",
  linhvuchoatdong: "U",
  tudong: 2,
  dendong: 200,
  madanhhieukhenthuong_tt: "<default award>",
  maphanloaidoituong_tt: "<default class>",
  linhvuchoatdong_tt: "<default field>",
};

/** One dshosothiduakhenthuong_tapthe / dshosotdktcumkhoi_tapthe row the importer would insert. */
export interface Collective {
  /** The sheet row it came from (1-based), for messages. */
  row: number;
  tentapthe: unknown;
  madanhhieukhenthuong: unknown;
  maphanloaitapthe: unknown;
  linhvuchoatdong: unknown;
}

export interface Imported {
  tapthe: Collective[];
  canhan: number;
  hogiadinh: number;
}

/** ColumnName() of app/HeThong/ThiDuaKhenThuong.php for the columns the dialogs use (A = 0). */
const columnName = (letter: string): number => {
  if (!/^[A-V]$/.test(letter)) throw new Error(`ColumnName() has no ${letter}`);
  // 'O' => 13 in the source (a slip for 14); no dialog field uses O.
  if (letter === "O") return 13;
  return letter.charCodeAt(0) - 65;
};

type Php = string | number | boolean | null;

/** The template's lookup formula, evaluated against the workbook as PhpSpreadsheet would. */
function vlookup(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, formula: string): Php {
  const m = /^VLOOKUP\(([A-Z]+)(\d+),'?([^'!]+)'?!\$A\$(\d+):\$B\$(\d+),2,0\)$/.exec(formula.replace(/^=/, ""));
  if (!m) throw new Error(`formula not emulated: ${formula}`);
  const key = cellValue(wb, ws, ws.getCell(`${m[1]}${m[2]}`));
  const table = wb.getWorksheet(m[3]);
  if (!table) return "#REF!";
  if (key === null || key === "") return "#N/A";
  for (let r = Number(m[4]); r <= Number(m[5]); r++) {
    const a = cellValue(wb, table, table.getCell(r, 1));
    if (a !== null && String(a).toLowerCase() === String(key).toLowerCase()) return cellValue(wb, table, table.getCell(r, 2));
  }
  return "#N/A";
}

/** Maatwebsite's Cell::getValue(null, calculateFormulas: true, formatData: false) on an ExcelJS cell. */
function cellValue(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): Php {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const f = "formula" in v && v.formula ? v.formula : cell.formula;
    return vlookup(wb, ws, f);
  }
  if (typeof v === "object" && "error" in v) return v.error;
  if (typeof v === "object" && "text" in v) return String(v.text);
  throw new Error(`cell ${cell.address}: value not emulated`);
}

/** `Excel::toArray(new ColectionImport(), $file)`: every sheet as 0-based rows of 0-based cells. */
export async function toArray(bytes: Uint8Array): Promise<Php[][][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const rows: Php[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: Php[] = [];
      for (let c = 1; c <= width; c++) row.push(cellValue(wb, ws, ws.getCell(r, c)));
      rows.push(row);
    }
    return rows;
  });
}

/** What the importer keeps of a file: its loop, its `isset`, its `== 'TAPTHE'`, its `??` defaults. */
export async function lifesoftImport(bytes: Uint8Array, variant: Variant, dialog: Dialog = DEFAULT_DIALOG): Promise<Imported> {
  const data = (await toArray(bytes))[0] ?? [];
  const at = (i: number, letter: string): Php | undefined => data[i]?.[columnName(letter)];
  const out: Imported = { tapthe: [], canhan: 0, hogiadinh: 0 };
  const start = variant === "NhanExcelKhenThuong" ? dialog.tudong - 1 : dialog.tudong;
  for (let i = start; i <= dialog.dendong; i++) {
    const kind = at(i, dialog.phanloaikhenthuong);
    if (kind === null || kind === undefined) continue; // !isset(...)
    if (kind === "TAPTHE") {
      out.tapthe.push({
        row: i + 1,
        tentapthe: at(i, dialog.tendoituong) ?? "",
        madanhhieukhenthuong: at(i, dialog.madanhhieukhenthuong) ?? dialog.madanhhieukhenthuong_tt,
        maphanloaitapthe: at(i, dialog.maphanloaidoituong) ?? dialog.maphanloaidoituong_tt,
        linhvuchoatdong: at(i, dialog.linhvuchoatdong) ?? dialog.linhvuchoatdong_tt,
      });
    }
    if (kind === "CANHAN") out.canhan++;
    if (kind === "HOGIADINH" && variant === "NhanExcelKhenThuong") out.hogiadinh++;
  }
  return out;
}

/** A list sheet of the template (name in A, code in B, from row 2), read from the fixture itself. */
export function templateList(wb: ExcelJS.Workbook, sheet: string): [string, string | number][] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: [string, string | number][] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const a = ws.getCell(r, 1).value;
    const b = ws.getCell(r, 2).value;
    if (a === null && b === null) continue;
    out.push([String(a), b as string | number]);
  }
  return out;
}

/** The template's cells as the importer reads them, for cross-checks (VLOOKUPs evaluated). */
export function calculated(wb: ExcelJS.Workbook, sheet: string, address: string): Php {
  const ws = wb.getWorksheet(sheet)!;
  return cellValue(wb, ws, ws.getCell(address));
}
