/**
 * How many lines a text takes when wrapped by words in `avail` points, given a way to measure a
 * run of text: what print layouts need to give rows heights that nothing is cut from.
 */
export function wrapLines(text: string, avail: number, measure: (s: string) => number): number {
  const space = measure(" ");
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = measure(word);
    if (used > 0 && used + space + w <= avail) {
      used += space + w;
      continue;
    }
    if (used > 0) lines++;
    // A word wider than the line breaks across lines.
    while (w > avail) {
      lines++;
      w -= avail;
    }
    used = w;
  }
  return lines;
}
