/** Colours as Excel takes them ("#RGB", "#RRGGBB" or an HTML colour name) and returns them ("#RRGGBB"). */
import { invalidArgument } from "./errors";

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  maroon: "#800000",
  navy: "#000080",
  olive: "#808000",
  teal: "#008080",
  lime: "#00FF00",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
  pink: "#FFC0CB",
  brown: "#A52A2A",
  gold: "#FFD700",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  darkgrey: "#A9A9A9",
  lightblue: "#ADD8E6",
  lightgreen: "#90EE90",
  lightyellow: "#FFFFE0",
  darkblue: "#00008B",
  darkgreen: "#006400",
  darkred: "#8B0000",
  orangered: "#FF4500",
  salmon: "#FA8072",
  beige: "#F5F5DC",
  ivory: "#FFFFF0",
  khaki: "#F0E68C",
  lavender: "#E6E6FA",
  coral: "#FF7F50",
  tomato: "#FF6347",
  violet: "#EE82EE",
  indigo: "#4B0082",
  crimson: "#DC143C",
  chocolate: "#D2691E",
  tan: "#D2B48C",
  whitesmoke: "#F5F5F5",
  gainsboro: "#DCDCDC",
};

/** Normalises a colour to "#RRGGBB"; throws InvalidArgument for anything else. */
export function normalizeColor(value: unknown, location: string): string {
  if (typeof value !== "string") throw invalidArgument(location, `Invalid color ${JSON.stringify(value)}.`);
  const v = value.trim();
  const named = NAMED[v.toLowerCase()];
  if (named) return named;
  let m = /^#?([0-9a-fA-F]{6})$/.exec(v);
  if (m) return `#${m[1].toUpperCase()}`;
  m = /^#([0-9a-fA-F]{3})$/.exec(v);
  if (m) return `#${m[1].split("").map((c) => c + c).join("").toUpperCase()}`;
  throw invalidArgument(location, `Invalid color ${JSON.stringify(value)}.`);
}
