/**
 * Renders the content model into the two files: each chart's SVG (`chart-svg.ts`) rasterised to PNG by resvg
 * with the fonts shipped in `server/data/fonts` (no system font is looked up: a server without fonts draws the
 * same Vietnamese), then the .docx and the PDF. CPU work only — it runs in a worker thread (`briefing.task.ts`).
 */
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { briefingDocx, type ChartImage } from './briefing-docx.js';
import type { BriefingContent } from './briefing-content.js';
import { briefingPdf } from './briefing-pdf.js';
import { barChartSvg, CHART_FONT, lineChartSvg } from './chart-svg.js';

/** The images are drawn at twice their layout size (sharp in print). */
const SCALE = 2;

export function chartPng(svg: string, width: number, fontsDir: string): ChartImage {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((f) => path.join(fontsDir, f)),
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
    fitTo: { mode: 'width', value: width * SCALE },
    background: '#ffffff',
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}

export type RenderedBriefing = { docx: Uint8Array; pdf: Uint8Array };

export async function renderBriefing(content: BriefingContent, fontsDir: string): Promise<RenderedBriefing> {
  const images = new Map<string, ChartImage>();
  for (const b of content.body) {
    if (b.kind !== 'chart') continue;
    const { svg, width } = b.chart.type === 'bar' ? barChartSvg(b.chart.spec) : lineChartSvg(b.chart.spec);
    images.set(b.id, chartPng(svg, width, fontsDir));
  }
  const [docx, pdf] = await Promise.all([
    briefingDocx(content, images),
    briefingPdf(content, images, {
      regular: path.join(fontsDir, 'LiberationSerif-Regular.ttf'),
      bold: path.join(fontsDir, 'LiberationSerif-Bold.ttf'),
      italic: path.join(fontsDir, 'LiberationSerif-Italic.ttf'),
    }),
  ]);
  return { docx: new Uint8Array(docx), pdf: new Uint8Array(pdf) };
}
