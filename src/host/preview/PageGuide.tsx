/**
 * The published page's short guide (issue #14 "A page for blocs whose Excel cannot load add-ins"):
 * what the page is, that nothing leaves the browser, the round trip through any Excel, and that
 * the sheet drawn here is for viewing only.
 */
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  guide: { padding: "8px 12px", borderBottom: "1px solid #d1d1d1", background: "#f5f9ff", fontSize: "13px", lineHeight: "1.45" },
  summary: { cursor: "pointer", fontWeight: 600 },
  list: { margin: "6px 0", paddingLeft: "20px" },
});

export function PageGuide() {
  const s = useStyles();
  return (
    <details className={s.guide} open data-testid="page-guide">
      <summary className={s.summary}>Bình xét thi đua — dùng không cần add-in / without the add-in</summary>
      <p>
        Cho khối có Excel 2010–2016 hoặc WPS (không nạp được add-in). Mọi việc diễn ra trong trình duyệt này; không dữ liệu nào rời
        máy. / For blocs whose Excel (2010–2016, WPS) cannot load add-ins. Everything happens in this browser; no data leaves it.
      </p>
      <ol className={s.list}>
        <li>Mở bảng tính năm trước hoặc của khối (“Mở .xlsx…”), hoặc bấm “Sổ mới”. / Open last year’s or the bloc’s workbook, or start a new one.</li>
        <li>Làm các bước ở ngăn bên trái. / Do the steps in the pane on the left.</li>
        <li>Bấm “Tải .xlsx” để lưu bảng tính về máy. / Download the workbook.</li>
        <li>Nhập điểm, phiếu trong Excel bất kỳ: công thức vẫn tính. / Fill in scores and ballots in any Excel: the formulas work there.</li>
        <li>Mở lại tệp ở đây để làm bước tiếp. / Open it here again for the next step.</li>
      </ol>
      <p>
        Bảng tính bên phải chỉ để xem, không gõ vào ô được. Giấy phép: <a href="LICENSE.txt">GPL-3.0</a> (trang gói kèm HyperFormula). /
        The sheet on the right is view-only. Licence: GPL-3.0 (the page bundles HyperFormula).
      </p>
    </details>
  );
}
