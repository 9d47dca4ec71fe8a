/** The short Markdown of captions: paragraphs (blank line) and **bold**. No HTML, ever. */
export interface Segment {
  text: string;
  bold: boolean;
}

export function captionParagraphs(md: string): Segment[][] {
  return md
    .split(/\n\s*\n/)
    .map((para) => {
      const out: Segment[] = [];
      const parts = para.replace(/\s*\n\s*/g, ' ').split('**');
      parts.forEach((text, i) => {
        if (text) out.push({ text, bold: i % 2 === 1 });
      });
      return out;
    })
    .filter((p) => p.length);
}

export const plainText = (md: string) =>
  captionParagraphs(md)
    .map((p) => p.map((s) => s.text).join(''))
    .join('\n');
