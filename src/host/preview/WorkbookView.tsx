import { Button, Caption1, Input, makeStyles, Tab, TabList, tokens, Tooltip } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { colToLetters, parseRef } from "../addresses";
import type { MemoryHost } from "../memoryHost";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../types";

const PT_TO_PX = 4 / 3;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  toolbar: { display: "flex", gap: "8px", alignItems: "center", padding: "6px 8px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: "wrap" },
  formulaBar: { display: "grid", gridTemplateColumns: "90px 1fr", gap: "6px", padding: "4px 8px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  scroller: { flex: 1, overflow: "auto", backgroundColor: "#fff" },
  table: { borderCollapse: "collapse", tableLayout: "fixed", fontFamily: "Calibri, Carlito, 'Segoe UI', sans-serif", fontSize: "11pt" },
  head: { position: "sticky", top: 0, zIndex: 2, backgroundColor: "#f3f3f3", color: "#555", fontWeight: 400, fontSize: "9pt", border: "1px solid #d4d4d4", height: "20px" },
  rowHead: { position: "sticky", left: 0, zIndex: 1, backgroundColor: "#f3f3f3", color: "#555", fontSize: "9pt", textAlign: "center", border: "1px solid #d4d4d4", width: "40px" },
  cell: { border: "1px solid #e1e1e1", padding: "0 3px", overflow: "hidden", whiteSpace: "nowrap", cursor: "cell", verticalAlign: "bottom" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  invalid: { boxShadow: "inset 0 0 0 2px #d13438" },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, overflowX: "auto", flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const colLetter = colToLetters;

/** The top-left cell of an address such as "Khối!B6" or "'Tổng hợp'!A1:D9". */
function parseCell(a: string): { row: number; col: number } {
  const r = parseRef(a)?.rect;
  return r ? { row: r.r0, col: r.c0 } : { row: 0, col: 0 };
}

/**
 * A number as Excel shows it to a Vietnamese user (regional settings vi-VN): "98.25" → "98,25",
 * "1,234.5" → "1.234,5", "91.7%" → "91,7%". The host renders Excel's en-US text; the view swaps marks.
 */
export const viNumberText = (text: string): string => text.replace(/[.,]/g, (m) => (m === "." ? "," : "."));

/** A pasted cell: numbers as numbers (like Excel in an English locale), empty as empty, the rest as text. */
function pastedValue(v: string): string | number | null {
  const t = v.trim();
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : v;
}

function extent(sheet: SheetSnapshot): { rows: number; cols: number } {
  let rows = 20;
  let cols = 8;
  for (const c of sheet.cells) {
    rows = Math.max(rows, c.row + 3);
    cols = Math.max(cols, c.col + 2);
  }
  return { rows: Math.min(rows, 2000), cols: Math.min(cols, 60) };
}

/** Subscribes to the host: a new snapshot after each change. */
function useSnapshot(host: MemoryHost): WorkbookSnapshot {
  const [version, setVersion] = useState(0);
  useEffect(() => host.onChange(() => setVersion((v) => v + 1)), [host]);
  return useMemo(() => host.snapshot({ conditionalFormats: true }), [host, version]);
}

export interface WorkbookViewProps {
  host: MemoryHost;
  onOpenFile: (file: File) => void;
  onNew: () => void;
  onSave: () => void;
}

/** The in-memory workbook drawn as sheet tabs and cells: computed values, the formula of the selected cell. */
export function WorkbookView({ host, onOpenFile, onNew, onSave }: WorkbookViewProps) {
  const s = useStyles();
  const snap = useSnapshot(host);
  const visible = snap.sheets.filter((x) => x.visibility === "Visible");
  const [chosen, setChosen] = useState<string | null>(null);
  const [sel, setSel] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Follow the add-in: when it activates a sheet or selects a cell, show it.
  useEffect(() => {
    if (snap.selection) {
      setChosen(snap.selection.sheet);
      setSel(parseCell(snap.selection.address));
    } else if (snap.activeSheet) setChosen(snap.activeSheet);
  }, [snap.selection?.sheet, snap.selection?.address, snap.activeSheet]);

  const sheet = visible.find((x) => x.name === chosen) ?? visible.find((x) => x.name === snap.activeSheet) ?? visible[0];
  const byPos = useMemo(() => {
    const m = new Map<string, CellSnapshot>();
    for (const c of sheet?.cells ?? []) m.set(`${c.row},${c.col}`, c);
    return m;
  }, [sheet]);
  const merged = useMemo(() => {
    const covered = new Set<string>();
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    for (const m of sheet?.merges ?? []) {
      const [a, b = a] = m.split(":");
      const p = parseCell(a);
      const q = parseCell(b);
      spans.set(`${p.row},${p.col}`, { rowSpan: q.row - p.row + 1, colSpan: q.col - p.col + 1 });
      for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) if (r !== p.row || c !== p.col) covered.add(`${r},${c}`);
    }
    return { covered, spans };
  }, [sheet]);

  if (!sheet) return <div className={s.root}>—</div>;
  const { rows, cols } = extent(sheet);
  // A fixed-layout table needs its own width, or the browser squeezes the columns to fit.
  const colPx = Array.from({ length: cols }, (_, c) => Math.round((sheet.columnWidths[colLetter(c)] ?? sheet.defaultColumnWidth) * PT_TO_PX));
  const current = byPos.get(`${sel.row},${sel.col}`);
  const address = `${colLetter(sel.col)}${sel.row + 1}`;
  const shown = editing ?? (current?.formula ?? (current ? String(current.value ?? "") : ""));

  const commit = () => {
    if (editing === null) return;
    const raw = editing;
    setEditing(null);
    try {
      const n = raw.trim() !== "" && !Number.isNaN(Number(raw)) && !raw.startsWith("=") ? Number(raw) : raw;
      host.userEdit(sheet.name, address, raw === "" ? null : n);
      setProblem(null);
    } catch (e) {
      setProblem(`${address}: ${(e as Error).message}`);
    }
  };

  return (
    <div className={s.root} data-testid="workbook-view">
      <div className={s.toolbar}>
        <Caption1>
          <strong>Sổ tính trong bộ nhớ</strong> / in-memory workbook
        </Caption1>
        <Button size="small" onClick={onNew}>
          Sổ mới / New
        </Button>
        <Button size="small" onClick={() => fileInput.current?.click()}>
          Mở .xlsx… / Open
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx"
          hidden
          onChange={(e) => {
            if (e.target.files?.[0]) onOpenFile(e.target.files[0]);
            e.target.value = "";
          }}
          data-testid="open-xlsx"
        />
        <Button size="small" onClick={onSave} data-testid="save-xlsx">
          Tải .xlsx / Download
        </Button>
        {sheet.protected && <Caption1 className={s.muted}>🔒 Trang được bảo vệ / protected</Caption1>}
        {problem && <Caption1 style={{ color: tokens.colorPaletteRedForeground1 }}>{problem}</Caption1>}
      </div>
      <div className={s.formulaBar}>
        <Input size="small" readOnly value={address} aria-label="Ô / Cell" data-testid="cell-address" />
        <Input
          size="small"
          value={shown}
          aria-label="Công thức / Formula"
          data-testid="formula-bar"
          onChange={(_, d) => setEditing(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") setEditing(null);
          }}
          onBlur={commit}
        />
      </div>
      <div
        className={s.scroller}
        tabIndex={0}
        aria-label="Lưới ô: chọn một ô rồi dán (Ctrl+V) bảng từ Excel/Word / Cell grid: select a cell, then paste (Ctrl+V)"
        data-testid="grid"
        onPaste={(e) => {
          // A block copied from Excel or Word arrives as tab-separated lines: paste it at the selected cell, as Excel does.
          const text = e.clipboardData.getData("text/plain");
          if (!text) return;
          e.preventDefault();
          const rows = text.replace(/\r?\n$/, "").split(/\r?\n/).map((line) => line.split("\t").map(pastedValue));
          try {
            host.userPaste(sheet.name, address, rows);
            setProblem(null);
          } catch (err) {
            setProblem(`${address}: ${(err as Error).message}`);
          }
        }}
      >
        <table className={s.table} role="grid" aria-label={sheet.name} style={{ width: 40 + colPx.reduce((a, b) => a + b, 0) }}>
          <colgroup>
            <col style={{ width: 40 }} />
            {colPx.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={s.head} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={s.head}>
                  {colLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} style={{ height: Math.round((sheet.rowHeights[r + 1] ?? sheet.defaultRowHeight) * PT_TO_PX) }}>
                <th className={s.rowHead}>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const key = `${r},${c}`;
                  if (merged.covered.has(key)) return null;
                  const cell = byPos.get(key);
                  const f = cell?.format;
                  const cf = cell?.conditional;
                  const span = merged.spans.get(key);
                  const isSel = sel.row === r && sel.col === c;
                  const numeric = typeof cell?.value === "number";
                  const align = f && f.hAlign !== "General" ? f.hAlign.toLowerCase() : numeric ? "right" : "left";
                  const td = (
                    <td
                      key={c}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      className={`${s.cell} ${isSel ? s.selected : ""} ${cell?.invalid ? s.invalid : ""}`}
                      onClick={() => {
                        setSel({ row: r, col: c });
                        setEditing(null);
                      }}
                      data-cell={`${colLetter(c)}${r + 1}`}
                      style={{
                        fontWeight: (cf?.bold ?? f?.bold) ? 700 : undefined,
                        fontStyle: f?.italic ? "italic" : undefined,
                        color: cf?.fontColor ?? (f && f.fontColor !== "#000000" ? f.fontColor : undefined),
                        backgroundColor: cf?.fill ?? f?.fill ?? undefined,
                        fontSize: f && f.fontSize !== 11 ? `${f.fontSize}pt` : undefined,
                        fontFamily: f && f.fontName !== "Calibri" ? f.fontName : undefined,
                        textAlign: align === "center" || align === "right" || align === "left" ? align : undefined,
                        verticalAlign: f?.vAlign === "Top" ? "top" : f?.vAlign === "Center" ? "middle" : "bottom",
                        whiteSpace: f?.wrap ? "normal" : "nowrap",
                        borderTop: f?.borders.top ? "1px solid #000" : undefined,
                        borderBottom: f?.borders.bottom ? "1px solid #000" : undefined,
                        borderLeft: f?.borders.left ? "1px solid #000" : undefined,
                        borderRight: f?.borders.right ? "1px solid #000" : undefined,
                      }}
                    >
                      {numeric ? viNumberText(cell.text) : (cell?.text ?? "")}
                    </td>
                  );
                  return cell?.invalid ? (
                    <Tooltip key={c} content="Giá trị vi phạm kiểm tra dữ liệu / breaks the cell's data validation" relationship="description">
                      {td}
                    </Tooltip>
                  ) : (
                    td
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={s.tabs}>
        <TabList size="small" selectedValue={sheet.name} onTabSelect={(_, d) => setChosen(String(d.value))}>
          {visible.map((x) => (
            <Tab key={x.name} value={x.name} style={x.tabColor ? { borderBottom: `3px solid ${x.tabColor}` } : undefined}>
              {x.name}
            </Tab>
          ))}
        </TabList>
      </div>
    </div>
  );
}
