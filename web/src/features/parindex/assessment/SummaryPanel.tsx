import { Card, Group, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { textIn } from '../campaign/labels';
import type { Assessment, Score } from './api';
import { GradeBadge } from './AssessmentHeader';
import { latestTotals, progressOf, type PlacedItem } from './model';

/**
 * The summary kept in view beside the criteria on a wide screen: the points so far, what the caller has done of
 * their part (self scores, a round's scores, explanations), the evidence, each field's points (a link opening it),
 * and the step buttons.
 */
export function SummaryPanel({
  assessment: a,
  items,
  scores,
  onField,
  actions,
}: {
  assessment: Assessment;
  items: readonly PlacedItem[];
  scores: ReadonlyMap<string, Score>;
  /** Open a field's section and bring it into view. */
  onField: (value: string) => void;
  actions: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const totals = latestTotals(a);
  const progress = progressOf(a, items, scores);
  const evidence = a.evidence.filter((e) => !e.replaced && !e.withdrawn).length;
  const fields = new Map(totals.fields.map((f) => [f.code, f]));
  const label = progress
    ? t(`parAssessment.summary.progress.${progress.kind}`, {
        done: formatNumber(progress.done),
        total: formatNumber(progress.total),
      })
    : null;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="aside"
      aria-label={t('parAssessment.summary.title')}
      style={{ position: 'sticky', top: 72 }}
      data-testid="par-summary"
    >
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('parAssessment.summary.title')}
        </Title>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('parAssessment.summary.pointsNow')}
          </Text>
          <Group gap="xs" align="baseline">
            <Text
              fw={700}
              size="xl"
              style={{ fontVariantNumeric: 'tabular-nums' }}
              data-testid="par-summary-points"
            >
              {formatNumber(totals.total)}
            </Text>
            <Text size="sm" c="dimmed">
              / {formatNumber(totals.maxPoints)} ({formatNumber(totals.percent)}%)
            </Text>
          </Group>
          <GradeBadge grade={totals.grade} bands={a.framework.gradeBands} size="sm" />
        </Stack>
        {progress && label && (
          <Stack gap={4}>
            <Text size="sm" data-testid="par-summary-progress">
              {label}
            </Text>
            <Progress
              value={progress.total ? (100 * progress.done) / progress.total : 0}
              size="md"
              aria-label={label}
            />
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {t('parAssessment.summary.evidence', { n: formatNumber(evidence) })}
        </Text>
        {actions}
        <Stack gap={2} component="nav" aria-label={t('parAssessment.summary.fields')}>
          <Text size="xs" fw={700} c="dimmed">
            {t('parAssessment.summary.fields')}
          </Text>
          {a.framework.tree.fields.map((f) => {
            const ft = fields.get(f.code);
            return (
              <UnstyledButton
                key={f.code}
                onClick={() => onField(`field-${f.code}`)}
                py={4}
                style={{ borderRadius: 4 }}
                data-testid="par-summary-field"
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="xs" lineClamp={1} title={`${f.code}. ${textIn(f.name, i18n.language)}`}>
                    {f.code}. {textIn(f.name, i18n.language)}
                  </Text>
                  {ft && (
                    <Text
                      size="xs"
                      c="dimmed"
                      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                    >
                      {formatNumber(ft.points)}/{formatNumber(ft.maxPoints)}
                    </Text>
                  )}
                </Group>
              </UnstyledButton>
            );
          })}
        </Stack>
      </Stack>
    </Card>
  );
}
