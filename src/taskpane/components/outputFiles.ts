import { useState } from "react";
import type { OutputFile } from "../../app/nomination";
import type { Issue } from "../../domain/issues";
import type { DeliverResult } from "../download";
import { useLang } from "../lang";
import type { PaneReport } from "./actions";
import { deliverEvery, deliverOne } from "./NominationFiles";

/** What a step's "produce the files" returns. */
export type Produced = { ok: true; files: OutputFile[]; issues: Issue[] } | { ok: false; issues: Issue[] };

export interface OutputFilesOptions {
  /** The .zip's name before its year. */
  zipBase: string;
  year: number | undefined;
  /** Makes the files from the workbook (the step's `produce…` of src/app). */
  make: () => Promise<Produced>;
  texts: { produced: (n: number) => string; notProduced: string };
  /** The step's action runner (useSectionActions), with its "output" section. */
  run: (what: "produce" | "deliver", section: "output", action: () => Promise<PaneReport<"output"> | null>) => Promise<void>;
}

/**
 * A step's produced files and their deliveries (the start and nomination steps): files made from an
 * earlier read go stale when the workbook changes; "Tải tất cả" is one .zip named `<zipBase>-<year>`.
 */
export function useOutputFiles({ zipBase, year, make, texts, run }: OutputFilesOptions) {
  const { lang } = useLang();
  const [files, setFiles] = useState<OutputFile[] | null>(null);
  const [results, setResults] = useState<Record<string, DeliverResult>>({});
  const [stale, setStale] = useState(false);

  /** Files made from an earlier read no longer match the workbook. */
  const drop = () => {
    if (files) setStale(true);
    setFiles(null);
    setResults({});
  };

  /** Keeps what a production made; false (and no files) when it refused. */
  const keep = (out: Produced): out is Extract<Produced, { ok: true }> => {
    if (!out.ok) {
      setFiles(null);
      return false;
    }
    setFiles(out.files);
    setResults({});
    setStale(false);
    return true;
  };

  const deliver = async (f: OutputFile) => {
    const r = await deliverOne(f);
    setResults((x) => ({ ...x, [f.name]: r }));
  };

  /** Delivers every file; what to say about it. */
  const deliverAll = async () => {
    const o = await deliverEvery(files ?? [], zipBase, year, lang);
    setResults((x) => ({ ...x, ...o.results }));
    return { intent: o.intent, text: o.text };
  };

  const actions = {
    produce: () =>
      run("produce", "output", async () => {
        const out = await make();
        return keep(out) ? { section: "output", intent: "success", text: texts.produced(out.files.length), issues: out.issues } : { section: "output", intent: "error", text: texts.notProduced, issues: out.issues };
      }),
    deliver: (f: OutputFile) =>
      run("deliver", "output", async () => {
        await deliver(f);
        return null;
      }),
    deliverAll: () => run("deliver", "output", async () => ({ section: "output", ...(await deliverAll()), issues: [] })),
  };

  return { files, results, stale, drop, ...actions };
}
