/** Formatting in one place (issue #13 "Formatting"): Vietnamese decimal comma, 2-decimal percents, NĐ 30 dates. */
import { formatDate, formatDateLong, formatNumber, formatPercent, formatTime, thresholdPhrase, thresholdSymbol } from "../../src/domain/format";

describe("format", () => {
  it("writes numbers with the decimal comma in Vietnamese and a point in English", () => {
    expect(formatNumber(2.5)).toBe("2,5");
    expect(formatNumber(2.5, "en")).toBe("2.5");
    expect(formatNumber(1234.5)).toBe("1234,5");
    expect(formatNumber(1234.5, "vi", { grouping: true })).toBe("1.234,5");
    expect(formatNumber(0.1 + 0.2)).toBe("0,3");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(95, "vi", { decimals: 2 })).toBe("95,00");
    expect(formatNumber(98.255, "vi", { maxDecimals: 2 })).toBe("98,26");
    expect(formatNumber(1234.56789, "en", { grouping: true, maxDecimals: 4 })).toBe("1,234.5679");
  });
  it("writes percents with exactly 2 decimals (DOMAIN.md §4: shares are compared at 2 decimals)", () => {
    expect(formatPercent(57.142857)).toBe("57,14");
    expect(formatPercent(50)).toBe("50,00");
    expect(formatPercent(66.666, "en")).toBe("66.67");
  });
  it("phrases thresholds", () => {
    expect(thresholdPhrase(50, ">=")).toBe("từ 50% trở lên");
    expect(thresholdPhrase(50, ">")).toBe("trên 50%");
    expect(thresholdPhrase(66.67, ">", "en")).toBe("more than 66.67%");
    expect(thresholdSymbol(80, ">=")).toBe("≥ 80%");
  });
  it("writes dates as NĐ 30/2020 Phụ lục I writes the place-and-date line", () => {
    expect(formatDate({ day: 5, month: 12, year: 2026 })).toBe("05/12/2026");
    expect(formatDateLong({ day: 5, month: 12, year: 2026 })).toBe("ngày 05 tháng 12 năm 2026");
    expect(formatDateLong({ day: 5, month: 12, year: 2026 }, "en")).toBe("5 December 2026");
    expect(formatTime(8, 5)).toBe("08:05");
  });
});
