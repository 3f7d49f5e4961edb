import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  CLASSIFICATIONS,
  allowedCaseActions,
  caseTransition,
  publicStage,
  triageOutcome,
  type CaseAction,
  type CaseStatus,
} from './case-rules.js';

const office = { office: true, handler: false };
const handler = { office: false, handler: true };
const nobody = { office: false, handler: false };
const full = {
  reason: 'Lý do',
  answer: 'Trả lời',
  classification: 'within_authority' as const,
  handlingUnitId: 'u2',
  currentHandlingUnitId: 'u1',
  forwardedTo: 'Bộ Xây dựng',
  dueDate: '2026-03-10',
  newDueDate: '2026-03-20',
};

describe('triage — Decree 20/2008/NĐ-CP art. 10–13: four outcomes', () => {
  it('not accepted and forwarded close the case; behaviour and within authority assign a unit', () => {
    expect(CLASSIFICATIONS.map(triageOutcome)).toEqual(['not_accepted', 'assigned', 'assigned', 'forwarded']);
  });

  it('each outcome asks for what the submitter will be told or who handles it', () => {
    const t = (input: Parameters<typeof caseTransition>[3]) =>
      caseTransition('received', 'triage', office, input);
    expect(t({ classification: 'not_accepted' })).toMatchObject({ reason: 'hotline.rule.reason_required' });
    expect(t({ classification: 'not_accepted', reason: 'Thiếu nội dung' })).toEqual({
      ok: true,
      next: 'not_accepted',
    });
    expect(t({ classification: 'outside_authority' })).toMatchObject({
      reason: 'hotline.rule.forwarded_to_required',
    });
    expect(t({ classification: 'outside_authority', forwardedTo: 'Tòa án nhân dân tỉnh' })).toEqual({
      ok: true,
      next: 'forwarded',
    });
    expect(t({ classification: 'behaviour' })).toMatchObject({ reason: 'hotline.rule.unit_required' });
    expect(t({ classification: 'within_authority', handlingUnitId: 'u1' })).toEqual({
      ok: true,
      next: 'assigned',
    });
    expect(t({ reason: '   ' })).toMatchObject({ ok: false, status: 400 });
    expect(t({ classification: 'not_accepted', reason: '   ' })).toMatchObject({
      reason: 'hotline.rule.reason_required',
    });
  });

  it('only the office triages, and only a case just received', () => {
    expect(caseTransition('received', 'triage', handler, full)).toMatchObject({ status: 403 });
    for (const s of CASE_STATUSES.filter((x) => x !== 'received'))
      expect(caseTransition(s, 'triage', office, full)).toMatchObject({ status: 409 });
  });
});

describe('the answer — Decision 31/2021/QĐ-TTg art. 8: reviewed, returned or published', () => {
  it('the unit answers, the office returns with a reason, the unit answers again, the office publishes', () => {
    expect(caseTransition('assigned', 'submit_answer', handler, { answer: '' })).toMatchObject({
      reason: 'hotline.rule.answer_required',
    });
    expect(caseTransition('assigned', 'submit_answer', handler, full)).toEqual({
      ok: true,
      next: 'answered',
    });
    expect(caseTransition('answered', 'return', office, {})).toMatchObject({
      reason: 'hotline.rule.reason_required',
    });
    expect(caseTransition('answered', 'return', office, full)).toEqual({ ok: true, next: 'assigned' });
    expect(caseTransition('answered', 'approve', office, {})).toEqual({ ok: true, next: 'published' });
    expect(caseTransition('answered', 'approve', handler, {})).toMatchObject({ status: 403 });
    expect(caseTransition('assigned', 'submit_answer', office, full)).toMatchObject({ status: 403 });
  });

  it('the unit refers a case that is not its own back to triage, with a reason', () => {
    expect(caseTransition('assigned', 'refer_back', handler, {})).toMatchObject({
      reason: 'hotline.rule.reason_required',
    });
    expect(caseTransition('assigned', 'refer_back', handler, full)).toEqual({ ok: true, next: 'received' });
  });

  it('a transfer names another unit and a reason the submitter will read', () => {
    expect(caseTransition('assigned', 'transfer', office, { ...full, handlingUnitId: 'u1' })).toMatchObject({
      reason: 'hotline.rule.same_unit',
    });
    expect(caseTransition('assigned', 'transfer', office, { ...full, reason: '' })).toMatchObject({
      reason: 'hotline.rule.reason_required',
    });
    expect(caseTransition('assigned', 'transfer', office, full)).toEqual({ ok: true, next: 'assigned' });
  });

  it('an extension is later than the deadline and says why; the status stays', () => {
    expect(caseTransition('assigned', 'extend', office, { ...full, newDueDate: '2026-03-10' })).toMatchObject(
      {
        reason: 'hotline.rule.due_date_not_later',
      },
    );
    expect(caseTransition('answered', 'extend', office, full)).toEqual({ ok: true, next: 'answered' });
    expect(caseTransition('published', 'extend', office, full)).toMatchObject({ status: 409 });
  });
});

describe('the submitter', () => {
  it('reopens a published answer once, with a reason', () => {
    expect(caseTransition('published', 'reopen', nobody, { reason: 'Chưa giải quyết' })).toEqual({
      ok: true,
      next: 'assigned',
    });
    expect(caseTransition('published', 'reopen', nobody, { reason: 'Lại', reopenCount: 1 })).toMatchObject({
      reason: 'hotline.rule.reopened_already',
    });
    expect(caseTransition('published', 'reopen', nobody, {})).toMatchObject({
      reason: 'hotline.rule.reason_required',
    });
    expect(caseTransition('assigned', 'reopen', nobody, full)).toMatchObject({ status: 409 });
  });

  it('sees an answer under review as still in progress, never the draft', () => {
    const stages = Object.fromEntries(CASE_STATUSES.map((s) => [s, publicStage(s)]));
    expect(stages).toEqual({
      received: 'received',
      not_accepted: 'not_accepted',
      forwarded: 'forwarded',
      assigned: 'in_progress',
      answered: 'in_progress',
      published: 'answered',
      merged: 'merged',
    });
  });
});

describe('every status × action × person', () => {
  it('a closed case takes no step but the submitter’s reopen of a published one', () => {
    const actions: CaseAction[] = [
      'triage',
      'transfer',
      'merge',
      'submit_answer',
      'refer_back',
      'return',
      'approve',
      'extend',
    ];
    for (const s of ['not_accepted', 'forwarded', 'published', 'merged'] as CaseStatus[])
      for (const a of actions)
        for (const who of [office, handler])
          expect(caseTransition(s, a, who, full).ok, `${s} ${a}`).toBe(false);
  });

  it('nobody without a role takes any step; the buttons are exactly the allowed steps', () => {
    for (const s of CASE_STATUSES) expect(allowedCaseActions(s, nobody)).toEqual([]);
    expect(allowedCaseActions('received', office)).toEqual(['triage', 'merge']);
    expect(allowedCaseActions('assigned', office)).toEqual(['transfer', 'merge', 'extend']);
    expect(allowedCaseActions('assigned', handler)).toEqual(['submit_answer', 'refer_back']);
    expect(allowedCaseActions('answered', office)).toEqual(['return', 'approve', 'extend']);
    expect(allowedCaseActions('answered', handler)).toEqual([]);
    expect(allowedCaseActions('published', office)).toEqual([]);
  });
});
