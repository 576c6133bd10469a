import { formatDate, formatDateLong, formatTime, type DayParts } from "../format";
import { cleanText } from "../text";

/**
 * The words of the NĐ 30/2020/NĐ-CP blocks every document shares (DOMAIN §5): the heading
 * (issuing body, national title and motto, number and symbol, place and date), the signature
 * hints, the "Nơi nhận" recipients.
 */

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
/** The short rule under the issuing body, under a title; the longer one under the motto. */
export const RULE = "————";
export const MOTTO_RULE = "————————";
/** What is left to fill in by hand. */
export const DOTS = "……";
export const NAME_DOTS = "…………………………";
export const SIGN_HINT = "(Ký, ghi rõ họ tên)";
export const SIGN_STAMP_HINT = "(Ký, ghi rõ họ tên, đóng dấu)";
export const LEADER_TITLE = "TRƯỞNG KHỐI";
export const RECIPIENTS_LABEL = "Nơi nhận:";

const pad2 = (n: number) => String(Math.trunc(n)).padStart(2, "0");
/** "02" for counts under 10, as administrative documents write them. */
export const count2 = (n: number): string => (n < 10 ? pad2(n) : String(n));
export const upper = (s: string): string => cleanText(s).toLocaleUpperCase("vi");
/** "tỉnh Bắc Ninh"; a name that already says "tỉnh …" or "thành phố …" is kept. */
export const provinceName = (p: string): string => (/^(tỉnh|thành phố|tp\.?)\s/i.test(cleanText(p)) ? cleanText(p) : `tỉnh ${cleanText(p)}`);

/** "Bắc Ninh, ngày 05 tháng 12 năm 2026": the place-and-date line. */
export const placeDate = (place: string, at: DayParts): string => `${cleanText(place)}, ${formatDateLong(at)}`;

/** A document's number with its symbol: "12/TTr-KTĐ" from "12", a full "05/TTr-KVX" kept, dots when empty. */
export function symbolNumber(typed: string | undefined, symbol: string): string {
  const n = cleanText(typed ?? "");
  return n ? (n.includes("/") ? n : `${n}/${symbol}`) : `${DOTS}/${symbol}`;
}

/** "Số: 12/TTr-KTĐ" (the heading's number line). */
export const numberLine = (typed: string | undefined, symbol: string): string => `Số: ${symbolNumber(typed, symbol)}`;

/** The date of a numbered document when it has a number ("05/12/2026"), dots otherwise. */
export const numberedDate = (typed: string | undefined, at: DayParts): string => (cleanText(typed ?? "") ? formatDate(at) : DOTS);

/** "08 giờ 30 phút": a clock time as the minutes write it (after "hồi"). */
export function clockText(hour: number, minute: number): string {
  const [hh, mm] = formatTime(hour, minute).split(":");
  return `${hh} giờ ${mm} phút`;
}
