import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import vi from './locales/vi.json';
import {
  CHANNELS,
  CLASSIFICATIONS,
  deadlineOf,
  defaultView,
  hotlineScope,
  likeness,
  needsUnit,
  nextDay,
  reasonKeys,
  receivedAtOf,
  standingNote,
  STATUS_COLORS,
  timingText,
  VIEWS,
} from './labels';

const grant = (role: string, unitId: string) => ({ id: `${role}-${unitId}`, role, unitId }) as never;

describe('timing in words', () => {
  it('working days left, due today, overdue', () => {
    expect(timingText({ state: 'on_time', workingDaysLeft: 3, workingDaysOver: null })).toEqual({
      key: 'hotline.timing.left',
      values: { count: 3 },
    });
    expect(timingText({ state: 'due_soon', workingDaysLeft: 1, workingDaysOver: null }).values.count).toBe(1);
    expect(timingText({ state: 'due_soon', workingDaysLeft: 0, workingDaysOver: null }).key).toBe(
      'hotline.timing.due_today',
    );
    expect(timingText({ state: 'overdue', workingDaysLeft: null, workingDaysOver: 2 })).toEqual({
      key: 'hotline.timing.overdue',
      values: { count: 2 },
    });
  });

  it('closed on time or late (with the working days over)', () => {
    expect(timingText({ state: 'closed_on_time', workingDaysLeft: null, workingDaysOver: null }).key).toBe(
      'hotline.timing.closed_on_time',
    );
    expect(timingText({ state: 'closed_late', workingDaysLeft: null, workingDaysOver: 4 })).toEqual({
      key: 'hotline.timing.closed_late',
      values: { count: 4 },
    });
  });

  it('a missing number reads as 0, never as "null"', () => {
    expect(timingText({ state: 'on_time', workingDaysLeft: null, workingDaysOver: null }).key).toBe(
      'hotline.timing.due_today',
    );
    expect(timingText({ state: 'overdue', workingDaysLeft: null, workingDaysOver: null }).values.count).toBe(
      0,
    );
  });
});

describe('the deadline a case runs against', () => {
  it('triage while received, the answer afterwards', () => {
    const c = { triageDueDate: '2026-12-08', dueDate: '2026-12-20' };
    expect(deadlineOf({ ...c, status: 'received' })).toEqual({ kind: 'triage', date: '2026-12-08' });
    expect(deadlineOf({ ...c, status: 'assigned' })).toEqual({ kind: 'answer', date: '2026-12-20' });
    expect(deadlineOf({ ...c, status: 'not_accepted', dueDate: null })).toEqual({
      kind: 'answer',
      date: null,
    });
  });
});

describe('who the user is to the hotline', () => {
  it('the office reads the province and starts on the cases to triage', () => {
    const s = hotlineScope({ grants: [grant('hotline_officer', 'P')] });
    expect(s).toEqual({ province: true, office: true, ownUnits: [] });
    expect(defaultView(s)).toBe('triage');
  });

  it('the committee reads the province but does not triage', () => {
    const s = hotlineScope({ grants: [grant('committee_member', 'P')] });
    expect(s).toEqual({ province: true, office: false, ownUnits: [] });
    expect(defaultView(s)).toBe('open');
  });

  it("a focal point sees their unit's cases (named in the title)", () => {
    expect(hotlineScope({ grants: [grant('focal_point', 'U'), grant('unit_leader', 'U')] })).toEqual({
      province: false,
      office: false,
      ownUnits: ['U'],
    });
    // Who also reads the province has the province's title.
    expect(
      hotlineScope({ grants: [grant('focal_point', 'U'), grant('standing_officer', 'P')] }).ownUnits,
    ).toEqual([]);
  });

  it('nothing when signed out', () => {
    expect(hotlineScope(null)).toEqual({ province: false, office: false, ownUnits: [] });
  });
});

describe('the time of receipt', () => {
  it('the local date and time as an instant', () => {
    const at = receivedAtOf('2026-12-04', '09:40');
    expect(at).not.toBeNull();
    const d = new Date(at!);
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
      2026, 12, 4, 9, 40,
    ]);
    expect(receivedAtOf('2026-12-04', '7:05')).not.toBeNull();
    expect(receivedAtOf('2026-12-04', '09:40:00')).toBe(at);
  });

  it('nothing for a missing or impossible date or time', () => {
    expect(receivedAtOf(null, '09:40')).toBeNull();
    expect(receivedAtOf('2026-12-04', '')).toBeNull();
    expect(receivedAtOf('2026-02-30', '09:40')).toBeNull();
    expect(receivedAtOf('2026-12-04', '24:00')).toBeNull();
    expect(receivedAtOf('2026-12-04', '09:60')).toBeNull();
  });

  it('the day after a deadline', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});

describe('the note in force', () => {
  const e = (action: string, note: string | null = null, on = '2026-12-01') => ({
    action,
    note,
    on,
    actorName: 'Nguyễn Văn A',
  });

  it("the unit's request to send it back, while received again", () => {
    expect(
      standingNote('received', [e('receive'), e('triage', 'Sở Xây dựng'), e('refer_back', 'Không thuộc sở')]),
    ).toEqual({
      kind: 'refer_back',
      note: 'Không thuộc sở',
      on: '2026-12-01',
      by: 'Nguyễn Văn A',
    });
    // Triaged again after it: no longer in force.
    expect(standingNote('received', [e('refer_back', 'x'), e('triage', 'y')])).toBeNull();
  });

  it("the office's return, the submitter's reopening, a transfer — while a unit handles it", () => {
    expect(
      standingNote('assigned', [e('triage', 'U'), e('submit_answer', 'A'), e('return', 'Thiếu căn cứ')])
        ?.kind,
    ).toBe('return');
    expect(
      standingNote('assigned', [e('approve'), e('rate', 'Chưa hài lòng'), e('reopen', 'Chưa giải quyết')])
        ?.kind,
    ).toBe('reopen');
    expect(standingNote('assigned', [e('triage', 'U'), e('transfer', 'Đúng thẩm quyền')])?.kind).toBe(
      'transfer',
    );
    // An extension or an escalation after a return does not hide it.
    expect(
      standingNote('assigned', [
        e('submit_answer', 'A'),
        e('return', 'R'),
        e('extend', 'E'),
        e('escalate', 'X'),
      ])?.note,
    ).toBe('R');
  });

  it('nothing once the unit answered again, or when triaged fresh, or for other statuses', () => {
    expect(standingNote('assigned', [e('return', 'R'), e('submit_answer', 'A')])).toBeNull();
    expect(standingNote('assigned', [e('triage', 'Sở Xây dựng')])).toBeNull();
    expect(standingNote('answered', [e('return', 'R')])).toBeNull();
    expect(standingNote('published', [e('reopen', 'R')])).toBeNull();
    expect(standingNote('assigned', [e('return', '   ')])).toBeNull();
  });
});

describe('duplicates in words', () => {
  it('likeness by score', () => {
    expect(likeness(0.9)).toBe('high');
    expect(likeness(0.75)).toBe('high');
    expect(likeness(0.6)).toBe('medium');
    expect(likeness(0.36)).toBe('low');
  });
  it('reasons in a stable order, as keys of words', () => {
    expect(reasonKeys({ reasons: ['place', 'text'] })).toEqual([
      'hotline.duplicates.reasons.text',
      'hotline.duplicates.reasons.place',
    ]);
  });
  it('the outcomes that need a unit', () => {
    expect(CLASSIFICATIONS.filter(needsUnit)).toEqual(['within_authority', 'behaviour']);
  });
});

type Tree = { [k: string]: string | Tree };
const flat = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : flat(v, `${prefix}${k}.`),
  );
/** English plural forms (`_one`, `_other`) are one key (Vietnamese has one form). */
const base = (keys: string[]) => [...new Set(keys.map((k) => k.replace(/_(one|other)$/, '')))].sort();

describe('the texts', () => {
  const viKeys = base(flat(vi as Tree));
  const enKeys = base(flat(en as Tree));

  it('Vietnamese and English have the same keys', () => {
    expect(enKeys).toEqual(viKeys);
  });

  it('every status, channel, classification, tab and timing has its words', () => {
    const needed = [
      ...Object.keys(STATUS_COLORS).map((s) => `hotline.status.${s}`),
      ...CHANNELS.map((c) => `hotline.channel.${c}`),
      ...CLASSIFICATIONS.map((c) => `hotline.classification.${c}`),
      ...CLASSIFICATIONS.map((c) => `hotline.triage.explain.${c}`),
      ...VIEWS.map((v) => `hotline.views.${v}`),
      ...VIEWS.map((v) => `hotline.list.empty.${v}`),
      'hotline.timing.left',
      'hotline.timing.due_today',
      'hotline.timing.overdue',
      'hotline.timing.closed_on_time',
      'hotline.timing.closed_late',
      'nav.hotline',
    ];
    for (const key of needed) {
      expect(viKeys, key).toContain(key);
      expect(enKeys, key).toContain(key);
    }
  });

  it('no text is left empty', () => {
    for (const key of flat(vi as Tree)) {
      const text = key.split('.').reduce<Tree | string>((t, k) => (t as Tree)[k]!, vi as Tree) as string;
      expect(text.trim(), key).not.toBe('');
    }
  });
});
