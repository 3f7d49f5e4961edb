import { Alert, Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { AssessmentStatusBadge, STAGE_DEADLINE, textIn } from '../campaign/labels';
import type { Assessment, Rollup } from './api';
import { latestTotals, openRound } from './model';

const GRADE_COLORS = ['green', 'teal', 'yellow', 'orange'];

/**
 * A grade's badge ("Tốt", "Khá"…), in the reader's language; coloured by its place among the framework's bands
 * (the best green, the lowest red).
 */
export function GradeBadge({
  grade,
  bands,
  size = 'md',
}: {
  grade: Rollup['grade'];
  bands: readonly { code: string }[];
  size?: 'sm' | 'md' | 'lg';
}) {
  const { i18n } = useTranslation();
  if (!grade) return null;
  const i = bands.findIndex((b) => b.code === grade.code);
  const color = i < 0 ? 'gray' : i === bands.length - 1 && i > 0 ? 'red' : (GRADE_COLORS[i] ?? 'orange');
  return (
    <Badge
      size={size}
      variant="light"
      color={color}
      tt="none"
      data-testid="par-grade"
      data-grade={grade.code}
    >
      {textIn(grade.name, i18n.language)}
    </Badge>
  );
}

/** One stage's totals: points over the maximum, the index, the grade, bonus and penalty. */
function TotalBox({
  label,
  r,
  testId,
  latest,
  bands,
}: {
  label: string;
  r: Rollup;
  testId: string;
  latest: boolean;
  bands: readonly { code: string }[];
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid={testId}
      style={latest ? { borderColor: 'var(--mantine-color-blue-5)', borderWidth: 2 } : undefined}
    >
      <Stack gap={4}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {label}
        </Text>
        <Group gap="xs" align="baseline" wrap="wrap">
          <Text fw={700} size="xl" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatNumber(r.total)}
          </Text>
          <Text size="sm" c="dimmed">
            / {t('parAssessment.header.maxPoints', { max: formatNumber(r.maxPoints) })}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('parAssessment.header.percent', { percent: formatNumber(r.percent) })}
          </Text>
          <GradeBadge grade={r.grade} bands={bands} size="sm" />
        </Group>
        {(r.bonus > 0 || r.penalty > 0) && (
          <Text size="xs" c="dimmed">
            {t('parAssessment.header.adjustments', {
              bonus: formatNumber(r.bonus),
              penalty: formatNumber(r.penalty),
            })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {children}
    </div>
  );
}

/** What the caller can do on this page now, in one line (from the server's abilities and windows). */
function useNowLine(a: Assessment): string {
  const { t } = useTranslation();
  const round = openRound(a);
  if (a.abilities.score) return t('parAssessment.now.score', { date: formatDate(a.campaign.selfDeadline) });
  if (a.abilities.explain)
    return t('parAssessment.now.explain', { date: formatDate(a.campaign.explanationDeadline) });
  if (round)
    return t('parAssessment.now.appraise', {
      round,
      fields: a.appraiseFields.join(', '),
      count: a.appraiseFields.length,
    });
  return t('parAssessment.now.read');
}

/**
 * The assessment's header: the unit's status, the campaign's stage and the deadline that matters now, what the
 * reader can do here, and the totals — self, round 1 and round 2 side by side when the stage has reached them.
 */
export function AssessmentHeader({ assessment: a }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const deadlineKey = STAGE_DEADLINE[a.campaign.stage];
  const latest = latestTotals(a);
  const now = useNowLine(a);
  const boxes: { key: string; label: string; r: Rollup }[] = [
    { key: 'self', label: t('parAssessment.header.self'), r: a.totals.self },
    ...(a.totals.round1
      ? [{ key: 'round1', label: t('parAssessment.header.round1'), r: a.totals.round1 }]
      : []),
    ...(a.totals.round2
      ? [{ key: 'round2', label: t('parAssessment.header.round2'), r: a.totals.round2 }]
      : []),
  ];
  return (
    <Card withBorder radius="md" padding="md" data-testid="par-assessment-header" data-status={a.status}>
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <AssessmentStatusBadge status={a.status} size="lg" testId="par-assessment-status" />
          <Badge variant="outline" color="gray" tt="none" size="lg">
            {t(`parCampaign.groups.${a.group}`)}
          </Badge>
          <Badge variant="light" color="gray" tt="none" size="lg">
            {t('parAssessment.header.stage', { stage: t(`parCampaign.stages.${a.campaign.stage}`) })}
          </Badge>
        </Group>
        <Text size="sm" data-testid="par-now">
          {now}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {deadlineKey && (
            <Fact label={t(`parCampaign.deadlines.${deadlineKey}`)}>
              <Text size="sm" fw={600} data-testid="par-deadline">
                {formatDate(a.campaign[deadlineKey])}
              </Text>
            </Fact>
          )}
          <Fact label={t('parAssessment.header.framework')}>
            <Anchor
              size="sm"
              renderRoot={(props) => (
                <Link to="/par/frameworks/$id" params={{ id: a.framework.id }} {...props} />
              )}
            >
              {t('parCampaign.form.frameworkOption', {
                title: a.framework.title,
                number: a.framework.number,
              })}
            </Anchor>
          </Fact>
          {a.submittedAt && (
            <Fact label={t('parAssessment.header.submittedAt')}>
              <Text size="sm">{formatDateTime(a.submittedAt)}</Text>
            </Fact>
          )}
          {a.lockedAt && (
            <Fact label={t('parAssessment.header.lockedAt')}>
              <Text size="sm">{formatDateTime(a.lockedAt)}</Text>
            </Fact>
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid="par-totals">
          {boxes.map((b) => (
            <TotalBox
              key={b.key}
              label={b.label}
              r={b.r}
              testId={`par-total-${b.key}`}
              latest={b.r === latest && boxes.length > 1}
              bands={a.framework.gradeBands}
            />
          ))}
        </SimpleGrid>
        {latest.surveyMissing && (
          <Alert
            variant="light"
            color="gray"
            icon={<IconInfoCircle size={18} aria-hidden />}
            p="xs"
            data-testid="par-survey-note"
          >
            <Text size="sm">
              {latest.rescaled ? t('parAssessment.header.rescaled') : t('parAssessment.header.surveyMissing')}
            </Text>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
