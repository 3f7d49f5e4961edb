import { describe, expect, it } from 'vitest';
import {
  archiveName,
  chunkEntry,
  decodeChunk,
  dependencyOrder,
  encodeRow,
  ident,
  migrationsToReplay,
  textArrayLiteral,
} from './archive-format.js';

describe('archive format helpers', () => {
  it('orders tables after the tables they refer to, ignoring self-references; cycles last', () => {
    const order = dependencyOrder(
      ['work_events', 'units', 'users', 'grants', 'plans', 'plan_tasks', 'a', 'b'],
      [
        { table: 'grants', references: 'users' },
        { table: 'grants', references: 'units' },
        { table: 'units', references: 'units' },
        { table: 'plans', references: 'units' },
        { table: 'plan_tasks', references: 'plans' },
        { table: 'plan_tasks', references: 'plan_tasks' },
        { table: 'work_events', references: 'plan_tasks' },
        { table: 'work_events', references: 'users' },
        { table: 'a', references: 'b' },
        { table: 'b', references: 'a' },
        { table: 'users', references: 'elsewhere' },
      ],
    );
    expect(order).toEqual(['units', 'users', 'grants', 'plans', 'plan_tasks', 'work_events', 'a', 'b']);
  });

  it('replays the migrations of a backup only when they begin this version’s journal', () => {
    const journal = [
      { tag: '0000_extensions', when: 1 },
      { tag: '0001_init', when: 2 },
      { tag: '0002_more', when: 3 },
    ];
    const m = (when: number, tag: string | null = null) => ({ when, hash: 'h', tag });
    expect(migrationsToReplay([], journal)).toEqual({ ok: true, count: 0 });
    expect(migrationsToReplay([m(1), m(2)], journal)).toEqual({ ok: true, count: 2 });
    expect(migrationsToReplay([m(1), m(2), m(3)], journal)).toEqual({ ok: true, count: 3 });
    expect(migrationsToReplay([m(1), m(2), m(3), m(4, '0003_newer')], journal)).toEqual({
      ok: false,
      unknown: '0003_newer',
    });
    expect(migrationsToReplay([m(1), m(5)], journal)).toMatchObject({
      ok: false,
      unknown: '#2 (1970-01-01T00:00:00.005Z)',
    });
  });

  it('writes text array literals that keep quotes, backslashes, braces, commas and the word NULL', () => {
    expect(textArrayLiteral([])).toBe('{}');
    expect(textArrayLiteral(['a', null, 'NULL', ''])).toBe('{"a",NULL,"NULL",""}');
    expect(textArrayLiteral(['say "hi"', 'C:\\dir', '{1,2}'])).toBe('{"say \\"hi\\"","C:\\\\dir","{1,2}"}');
  });

  it('reads back the rows it writes and refuses a damaged line', () => {
    const rows = [
      ['1', null, 'dòng\nmới "trích" \\ {}'],
      ['2', '', 'NULL'],
    ];
    const text = rows.map((r) => encodeRow(r) + '\n').join('');
    expect(decodeChunk(text, 3, 'db/t/000001.jsonl')).toEqual(rows);
    expect(() => decodeChunk('["1","2"]\n', 3, 'db/t/000001.jsonl')).toThrow(
      /line 1 does not have 3 columns/,
    );
    expect(() => decodeChunk('["1",2,null]\n', 3, 'e')).toThrow(/does not have 3 columns/);
    expect(() => decodeChunk('["1"\n', 1, 'e')).toThrow(/line 1 is not JSON/);
  });

  it('names entries and archives', () => {
    expect(chunkEntry('units', 12)).toBe('db/units/000012.jsonl');
    expect(archiveName(new Date('2025-01-31T10:20:30.456Z'))).toBe('chidao-backup-20250131-102030Z.tar.gz');
    expect(ident('a"b')).toBe('"a""b"');
  });
});
