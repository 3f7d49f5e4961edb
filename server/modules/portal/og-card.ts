/**
 * The social preview card of the public portal (`og:image`, 1200×630 PNG): the province, the portal's name and up to
 * three published key figures, drawn as SVG (`ogCardSvg`, pure) and rasterised by resvg with the Liberation Sans
 * shipped in server/data/fonts (no system font is looked up: a server without fonts draws the same Vietnamese).
 * The PNG is cached in memory by the card's content: a card is drawn once until its figures change.
 */
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { seedDataFolder } from '../../paths.js';
import { escapeHtml, OG_IMAGE_SIZE } from './rules/meta.js';
import { etagOf } from './rules/conditional.js';

export const FONTS_DIR = path.join(seedDataFolder, 'fonts');
const FONT = 'Liberation Sans';

export type OgCard = {
  provinceName: string;
  /** Up to three figures: a big value and its caption (Vietnamese). */
  figures: { value: string; label: string }[];
};

/** Words into lines of at most `max` characters (a word longer than that gets a line of its own). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The card as SVG (every text escaped). */
export function ogCardSvg(card: OgCard): string {
  const { width: W, height: H } = OG_IMAGE_SIZE;
  const e = escapeHtml;
  const province = wrapText(card.provinceName || 'Cổng công khai', 30).slice(0, 2);
  const figures = card.figures.slice(0, 3);
  const colW = (W - 120) / Math.max(figures.length, 1);
  const provinceLines = province
    .map(
      (l, i) =>
        `<text x="60" y="${200 + i * 70}" font-size="60" font-weight="bold" fill="#ffffff">${e(l)}</text>`,
    )
    .join('');
  const figureBlocks = figures
    .map((f, i) => {
      const x = 60 + i * colW;
      const label = wrapText(f.label, Math.max(12, Math.floor(colW / 17)))
        .slice(0, 2)
        .map((l, j) => `<text x="${x}" y="${530 + j * 34}" font-size="26" fill="#33475b">${e(l)}</text>`)
        .join('');
      return `<text x="${x}" y="${490}" font-size="64" font-weight="bold" fill="#0b4f8a">${e(f.value)}</text>${label}`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}">`,
    `<rect width="${W}" height="${H}" fill="#f4f7fb"/>`,
    `<rect width="${W}" height="${figures.length ? 360 : H}" fill="#0b4f8a"/>`,
    `<rect x="0" y="${figures.length ? 356 : H - 8}" width="${W}" height="8" fill="#d4a017"/>`,
    `<text x="60" y="100" font-size="30" fill="#cfe0f2">${e('CÔNG KHAI KẾT QUẢ CẢI CÁCH HÀNH CHÍNH')}</text>`,
    provinceLines,
    `<text x="60" y="${province.length > 1 ? 330 : 290}" font-size="26" fill="#cfe0f2">${e('Public administration reform — results in the open')}</text>`,
    figureBlocks,
    `</svg>`,
  ].join('');
}

const cache = new Map<string, Uint8Array>();

/** The card as PNG, drawn once per content (a handful of cards are kept). */
export function ogCardPng(card: OgCard): { png: Uint8Array; etag: string } {
  const svg = ogCardSvg(card);
  const key = etagOf(svg);
  let png = cache.get(key);
  if (!png) {
    const resvg = new Resvg(svg, {
      font: {
        fontFiles: ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((f) =>
          path.join(FONTS_DIR, f),
        ),
        loadSystemFonts: false,
        defaultFontFamily: FONT,
        sansSerifFamily: FONT,
      },
      fitTo: { mode: 'original' },
      background: '#ffffff',
    });
    png = new Uint8Array(resvg.render().asPng());
    cache.set(key, png);
    if (cache.size > 8) cache.delete(cache.keys().next().value!);
  }
  return { png, etag: etagOf(png) };
}
