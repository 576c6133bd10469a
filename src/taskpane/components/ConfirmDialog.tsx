import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { TID } from "../testIds";
import { useLang } from "../lang";

/**
 * "Ghi đè?" before a save that would replace what someone else wrote: loaded only when a save asks
 * (issue #14: the first screen carries no dialog code).
 */
export function ConfirmDialog({ text, onCancel, onConfirm }: { text: string; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useLang();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          <DialogContent>{text}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} data-testid={TID.confirmCancel}>
              {t.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm} data-testid={TID.confirm}>
              {t.confirmGo}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
