import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { parsePastedMembers, type PastedMember } from "../../domain/bloc/paste";
import { TID } from "../testIds";
import { useLang } from "../lang";

export { parsePastedMembers, type PastedMember, type PasteResult } from "../../domain/bloc/paste";

/**
 * The paste dialog: the text is parsed as typed; lines that are not members (a bare number, a row
 * without a name) are listed by line and block applying until they are fixed or deleted.
 */
export function PasteDialog({ onApply, onClose }: { onApply: (members: PastedMember[], mode: "replace" | "append") => void; onClose: () => void }) {
  const { lang, t } = useLang();
  const [text, setText] = useState("");
  const parsed = useMemo(() => parsePastedMembers(text), [text]);
  const blocked = !text.trim() || parsed.issues.length > 0 || parsed.members.length === 0;
  const apply = (mode: "replace" | "append") => {
    if (blocked) return;
    onApply(parsed.members, mode);
    onClose();
  };
  // Opened by the form's "Dán danh sách" button (which loads this module on click: issue #14, lighter pane).
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.pasteTitle}</DialogTitle>
          <DialogContent>
            <Field
              label={t.pasteHelp}
              validationState={parsed.issues.length ? "error" : "none"}
              validationMessage={parsed.issues.length ? <span data-testid={TID.pasteIssues}>{parsed.issues.map((i) => i.message[lang]).join(" ")}</span> : undefined}
            >
              <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={10} resize="vertical" data-testid={TID.pasteText} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button appearance="secondary" onClick={() => apply("append")} data-testid={TID.pasteAppend} disabled={blocked}>
              {t.pasteAppend}
            </Button>
            <Button appearance="primary" onClick={() => apply("replace")} data-testid={TID.pasteReplace} disabled={blocked}>
              {t.pasteReplace}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
