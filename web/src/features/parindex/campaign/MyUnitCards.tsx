import { Button, Card, Group, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate, formatNumber } from '../../../lib/format';
import { listAssessments, parKeys, type AssessmentRow, type Campaign } from './api';
import { AssessmentStatusBadge } from './labels';

/**
 * What the unit's people do next on their assessment: the server's next step when it is the unit's (score by the
 * self-assessment deadline; explain the contested items by the explanation's, the button once it is open).
 */
function nextStep(
  row: AssessmentRow,
  c: Campaign,
): { label: 'score' | 'explain' | 'view'; deadline: { kind: 'score' | 'explain'; date: string } | null } {
  const n = row.next;
  if (n?.by === 'unit' && n.action === 'submit')
    return { label: 'score', deadline: { kind: 'score', date: n.dueDate } };
  if (n?.by === 'unit' && n.action === 'explain')
    return {
      label: c.stage === 'explanation' ? 'explain' : 'view',
      deadline: { kind: 'explain', date: n.dueDate },
    };
  return { label: 'view', deadline: null };
}

/**
 * A unit's focal point or leader first sees their own units: one card each — where the assessment stands, the
 * deadline that matters now, the progress — and the one button that takes them to it.
 */
export function MyUnitCards({
  campaign: c,
  ownUnitIds,
}: {
  campaign: Campaign;
  /** The units the caller scores (the server's `viewer.ownUnitIds`). */
  ownUnitIds: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: parKeys.assessments(c.id, {}),
    queryFn: () => listAssessments(c.id, {}),
    enabled: c.stage !== 'preparing',
  });
  if (c.stage === 'preparing')
    return (
      <Card withBorder radius="md" padding="md" data-testid="par-my-units">
        <Title order={2} size="h4" mb={4}>
          {t('parCampaign.mine.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="par-my-units-preparing">
          {t('parCampaign.mine.preparing', { year: c.year })}
        </Text>
      </Card>
    );
  if (list.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const rows = (list.data?.items ?? []).filter((r) => ownUnitIds.has(r.unit.id));
  if (rows.length === 0)
    return (
      <Card withBorder radius="md" padding="md" data-testid="par-my-units">
        <Title order={2} size="h4" mb={4}>
          {t('parCampaign.mine.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="par-my-units-empty">
          {t('parCampaign.mine.none', { year: c.year })}
        </Text>
      </Card>
    );
  return (
    <Stack gap="sm" data-testid="par-my-units">
      <Title order={2} size="h4">
        {t('parCampaign.mine.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: rows.length > 1 ? 2 : 1 }} spacing="sm">
        {rows.map((r) => {
          const step = nextStep(r, c);
          const pct = r.toScore > 0 ? (100 * r.scored) / r.toScore : 0;
          const progress = t('parCampaign.units.progressValue', {
            scored: formatNumber(r.scored),
            total: formatNumber(r.toScore),
          });
          return (
            <Card
              key={r.id}
              withBorder
              radius="md"
              padding="md"
              data-testid="par-my-unit"
              data-status={r.status}
            >
              <Stack gap="sm">
                <Text fw={600} size="md">
                  {t('parCampaign.mine.unit', { unit: r.unit.name })}
                </Text>
                <Group gap="xs" wrap="wrap">
                  <AssessmentStatusBadge status={r.status} size="lg" />
                  {step.deadline && (
                    <Text size="sm" fw={500} data-testid="par-my-unit-deadline">
                      {t(`parCampaign.mine.deadline.${step.deadline.kind}`, {
                        date: formatDate(step.deadline.date),
                      })}
                    </Text>
                  )}
                </Group>
                <Stack gap={4}>
                  <Group justify="space-between">
                    <Text size="sm">{t('parCampaign.mine.progress')}</Text>
                    <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {progress}
                    </Text>
                  </Group>
                  <Progress
                    value={pct}
                    size="lg"
                    radius="sm"
                    aria-label={t('parCampaign.mine.progress')}
                    aria-valuetext={progress}
                  />
                  <Text size="xs" c="dimmed">
                    {[
                      t('parCampaign.units.evidenceValue', { n: formatNumber(r.evidence) }),
                      t('parCampaign.units.pointsValue', {
                        points: formatNumber(r.points),
                        percent: formatNumber(r.percent),
                      }),
                      r.contested > 0
                        ? t('parCampaign.units.contestedValue', { n: formatNumber(r.contested) })
                        : null,
                      r.submittedAt
                        ? t('parCampaign.units.submittedOn', { date: formatDate(r.submittedAt) })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
                <Group>
                  <Button
                    renderRoot={(props) => (
                      <Link to="/par/assessments/$id" params={{ id: r.id }} {...props} />
                    )}
                    size="md"
                    variant={step.label === 'view' ? 'light' : 'filled'}
                    rightSection={<IconArrowRight size={18} aria-hidden />}
                    data-testid="par-my-unit-open"
                  >
                    {t(`parCampaign.mine.open.${step.label}`)}
                  </Button>
                </Group>
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
