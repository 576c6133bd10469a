import { Button, makeStyles, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";

const useStyles = makeStyles({
  // No fixed widths: at 320 px the buttons wrap under each other.
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

/** Test ids of the bar's parts; each caller keeps its own, so tests and e2e find the same elements. */
export interface ConfirmBarTestIds {
  message?: string;
  confirm?: string;
  cancel?: string;
}

export interface ConfirmBarProps {
  /** What would be overwritten or replaced (already in the pane's language). */
  message: ReactNode;
  confirmLabel: string;
  /** The confirm button's text while this bar's action runs (default: `confirmLabel`). */
  busyLabel?: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** This bar's action is running: both buttons are disabled and confirm shows `busyLabel`. */
  busy?: boolean;
  /** Something else is running: both buttons are disabled. */
  disabled?: boolean;
  testIds?: ConfirmBarTestIds;
}

/**
 * The inline "confirm before overwriting" bar: a warning saying what would be replaced, then a
 * primary confirm button and a cancel button. It renders as two siblings (the warning, then the
 * buttons' row), so it takes the spacing of the panel it stands in.
 *
 * Focus (WCAG 2.4.3): the bar usually takes the place of the button that asked, so focus would fall
 * to the page's body. When the bar appears with focus lost, it goes to "cancel" (the choice that
 * changes nothing); when the bar goes and focus is lost again, it goes to the first enabled button of
 * the panel the bar stood in (the asking button, back in its place). Focus the user put elsewhere is
 * left alone.
 */
export function ConfirmBar({ message, confirmLabel, busyLabel, cancelLabel, onConfirm, onCancel, busy = false, disabled = false, testIds = {} }: ConfirmBarProps) {
  const s = useStyles();
  const off = disabled || busy;
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const cancel = cancelRef.current;
    const doc = cancel?.ownerDocument;
    const panel = cancel?.parentElement?.parentElement ?? null;
    const lost = () => !doc || !doc.activeElement || doc.activeElement === doc.body;
    if (cancel && lost()) cancel.focus();
    return () => {
      // After the panel has re-rendered without the bar.
      setTimeout(() => {
        if (!panel?.isConnected || !lost()) return;
        panel.querySelector<HTMLButtonElement>("button:not([disabled])")?.focus();
      }, 0);
    };
  }, []);
  return (
    <>
      <MessageBar intent="warning" data-testid={testIds.message}>
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
      <div className={s.actions}>
        <Button appearance="primary" disabled={off} onClick={onConfirm} data-testid={testIds.confirm}>
          {busy ? (busyLabel ?? confirmLabel) : confirmLabel}
        </Button>
        <Button ref={cancelRef} disabled={off} onClick={onCancel} data-testid={testIds.cancel}>
          {cancelLabel}
        </Button>
      </div>
    </>
  );
}
