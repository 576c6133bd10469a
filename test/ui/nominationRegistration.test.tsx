/** @jest-environment jsdom */
// The pane's list shows the engine's "not registered" reason (issue #12 point 1; DOMAIN.md §1, setting:
// an unregistered unit is not considered for a title), in either language, and the unit stays out.
import { render, screen, within } from "@testing-library/react";
import { defaultCatalogue } from "../../src/domain/nomination/catalogue";
import { nominate } from "../../src/domain/nomination/engine";
import { NominationList } from "../../src/taskpane/components/NominationList";
import { NOMINATION_TID as N } from "../../src/taskpane/components/NominationStep";
import { LangProvider } from "../../src/taskpane/lang";

const [SCT, SXD] = ["Sở Công Thương", "Sở Xây dựng"];
const out = nominate({
  catalogue: defaultCatalogue(),
  standings: [
    { unit: SCT, total: 98, rank: 1, band: "Hoàn thành xuất sắc nhiệm vụ", leading: true },
    { unit: SXD, total: 95, rank: 2, band: "Hoàn thành xuất sắc nhiệm vụ", leading: false },
  ],
  votes: [{ award: "Cờ thi đua của UBND tỉnh", voteId: "V1", final: true, elected: [SCT], candidates: [{ name: SCT, votes: 2, percent: 100, passes: true }], denominator: 2, ruleText: { vi: "", en: "" } }],
  overrides: [],
  registrations: [{ unit: SXD, awards: ["co-tinh"] }],
});

describe("the nomination list: a unit that did not register", () => {
  it.each([
    ["vi", /^Chưa đăng ký thi đua danh hiệu này \(/],
    ["en", /^Not registered for this title \(/],
  ] as const)("shows the reason (%s) and leaves it out", (lang, reason) => {
    render(
      <LangProvider lang={lang}>
        <NominationList proposals={out.proposals} disabled={false} onAdjust={() => undefined} />
      </LangProvider>,
    );
    const first = within(screen.getByTestId(N.reasonOf("co-tinh", 0)));
    expect(first.getByText(SCT)).toBeTruthy();
    expect(first.getByText(reason)).toBeTruthy();
    expect(out.list.map((p) => p.unit)).not.toContain(SCT);
  });
});
