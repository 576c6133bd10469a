import { formatNumber } from "../../domain/format";
import {
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import {  useState } from "react";
import type { CollectChange, CollectField, CollectPreview, PreviewResult } from "../../app/collect";
import type { Issue, Where } from "../../domain/issues";
import {  type Lang } from "../strings";
import { IssueList } from "./IssueList";
import { useLang } from "../lang";
import { useAction } from "./actions";
import { FilePick } from "./FilePick";

/** Test ids of this panel (the shared testIds.ts is not this feature's to edit). */
export const COLLECT_TID = {
  pick: "collect-pick",
  file: "collect-file",
  status: "collect-status",
  unit: "collect-unit",
  sheet: "collect-sheet",
  changes: "collect-changes",
  change: (i: number) => `collect-change-${i}`,
  changePick: (i: number) => `collect-change-pick-${i}`,
  picked: "collect-picked",
  apply: "collect-apply",
  cancel: "collect-cancel",
  reread: "collect-reread",
} as const;

const FIELDS_VI: Record<CollectField, string> = { self: "Tự chấm", review: "Khối thẩm định", agreed: "Điểm thống nhất", evidence: "Minh chứng", note: "Ghi chú" };
const FIELDS_EN: Record<CollectField, string> = { self: "Self-score", review: "Bloc review", agreed: "Agreed", evidence: "Evidence", note: "Note" };

const vi = {
  title: "Nhận bảng điểm của đơn vị",
  pick: "Nhận bảng điểm của đơn vị (.xlsx)",
  help: "Chọn tệp .xlsx đơn vị gửi về (bản sao bảng tính của khối, hoặc chỉ trang chấm điểm của đơn vị). Add-in chỉ ghi vào bảng tính sau khi bạn xác nhận.",
  reading: (file: string) => `Đang đọc “${file}”…`,
  fileLabel: "Tệp",
  unit: "Đơn vị",
  sheet: "Ghi vào trang",
  changes: (n: number) => `${n} ô sẽ thay đổi`,
  colPick: "Ghi",
  colCriterion: "Tiêu chí",
  colField: "Cột",
  colChange: "Hiện có → Trong tệp",
  fields: FIELDS_VI,
  empty: "(trống)",
  blocColumns: "Cột của khối (thẩm định, thống nhất) chỉ được ghi khi bạn đánh dấu.",
  apply: "Ghi vào bảng tính",
  picked: (n: number, of: number) => `Đã chọn ${n}/${of} ô để ghi.`,
  applying: "Đang ghi…",
  cancel: "Huỷ",
  reread: "Đọc lại tệp",
  applied: (n: number, sheet: string) => `Đã ghi ${n} ô vào trang “${sheet}”.`,
  rejected: "Không nhận được tệp này: xem lý do bên dưới.",
  nothing: "Không có gì để ghi.",
  notApplied: "Chưa ghi gì: xem lý do bên dưới.",
};
type CollectStrings = typeof vi;
const en: CollectStrings = {
  title: "Import a unit's score file",
  pick: "Import a unit's score file (.xlsx)",
  help: "Pick the .xlsx a unit sent back (a copy of the bloc's workbook, or just the unit's score sheet). The add-in writes to the workbook only after you confirm.",
  reading: (file) => `Reading “${file}”…`,
  fileLabel: "File",
  unit: "Unit",
  sheet: "Target sheet",
  changes: (n) => `${n} cells would change`,
  colPick: "Write",
  colCriterion: "Criterion",
  colField: "Column",
  colChange: "Now → In the file",
  fields: FIELDS_EN,
  empty: "(empty)",
  blocColumns: "The bloc's columns (review, agreed) are written only if you tick them.",
  apply: "Write to workbook",
  picked: (n, of) => `${n} of ${of} cells selected to write.`,
  applying: "Writing…",
  cancel: "Cancel",
  reread: "Read the file again",
  applied: (n, sheet) => `Wrote ${n} cells to sheet “${sheet}”.`,
  rejected: "This file was not taken: see why below.",
  nothing: "Nothing to write.",
  notApplied: "Nothing was written: see why below.",
};
export const COLLECT_STRINGS: Record<Lang, CollectStrings> = { vi, en };

const MEMBER_FIELDS: readonly CollectField[] = ["self", "evidence", "note"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  help: { color: tokens.colorNeutralForeground3 },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "8px", rowGap: "2px", margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0, fontWeight: tokens.fontWeightSemibold, minWidth: 0, overflowWrap: "anywhere" },
  table: { tableLayout: "auto", width: "100%" },
  pickCell: { width: "32px" },
  value: { overflowWrap: "anywhere" },
  from: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

type Banner = { intent: "info" | "success" | "warning" | "error"; text: string } | null;

export interface CollectPanelProps {
  /** Reads the picked file against this workbook (the parent wires `previewMemberFile`); writes nothing. */
  onPreview: (bytes: Uint8Array) => Promise<PreviewResult>;
  /** Writes the preview's changes (those the secretary kept); the parent wires `applyMemberFile`. */
  onApply: (preview: CollectPreview) => Promise<{ ok: boolean; issues: Issue[] }>;
  onSelect?: (where: Where) => void;
}

function show(v: unknown, lang: Lang, t: CollectStrings): { text: string; full: string } {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return { text: t.empty, full: t.empty };
  const full = typeof v === "number" ? formatNumber(v, lang, { grouping: true, maxDecimals: 4 }) : String(v);
  return { text: full.length > 40 ? `${full.slice(0, 39)}…` : full, full };
}

/** Import a member unit's filled score file: pick, preview what would change, confirm, write. */
export function CollectPanel({ onPreview, onApply, onSelect }: CollectPanelProps) {
  const { lang } = useLang();
  const s = useStyles();
  const t = COLLECT_STRINGS[lang];
  const { busy, run } = useAction<"reading" | "applying">();
  const [fileName, setFileName] = useState("");
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [preview, setPreview] = useState<CollectPreview | null>(null);
  const [picked, setPicked] = useState<boolean[]>([]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [banner, setBanner] = useState<Banner>(null);

  const reset = () => {
    setPreview(null);
    setPicked([]);
    setIssues([]);
    setBanner(null);
  };

  const failed = (problem: Issue) => setBanner({ intent: "error", text: problem.message[lang] });

  const runPreview = (data: Uint8Array) => {
    reset();
    return run(
      "reading",
      async () => {
        const r = await onPreview(data);
        if (r.kind === "preview") {
          setPreview(r);
          setPicked(r.changes.map((c) => MEMBER_FIELDS.includes(c.field)));
          setIssues(r.issues);
          if (r.changes.length === 0) setBanner({ intent: "info", text: t.nothing });
        } else {
          setIssues(r.issues);
          setBanner({ intent: "error", text: t.rejected });
        }
      },
      failed,
    );
  };

  const chosen: CollectChange[] = preview ? preview.changes.filter((_, i) => picked[i]) : [];

  const apply = async () => {
    if (!preview || chosen.length === 0) return;
    await run(
      "applying",
      async () => {
        const r = await onApply({ ...preview, changes: chosen });
        if (r.ok) {
          const sheet = preview.sheet;
          setPreview(null);
          setPicked([]);
          setIssues(r.issues);
          setBanner({ intent: "success", text: t.applied(chosen.length, sheet) });
        } else {
          setIssues(r.issues);
          setBanner({ intent: "error", text: t.notApplied });
        }
      },
      failed,
    );
  };

  const cancel = () => {
    reset();
    setBytes(null);
    setFileName("");
  };

  const hasBlocColumns = !!preview?.changes.some((c) => !MEMBER_FIELDS.includes(c.field));

  return (
    <section className={s.root} aria-label={t.title}>
      <Subtitle2>{t.title}</Subtitle2>
      <Caption1 className={s.help}>{t.help}</Caption1>
      <div className={s.actions}>
        <FilePick
          label={t.pick}
          appearance="primary"
          disabled={busy !== null}
          pickId={COLLECT_TID.pick}
          fileId={COLLECT_TID.file}
          onName={setFileName}
          onUnreadable={(problem) => {
            reset();
            failed(problem);
          }}
          onFile={async (data) => {
            setBytes(data);
            await runPreview(data);
          }}
        />
      </div>
      {busy === "reading" && <Spinner size="tiny" label={t.reading(fileName)} />}
      {banner && (
        <MessageBar intent={banner.intent} data-testid={COLLECT_TID.status}>
          <MessageBarBody>{banner.text}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <>
          <dl className={s.facts}>
            {fileName && (
              <>
                <dt className={s.term}>{t.fileLabel}</dt>
                <dd className={s.def}>{fileName}</dd>
              </>
            )}
            <dt className={s.term}>{t.unit}</dt>
            <dd className={s.def} data-testid={COLLECT_TID.unit}>
              {preview.unit}
            </dd>
            <dt className={s.term}>{t.sheet}</dt>
            <dd className={s.def} data-testid={COLLECT_TID.sheet}>
              {preview.sheet}
            </dd>
          </dl>
          {preview.changes.length > 0 && (
            <>
              <Caption1>{t.changes(preview.changes.length)}</Caption1>
              <Table size="extra-small" className={s.table} aria-label={t.changes(preview.changes.length)} data-testid={COLLECT_TID.changes}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={s.pickCell}>{t.colPick}</TableHeaderCell>
                    <TableHeaderCell>{t.colCriterion}</TableHeaderCell>
                    <TableHeaderCell>{t.colField}</TableHeaderCell>
                    <TableHeaderCell>{t.colChange}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {preview.changes.map((c, i) => {
                    const from = show(c.from, lang, t);
                    const to = show(c.to, lang, t);
                    return (
                      <TableRow key={`${c.cell}-${c.field}`} data-testid={COLLECT_TID.change(i)}>
                        <TableCell className={s.pickCell}>
                          <Checkbox
                            checked={!!picked[i]}
                            onChange={(_, d) => setPicked((p) => p.map((x, k) => (k === i ? !!d.checked : x)))}
                            aria-label={`${t.colPick} ${c.number} ${t.fields[c.field]}`}
                            data-testid={COLLECT_TID.changePick(i)}
                          />
                        </TableCell>
                        <TableCell title={c.text}>{c.number}</TableCell>
                        <TableCell>{t.fields[c.field]}</TableCell>
                        <TableCell className={s.value}>
                          <span className={s.from} title={from.full}>
                            {from.text}
                          </span>
                          {" → "}
                          <span title={to.full}>{to.text}</span>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
              <Caption1 data-testid={COLLECT_TID.picked}>{t.picked(chosen.length, preview.changes.length)}</Caption1>
              {hasBlocColumns && <Caption1 className={s.help}>{t.blocColumns}</Caption1>}
            </>
          )}
          <div className={s.actions}>
            <Button appearance="primary" onClick={() => void apply()} disabled={busy !== null || chosen.length === 0} data-testid={COLLECT_TID.apply}>
              {busy === "applying" ? t.applying : t.apply}
            </Button>
            <Button appearance="secondary" onClick={cancel} disabled={busy !== null} data-testid={COLLECT_TID.cancel}>
              {t.cancel}
            </Button>
            {bytes && issues.some((i) => i.code.startsWith("collect.changedSince")) && (
              <Button appearance="secondary" onClick={() => void runPreview(bytes)} disabled={busy !== null} data-testid={COLLECT_TID.reread}>
                {t.reread}
              </Button>
            )}
          </div>
        </>
      )}
      <IssueList issues={issues} onSelect={onSelect} />
    </section>
  );
}
