/** @jest-environment jsdom */
/** The shared inline "confirm before overwriting" bar (issue #14): text, the two buttons, busy and disabled. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { ConfirmBar, type ConfirmBarProps } from "../../src/taskpane/components/ConfirmBar";
import { VOTING_STRINGS } from "../../src/taskpane/votingStrings";

const vs = VOTING_STRINGS.vi;
const MESSAGE = "Trang “In phiếu V1” đã bị sửa; lập lại sẽ thay thế nó.";
const IDS = { message: "bar-message", confirm: "bar-confirm", cancel: "bar-cancel" };

function setup(props: Partial<ConfirmBarProps> = {}) {
  const onConfirm = jest.fn();
  const onCancel = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <ConfirmBar message={MESSAGE} confirmLabel={vs.printAgain} busyLabel={vs.printing} cancelLabel={vs.cancel} onConfirm={onConfirm} onCancel={onCancel} testIds={IDS} {...props} />
    </FluentProvider>,
  );
  const confirm = screen.getByTestId(IDS.confirm) as HTMLButtonElement;
  const cancel = screen.getByTestId(IDS.cancel) as HTMLButtonElement;
  return { onConfirm, onCancel, confirm, cancel };
}

describe("ConfirmBar", () => {
  it("shows what would be replaced, and the confirm and cancel labels, under the caller's test ids", () => {
    const { confirm, cancel } = setup();
    expect(screen.getByTestId(IDS.message).textContent).toContain(MESSAGE);
    expect(confirm.textContent).toBe(vs.printAgain);
    expect(cancel.textContent).toBe(vs.cancel);
    expect(confirm.disabled).toBe(false);
    expect(cancel.disabled).toBe(false);
  });

  it("calls onConfirm (only) when confirm is pressed", () => {
    const { onConfirm, onCancel, confirm } = setup();
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it("calls onCancel (only) when cancel is pressed", () => {
    const { onConfirm, onCancel, cancel } = setup();
    fireEvent.click(cancel);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("while busy, disables both buttons, shows the busy label and calls nothing", () => {
    const { onConfirm, onCancel, confirm, cancel } = setup({ busy: true });
    expect(confirm.disabled).toBe(true);
    expect(cancel.disabled).toBe(true);
    expect(confirm.textContent).toBe(vs.printing);
    fireEvent.click(confirm);
    fireEvent.click(cancel);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it("while something else runs (disabled), disables both buttons but keeps the confirm label", () => {
    const { onConfirm, confirm, cancel } = setup({ disabled: true });
    expect(confirm.disabled).toBe(true);
    expect(cancel.disabled).toBe(true);
    expect(confirm.textContent).toBe(vs.printAgain);
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  // WCAG 2.4.3 (focus order): the bar takes the place of the button that asked; focus must not fall
  // to the page's body, neither when the bar comes nor when it goes (issue #14 item 4).
  it("takes lost focus to cancel when it comes, and back to the panel's button when it goes", async () => {
    function Panel() {
      const [asking, setAsking] = useState(false);
      return (
        <section>
          {asking ? (
            <ConfirmBar message={MESSAGE} confirmLabel={vs.printAgain} cancelLabel={vs.cancel} onConfirm={() => setAsking(false)} onCancel={() => setAsking(false)} testIds={IDS} />
          ) : (
            <button type="button" data-testid="ask" onClick={() => setAsking(true)}>
              {vs.printAgain}
            </button>
          )}
        </section>
      );
    }
    render(
      <FluentProvider theme={webLightTheme}>
        <Panel />
        <input data-testid="elsewhere" />
      </FluentProvider>,
    );
    screen.getByTestId("ask").focus();
    fireEvent.click(screen.getByTestId("ask"));
    expect(document.activeElement).toBe(screen.getByTestId(IDS.cancel));
    fireEvent.click(screen.getByTestId(IDS.cancel));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(document.activeElement).toBe(screen.getByTestId("ask"));

    // Focus the user put elsewhere stays there.
    fireEvent.click(screen.getByTestId("ask"));
    screen.getByTestId("elsewhere").focus();
    fireEvent.click(screen.getByTestId(IDS.confirm));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(document.activeElement).toBe(screen.getByTestId("elsewhere"));
  });
});
