/**
 * No server message and no journal entry shows an internal name: every kind of record, operation and field
 * that reaches a person has words in Vietnamese and English (./labels.ts). The source is read as text, so a
 * new `notFound('x')`, `recordChange({ action: 'y', entity: 'z' })` or journalled column fails here until
 * it is given a label.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../db/schema.js';
import { MODULES } from '../modules/index.js';
import { EVENT_KINDS } from '../modules/units/lineage-rules.js';
import { TASK_EVENT_ACTIONS } from '../modules/plans/plans.schemas.js';
import type { ChidaoModule } from './module.js';
import {
  ACTION_LABELS,
  ENTITY_LABELS,
  FIELD_LABELS,
  fieldLabel,
  isActionName,
  isEntityName,
  REFERENCE_FIELDS,
} from './labels.js';
import { messageCatalogs, translate, type MessageKey } from './messages.js';

const SERVER = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'test' || d.name === 'data' ? [] : sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}
const SOURCES = sourceFiles(SERVER).map((file) => ({
  file: path.relative(SERVER, file),
  text: fs.readFileSync(file, 'utf8'),
}));

/** The text of each call `name(…)` in the sources (balanced parentheses, strings not parsed: good enough). */
function calls(name: string): { file: string; args: string }[] {
  const out: { file: string; args: string }[] = [];
  for (const { file, text } of SOURCES) {
    let at = text.indexOf(`${name}(`);
    while (at >= 0) {
      const prev = text[at - 1] ?? ' ';
      const start = at + name.length + 1;
      if (!/[\w.]/.test(prev) && !/function\s+$/.test(text.slice(Math.max(0, at - 12), at))) {
        let depth = 1;
        let i = start;
        while (i < text.length && depth > 0) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')') depth--;
          i++;
        }
        out.push({ file, args: text.slice(start, i - 1) });
      }
      at = text.indexOf(`${name}(`, start);
    }
  }
  return out;
}

const quoted = (expr: string) => [...expr.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
const modules = MODULES as readonly ChidaoModule[];
const workKinds = modules.flatMap((m) => m.workKinds ?? []);

/**
 * What a non-literal `action`/`entity` of a `recordChange` call can be, by file and expression. A new
 * non-literal one fails the test until it is described here.
 */
const DYNAMIC: Record<string, () => readonly string[]> = {
  'modules/plans/progress.service.ts action input.action': () => TASK_EVENT_ACTIONS,
  'modules/work/work.service.ts action input.action': () => workKinds.flatMap((k) => k.actions),
  'modules/work/work.service.ts entity adapter.entity': () => workKinds.map((k) => k.entity),
  'modules/units/lineage.service.ts action kind': () => EVENT_KINDS,
  'modules/units/departments.service.ts action e.kind': () => EVENT_KINDS,
  // setLegalBasis(ctx, entity, …): whatever its callers cite from.
  'modules/documents/documents.service.ts entity entity': () =>
    calls('setLegalBasis').flatMap((c) => quoted(c.args.split(',')[1] ?? '')),
  // The hotline's own steps (triage, transfer, merge) and the demo's replay of every step.
  "modules/hotline/cases.service.ts action event.action as 'triage'": () => ['triage', 'transfer', 'merge'],
  "modules/hotline/hotline.demo.ts action action as 'triage'": () => [
    'triage',
    'submit_answer',
    'return',
    'approve',
    'rate',
    'merge',
  ],
  // The demo's replay of a recommendation's steps (server/modules/inspections/recommendations.demo.ts).
  'modules/inspections/recommendations.demo.ts action s.action': () => ['start', 'report_done', 'verify'],
  // Versioned rules' shipped first version (server/db/rule-versions.ts): the entity each module declares.
  'db/rule-versions.ts entity spec.entity': () =>
    calls('ruleVersions').flatMap((c) => [...c.args.matchAll(/entity:\s*'([a-z_]+)'/g)].map((m) => m[1]!)),
  // The standings' shared upsert (server/modules/standings/upsert-row.ts): a result or a target.
  'modules/standings/upsert-row.ts entity entity': () => ['standing_result', 'standing_target'],
  // The PAR Index's per-item writes (server/modules/parindex/assessments.service.ts writeScore).
  'modules/parindex/assessments.service.ts action action': () => [
    'score_self',
    'score_round1',
    'score_round2',
    'explain_score',
  ],
  // The journal's own writer.
  'modules/audit/audit.service.ts action change.action': () => [],
  'modules/audit/audit.service.ts entity change.entity': () => [],
};

type Journalled = { file: string; action: string[]; entity: string[]; problem?: string };

function journalled(): Journalled[] {
  return calls('recordChange')
    .filter((c) => !c.args.startsWith('ctx: RequestContext'))
    .map(({ file, args }) => {
      const text = SOURCES.find((s) => s.file === file)!.text;
      const values = (prop: 'action' | 'entity') => {
        const m = new RegExp(`\\b${prop}:\\s*([^,\\n}]+)`).exec(args);
        const expr = m ? m[1]!.trim() : new RegExp(`[{,]\\s*${prop}\\s*[,}]`).test(args) ? prop : null;
        if (expr === null) throw new Error(`recordChange without ${prop}: ${args.slice(0, 120)}`);
        if (/^'[^']*'$/.test(expr)) return quoted(expr);
        if (/^[^?]+\?\s*'[^']*'\s*:\s*'[^']*'$/.test(expr)) return quoted(expr);
        const constant = new RegExp(`const ${expr} = '([^']*)'`).exec(text);
        if (/^[A-Z_]+$/.test(expr) && constant) return [constant[1]!];
        const dynamic = DYNAMIC[`${file} ${prop} ${expr}`];
        if (!dynamic)
          throw new Error(
            `recordChange with a ${prop} computed as \`${expr}\`: list what it can be in DYNAMIC (server/core/messages-entities.test.ts)`,
          );
        return [...dynamic()];
      };
      try {
        return { file, action: values('action'), entity: values('entity') };
      } catch (e) {
        return { file, action: [], entity: [], problem: `${file}: ${(e as Error).message}` };
      }
    });
}

describe('the kinds of record named in errors', () => {
  it('every notFound/staleVersion in the server names a registered kind of record', () => {
    const named = [...calls('notFound'), ...calls('staleVersion')]
      .filter((c) => /^\s*'/.test(c.args))
      .map((c) => ({ file: c.file, entity: quoted(c.args)[0]! }));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((n) => !isEntityName(n.entity)).map((n) => `${n.file}: ${n.entity}`)).toEqual([]);
  });

  it('"Không tìm thấy kế hoạch", never "Không tìm thấy plan"', () => {
    expect(translate('vi', 'error.not_found', { entity: 'plan' })).toBe(
      'Không tìm thấy kế hoạch được yêu cầu.',
    );
    expect(translate('en', 'error.not_found', { entity: 'pilot_unit' })).toBe(
      'The requested pilot unit was not found.',
    );
    expect(translate('vi', 'error.stale_version', { entity: 'task', current: 3 })).toBe(
      'Dữ liệu nhiệm vụ này đã được người khác sửa (phiên bản hiện tại 3). Hãy tải lại rồi sửa lại.',
    );
  });

  it('every kind has a Vietnamese and an English name that is not its key', () => {
    for (const [key, label] of Object.entries(ENTITY_LABELS)) {
      expect(label.vi.trim(), key).not.toBe('');
      expect(label.en.trim(), key).not.toBe('');
      if (key.includes('_')) expect(label.vi, key).not.toContain(key);
    }
  });
});

/** Values that stand for the internal names a placeholder may be given. */
const RAW: Record<string, string[]> = {
  entity: Object.keys(ENTITY_LABELS),
  field: ['leadUnitId', 'items.0.dueDate', 'body', 'supportingUnitIds.2', 'resolvedAt', 'suspensions.0.from'],
  actions: ['start, report_done, withdraw_report, verify'],
  kind: [...EVENT_KINDS],
  status: ['queued', 'running', 'failed'],
};
/** What an internal name looks like: snake_case or camelCase, or a path of them. */
const INTERNAL = /\b(?:[a-z]+_[a-z_]+|[a-z]+[A-Z][A-Za-z]+)\b/;

describe('every server message, in both languages', () => {
  const keys = Object.keys(messageCatalogs.vi) as MessageKey[];

  it('has no internal name written into its text', () => {
    const allowed = /\{\w+\}|chidao \w+|x-csrf-token|--\w+|HH:mm/g;
    for (const lang of ['vi', 'en'] as const)
      for (const key of keys) {
        const text = messageCatalogs[lang][key]!.replace(allowed, '');
        expect(INTERNAL.exec(text)?.[0], `${lang} ${key}: ${messageCatalogs[lang][key]}`).toBeUndefined();
      }
  });

  it('fills a placeholder that may carry an internal name with words, never the name', () => {
    let checked = 0;
    for (const lang of ['vi', 'en'] as const)
      for (const key of keys) {
        const names = [...messageCatalogs[lang][key]!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        for (const name of names.filter((n) => Object.hasOwn(RAW, n)))
          for (const raw of RAW[name]!) {
            const out = translate(lang, key, { [name]: raw });
            for (const part of raw.split(/[\s,.]+/).filter((p) => INTERNAL.test(p) || p.length > 3))
              if (INTERNAL.test(part) || (lang === 'vi' && part in ENTITY_LABELS))
                expect(out, `${lang} ${key} {${name}} = ${raw}`).not.toMatch(new RegExp(`\\b${part}\\b`));
            checked++;
          }
      }
    expect(checked).toBeGreaterThan(100);
  });

  it('names a request field by its label ("Hạn hoàn thành"), the body as "dữ liệu gửi lên"', () => {
    expect(translate('vi', 'error.validation', { field: 'dueDate', issue: 'x' })).toBe(
      'Thông tin “Hạn hoàn thành” không hợp lệ: x',
    );
    expect(translate('vi', 'error.validation', { field: 'body', issue: 'x' })).toBe(
      'Thông tin “dữ liệu gửi lên” không hợp lệ: x',
    );
    expect(translate('en', 'work.unknown_action', { actions: 'start, report_done' })).toBe(
      'No such action for this kind of work (actions: started, reported done).',
    );
  });
});

describe('the audit journal', () => {
  const entries = journalled();

  it('finds the journal writes of every module', () => {
    expect(entries.length).toBeGreaterThan(60);
    expect(entries.flatMap((e) => e.action)).toEqual(expect.arrayContaining(['backup', 'restore', 'upsert']));
  });

  it('has a Vietnamese and an English label for every action and kind of record ever journalled', () => {
    expect(entries.flatMap((e) => (e.problem ? [e.problem] : []))).toEqual([]);
    const unlabelled = entries.flatMap((e) => [
      ...e.action.filter((a) => !isActionName(a)).map((a) => `${e.file}: action ${a}`),
      ...e.entity.filter((n) => !isEntityName(n)).map((n) => `${e.file}: entity ${n}`),
    ]);
    expect(unlabelled).toEqual([]);
    for (const [key, label] of Object.entries(ACTION_LABELS)) {
      expect(label.vi, key).not.toBe(key);
      expect(label.en, key).not.toBe(key);
    }
  });

  /** Tables never shown in the journal (runtime state, caches, the journal itself). */
  const INTERNAL_TABLES = new Set([
    'audit_journal',
    'sessions',
    'jobs',
    'seed_runs',
    'dossier_rollups',
    'dossier_import_rows',
    'dossiers',
    'dossier_exports',
    'notifications',
    'notification_settings',
    'work_attachments',
    'work_event_files',
    'document_files',
    'meeting_files',
    'lineage_links',
    'unit_versions',
    'legal_bases',
    'task_dependencies',
    'dossier_import_jobs',
  ]);
  /** Columns never shown: redacted secrets and bookkeeping. */
  const HIDDEN = new Set(['passwordHash', 'tokenHash', 'csrfToken', 'storageKey', 'passwordChangedAt']);

  it('labels every column of every journalled table', () => {
    const missing: string[] = [];
    for (const table of Object.values(schema)) {
      if (!is(table, Table)) continue;
      const name = getTableName(table);
      if (INTERNAL_TABLES.has(name)) continue;
      for (const column of Object.keys(getTableColumns(table)))
        if (!HIDDEN.has(column) && !Object.hasOwn(FIELD_LABELS, column)) missing.push(`${name}.${column}`);
    }
    expect(missing).toEqual([]);
  });

  it('never shows a field by its name', () => {
    expect(fieldLabel('vi', 'leadUnitId')).toBe('Đơn vị chủ trì');
    expect(fieldLabel('vi', 'someNewColumn')).toBe('Thông tin khác');
    expect(fieldLabel('en', 'some_new_column')).toBe('Other detail');
    for (const [field, entity] of Object.entries(REFERENCE_FIELDS)) {
      expect(Object.hasOwn(FIELD_LABELS, field), field).toBe(true);
      expect(isEntityName(entity), field).toBe(true);
    }
  });
});
