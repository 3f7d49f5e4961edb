import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context.js';
import { testApp, type TestApp } from '../../test/harness.js';
import { loadActor } from '../access/access.service.js';
import {
  addConclusion,
  createMeeting,
  createTaskFromConclusion,
  meetingCommittees,
} from '../meetings/meetings.service.js';
import { findUserByEmail } from '../users/users.service.js';
import { findByCode, unitsAsOf } from './lineage.service.js';
import { applyStaleLink, staleLinkCount, staleLinks } from './stale-links.service.js';

/**
 * Meeting conclusions never turned into a task ("untracked") whose lead unit has ended are links to ended
 * units too: Huyện Diễn Châu, abolished on 1/7/2025 (its last day 30/6/2025), is proposed its communes'
 * successors; the meeting page is where the standing agency acts on them.
 */
const ON = '2026-01-10';
let t: TestApp;
let officer: RequestContext;
let member: RequestContext;
let outsider: RequestContext;
let dienChau: string;
let tuPhap: string;
let meetingId: string;
const conclusion: Record<'untracked' | 'withTask' | 'inForce' | 'noDueDate', string> = {
  untracked: '',
  withTask: '',
  inForce: '',
  noDueDate: '',
};

async function contextOf(email: string): Promise<RequestContext> {
  const base: RequestContext = { db: t.database.db, actor: null, requestId: 'test', ip: null, locale: 'vi' };
  const user = (await findUserByEmail(base, email))!;
  return { ...base, actor: await loadActor(t.database.db, user) };
}

beforeAll(async () => {
  t = await testApp();
  officer = await contextOf('thuongtruc@chidao.demo');
  member = await contextOf('uyvien@chidao.demo');
  // A department's focal point: reads no meeting of the provincial committee.
  outsider = await contextOf('daumoi.xaydung@chidao.demo');
  dienChau = (await findByCode(t.database.db, '425', '2024-01-01', 'district'))!.id;
  tuPhap = (await unitsAsOf(t.database.db, { date: ON, kind: 'department' })).find(
    (d) => d.name === 'Sở Tư pháp',
  )!.id;
  const committee = (await meetingCommittees(officer)).items.find((c) => c.level === 'province')!;
  const meeting = await createMeeting(officer, committee.id, {
    kind: 'session',
    title: 'Phiên họp chuyên đề chuẩn bị sắp xếp đơn vị hành chính cấp xã (thử nghiệm)',
    date: '2025-03-20',
    status: 'held',
  });
  meetingId = meeting.id;
  const add = async (text: string, leadUnitId: string, dueDate: string | null) =>
    (await addConclusion(officer, meetingId, { text, leadUnitId, dueDate, reformArea: 'apparatus' })).id;
  conclusion.untracked = await add(
    'UBND huyện Diễn Châu rà soát, bàn giao hồ sơ thủ tục hành chính đang giải quyết cho các xã mới ' +
      'trước khi kết thúc hoạt động cấp huyện, bảo đảm không gián đoạn việc tiếp nhận, giải quyết hồ sơ ' +
      'của người dân, doanh nghiệp; báo cáo kết quả về Ban Chỉ đạo.',
    dienChau,
    '2025-09-30',
  );
  conclusion.withTask = await add(
    'UBND huyện Diễn Châu lập danh mục hồ sơ lưu trữ cần bàn giao.',
    dienChau,
    '2025-06-30',
  );
  await createTaskFromConclusion(officer, conclusion.withTask, {});
  conclusion.inForce = await add('Sở Tư pháp hướng dẫn chứng thực tại các xã mới.', tuPhap, '2025-05-31');
  conclusion.noDueDate = await add('UBND huyện Diễn Châu tiếp tục theo dõi.', dienChau, null);
}, 240_000);
afterAll(() => t?.close());

describe('untracked conclusions whose lead unit has ended', () => {
  it('lists the untracked conclusion of the abolished district with its successors proposed', async () => {
    const l = await staleLinks(officer, ON);
    const mine = l.items.filter((i) => i.kind === 'untracked_conclusion' && i.meeting?.id === meetingId);
    expect(mine.map((i) => i.recordId)).toEqual([conclusion.untracked]);
    const item = mine[0]!;
    expect(item).toMatchObject({
      id: `untracked_conclusion:${conclusion.untracked}`,
      version: 1,
      context: 'Phiên họp chuyên đề chuẩn bị sắp xếp đơn vị hành chính cấp xã (thử nghiệm)',
      unit: { id: dienChau, validTo: '2025-06-30' },
      via: 'children',
      since: '2025-09-30',
      overdue: true,
      link: `/meetings/${meetingId}`,
      canApply: true,
      meeting: { id: meetingId, date: '2025-03-20', held: true, ordinal: 1 },
    });
    expect(item.unit.name).toContain('Diễn Châu');
    // The conclusion's text, shortened to one line.
    expect(item.subject.startsWith('UBND huyện Diễn Châu rà soát, bàn giao hồ sơ')).toBe(true);
    expect(item.subject.endsWith('…')).toBe(true);
    expect(item.subject.length).toBeLessThanOrEqual(160);
    // The one resolver's answer: the 8 communes that carry the district, shares adding up to the whole.
    expect(item.proposals).toHaveLength(8);
    expect(item.proposals.every((p) => p.kind === 'unit')).toBe(true);
    expect(item.proposals.reduce((s, p) => s + p.weight!, 0)).toBeCloseTo(1, 4);
    expect(l.counts.untracked_conclusion).toBe(
      l.items.filter((i) => i.kind === 'untracked_conclusion').length,
    );
    expect(await staleLinkCount(officer, ON)).toBe(l.total);
  });

  it('a conclusion with a task is not listed as untracked (its open task is, as a conclusion task)', async () => {
    const l = await staleLinks(officer, ON);
    expect(l.items.find((i) => i.recordId === conclusion.withTask)).toBeUndefined();
    const task = l.items.find(
      (i) =>
        i.kind === 'conclusion_task' &&
        i.subject === 'UBND huyện Diễn Châu lập danh mục hồ sơ lưu trữ cần bàn giao.',
    );
    expect(task?.unit.id).toBe(dienChau);
  });

  it('a conclusion led by a unit in force, or without a due date, is not listed', async () => {
    const ids = new Set((await staleLinks(officer, ON)).items.map((i) => i.recordId));
    expect(ids.has(conclusion.inForce)).toBe(false);
    expect(ids.has(conclusion.noDueDate)).toBe(false);
  });

  it('before the district ended, nothing is stale', async () => {
    const l = await staleLinks(officer, '2025-06-30');
    expect(l.items.find((i) => i.recordId === conclusion.untracked)).toBeUndefined();
  });

  it('a committee member sees it without the action; a reader of no meeting does not see it', async () => {
    const seen = (await staleLinks(member, ON)).items.find((i) => i.recordId === conclusion.untracked);
    expect(seen).toMatchObject({ kind: 'untracked_conclusion', canApply: false });
    expect(seen!.proposals).toHaveLength(8);
    const other = await staleLinks(outsider, ON);
    expect(other.items.filter((i) => i.kind === 'untracked_conclusion')).toEqual([]);
  });

  it('is not applied here: the apply refuses it (the meeting page is where it is changed)', async () => {
    await expect(
      applyStaleLink(
        officer,
        {
          kind: 'untracked_conclusion' as 'task',
          recordId: conclusion.untracked,
          version: 1,
          targetIds: [dienChau],
        },
        ON,
      ),
    ).rejects.toMatchObject({ status: 400, messageKey: 'stale_links.open_record' });
  });
});
