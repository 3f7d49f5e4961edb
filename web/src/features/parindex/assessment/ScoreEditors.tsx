import { Group, Loader, NumberInput, Text, Textarea, type NumberInputProps } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import {
  assessmentKeys,
  saveAppraisal,
  saveExplanation,
  saveSelf,
  type Assessment,
  type Score,
  type ScoreSaved,
} from './api';
import { earlierPoints, reasonNeeded, samePoints, type PlacedItem } from './model';

export type SaveState = 'idle' | 'saving' | 'saved' | 'stale' | 'error';

/** A saved score into the page's copy: the item, the totals, the status and the version move together. */
export function patchScore(qc: QueryClient, id: string, r: ScoreSaved) {
  qc.setQueryData<Assessment>(assessmentKeys.one(id), (old) =>
    old
      ? {
          ...old,
          scores: old.scores.map((s) => (s.code === r.score.code ? r.score : s)),
          totals: r.totals,
          status: r.status,
          version: r.version,
        }
      : old,
  );
}

/**
 * Saving one item's score: each save waits for the one before (its version); a save changed by someone else
 * meanwhile (409 stale) reloads the page's copy and says so; any other refusal shows the server's message (in the
 * reader's language) and refreshes the page, whose abilities may have changed (a window closed).
 */
function useSaver(assessmentId: string, version: number) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const current = useRef(version);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    current.current = version;
  }, [version]);
  const save = (send: (version: number) => Promise<ScoreSaved>, onStale: () => void) => {
    setState('saving');
    setError(null);
    chain.current = chain.current.then(async () => {
      try {
        const r = await send(current.current);
        current.current = r.score.version;
        patchScore(qc, assessmentId, r);
        setState('saved');
      } catch (e) {
        if (e instanceof ApiError && e.isStale) {
          onStale();
          setState('stale');
        } else {
          setState('error');
          setError(errorMessage(e, t('common.unexpectedError')));
        }
        if (e instanceof ApiError && e.status === 409)
          await qc.invalidateQueries({ queryKey: assessmentKeys.one(assessmentId) });
      }
    });
  };
  /** Back to the saved value after a refusal: the refusal no longer applies (nothing to save). */
  const clear = () => {
    if (state !== 'error') return;
    setState('idle');
    setError(null);
  };
  return { state, error, save, clear, setError: (m: string | null) => setError(m) };
}

/**
 * The editor's values, kept while the user types; when the item changes on the server (another version arrives)
 * they follow it unless the user has changed them since — or always after a reload (`follow`).
 */
function useDraft<T>(fromScore: T, version: number, equal: (a: T, b: T) => boolean) {
  const [draft, setDraft] = useState<T>(fromScore);
  const seen = useRef({ version, value: fromScore });
  const force = useRef(false);
  useEffect(() => {
    if (version === seen.current.version) return;
    const clean = equal(draft, seen.current.value);
    if (clean || force.current) setDraft(fromScore);
    seen.current = { version, value: fromScore };
    force.current = false;
    // Only when another version of the item arrives.
  }, [version]);
  return { draft, setDraft, follow: () => void (force.current = true), saved: seen.current.value };
}

/** What a points box holds: a number, nothing, or a figure being typed ("1,"). */
type Raw = number | string;
/** The points typed (null: empty; NaN: not a figure). */
export function pointsOf(raw: Raw): number | null {
  if (typeof raw === 'number') return raw;
  const s = raw.trim();
  if (!s) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
}
const sameRaw = (a: Raw, b: Raw) => {
  const x = pointsOf(a);
  const y = pointsOf(b);
  return x === null || y === null ? x === y : samePoints(x, y);
};

/** Points typed the Vietnamese way (decimal comma), with the item's maximum after the box. */
export function PointsInput({
  item,
  value,
  onChange,
  ...rest
}: Omit<NumberInputProps, 'value' | 'onChange'> & {
  item: PlacedItem;
  value: Raw;
  onChange: (v: Raw) => void;
}) {
  return (
    <NumberInput
      value={value}
      onChange={onChange}
      min={0}
      max={item.maxPoints}
      step={item.step}
      clampBehavior="none"
      decimalScale={2}
      decimalSeparator=","
      allowedDecimalSeparators={[',', '.']}
      allowNegative={false}
      hideControls
      inputMode="decimal"
      rightSection={
        <Text size="sm" c="dimmed" pr="xs" style={{ whiteSpace: 'nowrap' }}>
          / {formatNumber(item.maxPoints)}
        </Text>
      }
      rightSectionWidth="auto"
      rightSectionPointerEvents="none"
      w={150}
      {...rest}
    />
  );
}

/** "Đang lưu…", "Đã lưu" beside the item's fields. */
export function SaveMark({ state, testId }: { state: SaveState; testId?: string }) {
  const { t } = useTranslation();
  if (state === 'saving')
    return (
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }} role="status">
        <Loader size={12} aria-hidden />
        <Text size="xs" c="dimmed">
          {t('parAssessment.save.saving')}
        </Text>
      </Group>
    );
  if (state === 'saved')
    return (
      <Group
        gap={2}
        wrap="nowrap"
        style={{ flexShrink: 0 }}
        role="status"
        data-testid={testId ?? 'par-saved'}
      >
        <IconCheck size={14} color="var(--mantine-color-green-7)" aria-hidden />
        <Text size="xs" c="green.8">
          {t('parAssessment.save.saved')}
        </Text>
      </Group>
    );
  return null;
}

/** What went wrong with the last save, under the fields. */
function SaveProblem({ state, error }: { state: SaveState; error: string | null }) {
  const { t } = useTranslation();
  if (state === 'stale')
    return (
      <Text size="xs" c="orange.8" role="alert" data-testid="par-score-stale">
        {t('parAssessment.save.stale')}
      </Text>
    );
  if (state === 'error' && error)
    return (
      <Text size="xs" c="red.7" role="alert" data-testid="par-score-error">
        {error}
      </Text>
    );
  return null;
}

const TOUCH = { size: 'md' as const };

/** The unit's own score and note of an item, saved when the box is left. */
export function SelfEditor({
  assessment,
  item,
  score,
}: {
  assessment: Assessment;
  item: PlacedItem;
  score: Score;
}) {
  const { t } = useTranslation();
  type V = { points: Raw; note: string };
  const { draft, setDraft, follow, saved } = useDraft<V>(
    { points: score.self ?? '', note: score.selfNote },
    score.version,
    (a, b) => sameRaw(a.points, b.points) && a.note === b.note,
  );
  const saver = useSaver(assessment.id, score.version);
  const commit = () => {
    const points = pointsOf(draft.points);
    if (points !== null && Number.isNaN(points)) {
      saver.setError(t('parAssessment.save.notANumber'));
      return;
    }
    if (sameRaw(draft.points, saved.points) && draft.note.trim() === saved.note.trim()) {
      saver.clear();
      return;
    }
    saver.save(
      (version) => saveSelf(assessment.id, item.code, { points, note: draft.note.trim(), version }),
      follow,
    );
  };
  return (
    <>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <PointsInput
          item={item}
          label={t('parAssessment.self.points')}
          value={draft.points}
          onChange={(v) => setDraft({ ...draft, points: v })}
          onBlur={commit}
          error={saver.state === 'error' ? true : undefined}
          aria-describedby={`par-${item.code}-self-help`}
          data-testid="par-self-points"
          {...TOUCH}
        />
        <SaveMark state={saver.state} testId="par-self-saved" />
      </Group>
      <Text size="xs" c="dimmed" id={`par-${item.code}-self-help`}>
        {t('parAssessment.self.pointsHelp', {
          max: formatNumber(item.maxPoints),
          step: formatNumber(item.step),
        })}
      </Text>
      <Textarea
        label={t('parAssessment.self.note')}
        placeholder={t('parAssessment.self.notePlaceholder')}
        value={draft.note}
        onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
        onBlur={commit}
        autosize
        minRows={1}
        maxRows={8}
        maxLength={4000}
        data-testid="par-self-note"
        {...TOUCH}
      />
      <SaveProblem state={saver.state} error={saver.error} />
    </>
  );
}

/**
 * The council's score of an item in a round and its reason — required (and said so) when the score differs from
 * the earlier one (the unit's own in round 1, round 1's in round 2). Saved when both are there and a box is left.
 */
export function AppraisalEditor({
  assessment,
  item,
  score,
  round,
}: {
  assessment: Assessment;
  item: PlacedItem;
  score: Score;
  round: 1 | 2;
}) {
  const { t } = useTranslation();
  type V = { points: Raw; reason: string };
  const own = {
    points: (round === 1 ? score.round1 : score.round2) ?? '',
    reason: round === 1 ? score.round1Reason : score.round2Reason,
  };
  const { draft, setDraft, follow, saved } = useDraft<V>(
    own,
    score.version,
    (a, b) => sameRaw(a.points, b.points) && a.reason === b.reason,
  );
  const saver = useSaver(assessment.id, score.version);
  const [hint, setHint] = useState<string | null>(null);
  const earlier = earlierPoints(score, round);
  const points = pointsOf(draft.points);
  const needsReason = points !== null && !Number.isNaN(points) && reasonNeeded(points, earlier);
  const commit = () => {
    setHint(null);
    if (points === null) {
      if (pointsOf(saved.points) !== null) setHint(t('parAssessment.appraisal.cannotClear'));
      return;
    }
    if (Number.isNaN(points)) {
      saver.setError(t('parAssessment.save.notANumber'));
      return;
    }
    if (sameRaw(draft.points, saved.points) && draft.reason.trim() === saved.reason.trim()) {
      saver.clear();
      return;
    }
    if (needsReason && !draft.reason.trim()) {
      setHint(
        earlier === null
          ? t('parAssessment.appraisal.groundsToSave')
          : t(
              round === 1 ? 'parAssessment.appraisal.reasonToSave1' : 'parAssessment.appraisal.reasonToSave2',
            ),
      );
      return;
    }
    saver.save(
      (version) =>
        saveAppraisal(assessment.id, item.code, { round, points, reason: draft.reason.trim(), version }),
      follow,
    );
  };
  const reasonLabel = t(round === 1 ? 'parAssessment.appraisal.reason1' : 'parAssessment.appraisal.reason2');
  return (
    <>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <PointsInput
          item={item}
          label={t('parAssessment.appraisal.points', { round })}
          value={draft.points}
          onChange={(v) => setDraft({ ...draft, points: v })}
          onBlur={commit}
          error={saver.state === 'error' ? true : undefined}
          data-testid={`par-round${round}-points`}
          {...TOUCH}
        />
        <SaveMark state={saver.state} testId={`par-round${round}-saved`} />
      </Group>
      {earlier !== null && (
        <Text size="xs" c="dimmed">
          {t(
            round === 1 ? 'parAssessment.appraisal.comparedSelf' : 'parAssessment.appraisal.comparedRound1',
            {
              points: formatNumber(earlier),
            },
          )}
        </Text>
      )}
      <Textarea
        label={reasonLabel}
        description={
          needsReason
            ? earlier === null
              ? t('parAssessment.appraisal.groundsRequired')
              : t(
                  round === 1
                    ? 'parAssessment.appraisal.reasonRequired1'
                    : 'parAssessment.appraisal.reasonRequired2',
                )
            : t('parAssessment.appraisal.reasonOptional')
        }
        required={needsReason}
        value={draft.reason}
        onChange={(e) => {
          setHint(null);
          setDraft({ ...draft, reason: e.currentTarget.value });
        }}
        onBlur={commit}
        error={hint ?? undefined}
        autosize
        minRows={1}
        maxRows={8}
        maxLength={4000}
        data-testid={`par-round${round}-reason`}
        {...TOUCH}
      />
      <SaveProblem state={saver.state} error={saver.error} />
    </>
  );
}

/** The unit's explanation of a contested item, saved when the box is left. */
export function ExplanationEditor({
  assessment,
  item,
  score,
}: {
  assessment: Assessment;
  item: PlacedItem;
  score: Score;
}) {
  const { t } = useTranslation();
  const { draft, setDraft, follow, saved } = useDraft<string>(
    score.explanation,
    score.version,
    (a, b) => a === b,
  );
  const saver = useSaver(assessment.id, score.version);
  const [hint, setHint] = useState<string | null>(null);
  const commit = () => {
    setHint(null);
    const text = draft.trim();
    if (text === saved.trim()) {
      saver.clear();
      return;
    }
    if (!text) {
      setHint(t('parAssessment.explanation.empty'));
      return;
    }
    saver.save((version) => saveExplanation(assessment.id, item.code, { text, version }), follow);
  };
  return (
    <>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">
          {t('parAssessment.explanation.help')}
        </Text>
        <SaveMark state={saver.state} testId="par-explanation-saved" />
      </Group>
      <Textarea
        label={t('parAssessment.explanation.label')}
        withAsterisk
        value={draft}
        onChange={(e) => {
          setHint(null);
          setDraft(e.currentTarget.value);
        }}
        onBlur={commit}
        error={hint ?? undefined}
        autosize
        minRows={2}
        maxRows={10}
        maxLength={4000}
        data-testid="par-explanation"
        {...TOUCH}
      />
      <SaveProblem state={saver.state} error={saver.error} />
    </>
  );
}
