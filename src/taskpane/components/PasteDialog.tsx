import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { Strings } from "../strings";
import { TID } from "../testIds";

export interface PastedMember {
  name: string;
  shortName: string;
  note?: string;
}

/** Lines pasted from Excel or Word → members. A leading STT column and a header line are skipped. */
export function parsePastedMembers(text: string): PastedMember[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split("\t").map((c) => c.trim()))
    .map((cells) => (cells.length > 1 && /^\d+[.)]?$/.test(cells[0]) ? cells.slice(1) : cells))
    .map((cells) => (cells.length === 1 ? [cells[0].replace(/^\d+[.)]\s+/, "")] : cells))
    .filter((cells) => cells[0] && !/^(stt|tên đơn vị|ten don vi)$/i.test(cells[0]))
    .map(([name, shortName = "", note = ""]) => (note ? { name, shortName, note } : { name, shortName }));
}

export function PasteDialog({ t, onApply }: { t: Strings; onApply: (members: PastedMember[], mode: "replace" | "append") => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const apply = (mode: "replace" | "append") => {
    onApply(parsePastedMembers(text), mode);
    setOpen(false);
    setText("");
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <Button appearance="secondary" onClick={() => setOpen(true)} data-testid={TID.paste}>
        {t.paste}
      </Button>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.pasteTitle}</DialogTitle>
          <DialogContent>
            <Field label={t.pasteHelp}>
              <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={10} resize="vertical" data-testid={TID.pasteText} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => setOpen(false)}>
              {t.cancel}
            </Button>
            <Button appearance="secondary" onClick={() => apply("append")} data-testid={TID.pasteAppend} disabled={!text.trim()}>
              {t.pasteAppend}
            </Button>
            <Button appearance="primary" onClick={() => apply("replace")} data-testid={TID.pasteReplace} disabled={!text.trim()}>
              {t.pasteReplace}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
