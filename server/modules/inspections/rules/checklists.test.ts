import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFORM_AREAS } from '../../tasks/index.js';
import {
  checklistProblems,
  customItemProblems,
  describeChecklist,
  droppedKeys,
  MAX_GUIDANCE,
  MAX_ITEMS,
  MAX_TEXT,
  type ChecklistItem,
} from './checklists.js';

const item = (key: string, vi = 'Nội dung', en = 'Item'): ChecklistItem => ({
  key,
  text: { vi, en },
  guidance: { vi: '', en: '' },
});
const shown = (items: ChecklistItem[]) => checklistProblems(items).map((p) => `${p.path}:${p.problem}`);

describe('the shipped templates (server/data/inspections/checklists.json)', () => {
  const file = path.resolve(import.meta.dirname, '../../../data/inspections/checklists.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { areas: Record<string, ChecklistItem[]> };
  it('has one sound template for each of the seven areas, 4–8 items each, Vietnamese and English', () => {
    expect(Object.keys(data.areas).sort()).toEqual([...REFORM_AREAS].sort());
    for (const area of REFORM_AREAS) {
      const items = data.areas[area]!;
      expect(checklistProblems(items), area).toEqual([]);
      expect(items.length, area).toBeGreaterThanOrEqual(4);
      expect(items.length, area).toBeLessThanOrEqual(8);
    }
  });
  it('asks what the brief names: the own yearly plan on time, procedures published, job positions, online dossiers', () => {
    const keys = (a: string) => data.areas[a]!.map((i) => i.key);
    expect(keys('direction')).toContain('yearly_plan_on_time');
    expect(keys('procedures')).toEqual(expect.arrayContaining(['procedures_published', 'dossiers_on_time']));
    expect(keys('civil_service')).toContain('job_positions');
    expect(keys('digital_government')).toContain('online_dossiers');
  });
});

describe('checklistProblems', () => {
  it('a sound template has none', () => {
    expect(checklistProblems([item('a1'), item('b_2')])).toEqual([]);
  });
  it('needs at least one item and at most the maximum', () => {
    expect(shown([])).toEqual(['items:items_empty']);
    const many = Array.from({ length: MAX_ITEMS + 1 }, (_, i) => item(`k${i}`));
    expect(checklistProblems(many)).toEqual([{ path: 'items', problem: 'items_too_many', max: MAX_ITEMS }]);
  });
  it('keys: lower-case, digits and underscores, starting with a letter, each once', () => {
    for (const bad of ['', 'A1', '1a', 'a', 'has space', 'đ_key', 'a-b'])
      expect(shown([item(bad)]), bad).toEqual(['items.0.key:key_format']);
    expect(shown([item('ab'), item('ab')])).toEqual(['items.1.key:key_duplicate']);
  });
  it('text in both languages, not too long; guidance may be empty but not too long', () => {
    expect(shown([item('ab', ' ', 'x')])).toEqual(['items.0.text.vi:text_required']);
    expect(shown([item('ab', 'x', '')])).toEqual(['items.0.text.en:text_required']);
    expect(checklistProblems([item('ab', 'x'.repeat(MAX_TEXT + 1))])).toEqual([
      { path: 'items.0.text.vi', problem: 'text_too_long', max: MAX_TEXT },
    ]);
    const long = { ...item('ab'), guidance: { vi: 'x'.repeat(MAX_GUIDANCE + 1), en: '' } };
    expect(checklistProblems([long])).toEqual([
      { path: 'items.0.guidance.vi', problem: 'guidance_too_long', max: MAX_GUIDANCE },
    ]);
    const missing = { key: 'ab', text: { vi: 'x', en: 'y' } } as ChecklistItem;
    expect(shown([missing])).toEqual([
      'items.0.guidance.vi:text_required',
      'items.0.guidance.en:text_required',
    ]);
  });
  it('describes each problem in English for logs', () => {
    expect(describeChecklist({ path: 'items.0.key', problem: 'key_duplicate' })).toBe(
      'items.0.key repeats a key',
    );
    expect(describeChecklist({ path: 'items', problem: 'items_too_many', max: 60 })).toBe(
      'items has more than 60 items',
    );
  });
});

describe('customItemProblems', () => {
  it('an inspection may have none', () => {
    expect(customItemProblems([])).toEqual([]);
  });
  it('names its problems under customItems', () => {
    expect(
      customItemProblems([
        { key: 'own_item', text: { vi: 'Kiểm tra riêng', en: 'Own item' } },
        { key: 'own_item', text: { vi: '', en: 'x' } },
      ]).map((p) => `${p.path}:${p.problem}`),
    ).toEqual(['customItems.1.key:key_duplicate', 'customItems.1.text.vi:text_required']);
  });
});

describe('droppedKeys', () => {
  it('lists the keys a new version leaves out', () => {
    expect(droppedKeys([item('a1'), item('b1'), item('c1')], [item('b1'), item('d1')])).toEqual(['a1', 'c1']);
  });
});
