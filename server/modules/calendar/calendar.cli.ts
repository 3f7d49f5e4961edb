import { parseArgs } from 'node:util';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { translate } from '../../core/messages.js';
import { addWorkingDays, holidays } from './calendar.service.js';
import { parseIsoDate } from './index.js';

export const CALENDAR_HELP = `chidao calendar add-working-days YYYY-MM-DD N [--json]
                                      the N-th working day after the date (holidays and make-up days included)
chidao calendar holidays YEAR [--json]
                                      that year's days off with their names (and make-up working days)`;

const vnDate = (date: string) => date.split('-').reverse().join('/');

function usage(message: string): number {
  console.error(`${message}\n\nUsage:\n  ${CALENDAR_HELP.split('\n').join('\n  ')}`);
  return 64;
}

const parseCalendarArgs = (args: string[]) =>
  parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });

/**
 * `chidao calendar …`: working-day arithmetic and the year's days off, from the calendar in force (the
 * schedules stored in the database over the shipped defaults). Returns the process exit code.
 */
export async function calendarCommand(args: string[], ctx: RequestContext): Promise<number> {
  let parsed: ReturnType<typeof parseCalendarArgs>;
  try {
    parsed = parseCalendarArgs(args);
  } catch (e) {
    return usage((e as Error).message);
  }
  const json = parsed.values.json ?? false;
  const [sub, ...rest] = parsed.positionals;
  try {
    if (sub === 'add-working-days') {
      const [from, nText] = rest;
      if (!from || nText === undefined || rest.length > 2)
        return usage('add-working-days needs a date and N.');
      try {
        parseIsoDate(from);
      } catch {
        return usage(`Not a YYYY-MM-DD date: ${from}`);
      }
      if (!/^\d+$/.test(nText) || Number(nText) > 1000)
        return usage(`N must be a whole number of working days from 0 to 1000, got ${nText}`);
      const n = Number(nText);
      const date = await addWorkingDays(ctx, from, n);
      console.log(json ? JSON.stringify({ from, n, date }) : date);
      return 0;
    }
    if (sub === 'holidays') {
      const [yearText] = rest;
      if (!yearText || !/^\d{4}$/.test(yearText) || rest.length > 1) return usage('holidays needs a YEAR.');
      const result = await holidays(ctx, Number(yearText));
      if (json) {
        console.log(
          JSON.stringify(result.daysOff.map((d) => ({ date: d.date, name: d.name, kind: d.kind }))),
        );
        return 0;
      }
      const source = result.usesDefaults ? 'shipped defaults' : 'edited in chidao';
      console.log(`Days off ${result.year} (${source}):`);
      const row = (d: { date: string; kind: string; name: { vi: string; en: string } }) =>
        `  ${vnDate(d.date)}  ${d.kind.padEnd(15)}  ${d.name.vi} — ${d.name.en}`;
      for (const d of result.daysOff) console.log(row(d));
      if (result.workingWeekends.length) {
        console.log('Working weekend days (make-up days):');
        for (const d of result.workingWeekends) console.log(row(d));
      }
      return 0;
    }
    return usage(sub ? `Unknown calendar command: ${sub}` : 'Which calendar command?');
  } catch (e) {
    if (e instanceof AppError && e.status === 400) {
      console.error(translate('en', e.messageKey, e.params));
      return 65;
    }
    throw e;
  }
}
