import { describe, expect, it } from 'vitest';
import { barPercent, filterTasks, groupByArea, parseStatus, TASK_STATUSES } from './plan-view';
import type { PlanArea } from './portal-types';

const figures = { total: 0, done: 0, inProgress: 0, overdue: 0, completionPercent: null };
const areas: PlanArea[] = [
  { area: 'direction', areaName: { vi: 'Công tác chỉ đạo, điều hành', en: 'Direction' }, figures },
  { area: 'institutions', areaName: { vi: 'Cải cách thể chế', en: 'Institutions' }, figures },
  { area: 'procedures', areaName: { vi: 'Cải cách TTHC', en: 'Procedures' }, figures },
];
const task = (
  title: string,
  area: PlanArea['area'],
  status: 'done' | 'in_progress' | 'overdue',
  leadUnitName: string,
) => ({
  title,
  area,
  status,
  leadUnitName,
});
const tasks = [
  task('Rà soát thủ tục hành chính', 'procedures', 'done', 'Văn phòng UBND tỉnh'),
  task('Kiểm tra công tác CCHC', 'direction', 'overdue', 'Sở Nội vụ'),
  task('Xây dựng văn bản quy phạm', 'institutions', 'in_progress', 'Sở Tư pháp'),
  task('Tuyên truyền CCHC', 'direction', 'done', 'Sở Nội vụ'),
];

describe('the plan page', () => {
  it('reads the status filter (anything else is all)', () => {
    expect(TASK_STATUSES).toEqual(['done', 'in_progress', 'overdue']);
    for (const s of TASK_STATUSES) expect(parseStatus(s)).toBe(s);
    expect(parseStatus('')).toBeNull();
    expect(parseStatus('verified')).toBeNull();
  });

  it('filters by status and by words of the task or its lead unit', () => {
    expect(filterTasks(tasks, { status: 'done', q: '' }).map((t) => t.title)).toEqual([
      'Rà soát thủ tục hành chính',
      'Tuyên truyền CCHC',
    ]);
    expect(filterTasks(tasks, { status: null, q: 'noi vu' })).toHaveLength(2);
    expect(filterTasks(tasks, { status: 'overdue', q: 'noi vu' }).map((t) => t.title)).toEqual([
      'Kiểm tra công tác CCHC',
    ]);
    expect(filterTasks(tasks, { status: null, q: 'thu tuc' }).map((t) => t.title)).toEqual([
      'Rà soát thủ tục hành chính',
    ]);
    expect(filterTasks(tasks, { status: null, q: '' })).toEqual(tasks);
  });

  it('groups tasks under the plan’s areas in their order, dropping empty areas', () => {
    const groups = groupByArea(tasks, areas);
    expect(groups.map((g) => g.area)).toEqual(['direction', 'institutions', 'procedures']);
    expect(groups[0]!.tasks.map((t) => t.title)).toEqual(['Kiểm tra công tác CCHC', 'Tuyên truyền CCHC']);
    const done = groupByArea(filterTasks(tasks, { status: 'done', q: '' }), areas);
    expect(done.map((g) => g.area)).toEqual(['direction', 'procedures']);
  });

  it('holds the completion bar between 0 and 100', () => {
    expect(barPercent(41.33)).toBe(41.33);
    expect(barPercent(null)).toBe(0);
    expect(barPercent(120)).toBe(100);
    expect(barPercent(-1)).toBe(0);
  });
});
