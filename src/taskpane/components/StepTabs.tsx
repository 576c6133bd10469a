import { useRef, type KeyboardEvent } from "react";

export interface StepTab<T extends string> {
  value: T;
  label: string;
  testId: string;
}

export interface StepTabsProps<T extends string> {
  tabs: readonly StepTab<T>[];
  selected: T;
  onSelect: (value: T) => void;
  label?: string;
}

/**
 * The step tabs: a plain WAI-ARIA tab list (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/), with
 * automatic activation and a roving tabindex. Not Fluent's TabList: its arrow-key mover (Tabster)
 * puts two focusable `aria-hidden` placeholders around the tabs, which axe-core reports as serious
 * `aria-hidden-focus` (WCAG 4.1.2; issue #14 item 4; microsoft/fluentui#27517, "by design").
 * At 320 px the five tabs wrap onto a second line instead of being cut ("Đề nghị" showed as "Đề ng").
 * Styles: bx-tabs, bx-tab, bx-tab-on in src/taskpane/paneCss.ts (no makeStyles on the first screen).
 */
export function StepTabs<T extends string>({ tabs, selected, onSelect, label }: StepTabsProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const last = tabs.length - 1;
    const to = e.key === "ArrowRight" ? (i === last ? 0 : i + 1) : e.key === "ArrowLeft" ? (i === 0 ? last : i - 1) : e.key === "Home" ? 0 : e.key === "End" ? last : null;
    if (to === null) return;
    e.preventDefault();
    refs.current[to]?.focus();
    onSelect(tabs[to].value);
  };
  return (
    <div role="tablist" aria-label={label} className="bx-tabs">
      {tabs.map((tab, i) => {
        const on = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            aria-selected={on}
            tabIndex={on ? 0 : -1}
            className={on ? "bx-tab bx-tab-on" : "bx-tab"}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => onKey(e, i)}
            data-testid={tab.testId}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
