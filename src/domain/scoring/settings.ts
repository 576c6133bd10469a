import { z } from "zod";

/** Which entry counts (DOMAIN §2: the reviewed score counts, not the self-score, in most provinces). */
export const STAGES = ["self", "review", "agreed", "reviewOrSelf"] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, { vi: string; en: string }> = {
  self: { vi: "Tự chấm", en: "Self-score" },
  review: { vi: "Khối thẩm định", en: "Review" },
  agreed: { vi: "Điểm thống nhất", en: "Agreed" },
  reviewOrSelf: { vi: "Thẩm định (trống thì lấy tự chấm)", en: "Review, else self-score" },
};

/**
 * One tie-breaker, applied in order after the total: a content section's subtotal (higher wins),
 * the penalty (fewer wins), the bonus (higher wins), a named criterion's points (higher wins: Cần
 * Thơ KH 157/2025 breaks ties on a named indicator, then "bỏ phiếu để thống nhất"). After the last,
 * equal units stay tied and the meeting decides: never row order.
 */
export type TieBreaker = { by: "section"; section: number } | { by: "penalty" } | { by: "bonus" } | { by: "criterion"; id: string };

/**
 * A classification band: a total from `min` (inclusive) and, optionally, no content leaf under
 * `floorPercent` of its max, and (`noZero`) no content leaf scored 0 (a class floor of real 2025
 * texts, DOMAIN §2: "no criterion scored 0").
 */
export interface Band {
  label: string;
  min: number;
  floorPercent: number | null;
  noZero?: boolean;
}

export interface ScoringSettings {
  stage: Stage;
  tieBreakers: TieBreaker[];
  /** Highest first; a unit gets the first band it qualifies for, else `fallbackBand`. */
  bands: Band[];
  fallbackBand: string;
  /** A review that differs from the self-score by more than this many points is a "large gap" warning. */
  largeGap: number;
}

export const TieBreakerSchema = z.union([
  z.object({ by: z.literal("section"), section: z.number().int().min(0) }).strict(),
  z.object({ by: z.literal("penalty") }).strict(),
  z.object({ by: z.literal("bonus") }).strict(),
  z.object({ by: z.literal("criterion"), id: z.string().min(1).max(64) }).strict(),
]);

export const ScoringSettingsSchema = z
  .object({
    stage: z.enum(STAGES),
    tieBreakers: z.array(TieBreakerSchema).max(6),
    bands: z.array(z.object({ label: z.string().min(1).max(100), min: z.number().finite(), floorPercent: z.number().min(0).max(100).nullable(), noZero: z.boolean().optional() }).strict()).max(8),
    fallbackBand: z.string().min(1).max(100),
    largeGap: z.number().min(0),
  })
  .strict();

/** Nghệ An 2025 draft bands (DOMAIN §2), on a 100-point scale; scaled for other scales. */
export function defaultSettings(scale = 100): ScoringSettings {
  const k = scale / 100;
  return {
    stage: "reviewOrSelf",
    tieBreakers: [{ by: "section", section: 0 }, { by: "penalty" }, { by: "bonus" }],
    bands: [
      { label: "Hoàn thành xuất sắc nhiệm vụ", min: 90 * k, floorPercent: 85 },
      { label: "Hoàn thành tốt nhiệm vụ", min: 80 * k, floorPercent: 80 },
      { label: "Hoàn thành nhiệm vụ", min: 70 * k, floorPercent: 70 },
    ],
    fallbackBand: "Không hoàn thành nhiệm vụ",
    largeGap: 5 * k,
  };
}
