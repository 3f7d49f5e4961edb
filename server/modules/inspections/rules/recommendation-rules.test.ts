import { describe, expect, it } from 'vitest';
import { RECOMMENDATION_STATUSES as TABLE_STATUSES } from '../inspections.table.js';
import { RECOMMENDATIONS_MESSAGES } from '../recommendations.messages.js';
import {
  allowedRecommendationActions,
  CONCLUSION_RULE_KEYS,
  conclusionProblems,
  escalationKey,
  isRecommendationAction,
  isRecommendationStatus,
  numberRecommendations,
  OPEN_RECOMMENDATION_STATUSES,
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_RULE_KEYS,
  RECOMMENDATION_STATUSES,
  recommendationNextActor,
  recommendationTransition,
  type RecommendationAction,
  type RecommendationActor,
  type RecommendationInput,
  type RecommendationStatus,
} from './recommendation-rules.js';

/** Complete, valid inputs for every action. */
const INPUT: RecommendationInput = {
  output: 'Đã ban hành Quy chế làm việc sửa đổi và niêm yết công khai thủ tục',
  evidenceCount: 2,
  reason: 'Chưa kèm quyết định ban hành',
  dueDate: '2026-06-30',
  newDueDate: '2026-07-31',
};

const EVERYONE: RecommendationActor = { unit: true, team: true, head: true, office: true };

/**
 * For an actor holding every power, with complete inputs: the next status, or the refusal of the status
 * ('×' invalid, 'closed', 'not_reported', 'reported').
 */
const MATRIX: Record<
  RecommendationStatus,
  Record<RecommendationAction, RecommendationStatus | '×' | 'closed' | 'not_reported' | 'reported'>
> = {
  not_started: {
    start: 'in_progress',
    report_done: 'reported_done',
    withdraw_report: '×',
    verify: 'not_reported',
    return: 'not_reported',
    extend: 'not_started',
  },
  in_progress: {
    start: '×',
    report_done: 'reported_done',
    withdraw_report: '×',
    verify: 'not_reported',
    return: 'not_reported',
    extend: 'in_progress',
  },
  reported_done: {
    start: 'reported',
    report_done: 'reported',
    withdraw_report: 'in_progress',
    verify: 'verified',
    return: 'returned',
    extend: 'reported',
  },
  returned: {
    start: '×',
    report_done: 'reported_done',
    withdraw_report: '×',
    verify: 'not_reported',
    return: 'not_reported',
    extend: 'returned',
  },
  verified: {
    start: 'closed',
    report_done: 'closed',
    withdraw_report: 'closed',
    verify: 'closed',
    return: 'closed',
    extend: 'closed',
  },
};

const REFUSAL = {
  '×': 'recommendations.rule.invalid_transition',
  closed: 'recommendations.rule.closed',
  not_reported: 'recommendations.rule.not_reported',
  reported: 'recommendations.rule.already_reported',
} as const;

describe('the vocabulary', () => {
  it('is the table’s and the engine’s task vocabulary', () => {
    expect([...RECOMMENDATION_STATUSES]).toEqual([...TABLE_STATUSES]);
    expect(OPEN_RECOMMENDATION_STATUSES).toEqual(['not_started', 'in_progress', 'returned']);
    for (const s of RECOMMENDATION_STATUSES) expect(isRecommendationStatus(s)).toBe(true);
    for (const a of RECOMMENDATION_ACTIONS) expect(isRecommendationAction(a)).toBe(true);
    expect(isRecommendationStatus('cancelled')).toBe(false);
    expect(isRecommendationAction('reopen')).toBe(false);
  });

  it('every refusal has a Vietnamese and an English message', () => {
    for (const key of [...RECOMMENDATION_RULE_KEYS, ...CONCLUSION_RULE_KEYS]) {
      expect(RECOMMENDATIONS_MESSAGES[key].vi, key).not.toBe('');
      expect(RECOMMENDATIONS_MESSAGES[key].en, key).not.toBe('');
    }
  });
});

describe('the transition matrix (every status × every action)', () => {
  for (const status of RECOMMENDATION_STATUSES)
    for (const action of RECOMMENDATION_ACTIONS) {
      const expected = MATRIX[status][action];
      it(`${status} → ${action}: ${expected}`, () => {
        const result = recommendationTransition(status, action, EVERYONE, INPUT);
        if (expected in REFUSAL)
          expect(result).toEqual({
            ok: false,
            reason: REFUSAL[expected as keyof typeof REFUSAL],
            status: 409,
          });
        else expect(result).toEqual({ ok: true, next: expected });
      });
    }

  it('allowed actions are exactly the matrix’s possible ones, in order', () => {
    for (const status of RECOMMENDATION_STATUSES)
      expect(allowedRecommendationActions(status, EVERYONE)).toEqual(
        RECOMMENDATION_ACTIONS.filter((a) => !(MATRIX[status][a] in REFUSAL)),
      );
  });
});

describe('who acts', () => {
  const ACTORS: Record<string, RecommendationActor> = {
    unit: { unit: true },
    teamMember: { team: true },
    head: { team: true, head: true },
    office: { office: true },
    nobody: {},
  };
  /** Who may take each action (with the status allowing it). */
  const MAY: Record<RecommendationAction, string[]> = {
    start: ['unit'],
    report_done: ['unit'],
    withdraw_report: ['unit'],
    verify: ['teamMember', 'head', 'office'],
    return: ['teamMember', 'head', 'office'],
    extend: ['head', 'office'],
  };
  const FROM: Record<RecommendationAction, RecommendationStatus> = {
    start: 'not_started',
    report_done: 'in_progress',
    withdraw_report: 'reported_done',
    verify: 'reported_done',
    return: 'reported_done',
    extend: 'in_progress',
  };
  const WHO_KEY: Record<RecommendationAction, string> = {
    start: 'recommendations.rule.unit_only',
    report_done: 'recommendations.rule.unit_only',
    withdraw_report: 'recommendations.rule.unit_only',
    verify: 'recommendations.rule.reviewer_only',
    return: 'recommendations.rule.reviewer_only',
    extend: 'recommendations.rule.extend_only',
  };
  for (const action of RECOMMENDATION_ACTIONS)
    for (const [name, actor] of Object.entries(ACTORS))
      it(`${name} ${MAY[action].includes(name) ? 'may' : 'may not'} ${action}`, () => {
        const result = recommendationTransition(FROM[action], action, actor, INPUT);
        if (MAY[action].includes(name)) expect(result.ok).toBe(true);
        else expect(result).toEqual({ ok: false, reason: WHO_KEY[action], status: 403 });
        expect(allowedRecommendationActions(FROM[action], actor).includes(action)).toBe(
          MAY[action].includes(name),
        );
      });

  it('the unit’s people never verify their own remediation; the team never reports it', () => {
    expect(allowedRecommendationActions('reported_done', { unit: true })).toEqual(['withdraw_report']);
    expect(allowedRecommendationActions('not_started', { team: true })).toEqual([]);
    expect(allowedRecommendationActions('returned', { team: true, head: true })).toEqual(['extend']);
    expect(allowedRecommendationActions('verified', EVERYONE)).toEqual([]);
  });

  it('a status refusal comes before a refusal of who acts, which comes before a missing input', () => {
    expect(recommendationTransition('not_started', 'verify', {}, {})).toMatchObject({ status: 409 });
    expect(recommendationTransition('reported_done', 'verify', { unit: true }, {})).toMatchObject({
      status: 403,
    });
    expect(recommendationTransition('reported_done', 'return', { team: true }, {})).toMatchObject({
      status: 400,
      reason: 'recommendations.rule.reason_required',
    });
  });
});

describe('inputs', () => {
  const unit = { unit: true };
  it('a remediation report needs its text and at least one evidence file', () => {
    for (const output of [null, undefined, '', '   '])
      expect(recommendationTransition('in_progress', 'report_done', unit, { ...INPUT, output })).toEqual({
        ok: false,
        reason: 'recommendations.rule.remediation_required',
        status: 400,
      });
    for (const evidenceCount of [null, undefined, 0])
      expect(recommendationTransition('returned', 'report_done', unit, { ...INPUT, evidenceCount })).toEqual({
        ok: false,
        reason: 'recommendations.rule.evidence_required',
        status: 400,
      });
    expect(
      recommendationTransition('not_started', 'report_done', unit, {
        output: 'Đã khắc phục',
        evidenceCount: 1,
      }),
    ).toEqual({ ok: true, next: 'reported_done' });
  });

  it('a return needs a reason; a verification does not', () => {
    for (const reason of [null, undefined, '', ' \n'])
      expect(recommendationTransition('reported_done', 'return', { office: true }, { reason })).toEqual({
        ok: false,
        reason: 'recommendations.rule.reason_required',
        status: 400,
      });
    expect(recommendationTransition('reported_done', 'verify', { team: true }, {})).toEqual({
      ok: true,
      next: 'verified',
    });
  });

  it('an extension needs a reason and a due date later than the current one', () => {
    const head = { team: true, head: true };
    expect(recommendationTransition('in_progress', 'extend', head, { ...INPUT, reason: '' })).toMatchObject({
      reason: 'recommendations.rule.reason_required',
    });
    for (const newDueDate of [null, undefined, '', '31/07/2026'])
      expect(recommendationTransition('in_progress', 'extend', head, { ...INPUT, newDueDate })).toMatchObject(
        {
          reason: 'recommendations.rule.new_due_date_required',
          status: 400,
        },
      );
    for (const newDueDate of ['2026-06-30', '2026-06-01'])
      expect(recommendationTransition('in_progress', 'extend', head, { ...INPUT, newDueDate })).toMatchObject(
        {
          reason: 'recommendations.rule.new_due_date_not_later',
        },
      );
    // At most five years later (a later date is a typing mistake).
    expect(
      recommendationTransition('in_progress', 'extend', head, { ...INPUT, newDueDate: '2031-06-30' }),
    ).toEqual({ ok: true, next: 'in_progress' });
    for (const newDueDate of ['2031-07-01', '2199-12-31'])
      expect(recommendationTransition('in_progress', 'extend', head, { ...INPUT, newDueDate })).toEqual({
        ok: false,
        reason: 'recommendations.rule.new_due_date_too_far',
        status: 400,
      });
    expect(recommendationTransition('returned', 'extend', { office: true }, INPUT)).toEqual({
      ok: true,
      next: 'returned',
    });
  });

  it('other actions need nothing', () => {
    for (const [status, action] of [
      ['not_started', 'start'],
      ['reported_done', 'withdraw_report'],
    ] as const)
      expect(recommendationTransition(status, action, { unit: true })).toMatchObject({ ok: true });
  });
});

describe('who acts next', () => {
  it('names the unit while it owes the remediation, the reviewers while a report waits, nobody once closed', () => {
    expect(recommendationNextActor('not_started', 'Sở Xây dựng')!.vi).toContain('Sở Xây dựng khắc phục');
    expect(recommendationNextActor('in_progress', 'Sở Xây dựng')!.en).toContain('Sở Xây dựng remedies');
    expect(recommendationNextActor('returned', 'Sở Xây dựng')!.vi).toContain('báo cáo lại');
    expect(recommendationNextActor('reported_done', 'Sở Xây dựng')!.vi).toContain('Đoàn kiểm tra');
    expect(recommendationNextActor('verified', 'Sở Xây dựng')).toBeNull();
  });
});

describe('the conclusion’s draft', () => {
  const facts = {
    concludedOn: '2026-05-15',
    allowedUnitIds: new Set(['unit', 'sub-unit']),
    findingIds: new Set(['f1', 'f2']),
  };
  const ok = { text: 'Rà soát, công bố thủ tục', unitId: 'unit', dueDate: null, findingIds: ['f1'] };

  it('passes a complete draft (due dates on or after the conclusion date, or left to the rules)', () => {
    expect(
      conclusionProblems(
        {
          summary: 'Đơn vị đã triển khai cơ bản đầy đủ',
          recommendations: [
            ok,
            { ...ok, unitId: 'sub-unit', dueDate: '2026-05-15', findingIds: [] },
            { ...ok, dueDate: '2026-06-30', findingIds: ['f1', 'f2'] },
          ],
        },
        facts,
      ),
    ).toEqual([]);
    expect(conclusionProblems({ summary: 'Không có tồn tại', recommendations: [] }, facts)).toEqual([]);
  });

  it('names every problem by its field', () => {
    expect(
      conclusionProblems(
        {
          summary: ' ',
          recommendations: [
            ok,
            { text: '  ', unitId: 'elsewhere', dueDate: '2026-05-14', findingIds: ['f9'] },
          ],
        },
        facts,
      ),
    ).toEqual([
      { field: 'summary', key: 'recommendations.conclusion.summary_required' },
      { field: 'recommendations.1.text', key: 'recommendations.conclusion.text_required' },
      { field: 'recommendations.1.unitId', key: 'recommendations.conclusion.unit_not_allowed' },
      { field: 'recommendations.1.dueDate', key: 'recommendations.conclusion.due_before_conclusion' },
      { field: 'recommendations.1.findingIds', key: 'recommendations.conclusion.finding_unknown' },
    ]);
  });

  it('a due date more than five years after the conclusion is refused', () => {
    const at = (dueDate: string) =>
      conclusionProblems({ summary: 'x', recommendations: [{ ...ok, dueDate }] }, facts).map((p) => p.key);
    expect(at('2031-05-15')).toEqual([]);
    expect(at('2031-05-16')).toEqual(['recommendations.conclusion.due_too_far']);
    expect(at('2199-12-31')).toEqual(['recommendations.conclusion.due_too_far']);
  });

  it('numbers the recommendations in order, each with its own due date or the default', () => {
    expect(
      numberRecommendations(
        [
          { ...ok, text: ' Một ', findingIds: ['f1', 'f1'] },
          { ...ok, text: 'Hai', dueDate: '2026-07-01' },
        ],
        '2026-06-12',
      ),
    ).toEqual([
      { number: 1, text: 'Một', unitId: 'unit', dueDate: '2026-06-12', findingIds: ['f1'] },
      { number: 2, text: 'Hai', unitId: 'unit', dueDate: '2026-07-01', findingIds: ['f1'] },
    ]);
  });
});

describe('overdue escalation', () => {
  it('is keyed once per recommendation and due date', () => {
    expect(escalationKey('r1', '2026-06-30')).toBe('inspection_recommendation_overdue:r1:2026-06-30');
    expect(escalationKey('r1', '2026-06-30')).not.toBe(escalationKey('r1', '2026-07-31'));
    expect(escalationKey('r1', '2026-06-30')).not.toBe(escalationKey('r2', '2026-06-30'));
  });
});
