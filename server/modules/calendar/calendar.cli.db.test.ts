import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import { freshDatabase } from '../../test/harness.js';
import { calendarCommand } from './calendar.cli.js';
import { calendarYears } from './calendar.table.js';

let ctx: RequestContext;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  ctx = systemContext(fresh.database.db);
});
afterAll(() => drop());
afterEach(() => vi.restoreAllMocks());

/** Runs the command and returns its exit code and what it printed (stdout, stderr). */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await calendarCommand(args, ctx);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('chidao calendar add-working-days', () => {
  it('prints the date: Friday 13/2/2026 + 1 working day is Monday 23/2/2026 (after Tết)', async () => {
    expect(await run('add-working-days', '2026-02-13', '1')).toEqual({ code: 0, out: '2026-02-23', err: '' });
  });
  it('--json prints the question and the answer', async () => {
    const { code, out } = await run('add-working-days', '2026-02-13', '3', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ from: '2026-02-13', n: 3, date: '2026-02-25' });
  });
  it('refuses a bad date or N with the usage (exit 64)', async () => {
    const bad = await run('add-working-days', '2026-02-30', '1');
    expect(bad.code).toBe(64);
    expect(bad.err).toContain('Not a YYYY-MM-DD date: 2026-02-30');
    expect((await run('add-working-days', '2026-02-13', '-2')).code).toBe(64);
    expect((await run('add-working-days', '2026-02-13')).code).toBe(64);
    expect((await run('nonsense')).code).toBe(64);
  });
  it('a date outside the supported calendar is a data error (exit 65) with the message', async () => {
    const old = await run('add-working-days', '1700-01-01', '1');
    expect(old.code).toBe(65);
    expect(old.err).toBe('The date 01/01/1700 is outside the supported calendar (years 1800–2199).');
  });
});

describe('chidao calendar holidays', () => {
  it('--json lists the days off of 2026 with names and kinds, Tết included', async () => {
    const { code, out } = await run('holidays', '2026', '--json');
    expect(code).toBe(0);
    const days = JSON.parse(out) as { date: string; name: { vi: string; en: string }; kind: string }[];
    expect(days[0]).toEqual({
      date: '2026-01-01',
      name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
      kind: 'statutory',
    });
    expect(days.find((d) => d.date === '2026-02-17')).toEqual({
      date: '2026-02-17',
      name: { vi: 'Tết Âm lịch (mùng 1)', en: 'Lunar New Year (day 1)' },
      kind: 'statutory',
    });
    expect(days.some((d) => d.date === '2026-01-10')).toBe(false); // a make-up working Saturday
  });
  it('without --json prints a table in dd/mm/yyyy, make-up working days apart', async () => {
    const { code, out } = await run('holidays', '2026');
    expect(code).toBe(0);
    expect(out).toContain('Days off 2026 (shipped defaults):');
    expect(out).toMatch(/17\/02\/2026 +statutory +Tết Âm lịch \(mùng 1\) — Lunar New Year \(day 1\)/);
    expect(out).toMatch(/Working weekend days[^]*10\/01\/2026/);
  });
  it('reads the schedules stored in the database over the shipped defaults', async () => {
    await ctx.db.insert(calendarYears).values({
      year: 2027,
      adjustments: {
        year: 2027,
        daysOff: [
          {
            date: '2027-03-05',
            name: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' },
            basis: 'Quyết định thử nghiệm của UBND tỉnh',
          },
        ],
        workingSaturdays: [
          {
            date: '2027-03-06',
            name: { vi: 'Làm bù', en: 'Make-up day' },
            basis: 'Quyết định thử nghiệm của UBND tỉnh',
          },
        ],
      },
    });
    expect((await run('add-working-days', '2027-03-04', '1')).out).toBe('2027-03-06');
    const days = JSON.parse((await run('holidays', '2027', '--json')).out) as {
      date: string;
      kind: string;
    }[];
    expect(days.find((d) => d.date === '2027-03-05')?.kind).toBe('swap_off');
    expect((await run('holidays', '2027')).out).toContain('Days off 2027 (edited in chidao):');
  });
});
