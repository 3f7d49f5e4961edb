/**
 * The briefing pack as .docx: the content model laid out by the documents module's Decree 30/2020/NĐ-CP builder
 * (`documents/admin-document.ts`), the charts as PNG pictures the width of the text. Pure: content and images in,
 * bytes out.
 */
import {
  adminDocumentBuffer,
  placeName,
  TEXT_WIDTH_MM,
  type AdminDocumentSpec,
  type Block,
} from '../documents/admin-document.js';
import type { BriefingContent } from './briefing-content.js';

/** A chart as the renderer made it: PNG bytes and the picture's size in pixels. */
export type ChartImage = { png: Uint8Array; width: number; height: number };

/** Charts are printed the width of the text, at most this tall (a long list of units gets a taller picture). */
export const CHART_MAX_HEIGHT_MM = 200;

/** The printed size of a chart: the text's width, its own proportions, capped in height. */
export function chartSizeMm(image: Pick<ChartImage, 'width' | 'height'>, widthMm = TEXT_WIDTH_MM) {
  const heightMm = (widthMm * image.height) / image.width;
  return heightMm <= CHART_MAX_HEIGHT_MM
    ? { widthMm, heightMm }
    : { widthMm: (widthMm * CHART_MAX_HEIGHT_MM) / heightMm, heightMm: CHART_MAX_HEIGHT_MM };
}

export function briefingDocxSpec(
  c: BriefingContent,
  images: ReadonlyMap<string, ChartImage>,
): AdminDocumentSpec {
  const body: Block[] = c.body.flatMap((b): Block[] => {
    if (b.kind !== 'chart') return [b.kind === 'paragraph' ? { ...b, indent: true } : b];
    const image = images.get(b.id);
    if (!image) return [{ kind: 'paragraph', text: b.caption }];
    return [{ kind: 'image', png: image.png, ...chartSizeMm(image), caption: b.caption }];
  });
  return {
    parentBody: c.parentBody,
    issuingBody: c.issuingBody,
    number: null,
    symbol: c.symbol,
    place: placeName(c.place),
    date: c.date,
    docType: c.docType,
    summary: c.summary,
    body,
    recipients: c.recipients,
    signature: { authority: c.signature.authority, position: c.signature.position, name: null },
    fontSize: 14,
    title: c.title,
  };
}

export function briefingDocx(c: BriefingContent, images: ReadonlyMap<string, ChartImage>): Promise<Buffer> {
  return adminDocumentBuffer(briefingDocxSpec(c, images));
}
