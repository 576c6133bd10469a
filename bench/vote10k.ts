/**
 * `npx tsx bench/vote10k.ts`: only the add-in's largest vote (10,000 ballots × 60 candidates,
 * entered twice, counted, minuted), measured as `npm run bench` measures it. The full bench runs
 * this too; this script gives the figures without the hour the rest takes.
 */
import type { BlocDraft } from "../src/domain/bloc/bloc";
import { MemoryHost } from "../src/host";
import { useOfficeJsClient } from "../src/host/officejs/node";
import { benchVoteActions } from "./voting";

useOfficeJsClient();

function draft(n: number): BlocDraft {
  const members = Array.from({ length: n }, (_, i) => ({ name: `Sở thành viên số ${i + 1} của khối thi đua`, shortName: `S${i + 1}` }));
  return { name: "Khối thi đua các sở, ngành Kinh tế - Kỹ thuật", province: "Nam Định", year: 2026, leader: members[0].name, deputies: [members[1].name], members };
}

const rows: string[][] = [["action", "size", "syncs", "office.js max request", "office.js max response", "request bytes", "response bytes", "ms"]];
async function measure(action: string, size: string, host: MemoryHost, fn: () => Promise<unknown>) {
  host.resetStats();
  const t0 = performance.now();
  await fn();
  const s = host.stats;
  rows.push([action, size, String(s.syncs), String(s.maxRequestBytes), String(s.maxResponseBytes), String(s.requestBytes), String(s.responseBytes), (performance.now() - t0).toFixed(1)]);
  console.log(rows[rows.length - 1].join("  "));
}

benchVoteActions(measure, draft, () => rows[rows.length - 1], 60, 10_000)
  .then((lines) => {
    for (const l of lines) console.log(l);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
