import type { Message } from "../issues";
import type { Rule } from "../voting/model";

/**
 * The bloc's award catalogue (DOMAIN §3), a setting kept in the workbook: emulation titles (danh
 * hiệu thi đua) and forms of reward (hình thức khen thưởng) are different kinds and never mixed;
 * every rule that varies (quota per bloc, prerequisites, the vote rule, the legal basis) is a
 * field, never a constant.
 */

/** Danh hiệu thi đua (a flag, Tập thể lao động xuất sắc) or hình thức khen thưởng (Bằng khen, Giấy khen). */
export type AwardKind = "title" | "reward";

/** Who confers it: the Government / Prime Minister, the province (UBND / its chair), a Party committee, a department. */
export const AWARD_LEVELS = ["government", "province", "party", "department"] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

export interface Prerequisites {
  /** The unit's rank must be at most this (1 = must be first); null = no rank condition. */
  maxRank: number | null;
  /** The unit's classification (band name on "Tổng hợp") must be one of these; empty = any. */
  bands: string[];
  /** The unit must be the bloc's leading unit (rank 1, not tied). */
  leading: boolean;
  /** The unit must have passed this award's vote (be elected in its final count). */
  votePassed: boolean;
  /**
   * The bloc must choose the unit explicitly: a recorded meeting decision proposing it. For titles
   * whose conditions the bloc cannot see (Tập thể lao động xuất sắc needs staff titles, DOMAIN §3):
   * never proposed automatically.
   */
  chosen: boolean;
  /**
   * The unit must have registered for this award at the start of the year (đăng ký thi đua). A
   * provincial rule, not the 2022 law's (DOMAIN §1, setting): on by default for the emulation titles.
   * Checked only when the workbook has a registration list.
   */
  registered: boolean;
}

export interface Award {
  /** A short, stable id: "co-cp", "co-tinh", "tt-ldxs", "bk-ttg", "bk-tinh", "bk-tu", "giay-khen", or a custom one. */
  id: string;
  /** As printed: "Cờ thi đua của UBND tỉnh". */
  name: string;
  kind: AwardKind;
  level: AwardLevel;
  /** 1 = considered first (highest); equal priorities are ordered by id. */
  priority: number;
  /** How many the bloc may propose; null = no quota. */
  quota: number | null;
  /**
   * At most this percent of the bloc's units meeting the prerequisites; null = none. A bloc's own
   * cap: the Government flag's 20% is over all blocs' leading units of the province (CV
   * 5007/BNV-TĐKT 2023), applied by the province, so it is not set by default.
   */
  percentCap: number | null;
  prerequisites: Prerequisites;
  /**
   * One achievement, one reward (Luật Thi đua, khen thưởng 2022 Đ5): awards that set this exclude
   * each other, titles and rewards alike; a unit gets only the one of highest priority (the
   * catalogue's declared precedence). Awards without it neither exclude nor are excluded.
   */
  excludesLower: boolean;
  /** The passing rule of its vote (as on the vote), shown in the reasons; null when no vote is needed. */
  voteRule: Rule | null;
  /** The rule its conditions follow, in words ("Luật TĐKT 2022 Điều 26: …"), printed in every reason for this award; editable. */
  ruleNote: string;
  /** Editable text printed on the documents: "Nghị định số 152/2025/NĐ-CP …". Never hard-coded elsewhere. */
  legalBasis: string;
  /** Custom entries the bloc added. */
  custom: boolean;
}

export interface Catalogue {
  awards: Award[];
}

/** A unit's standing as the ranking gives it (from "Tổng hợp"). */
export interface Standing {
  unit: string;
  total: number | null;
  rank: number | null;
  band: string;
  leading: boolean;
}

/** A final vote count for an award (the last round), by the award's name or id. */
export interface AwardVote {
  /** The award's name as on the vote ("Cờ thi đua của UBND tỉnh"), matched to the catalogue by name key or id. */
  award: string;
  voteId: string;
  /** Final: no revote or meeting decision pending, no errors. */
  final: boolean;
  elected: string[];
  /** Per candidate: votes, percent (2 decimals) and whether the rule was met. */
  candidates: { name: string; votes: number; percent: number; passes: boolean }[];
  /** The rule's denominator value (e.g. 8 members). */
  denominator: number;
  /** The passing rule in words, for the reasons. */
  ruleText: Message;
  /** The rule the vote actually applied (it may differ from the catalogue's); the reasons quote it. */
  rule?: Rule;
}

/** A decision of the meeting overriding the engine for one unit and award, with its reason (printed in the minutes). */
export interface Override {
  unit: string;
  award: string;
  include: boolean;
  reason: string;
}

export interface Proposal {
  unit: string;
  awardId: string;
  award: string;
  kind: AwardKind;
  /** In the proposed list. */
  proposed: boolean;
  /** Why in or out, in order (every failed condition is listed). */
  reasons: Message[];
  /** Set when a recorded override decided it. */
  override: Override | null;
  total: number | null;
  rank: number | null;
  band: string;
  /** From the award's vote, when there is one. */
  votes: number | null;
  denominator: number | null;
  percent: number | null;
  voteId: string | null;
}
