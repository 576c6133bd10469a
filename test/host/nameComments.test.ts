// The host keeps a defined name's comment when it loads an .xlsx, as Excel does: ECMA-376 Part 1
// §18.2.5 (definedName, attribute `comment`), read back through NamedItem.comment (ExcelApi 1.4:
// https://learn.microsoft.com/javascript/api/excel/excel.nameditem#excel-excel-nameditem-comment-member).
// ExcelJS drops the attribute; the add-in relies on it to recognise its own sheets (src/excel/apply.ts).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { MemoryHost } from "../../src/host";

async function fileWithName(attrs: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Khối").getCell("A1").value = "x";
  wb.definedNames.add("'Khối'!$A$1", "BX_Thu");
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = (await zip.file("xl/workbook.xml")!.async("string")).replace('<definedName name="BX_Thu"', `<definedName name="BX_Thu"${attrs}`);
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "uint8array" });
}

describe("defined names' comments in an .xlsx", () => {
  it("are read back (escaped text and Vietnamese included)", async () => {
    const host = await MemoryHost.fromXlsx(await fileWithName(' comment="Bình xét: vùng &amp; &quot;trang&quot; #0a1b2c3d"'));
    expect(host.names().find((n) => n.name === "BX_Thu")?.comment).toBe('Bình xét: vùng & "trang" #0a1b2c3d');
  });

  it("are empty when the file has none", async () => {
    const host = await MemoryHost.fromXlsx(await fileWithName(""));
    expect(host.names().find((n) => n.name === "BX_Thu")?.comment).toBe("");
  });
});
