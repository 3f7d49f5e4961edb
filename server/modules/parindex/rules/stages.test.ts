import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STAGES as TABLE_STAGES } from '../parindex.table.js';
import type { AssessmentStatus } from './assessment-status.js';
import {
  advanceStage,
  computationDue,
  computationPending,
  requestedSince,
  appraisalOpen,
  CAMPAIGN_STAGES,
  checkDeadlines,
  explanationOpen,
  formatDate,
  isIsoDate,
  lockDue,
  nextStage,
  selfScoringOpen,
  STAGE_LABELS,
  type CampaignCounts,
  type Deadlines,
} from './stages.js';

// A 2025 campaign: self-assessment until 31/01/2026, round 1 until 28/02, explanation until 10/03, round 2 until 31/03.
const D: Deadlines = {
  selfDeadline: '2026-01-31',
  appraisal1Deadline: '2026-02-28',
  explanationDeadline: '2026-03-10',
  appraisal2Deadline: '2026-03-31',
};
const COUNTS: CampaignCounts = {
  frameworksReady: true,
  assessments: 40,
  submitted: 40,
  appraised1: 40,
  contested: 10,
  explained: 10,
  final: 40,
  signedOff: true,
};
const advance = (
  stage: (typeof CAMPAIGN_STAGES)[number],
  today: string,
  counts: Partial<CampaignCounts> = {},
  d = D,
) => advanceStage(stage, today, d, { ...COUNTS, ...counts });
const problemOf = (r: ReturnType<typeof advanceStage>) => (r.ok ? null : r.reason.problem);

describe('stages', () => {
  it('are the table’s, in order', () => {
    expect(CAMPAIGN_STAGES).toEqual(TABLE_STAGES);
    expect(Object.keys(STAGE_LABELS)).toEqual([...CAMPAIGN_STAGES]);
  });
  it('nextStage', () => {
    expect(CAMPAIGN_STAGES.map(nextStage)).toEqual([
      'self_assessment',
      'appraisal_1',
      'explanation',
      'appraisal_2',
      'finalised',
      'published',
      null,
    ]);
  });
});

describe('checkDeadlines', () => {
  it('real dates, each on or after the one before (equal days are fine)', () => {
    expect(checkDeadlines(D)).toEqual([]);
    expect(checkDeadlines({ ...D, appraisal1Deadline: D.selfDeadline })).toEqual([]);
  });
  it('a date that is not one', () => {
    expect(checkDeadlines({ ...D, appraisal1Deadline: '2026-02-30' })).toEqual([
      {
        at: 'appraisal1Deadline',
        problem: 'date_invalid',
        message: {
          vi: 'Hạn thẩm định vòng 1 không phải ngày hợp lệ.',
          en: 'The round 1 appraisal deadline is not a valid date.',
        },
      },
    ]);
    expect(checkDeadlines({ ...D, selfDeadline: '31/01/2026' }).map((p) => p.at)).toEqual(['selfDeadline']);
  });
  it('out of order', () => {
    expect(checkDeadlines({ ...D, explanationDeadline: '2026-02-27' })).toEqual([
      {
        at: 'explanationDeadline',
        problem: 'deadline_order',
        message: {
          vi: 'Hạn giải trình (27/02/2026) không được trước hạn thẩm định vòng 1 (28/02/2026).',
          en: 'The explanation deadline (27/02/2026) cannot be before the round 1 appraisal deadline (28/02/2026).',
        },
      },
    ]);
    expect(
      checkDeadlines({ ...D, appraisal2Deadline: '2026-01-01', appraisal1Deadline: '2026-01-30' }).map(
        (p) => p.at,
      ),
    ).toEqual(['appraisal1Deadline', 'appraisal2Deadline']);
  });
  it('isIsoDate and formatDate', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-1')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
    expect(formatDate('2026-03-31')).toBe('31/03/2026');
  });
});

describe('advanceStage: every move allowed and refused', () => {
  it('preparing → self_assessment: frameworks for every group, sound deadlines, self deadline not past', () => {
    expect(advance('preparing', '2025-12-01')).toEqual({ ok: true, next: 'self_assessment' });
    expect(advance('preparing', '2026-01-31')).toEqual({ ok: true, next: 'self_assessment' }); // the last day still
    expect(problemOf(advance('preparing', '2025-12-01', { frameworksReady: false }))).toBe(
      'frameworks_missing',
    );
    expect(
      problemOf(advance('preparing', '2025-12-01', {}, { ...D, appraisal2Deadline: '2026-01-01' })),
    ).toBe('deadline_order');
    const late = advance('preparing', '2026-02-01');
    expect(late).toEqual({
      ok: false,
      reason: {
        at: 'stage',
        problem: 'self_deadline_passed',
        message: {
          vi: 'Hạn tự đánh giá (31/01/2026) đã qua; hãy lùi hạn trước khi mở đợt đánh giá.',
          en: 'The self-assessment deadline (31/01/2026) has passed; move it before opening the campaign.',
        },
      },
    });
  });

  it('self_assessment → appraisal_1: after the deadline, or before it when everyone has submitted', () => {
    expect(advance('self_assessment', '2026-02-01', { submitted: 31 })).toEqual({
      ok: true,
      next: 'appraisal_1',
    });
    expect(advance('self_assessment', '2026-01-20', { submitted: 40 })).toEqual({
      ok: true,
      next: 'appraisal_1',
    });
    const early = advance('self_assessment', '2026-01-31', { submitted: 37 }); // the deadline day is still open
    expect(early.ok).toBe(false);
    if (!early.ok)
      expect(early.reason.message).toEqual({
        vi: 'Còn 3/40 đơn vị chưa nộp bản tự đánh giá; chỉ chuyển sang thẩm định vòng 1 sau hạn 31/01/2026 hoặc khi tất cả đã nộp.',
        en: '3 of 40 units have not submitted their self-assessment; round 1 opens after the deadline (31/01/2026) or once all have submitted.',
      });
  });

  it('appraisal_1 → explanation: every assessment appraised in round 1 (the deadline does not matter)', () => {
    expect(advance('appraisal_1', '2026-02-10')).toEqual({ ok: true, next: 'explanation' });
    expect(problemOf(advance('appraisal_1', '2026-03-30', { appraised1: 39 }))).toBe('not_all_appraised');
  });

  it('explanation → appraisal_2: after the deadline, when all contested explained, or nothing contested', () => {
    expect(advance('explanation', '2026-03-11', { explained: 2 })).toEqual({ ok: true, next: 'appraisal_2' });
    expect(advance('explanation', '2026-03-01', { explained: 10 })).toEqual({
      ok: true,
      next: 'appraisal_2',
    });
    expect(advance('explanation', '2026-03-01', { contested: 0, explained: 0 })).toEqual({
      ok: true,
      next: 'appraisal_2',
    });
    const r = advance('explanation', '2026-03-10', { explained: 4 });
    expect(problemOf(r)).toBe('not_all_explained');
    if (!r.ok) expect(r.reason.message.vi).toContain('Còn 6/10 đơn vị');
  });

  it('appraisal_2 → finalised: every assessment final, and the council’s sign-off (which makes the move)', () => {
    expect(advance('appraisal_2', '2026-03-20')).toEqual({ ok: true, next: 'finalised' });
    expect(problemOf(advance('appraisal_2', '2026-04-20', { final: 38 }))).toBe('not_all_final');
    const unsigned = advance('appraisal_2', '2026-04-20', { signedOff: false });
    expect(problemOf(unsigned)).toBe('not_signed_off');
    if (!unsigned.ok) expect(unsigned.reason.message.vi).toContain('Kết quả, xếp hạng');
  });

  it('finalised → published: signed off', () => {
    expect(advance('finalised', '2026-04-01')).toEqual({ ok: true, next: 'published' });
    expect(problemOf(advance('finalised', '2026-04-01', { signedOff: false }))).toBe('not_signed_off');
  });

  it('published: nothing after', () => {
    expect(problemOf(advance('published', '2026-04-02'))).toBe('already_published');
  });

  it('a campaign without assessments moves on (nothing is owed)', () => {
    const none = { assessments: 0, submitted: 0, appraised1: 0, contested: 0, explained: 0, final: 0 };
    expect(advance('self_assessment', '2026-01-01', none).ok).toBe(true);
    expect(advance('appraisal_1', '2026-02-01', none).ok).toBe(true);
    expect(advance('appraisal_2', '2026-03-15', none).ok).toBe(true);
  });
});

describe('windows', () => {
  const OPEN: AssessmentStatus[] = ['not_started', 'in_progress'];
  const DONE: AssessmentStatus[] = [
    'submitted',
    'locked',
    'appraised_1',
    'explained',
    'appraised_2',
    'final',
  ];

  it('self-scoring: in self-assessment, up to and including the deadline day, before submitting', () => {
    for (const s of OPEN) {
      expect(selfScoringOpen('self_assessment', '2026-01-31', D, s)).toBe(true);
      expect(selfScoringOpen('self_assessment', '2026-02-01', D, s)).toBe(false); // locked from the day after
      expect(selfScoringOpen('preparing', '2026-01-10', D, s)).toBe(false);
      expect(selfScoringOpen('appraisal_1', '2026-01-10', D, s)).toBe(false);
    }
    for (const s of DONE) expect(selfScoringOpen('self_assessment', '2026-01-10', D, s)).toBe(false);
  });

  it('lockDue (the sweep): unsubmitted assessments once the deadline has passed', () => {
    for (const s of OPEN) {
      expect(lockDue('self_assessment', '2026-01-31', D, s)).toBe(false);
      expect(lockDue('self_assessment', '2026-02-01', D, s)).toBe(true);
      expect(lockDue('appraisal_1', '2026-02-05', D, s)).toBe(true);
      expect(lockDue('preparing', '2026-02-05', D, s)).toBe(false);
    }
    for (const s of DONE) expect(lockDue('self_assessment', '2026-02-01', D, s)).toBe(false);
  });

  it('the lock and the window agree: never both open and due', () => {
    for (const stage of CAMPAIGN_STAGES)
      for (const today of ['2026-01-30', '2026-01-31', '2026-02-01', '2026-03-01'])
        for (const s of [...OPEN, ...DONE])
          expect(selfScoringOpen(stage, today, D, s) && lockDue(stage, today, D, s)).toBe(false);
  });

  it('explanation: in its stage, up to its deadline, for an assessment appraised in round 1', () => {
    expect(explanationOpen('explanation', '2026-03-10', D, 'appraised_1')).toBe(true);
    expect(explanationOpen('explanation', '2026-03-11', D, 'appraised_1')).toBe(false);
    expect(explanationOpen('explanation', '2026-03-01', D, 'explained')).toBe(false);
    expect(explanationOpen('appraisal_1', '2026-03-01', D, 'appraised_1')).toBe(false);
  });

  it('appraisal: round 1 in its stage (revisable until it moves on), round 2 in its stage; deadlines do not close it', () => {
    for (const s of ['submitted', 'locked', 'appraised_1'] as const)
      expect(appraisalOpen(1, 'appraisal_1', '2026-05-01', D, s)).toBe(true);
    for (const s of ['not_started', 'in_progress', 'explained', 'appraised_2', 'final'] as const)
      expect(appraisalOpen(1, 'appraisal_1', '2026-02-10', D, s)).toBe(false);
    expect(appraisalOpen(1, 'explanation', '2026-02-10', D, 'appraised_1')).toBe(false);
    for (const s of ['appraised_1', 'explained', 'appraised_2'] as const)
      expect(appraisalOpen(2, 'appraisal_2', '2026-05-01', D, s)).toBe(true);
    expect(appraisalOpen(2, 'appraisal_2', '2026-03-20', D, 'final')).toBe(false);
    expect(appraisalOpen(2, 'appraisal_1', '2026-03-20', D, 'appraised_1')).toBe(false);
  });
});

describe('computationDue: the computed criteria follow the records while the campaign is open', () => {
  it('never computed, asked for since, or last computed on an earlier day; never before opening or after sign-off', () => {
    expect(computationDue('self_assessment', '2026-03-02', null, false)).toBe(true);
    expect(computationDue('appraisal_1', '2026-03-02', '2026-03-02', false)).toBe(false);
    expect(computationDue('appraisal_1', '2026-03-02', '2026-03-02', true)).toBe(true);
    expect(computationDue('explanation', '2026-03-02', '2026-03-01', false)).toBe(true);
    expect(computationDue('appraisal_2', '2026-03-02', '2026-03-02', false)).toBe(false);
    for (const stage of ['preparing', 'finalised', 'published'] as const)
      expect(computationDue(stage, '2026-03-02', null, true)).toBe(false);
  });
});

describe('computationPending: what the campaign page shows as waiting', () => {
  const at = new Date('2026-03-02T08:00:00Z');
  const later = new Date('2026-03-02T09:00:00Z');
  it('never computed, or asked for since; not when only the daily refresh is due; never outside the open stages', () => {
    expect(computationPending('self_assessment', null, null)).toBe(true);
    expect(computationPending('appraisal_1', at, null)).toBe(false);
    expect(computationPending('appraisal_1', at, later)).toBe(true);
    expect(computationPending('appraisal_1', later, at)).toBe(false);
    expect(computationPending('published', null, later)).toBe(false);
    expect(requestedSince(null, at)).toBe(true);
    expect(requestedSince(null, null)).toBe(false);
  });
});
