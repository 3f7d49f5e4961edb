/**
 * What the PAR Index pages share: the stages, groups, statuses and council roles in their order, their badges, and
 * small helpers (a bilingual text in the reader's language, a framework's field names). Pure of the API.
 */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessmentStatus, CampaignStage, CouncilRole, Framework, UnitGroup } from './api';

export const STAGES = [
  'preparing',
  'self_assessment',
  'appraisal_1',
  'explanation',
  'appraisal_2',
  'finalised',
  'published',
] as const satisfies readonly CampaignStage[];

export const GROUPS = ['department', 'commune', 'other'] as const satisfies readonly UnitGroup[];

export const STATUSES = [
  'not_started',
  'in_progress',
  'submitted',
  'locked',
  'appraised_1',
  'explained',
  'appraised_2',
  'final',
] as const satisfies readonly AssessmentStatus[];

/** The statuses in which an assessment waits for the appraisal council (the council's first filter). */
export const AWAITING_COUNCIL: readonly AssessmentStatus[] = ['submitted', 'locked', 'explained'];

export const COUNCIL_ROLES = ['chair', 'member', 'secretary'] as const satisfies readonly CouncilRole[];

export const DEADLINE_KEYS = [
  'selfDeadline',
  'appraisal1Deadline',
  'explanationDeadline',
  'appraisal2Deadline',
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** The deadline that closes each stage (the stages without one: none). */
export const STAGE_DEADLINE: Partial<Record<CampaignStage, DeadlineKey>> = {
  self_assessment: 'selfDeadline',
  appraisal_1: 'appraisal1Deadline',
  explanation: 'explanationDeadline',
  appraisal_2: 'appraisal2Deadline',
};

/** Stages in which the council changes scores (the contested count matters then). */
export const APPRAISAL_STAGES: readonly CampaignStage[] = ['appraisal_1', 'explanation', 'appraisal_2'];

const STATUS_COLORS: Record<AssessmentStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  submitted: 'teal',
  locked: 'orange',
  appraised_1: 'violet',
  explained: 'cyan',
  appraised_2: 'grape',
  final: 'green',
};

/** An assessment's status, in the work engine's words (`work.status.*`). */
export function AssessmentStatusBadge({
  status,
  size,
  testId = 'par-status',
}: {
  status: AssessmentStatus;
  size?: BadgeProps['size'];
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      tt="none"
      size={size}
      data-testid={testId}
      data-status={status}
    >
      {t(`work.status.${status}`)}
    </Badge>
  );
}

/** A bilingual text in the reader's language (English falls back to the Vietnamese when it has none). */
export const textIn = (text: { vi: string; en: string } | null | undefined, language: string): string =>
  !text ? '' : language.startsWith('en') ? text.en || text.vi : text.vi;

/**
 * The fields of the campaign's frameworks by code ("1" → "1. Công tác chỉ đạo, điều hành CCHC"); where two
 * frameworks name a code differently, both names.
 */
export function fieldNames(frameworks: readonly Framework[], language: string): Map<string, string> {
  const names = new Map<string, string[]>();
  for (const f of frameworks)
    for (const field of f.tree.fields) {
      const list = names.get(field.code) ?? [];
      const name = textIn(field.name, language);
      if (!list.includes(name)) list.push(name);
      names.set(field.code, list);
    }
  const out = new Map<string, string>();
  const codes = [...names.keys()].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  for (const code of codes) out.set(code, `${code}. ${names.get(code)!.join(' / ')}`);
  return out;
}
