import type { Issue, Where } from "../domain/issues";
import type { ExcelHost } from "./host";
import { officeErrorToIssue } from "./errors";

/** Shows a cell to the user: activates its sheet and selects it. One round trip. */
export async function selectCell(host: ExcelHost, where: Where): Promise<Issue | null> {
  try {
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(where.sheet);
      ws.activate();
      ws.getRange(where.cell ?? "A1").select();
      await context.sync();
    });
    return null;
  } catch (e) {
    return officeErrorToIssue(e, where);
  }
}
