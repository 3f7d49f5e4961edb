/**
 * A periodic administrative-reform report (báo cáo CCHC) as a Vietnamese document — pure: a form version and
 * its values in, the body blocks, a document spec or the .docx bytes out. No database, no HTTP, no clock.
 *
 * The body follows the form in reading order:
 * - a section is a heading "II. KẾT QUẢ THỰC HIỆN …" (its numbering and its title upper case);
 * - a subsection is a bold paragraph "2. Cải cách thủ tục hành chính";
 * - a narrative is its paragraphs (../form/narrative.ts: one a line, **bold** and *italic*), first line
 *   indented, without its label (the heading above says what it is about);
 * - a figure is a line "- Số hồ sơ TTHC tiếp nhận trong kỳ: 12.345 hồ sơ" (a percentage "85,5%"), rounded to
 *   the field's decimals and written the Vietnamese way in both languages (1.234,5), as the web does.
 *   **Empty is never 0**: an empty figure is written "…", so the drafter sees what is missing;
 * - a choice is a line "- Label: option label(s)";
 * - a table is a table: a fixed-row table has the row labels as its first column, a free one numbers its
 *   rows (STT). The Party builder has no tables, so in that layout each row becomes a line.
 *
 * The document is a "Báo cáo" of the issuing body: Decree 30/2020/NĐ-CP (documents/admin-document.ts) for a
 * state body, Hướng dẫn 36-HD/VPTW (meetings/party-document.ts) for a Party one.
 */
import {
  adminDocumentBuffer,
  type AdminDocumentSpec,
  type Block,
  type Run as DocRun,
} from '../../documents/admin-document.js';
// The Party layout lives in the meetings module, which has no public index for it yet (see README.md).
import { ISSUING_LAYOUTS, numberLineOf } from '../../meetings/issuing-layouts.js';
import { partyDocumentBuffer } from '../../meetings/party-document.js';
import {
  narrativeParagraphs,
  roundTo,
  type Column,
  type Field,
  type FieldValue,
  type FormValues,
  type FormVersion,
  type LocalText,
  type TableField,
  type TableRow,
} from '../form/index.js';

export type ReportLocale = 'vi' | 'en';

export type ReportBlocksOptions = {
  /** Labels and titles in this language (default Vietnamese). Figures are written 1.234,5 in both. */
  locale?: ReportLocale;
  /** Leave out empty fields, and subsections and sections left with nothing (default: show them as "…"). */
  hideEmpty?: boolean;
  /** Write each table row as a line instead of a table (for builders without tables: the Party one). */
  tablesAsText?: boolean;
};

/** What stands for an empty figure: never a 0. */
export const EMPTY_FIGURE = '…';

const WORDS = {
  item: { vi: 'Nội dung', en: 'Item' },
  stt: { vi: 'STT', en: 'No.' },
  noRows: { vi: 'Không có', en: 'None' },
} as const;

const formats = new Map<number, Intl.NumberFormat>();

/**
 * A figure as a report prints it: rounded to `decimals` (half away from zero) and written the Vietnamese way,
 * always grouped — 1.234, 12.345,5, 85,5 (trailing zeros dropped). Unlike `formatFigure` of the messages,
 * a four-digit count is grouped too (1.234 hồ sơ), since a report's figures are never years.
 */
export function reportFigure(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)));
  let nf = formats.get(d);
  if (!nf) {
    nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: d, useGrouping: true });
    formats.set(d, nf);
  }
  // `|| 0` turns a rounded -0 into 0.
  return nf.format(roundTo(value, d) || 0);
}

const text = (t: LocalText | undefined, locale: ReportLocale) => (t ? t[locale] : '');
const upper = (s: string, locale: ReportLocale) => s.toLocaleUpperCase(locale === 'vi' ? 'vi' : 'en');
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A number, percent or computed field (or column) as printed: "1.234 hồ sơ", "85,5%", or "…". */
function figureText(
  spec: { type: string; decimals: number; unit?: LocalText; result?: 'number' | 'percent' },
  value: unknown,
  locale: ReportLocale,
  withPercent = true,
): string {
  if (!isNumber(value)) return EMPTY_FIGURE;
  const figure = reportFigure(value, spec.decimals);
  const percent = spec.type === 'percent' || (spec.type === 'computed' && spec.result === 'percent');
  if (percent) return withPercent ? `${figure}%` : figure;
  const unit = text(spec.unit, locale);
  return unit ? `${figure} ${unit}` : figure;
}

/** The option labels of a choice value ("" when empty); an unknown key is shown as it is. */
function choiceText(
  options: ReadonlyArray<{ key: string; label: LocalText }>,
  value: unknown,
  locale: ReportLocale,
): string {
  const keys = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return keys
    .filter((k): k is string => typeof k === 'string' && k !== '')
    .map((k) => options.find((o) => o.key === k)?.label[locale] ?? k)
    .join(', ');
}

const isEmptyValue = (v: FieldValue | undefined) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A table's rows as entered, or null. */
function rowsOf(value: FieldValue | undefined): TableRow[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(
    (r): r is TableRow =>
      typeof r === 'object' && r !== null && typeof r.cells === 'object' && r.cells !== null,
  );
}

const isNumericColumn = (c: Column) => c.type === 'number' || c.type === 'percent';

/** A column's header: its label, with its unit, or "(%)" for a percentage that does not say it already. */
function columnHeader(c: Column, locale: ReportLocale): string {
  const label = c.label[locale];
  if (c.type === 'percent') return label.includes('%') ? label : `${label} (%)`;
  if (c.type === 'number' && c.unit) return `${label} (${c.unit[locale]})`;
  return label;
}

/** A cell as printed: a figure (a percentage without "%": the header says it), option labels, or text. */
function cellText(c: Column, value: unknown, locale: ReportLocale): string {
  switch (c.type) {
    case 'number':
      return isNumber(value) ? reportFigure(value, c.decimals) : EMPTY_FIGURE;
    case 'percent':
      return figureText(c, value, locale, false);
    case 'choice':
      return choiceText(c.options, value, locale);
    case 'text':
      return typeof value === 'string' ? value.trim() : '';
  }
}

/** The cells of a fixed row: at its index when the values are in the form's order, else by key. */
function fixedCells(rows: TableRow[] | null, index: number, key: string) {
  if (!rows) return undefined;
  const at = rows[index];
  if (at && at.key === key) return at.cells;
  return rows.find((r) => r.key === key)?.cells;
}

function tableBlocks(
  t: TableField,
  value: FieldValue | undefined,
  o: Required<ReportBlocksOptions>,
): Block[] {
  const { locale } = o;
  const rows = rowsOf(value);
  const fixed = t.fixedRows !== undefined;
  let body: string[][];
  if (t.fixedRows) {
    const anyValue = t.fixedRows.some((fr, i) => {
      const cells = fixedCells(rows, i, fr.key);
      return t.columns.some((c) => !isEmptyValue(cells?.[c.key] as FieldValue | undefined));
    });
    if (o.hideEmpty && !anyValue) return [];
    body = t.fixedRows.map((fr, i) => {
      const cells = fixedCells(rows, i, fr.key);
      return [fr.label[locale], ...t.columns.map((c) => cellText(c, cells?.[c.key], locale))];
    });
  } else {
    if (o.hideEmpty && (!rows || rows.length === 0)) return [];
    body = (rows ?? []).map((r, i) => [
      String(i + 1),
      ...t.columns.map((c) => cellText(c, r.cells[c.key], locale)),
    ]);
  }
  const headers = [
    fixed ? WORDS.item[locale] : WORDS.stt[locale],
    ...t.columns.map((c) => columnHeader(c, locale)),
  ];
  const caption: Block = { kind: 'paragraph', text: `- ${t.label[locale]}:`, indent: true };

  if (o.tablesAsText) {
    if (body.length === 0)
      return [
        {
          kind: 'paragraph',
          text: `- ${t.label[locale]}: ${WORDS.noRows[locale].toLowerCase()}.`,
          indent: true,
        },
      ];
    const lines: Block[] = body.map((r) => {
      const pairs = t.columns
        .map((c, i) => [headers[i + 1]!, r[i + 1]!] as const)
        .filter(([, v]) => v !== '')
        .map(([h, v]) => `${h}: ${v}`);
      const lead = fixed ? `+ ${r[0]}:` : `+ ${r[0]}.`;
      return { kind: 'paragraph', text: `${lead} ${pairs.join('; ')}.`, indent: true };
    });
    return [caption, ...lines];
  }

  // Widths: the row label (or STT), then text columns twice as wide as figures.
  const firstPct = fixed ? 28 : 7;
  const weights = t.columns.map((c) => (c.type === 'text' ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const columns = [
    { header: headers[0]!, widthPct: firstPct, align: fixed ? ('left' as const) : ('center' as const) },
    ...t.columns.map((c, i) => ({
      header: headers[i + 1]!,
      widthPct: ((100 - firstPct) * weights[i]!) / total,
      align: isNumericColumn(c) ? ('right' as const) : ('left' as const),
    })),
  ];
  return [caption, { kind: 'table', columns, rows: body, emptyText: WORDS.noRows[locale] }];
}

function line(label: string, value: string): Block {
  return { kind: 'paragraph', text: `- ${label}: ${value}`, indent: true };
}

/** The blocks of one field ([] when left out). */
function fieldBlocks(f: Field, value: FieldValue | undefined, o: Required<ReportBlocksOptions>): Block[] {
  const { locale } = o;
  const label = f.label[locale];
  switch (f.type) {
    case 'narrative': {
      const paragraphs = typeof value === 'string' ? narrativeParagraphs(value) : [];
      if (paragraphs.length === 0) return o.hideEmpty ? [] : [line(label, EMPTY_FIGURE)];
      return paragraphs.map((runs) => ({
        kind: 'paragraph',
        indent: true,
        text: runs.map((r): DocRun => ({
          text: r.text,
          ...(r.bold ? { bold: true } : {}),
          ...(r.italic ? { italics: true } : {}),
        })),
      }));
    }
    case 'number':
    case 'percent':
    case 'computed':
      if (o.hideEmpty && !isNumber(value)) return [];
      return [line(label, figureText(f, value, locale))];
    case 'choice': {
      const chosen = choiceText(f.options, value, locale);
      if (o.hideEmpty && chosen === '') return [];
      return [line(label, chosen || EMPTY_FIGURE)];
    }
    case 'table':
      return tableBlocks(f, value, o);
  }
}

const numbered = (numbering: string | undefined, title: string) =>
  numbering ? `${numbering} ${title}` : title;

/**
 * The body of the report in reading order: each section a heading ("I. TITLE"), its own fields, then each
 * subsection as a bold paragraph ("1. Title") followed by its fields.
 */
export function reportBlocks(
  form: FormVersion,
  values: FormValues,
  options: ReportBlocksOptions = {},
): Block[] {
  const o: Required<ReportBlocksOptions> = {
    locale: options.locale ?? 'vi',
    hideEmpty: options.hideEmpty ?? false,
    tablesAsText: options.tablesAsText ?? false,
  };
  const fieldsOf = (fields: readonly Field[]) =>
    fields.flatMap((f) => fieldBlocks(f, Object.hasOwn(values, f.key) ? values[f.key] : null, o));
  const out: Block[] = [];
  for (const section of form.sections) {
    const content = fieldsOf(section.fields);
    for (const sub of section.subsections) {
      const inner = fieldsOf(sub.fields);
      if (o.hideEmpty && inner.length === 0) continue;
      content.push(
        {
          kind: 'paragraph',
          indent: true,
          text: [{ text: numbered(sub.numbering, sub.title[o.locale]), bold: true }],
        },
        ...inner,
      );
    }
    if (o.hideEmpty && content.length === 0) continue;
    out.push(
      { kind: 'heading', text: numbered(section.numbering, upper(section.title[o.locale], o.locale)) },
      ...content,
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The document

export type ReportFacts = {
  form: FormVersion;
  values: FormValues;
  /** `state`: Decree 30/2020/NĐ-CP (national motto); `party`: Hướng dẫn 36-HD/VPTW ("ĐẢNG CỘNG SẢN VIỆT NAM"). */
  layout: 'state' | 'party';
  /** The body directly above the issuer, e.g. "UBND tỉnh Nghệ An" or "Tỉnh ủy Nghệ An". */
  parentBody?: string | null;
  /** The issuing body, e.g. "Sở Nội vụ" or "Ban Chỉ đạo cải cách hành chính tỉnh". */
  issuingBody: string;
  /** The register number; null or absent leaves it blank for the clerk. */
  number?: number | null;
  /** The symbol as the layout writes it: "BC-SNV" (state), "BC/BCĐ" (Party). */
  symbol: string;
  /** Địa danh, e.g. "Nghệ An". */
  place: string;
  /** The date of the report, YYYY-MM-DD. */
  date: string;
  /** Trích yếu, e.g. "Kết quả thực hiện công tác cải cách hành chính quý III năm 2026". */
  title: string;
  /** Nơi nhận, the last normally "Lưu: VT, …". */
  recipients: string[];
  signature: { authority?: string[]; position: string; name?: string | null };
  /** Labels in this language (default Vietnamese); the document's frame stays Vietnamese. */
  locale?: ReportLocale;
  /** Leave out empty fields (a final report) instead of showing "…" (a draft). */
  hideEmpty?: boolean;
};

export const REPORT_DOC_TYPE = 'Báo cáo';

/**
 * The report as a document spec. In the Party layout it carries the Party heading, the star and the number
 * line "Số 05-BC/BCĐ", and its tables are written row by row (the Party builder prints no tables).
 */
export function reportDocumentSpec(facts: ReportFacts): AdminDocumentSpec {
  const party = facts.layout === 'party';
  const number = facts.number ?? null;
  const body = reportBlocks(facts.form, facts.values, {
    locale: facts.locale ?? 'vi',
    hideEmpty: facts.hideEmpty ?? false,
    tablesAsText: party,
  });
  const layout = ISSUING_LAYOUTS.party;
  return {
    parentBody: facts.parentBody ?? null,
    issuingBody: facts.issuingBody,
    number,
    symbol: facts.symbol,
    ...(party
      ? {
          layout: {
            heading: layout.heading,
            issuerMark: layout.issuerMark,
            numberText: numberLineOf(layout, number, facts.symbol),
          },
        }
      : {}),
    place: facts.place,
    date: facts.date,
    docType: REPORT_DOC_TYPE,
    summary: facts.title,
    body,
    recipients: facts.recipients,
    signature: {
      ...(facts.signature.authority ? { authority: facts.signature.authority } : {}),
      position: facts.signature.position,
      name: facts.signature.name ?? null,
    },
    fontSize: 14,
    title: `${REPORT_DOC_TYPE} ${facts.title}`,
    creator: 'chidao',
  };
}

/** The report's .docx: a Party document (HD 36-HD/VPTW) or a state one (Decree 30/2020/NĐ-CP). */
export function reportDocx(facts: ReportFacts): Promise<Buffer> {
  const spec = reportDocumentSpec(facts);
  return spec.layout ? partyDocumentBuffer({ ...spec, layout: spec.layout }) : adminDocumentBuffer(spec);
}
