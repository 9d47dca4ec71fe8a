/**
 * Line breaking for printed text, with a measure of the font in use: Chinese breaks between
 * any two characters, Latin at spaces, and no line starts with closing punctuation (，、。
 * ；：！？）》」 …) — such a mark stays at the end of the line before (the rule of 禁则).
 */
const NO_LINE_START = new Set('，、。．；：！？）》」』】〕〉”’…—～·,.;:!?)]}%'.split(''));
const NO_LINE_END = new Set('（《「『【〔〈“‘([{'.split(''));

/** Tokens: each CJK character alone, Latin words with their trailing spaces. */
const tokens = (text: string) =>
  text.match(
    /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+\s*|\s+/g,
  ) ?? [];

export function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const tok of tokens(para)) {
      const next = line + tok;
      if (measure(next.trimEnd()) <= width || !line.trim()) {
        line = next;
        continue;
      }
      // Closing punctuation never begins a line: it hangs at the end of this one.
      if (NO_LINE_START.has(tok[0])) {
        line = next;
        continue;
      }
      // Opening punctuation never ends a line: it moves down with what it opens.
      let carry = '';
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1])) {
        carry = line[line.length - 1] + carry;
        line = line.slice(0, -1);
      }
      lines.push(line.trimEnd());
      line = (carry + tok).trimStart();
    }
    if (line.trim()) lines.push(line.trimEnd());
  }
  return lines;
}
