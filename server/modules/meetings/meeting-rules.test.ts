import { describe, expect, it } from 'vitest';
import {
  checkAttendance,
  checkShape,
  conclusionState,
  defaultPlan,
  nextOrdinal,
  noticeSummary,
  noticeTitle,
  presentIds,
  tallyStates,
  taskTitleOf,
  lowerFirst,
  withTail,
} from './meeting-rules.js';

const members = new Set(['chair', 'a', 'b', 'c']);
const attendance = (over: Partial<Parameters<typeof checkAttendance>[0]> = {}) =>
  checkAttendance({
    membersInForce: members,
    date: '2024-06-20',
    chairMembershipId: 'chair',
    attendeeIds: ['a', 'b'],
    absenteeIds: ['c'],
    ...over,
  });

describe('checkAttendance', () => {
  it('accepts members in force, present or absent', () => {
    expect(attendance()).toEqual([]);
    expect(attendance({ chairMembershipId: null, attendeeIds: [], absenteeIds: [] })).toEqual([]);
  });

  it('refuses attendees who were not members on the date, counting them', () => {
    expect(attendance({ attendeeIds: ['a', 'x', 'y'] })).toEqual([
      {
        field: 'attendeeMembershipIds',
        key: 'meeting.not_member',
        params: { date: '2024-06-20', count: '2' },
      },
    ]);
  });

  it('refuses absentees and a chair who were not members', () => {
    expect(attendance({ absenteeIds: ['z'] })[0]).toMatchObject({
      field: 'absentees',
      key: 'meeting.not_member',
    });
    expect(attendance({ chairMembershipId: 'z' })).toEqual([
      { field: 'chairMembershipId', key: 'meeting.chair_not_member', params: { date: '2024-06-20' } },
    ]);
  });

  it('refuses anyone both present and absent, the chair included', () => {
    expect(attendance({ absenteeIds: ['a'] })[0]!.key).toBe('meeting.attendance_overlap');
    expect(attendance({ attendeeIds: [], absenteeIds: ['chair'] })[0]!.key).toBe(
      'meeting.attendance_overlap',
    );
  });

  it('reports every problem at once', () => {
    expect(
      attendance({ chairMembershipId: 'z', attendeeIds: ['x'], absenteeIds: ['y'] }).map((e) => e.field),
    ).toEqual(['attendeeMembershipIds', 'absentees', 'chairMembershipId']);
  });
});

describe('checkShape', () => {
  const base = {
    kind: 'session' as const,
    unitId: null,
    status: 'planned' as const,
    date: '2024-06-20',
    today: '2024-06-20',
    committeeFoundedOn: '2023-03-06',
    committeeDissolvedOn: null,
  };
  it('accepts a session on the day it is held', () => {
    expect(checkShape({ ...base, status: 'held' })).toEqual([]);
  });
  it('a working session names its unit', () => {
    expect(checkShape({ ...base, kind: 'working_session' })[0]!.field).toBe('unitId');
    expect(checkShape({ ...base, kind: 'working_session', unitId: 'u' })).toEqual([]);
    // A committee-internal meeting (e.g. of its Tổ giúp việc) is held with no unit.
    expect(checkShape({ ...base, kind: 'internal' })).toEqual([]);
    expect(checkShape({ ...base, kind: 'internal', unitId: 'u' })[0]).toMatchObject({
      field: 'unitId',
      key: 'meeting.internal_no_unit',
    });
  });
  it('a meeting in the future may be planned, not held', () => {
    expect(checkShape({ ...base, date: '2024-06-21' })).toEqual([]);
    expect(checkShape({ ...base, date: '2024-06-21', status: 'held' })[0]!.key).toBe(
      'meeting.held_in_future',
    );
  });
  it('the committee existed on the date (founding day and dissolution day included)', () => {
    expect(checkShape({ ...base, date: '2023-03-05' })[0]!.key).toBe('meeting.before_founding');
    expect(checkShape({ ...base, date: '2023-03-06' })).toEqual([]);
    expect(checkShape({ ...base, committeeDissolvedOn: '2024-06-20' })).toEqual([]);
    expect(checkShape({ ...base, committeeDissolvedOn: '2024-06-19' })[0]!.key).toBe(
      'meeting.after_dissolution',
    );
  });
});

describe('presentIds and nextOrdinal', () => {
  it('lists the chair first and everyone once', () => {
    expect(presentIds('c', ['a', 'c', 'b', 'a'])).toEqual(['c', 'a', 'b']);
    expect(presentIds(null, ['a'])).toEqual(['a']);
  });
  it('numbers after the highest number, gaps kept', () => {
    expect(nextOrdinal([])).toBe(1);
    expect(nextOrdinal([1, 2, 5])).toBe(6);
  });
});

describe('conclusionState', () => {
  const t = (status: string, timingState = 'on_track') => ({ status, timingState });
  it.each([
    [[], 'untracked'],
    [[t('cancelled', 'cancelled')], 'cancelled'],
    [[t('not_started', 'overdue')], 'overdue'],
    [[t('verified', 'done_on_time'), t('in_progress', 'overdue')], 'overdue'],
    [[t('reported_done', 'overdue')], 'overdue'],
    [[t('verified', 'done_on_time')], 'done'],
    [[t('verified', 'done_late')], 'done'],
    [[t('verified', 'done_on_time'), t('cancelled', 'cancelled')], 'done'],
    [[t('verified', 'done_on_time'), t('reported_done')], 'reported'],
    [[t('in_progress'), t('verified', 'done_on_time')], 'in_progress'],
    [[t('returned', 'due_soon')], 'in_progress'],
    [[t('not_started')], 'in_progress'],
  ] as const)('%j → %s', (tasks, state) => {
    expect(conclusionState(tasks)).toBe(state);
  });

  it('tallies states', () => {
    expect(tallyStates(['done', 'done', 'overdue'])).toEqual({
      untracked: 0,
      in_progress: 0,
      overdue: 1,
      reported: 0,
      done: 2,
      cancelled: 0,
    });
  });
});

describe('the conclusion notice', () => {
  it('lists the conclusions by number with lead unit and deadline, dates as dd/mm/yyyy', () => {
    const text = noticeSummary({
      meetingTitle: 'Phiên họp thứ nhất Ban Chỉ đạo CCHC tỉnh',
      date: '2023-03-20',
      place: 'Trụ sở Tỉnh ủy',
      chairName: 'Trần Văn Chỉ Đạo',
      conclusions: [
        { ordinal: 2, text: ' Hoàn thiện quy chế. ', leadUnitName: null, dueDate: null },
        { ordinal: 1, text: 'Ban hành kế hoạch.', leadUnitName: 'Sở Nội vụ', dueDate: '2023-04-15' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Kết luận của đồng chí Trần Văn Chỉ Đạo tại phiên họp thứ nhất Ban Chỉ đạo CCHC tỉnh ngày 20/03/2023, tại Trụ sở Tỉnh ủy:',
      '1. Ban hành kế hoạch (Chủ trì: Sở Nội vụ; thời hạn: 15/04/2023).',
      '2. Hoàn thiện quy chế.',
    ]);
  });
  it('without chair or place', () => {
    expect(
      noticeSummary({
        meetingTitle: 'Cuộc họp',
        date: '2024-01-02',
        place: null,
        chairName: null,
        conclusions: [],
      }),
    ).toBe('Kết luận của chủ trì tại cuộc họp ngày 02/01/2024:');
  });
  it('titles the notice after the meeting', () => {
    expect(noticeTitle('Phiên họp thứ nhất', '2023-03-20')).toBe(
      'Thông báo kết luận phiên họp thứ nhất ngày 20/03/2023',
    );
  });
});

describe('defaultPlan', () => {
  const plans = [
    { id: 'unit-2024', year: 2024, ownerUnitId: 'p', ownerKind: 'unit' },
    { id: 'c-2023', year: 2023, ownerUnitId: 'p', ownerKind: 'committee' },
    { id: 'c-2024', year: 2024, ownerUnitId: 'p', ownerKind: 'committee' },
    { id: 'other', year: 2024, ownerUnitId: 'q', ownerKind: 'committee' },
  ];
  it("picks the committee's plan of the year, then any plan of the host unit that year", () => {
    expect(defaultPlan(plans, 'p', 2024)?.id).toBe('c-2024');
    expect(defaultPlan(plans.slice(0, 2), 'p', 2024)?.id).toBe('unit-2024');
    expect(defaultPlan(plans, 'p', 2025)).toBeNull();
    expect(defaultPlan(plans, 'q', 2023)).toBeNull();
  });
});

describe('taskTitleOf', () => {
  it('flattens whitespace', () => {
    expect(taskTitleOf('  Rà soát\n  thủ tục  ')).toBe('Rà soát thủ tục');
  });
  it('cuts long text at a word, with an ellipsis, within the limit', () => {
    const title = taskTitleOf('một hai ba bốn năm sáu bảy', 12);
    expect(title).toBe('một hai ba…');
    expect(title.length).toBeLessThanOrEqual(12);
    expect(taskTitleOf('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
  });
});

describe('withTail', () => {
  it('puts the details in brackets before one full stop', () => {
    expect(withTail('Ban hành quy chế.', ['Chủ trì: Sở Nội vụ', null])).toBe(
      'Ban hành quy chế (Chủ trì: Sở Nội vụ).',
    );
    expect(withTail(' Ban hành quy chế; ', ['a', 'b'])).toBe('Ban hành quy chế (a; b).');
    expect(withTail('Ban hành quy chế.', [null])).toBe('Ban hành quy chế.');
  });
});

describe('lowerFirst', () => {
  it('lowers the first letter of a title continued in a sentence, not of an initialism', () => {
    expect(lowerFirst('Phiên họp thứ nhất')).toBe('phiên họp thứ nhất');
    expect(lowerFirst('Làm việc với Sở Xây dựng')).toBe('làm việc với Sở Xây dựng');
    expect(lowerFirst('UBND huyện Diễn Châu')).toBe('UBND huyện Diễn Châu');
    expect(lowerFirst('Đ')).toBe('đ');
    expect(lowerFirst('')).toBe('');
  });
});
