/**
 * Narrative text of a report — pure. The stored format is **plain text with light emphasis**:
 * - one paragraph per line (administrative documents are written paragraph by paragraph, Decree
 *   30/2020/NĐ-CP; items are numbered in the text itself: "1.", "a)", "-"), blank lines are dropped;
 * - `**bold**`, `*italic*` and `***both***` within a line; `\*` is a literal asterisk; a marker without its
 *   closing partner on the same line is literal text;
 * - nothing else has meaning: HTML, links, headings and images are just characters (the web escapes them),
 *   so a stored narrative can never inject markup into the page, the DOCX or the XLSX.
 * Why not HTML: it must be sanitised on every path and maps poorly onto Word paragraphs. Why not full
 * Markdown: its lists and headings fight the document's own numbering. Emphasis is all reports use.
 */

export type Run = { text: string; bold: boolean; italic: boolean };
export type Paragraph = Run[];

/** Line endings as `\n`, trailing spaces of each line and blank lines at both ends removed. */
export function normalizeNarrative(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

const MARKERS = /(\\\*|\*\*\*|\*\*|\*)/;

/** The runs of one line. */
export function parseInline(line: string): Run[] {
  const parts = line.split(MARKERS).filter((p) => p !== '');
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  const push = (text: string) => {
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else runs.push({ text, bold, italic });
  };
  const closes = (from: number, marker: string) => parts.indexOf(marker, from + 1) !== -1;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === '\\*') push('*');
    else if (p === '***' || p === '**' || p === '*') {
      const on = p === '***' ? bold && italic : p === '**' ? bold : italic;
      if (!on && !closes(i, p)) {
        push(p);
        continue;
      }
      if (p !== '*') bold = !bold;
      if (p !== '**') italic = !italic;
    } else push(p);
  }
  return runs;
}

/** The paragraphs of a narrative, each as runs of text with their emphasis. */
export function narrativeParagraphs(text: string): Paragraph[] {
  return normalizeNarrative(text)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(parseInline);
}

/** The text without emphasis markers (for spreadsheets and search). */
export function narrativePlainText(text: string): string {
  return narrativeParagraphs(text)
    .map((runs) => runs.map((r) => r.text).join(''))
    .join('\n');
}
