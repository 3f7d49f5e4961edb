/**
 * The demo's generated dossiers as a one-stop export (CSV, the default layout), written to a file in a worker
 * thread (server/core/jobs): generating tens of thousands of dossiers against the working-day calendar is
 * seconds of CPU that no request should wait behind. The main thread then imports the file.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { defineTask } from '../../core/jobs/task.js';
import { createCalendar, DEFAULT_CALENDAR_OPTIONS, type YearAdjustments } from '../calendar/index.js';
import { CSV_HEADER, dossierCsvLine, generateDossiers, type GeneratorOptions } from './generator.js';

export type DemoDossiersInput = Omit<GeneratorOptions, 'calendar'> & {
  /** The calendar's schedules (a calendar is rebuilt from them: functions do not cross threads). */
  calendar: Readonly<Record<number, YearAdjustments>>;
  file: string;
};

/** Bytes gathered before each write. */
const WRITE_AT = 1 << 20;

export const task = defineTask(async ({ calendar, file, ...options }: DemoDossiersInput) => {
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    let buffer = CSV_HEADER.join(',') + '\n';
    const generated = generateDossiers({
      ...options,
      calendar: createCalendar(calendar, DEFAULT_CALENDAR_OPTIONS),
    });
    for (const d of generated) {
      buffer += dossierCsvLine(d) + '\n';
      if (buffer.length >= WRITE_AT) {
        await write(buffer);
        buffer = '';
      }
    }
    await write(buffer);
    out.end();
    await once(out, 'finish');
  } finally {
    out.destroy();
  }
  return { rows: options.rows };
});
