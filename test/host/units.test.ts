import { createHash } from "node:crypto";
import { cellsToRects, colToLetters, formatRect, lettersToCol, parseAreas, parseRef, quoteSheet, sheetNeedsQuotes, subtract } from "../../src/host/addresses";
import { excelRound } from "../../src/host/excelFunctions";
import { adjustReferences, bindSheets, fromHf, killSheetInFormula, renameSheetInFormula, shiftRelative, singleReference, toHf } from "../../src/host/formulas";
import { formatValue } from "../../src/host/numberFormat";
import { agileHash, fromBase64, legacyHash, sha512, verifyPassword } from "../../src/host/passwordHash";

describe("addresses", () => {
  test("column letters", () => {
    expect([0, 25, 26, 701, 702, 16383].map(colToLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(["A", "z", "AA", "XFD", "A1"].map(lettersToCol)).toEqual([0, 25, 26, 16383, -1]);
  });

  test("parseRef and formatRect", () => {
    expect(parseRef("B3")?.rect).toEqual({ r0: 2, c0: 1, r1: 2, c1: 1 });
    expect(parseRef("$D$9:A1")?.rect).toEqual({ r0: 0, c0: 0, r1: 8, c1: 3 });
    expect(parseRef("'Tổng hợp'!A1:B2")).toEqual({ sheet: "Tổng hợp", rect: { r0: 0, c0: 0, r1: 1, c1: 1 } });
    expect(parseRef("'It''s'!C3")?.sheet).toBe("It's");
    expect(parseRef("Khối!A:C")?.rect).toEqual({ r0: 0, c0: 0, r1: 1048575, c1: 2 });
    expect(parseRef("2:4")?.rect).toEqual({ r0: 1, c0: 0, r1: 3, c1: 16383 });
    for (const bad of ["", "A", "1", "A0", "XFE1", "A1048577", "A1:B2:C3", "hello"]) expect(parseRef(bad)).toBeNull();
    expect(["A1", "A1:D9", "A:C", "2:4", "1:1048576"].map((a) => formatRect(parseRef(a)!.rect))).toEqual(["A1", "A1:D9", "A:C", "2:4", "1:1048576"]);
    expect(formatRect(parseRef("B2:C3")!.rect, true)).toBe("$B$2:$C$3");
    expect(parseAreas("A1:B2, Sheet1!D4")?.map((a) => formatRect(a.rect))).toEqual(["A1:B2", "D4"]);
  });

  test("sheet names are quoted when Excel quotes them", () => {
    expect(["Sheet1", "Khối", "Điểm_TB", "a.b"].map(sheetNeedsQuotes)).toEqual([false, false, false, false]);
    expect(["Tổng hợp", "2024", ".x", "A1", "XFD1048576", "R1C1", "R", "C", "TRUE", "x-y", "a'b"].map(sheetNeedsQuotes)).toEqual(new Array(11).fill(true));
    expect(quoteSheet("It's")).toBe("'It''s'");
  });

  test("rectangle subtraction and grouping", () => {
    const r = parseRef("A1:C3")!.rect;
    const parts = subtract(r, parseRef("B2")!.rect);
    expect(parts.reduce((n, p) => n + (p.r1 - p.r0 + 1) * (p.c1 - p.c0 + 1), 0)).toBe(8);
    expect(cellsToRects([[0, 0], [0, 1], [1, 0], [1, 1], [3, 3]]).map((x) => formatRect(x))).toEqual(["A1:B2", "D4"]);
  });
});

describe("formula text", () => {
  test("toHf quotes every sheet prefix and turns bare TRUE/FALSE into calls; fromHf reverses", () => {
    expect(toHf("=Khối!B4+IF(TRUE,1,FALSE)")).toBe("='Khối'!B4+IF(TRUE(),1,FALSE())");
    expect(fromHf("='Khối'!B4+IF(TRUE(),1,FALSE())")).toBe("=Khối!B4+IF(TRUE,1,FALSE)");
    expect(fromHf("='Tổng hợp'!A1")).toBe("='Tổng hợp'!A1");
    expect(toHf('="Khối!A1 TRUE"')).toBe('="Khối!A1 TRUE"');
  });

  test("shiftRelative moves relative parts only; off-sheet becomes #REF!", () => {
    expect(shiftRelative("=A1+$B1+C$1+$D$1", 2, 1)).toBe("=B3+$B3+D$1+$D$1");
    expect(shiftRelative("=SUM(A1:B2)*LOG10(A1)", 1, 0)).toBe("=SUM(A2:B3)*LOG10(A2)");
    expect(shiftRelative("=A1", -1, 0)).toBe("=#REF!");
    expect(shiftRelative('="A1"&A1', 1, 0)).toBe('="A1"&A2');
    expect(shiftRelative("=SUM(A:A)+SUM(1:1)", 3, 3)).toBe("=SUM(D:D)+SUM(4:4)");
  });

  test("adjustReferences after inserting and deleting rows", () => {
    const ins = { sheet: "S", axis: "row" as const, at: 4, count: 2 };
    expect(adjustReferences("=A4+A5+$A$6+SUM(A1:A10)+S!A5+T!A5", "S", ins)).toBe("=A4+A7+$A$8+SUM(A1:A12)+S!A7+T!A5");
    const del = { sheet: "S", axis: "row" as const, at: 4, count: -2 };
    expect(adjustReferences("=A4+A5+A7+SUM(A1:A10)+SUM(A5:A6)", "S", del)).toBe("=A4+#REF!+A5+SUM(A1:A8)+SUM(#REF!)");
    const band = { sheet: "S", axis: "row" as const, at: 1, count: 1, band: [1, 2] as [number, number] };
    expect(adjustReferences("=A2+B2+SUM(B1:B3)+SUM(A1:C3)", "S", band)).toBe("=A2+B3+SUM(B1:B4)+SUM(A1:C3)");
  });

  test("renameSheetInFormula and singleReference", () => {
    expect(renameSheetInFormula("=Khối!A1+'khối'!B2+X!C3", "Khối", "Khối 2")).toBe("='Khối 2'!A1+'Khối 2'!B2+X!C3");
    expect(singleReference("='Khối'!$B$4")).toEqual({ sheet: "Khối", local: "$B$4" });
    expect(singleReference("=$A$1:$B$2")).toEqual({ sheet: undefined, local: "$A$1:$B$2" });
    expect(singleReference("=A1+1")).toBeNull();
  });

  test("references bound to nothing: #REF!A1 after a deleted sheet, a missing sheet's name kept unbound", () => {
    expect(killSheetInFormula("=K!A1+SUM('k'!A1:B2)+L!C3+#REF!", "K")).toBe("=#REF!A1+SUM(#REF!A1:B2)+L!C3+#REF!");
    // "#REF!A1" reads as a dead reference: no adjustment, no rename, and HyperFormula gets a sheet that never exists.
    expect(adjustReferences("=#REF!A5+A5", "S", { sheet: "S", axis: "row", at: 0, count: 1 })).toBe("=#REF!A5+A6");
    expect(toHf("=#REF!A1")).toBe("='[#REF!]'!A1");
    expect(fromHf("='[#REF!]'!A1")).toBe("=#REF!A1");
    const bound = bindSheets("=Z!A1+Y!B2", (n) => n === "Y");
    expect(bound).toBe("='[unbound]Z'!A1+Y!B2");
    expect(fromHf(toHf(bound))).toBe("=Z!A1+'Y'!B2".replace("'Y'", "Y"));
    expect(fromHf(toHf(bound), true)).toBe("='[unbound]Z'!A1+Y!B2");
    expect(renameSheetInFormula(bound, "Y", "Z")).toBe("='[unbound]Z'!A1+Z!B2");
    expect(bindSheets("=A1+1", () => false)).toBe("=A1+1");
  });
});

describe("Excel's rounding", () => {
  test("half away from zero on 15 significant digits; num_digits truncated; out of range is NaN", () => {
    expect(excelRound(1.005, 2, "nearest")).toBe(1.01);
    expect(excelRound(-0.285, 2, "nearest")).toBe(-0.29);
    expect(excelRound(1.234, 1.9, "nearest")).toBe(1.2);
    expect(excelRound(1255, -1.9, "nearest")).toBe(1260);
    expect(excelRound(-0.0001, 2, "nearest")).toBe(0);
    expect(Object.is(excelRound(-0.0001, 2, "down"), 0)).toBe(true);
    expect(excelRound(-0.0001, 2, "up")).toBe(-0.01);
    expect(excelRound(2 / 3, 400, "nearest")).toBe(0.666666666666667);
    expect(excelRound(0.1 + 0.2, 20, "up")).toBe(0.3);
    expect(excelRound(3.7, -400, "nearest")).toBe(0);
    expect(excelRound(1e20 + 12345, -5, "nearest")).toBe(1e20);
    expect(excelRound(10 - 2 ** -49, 0, "down")).toBe(10); // the double just below 10 is 10 to 15 digits
    expect(excelRound(5e307, -308, "nearest")).toBe(1e308);
    expect(excelRound(1.7e308, -308, "up")).toBeNaN();
  });
});

describe("number formats", () => {
  test.each([
    [1234.5, "General", "1234.5"],
    [1 / 3, "General", "0.3333333333"],
    [1234.5, "#,##0.00", "1,234.50"],
    [0.256, "0.0%", "25.6%"],
    [-5, "0;(0)", "(5)"],
    [0, "0;-0;\"không\"", "không"],
    [7, "00", "07"],
    [45292, "dd/mm/yyyy", "01/01/2024"],
    [45292.5, "hh:mm", "12:00"],
    ["văn bản", "@", "văn bản"],
    [true, "General", "TRUE"],
    [3.14159, "0.00", "3.14"],
    // Literal text beside General, as Excel's custom formats allow (learn.microsoft.com/office "Review guidelines for customizing a number format": text in quotes with any code).
    [10, '"0 hoặc "General', "0 hoặc 10"],
    [2.5, '"0 hoặc "General', "0 hoặc 2.5"],
    [3, 'General" điểm"', "3 điểm"],
  ])("%p with %p -> %p", (v, f, out) => {
    expect(formatValue(v, f)).toBe(out);
  });
});

describe("password hashes", () => {
  test("sha512 matches Node's", () => {
    for (const len of [0, 1, 68, 111, 112, 128, 300]) {
      const d = new Uint8Array(len).map((_, i) => (i * 31 + 7) & 255);
      expect(Buffer.from(sha512(d)).toString("hex")).toBe(createHash("sha512").update(d).digest("hex"));
    }
  });

  test("the agile hash is Excel's algorithm (salt + UTF-16LE password, then spins with a little-endian counter)", () => {
    const salt = "c2FsdHNhbHRzYWx0c2FsdA==";
    let key = createHash("sha512").update(Buffer.concat([Buffer.from(fromBase64(salt)), Buffer.from("mật khẩu", "utf16le")])).digest();
    for (let i = 0; i < 1000; i++) {
      const it = Buffer.alloc(4);
      it.writeUInt32LE(i, 0);
      key = createHash("sha512").update(Buffer.concat([key, it])).digest();
    }
    expect(agileHash("mật khẩu", salt, 1000)).toBe(key.toString("base64"));
    expect(verifyPassword({ algorithmName: "SHA-512", saltValue: salt, spinCount: 1000, hashValue: key.toString("base64") }, "mật khẩu")).toBe(true);
    expect(verifyPassword({ algorithmName: "SHA-512", saltValue: salt, spinCount: 1000, hashValue: key.toString("base64") }, "sai")).toBe(false);
  });

  test("the legacy 16-bit hash", () => {
    expect(legacyHash("test")).toBe("CBEB");
    expect(verifyPassword({ legacy: "cbeb" }, "test")).toBe(true);
  });
});
