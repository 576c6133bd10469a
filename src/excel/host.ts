/**
 * What the door to Excel needs from its surroundings: a way to run a batch (Excel.run in Office,
 * the in-memory host in tests, the preview and the headless runner) and a way to ask which API
 * sets the running Excel supports. Only src/excel/ touches the Office JavaScript API.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** The real Excel, inside Office. Call only after Office.onReady. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}
