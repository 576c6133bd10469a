import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";

/**
 * The step tabs: a plain WAI-ARIA tab list (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/), with
 * automatic activation and a roving tabindex. Not Fluent's TabList: its arrow-key mover (Tabster)
 * puts two focusable `aria-hidden` placeholders around the tabs, which axe-core reports as serious
 * `aria-hidden-focus` (WCAG 4.1.2; issue #14 item 4; microsoft/fluentui#27517, "by design").
 * At 320 px the five tabs wrap onto a second line instead of being cut ("Đề nghị" showed as "Đề ng").
 */
const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", columnGap: "2px", rowGap: "2px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    position: "relative",
    border: "none",
    background: "none",
    cursor: "pointer",
    padding: "6px 8px",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "nowrap",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { content: '""', position: "absolute", left: "8px", right: "8px", bottom: "0", height: "3px", borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorCompoundBrandStroke },
  },
});

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

export function StepTabs<T extends string>({ tabs, selected, onSelect, label }: StepTabsProps<T>) {
  const s = useStyles();
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
    <div role="tablist" aria-label={label} className={s.list}>
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
            className={mergeClasses(s.tab, on && s.selected)}
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
