import { Button } from "@fluentui/react-components";
import { useRef, type ChangeEvent } from "react";
import type { Issue } from "../../domain/issues";
import { unexpected } from "./actions";

/** The bytes of a picked file (FileReader where Blob.arrayBuffer is missing). */
export function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}

export interface FilePickProps {
  label: string;
  disabled: boolean;
  appearance?: "primary" | "secondary";
  /** Test ids of the button and of the hidden input. */
  pickId: string;
  fileId: string;
  /** The hidden input's accessible name, when it needs one. */
  inputLabel?: string;
  /** A file was chosen: its name, before its bytes are read. */
  onName?: (name: string) => void;
  /** Its bytes, to preview against the workbook (nothing is written before the user confirms). */
  onFile: (bytes: Uint8Array, name: string) => void | Promise<void>;
  /** The file could not be read. */
  onUnreadable: (problem: Issue) => void;
}

/** The first step of "pick an .xlsx → preview → apply": the button, the hidden input, the bytes. */
export function FilePick({ label, disabled, appearance, pickId, fileId, inputLabel, onName, onFile, onUnreadable }: FilePickProps) {
  const input = useRef<HTMLInputElement>(null);
  const picked = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Clear the input so picking the same file again (after fixing it) fires a change.
    e.target.value = "";
    if (!file) return;
    onName?.(file.name);
    let bytes: Uint8Array;
    try {
      bytes = await fileBytes(file);
    } catch (err) {
      onUnreadable(unexpected(err));
      return;
    }
    await onFile(bytes, file.name);
  };
  return (
    <>
      <Button appearance={appearance} onClick={() => input.current?.click()} disabled={disabled} data-testid={pickId}>
        {label}
      </Button>
      <input ref={input} type="file" accept=".xlsx" hidden aria-label={inputLabel} onChange={(e) => void picked(e)} data-testid={fileId} />
    </>
  );
}
