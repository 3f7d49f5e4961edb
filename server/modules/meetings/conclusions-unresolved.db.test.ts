import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context.js';
import { testApp, type TestApp } from '../../test/harness.js';
import { loadActor } from '../access/access.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { findUserByEmail } from '../users/users.service.js';
import { untrackedConclusions, type UntrackedConclusion } from './conclusions-unresolved.service.js';
import {
  addConclusion,
  createMeeting,
  createTaskFromConclusion,
  meetingCommittees,
} from './meetings.service.js';

/**
 * `untrackedConclusions`: the conclusions with a lead unit and a due date that nobody turned into a task,
 * of the meetings the caller reads, with what the caller may do about them on the meeting page.
 */
const AS_OF = '2026-01-10';
let t: TestApp;
let officer: RequestContext;
let member: RequestContext;
let outsider: RequestContext;
let tuPhap: string;
let xayDung: string;
let held: string;
let planned: string;
const ids: Record<'untracked' | 'withTask' | 'noLead' | 'noDue' | 'planned', string> = {
  untracked: '',
  withTask: '',
  noLead: '',
  noDue: '',
  planned: '',
};

async function contextOf(email: string): Promise<RequestContext> {
  const base: RequestContext = { db: t.database.db, actor: null, requestId: 'test', ip: null, locale: 'vi' };
  const user = (await findUserByEmail(base, email))!;
  return { ...base, actor: await loadActor(t.database.db, user) };
}

const mine = (list: UntrackedConclusion[]) =>
  list.filter((c) => c.meeting.id === held || c.meeting.id === planned);

beforeAll(async () => {
  t = await testApp();
  officer = await contextOf('thuongtruc@chidao.demo');
  member = await contextOf('uyvien@chidao.demo');
  outsider = await contextOf('daumoi.xaydung@chidao.demo');
  const depts = await unitsAsOf(t.database.db, { date: AS_OF, kind: 'department' });
  tuPhap = depts.find((d) => d.name === 'Sở Tư pháp')!.id;
  xayDung = depts.find((d) => d.name === 'Sở Xây dựng')!.id;
  const committee = (await meetingCommittees(officer)).items.find((c) => c.level === 'province')!;
  held = (
    await createMeeting(officer, committee.id, {
      kind: 'session',
      title: 'Phiên họp thử nghiệm kết luận chưa giao nhiệm vụ',
      date: '2025-10-15',
      status: 'held',
    })
  ).id;
  planned = (
    await createMeeting(officer, committee.id, {
      kind: 'session',
      title: 'Phiên họp thử nghiệm dự kiến',
      date: '2026-12-15',
      status: 'planned',
    })
  ).id;
  const add = async (meetingId: string, text: string, leadUnitId: string | null, dueDate: string | null) =>
    (await addConclusion(officer, meetingId, { text, leadUnitId, dueDate, reformArea: 'institutions' })).id;
  ids.untracked = await add(held, 'Sở Tư pháp rà soát văn bản quy phạm pháp luật.', tuPhap, '2025-12-31');
  ids.withTask = await add(held, 'Sở Tư pháp hướng dẫn chứng thực điện tử.', tuPhap, '2025-11-30');
  await createTaskFromConclusion(officer, ids.withTask, {});
  ids.noLead = await add(held, 'Các sở, ngành tiếp tục thực hiện.', null, '2025-12-31');
  ids.noDue = await add(held, 'Sở Xây dựng theo dõi thường xuyên.', xayDung, null);
  ids.planned = await add(planned, 'Sở Xây dựng báo cáo tại phiên họp.', xayDung, '2027-01-31');
}, 240_000);
afterAll(() => t?.close());

describe('untrackedConclusions', () => {
  it('lists conclusions with a lead unit and a due date but no task, oldest meeting first', async () => {
    const found = mine(await untrackedConclusions(officer, { asOf: AS_OF }));
    expect(found.map((c) => c.id)).toEqual([ids.untracked, ids.planned]);
    expect(found[0]).toMatchObject({
      version: 1,
      ordinal: 1,
      text: 'Sở Tư pháp rà soát văn bản quy phạm pháp luật.',
      leadUnitId: tuPhap,
      dueDate: '2025-12-31',
      meeting: {
        id: held,
        title: 'Phiên họp thử nghiệm kết luận chưa giao nhiệm vụ',
        date: '2025-10-15',
        status: 'held',
      },
      abilities: { update: true, createTask: true },
    });
    expect(found[0]!.meeting.committeeName).toBeTruthy();
    // Timing as a task with that due date would have it: overdue by working days on 10/1/2026.
    expect(found[0]!.timing.state).toBe('overdue');
    expect(found[0]!.timing.daysOverdue).toBeGreaterThan(0);
    expect(found[1]!.timing.state).toBe('on_track');
    // A planned meeting's conclusion may be changed, not yet turned into a task.
    expect(found[1]!.abilities).toEqual({ update: true, createTask: false });
  });

  it('filters by lead unit when asked', async () => {
    expect(mine(await untrackedConclusions(officer, { leadUnitIds: [xayDung], asOf: AS_OF }))).toEqual([
      expect.objectContaining({ id: ids.planned }),
    ]);
    expect(await untrackedConclusions(officer, { leadUnitIds: [] })).toEqual([]);
  });

  it('a committee member reads them without acting; a reader of no meeting gets none', async () => {
    const seen = mine(await untrackedConclusions(member, { asOf: AS_OF }));
    expect(seen.map((c) => c.id)).toEqual([ids.untracked, ids.planned]);
    expect(seen.every((c) => !c.abilities.update && !c.abilities.createTask)).toBe(true);
    expect(mine(await untrackedConclusions(outsider, { asOf: AS_OF }))).toEqual([]);
  });

  it('refuses an anonymous caller', async () => {
    await expect(untrackedConclusions({ ...officer, actor: null })).rejects.toMatchObject({ status: 401 });
  });
});
