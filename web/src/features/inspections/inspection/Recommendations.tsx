import { Alert, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ActionButtons } from '../../../components/workflow/ActionButtons';
import { TimingBadge } from '../../../components/workflow/badges';
import { WorkItemActionModal } from '../../../components/workflow/WorkItemActionModal';
import { getWorkItem, type WorkItem } from '../../../components/workflow/work';
import { formatDate } from '../../../lib/format';
import { inspectionKeys, listRecommendations, type Recommendation } from '../api';
import { StatusBadge } from '../labels';

const KIND = 'inspection_recommendation' as const;

/**
 * The recommendations issued with the conclusion, each with its status, timing in working days and what was
 * reported, and the caller's steps through the work engine (the unit reports remediation with evidence; the team
 * verifies or returns with a reason). `focus`: the one a work item's link opened (`?recommendation=`), scrolled to.
 */
export function Recommendations({
  inspectionId,
  focus,
}: {
  inspectionId: string;
  focus?: string | undefined;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: inspectionKeys.recommendations(inspectionId),
    queryFn: () => listRecommendations(inspectionId),
  });
  const [target, setTarget] = useState<{ item: WorkItem; action: string } | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const focused = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (focus && list.data) focused.current?.scrollIntoView({ block: 'center' });
  }, [focus, list.data]);

  const open = async (r: Recommendation, action: string) => {
    setOpening(r.id);
    setError(null);
    try {
      const item = await getWorkItem(KIND, r.id);
      setTarget({ item, action });
    } catch (e) {
      setError(e);
    } finally {
      setOpening(null);
    }
  };
  if (list.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const items = list.data?.items ?? [];
  return (
    <Card withBorder radius="md" padding="md" data-testid="recommendations">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('inspections.recs.title')}
        </Title>
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('inspections.recs.empty')}
          </Text>
        )}
        <ErrorAlert error={error} />
        {items.map((r) => (
          <Card
            key={r.id}
            withBorder
            radius="sm"
            padding="sm"
            ref={r.id === focus ? focused : undefined}
            bg={r.id === focus ? 'blue.0' : undefined}
            data-testid="recommendation"
            data-number={r.number}
          >
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Text fw={600} size="sm" style={{ flex: 1, minWidth: 200 }}>
                  {t('inspections.recs.number', { number: r.number })}: {r.text}
                </Text>
                <Group gap={6}>
                  <StatusBadge status={r.status} ns="recStatus" />
                  {r.timing && (
                    <TimingBadge
                      timing={r.timing}
                      ns="work"
                      testId="recommendation"
                      kind={KIND}
                      awaitingReview={r.status === 'reported_done'}
                    />
                  )}
                </Group>
              </Group>
              <Text size="xs" c="dimmed">
                {t('inspections.recs.unit')}: {r.unit.name} ·{' '}
                {t('inspections.recs.due', { date: formatDate(r.dueDate) })}
                {r.reportedOn && ` · ${t('inspections.recs.reportedOn', { date: formatDate(r.reportedOn) })}`}
                {r.closedOn && ` · ${t('inspections.recs.closedOn', { date: formatDate(r.closedOn) })}`}
              </Text>
              {r.remediation && (
                <Alert variant="light" color="blue" p="xs" title={t('inspections.recs.remediation')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.remediation}
                  </Text>
                </Alert>
              )}
              {r.lastReason && r.status === 'returned' && (
                <Text size="sm" c="orange.8">
                  {t('inspections.recs.lastReason', { reason: r.lastReason })}
                </Text>
              )}
              {r.allowedActions.length > 0 && (
                <Group gap="xs">
                  <ActionButtons
                    actions={r.allowedActions}
                    onAction={(a) => void open(r, a)}
                    ns="work"
                    testId={`rec-${r.number}`}
                    size="sm"
                  />
                  {opening === r.id && <Loader size="xs" aria-label={t('inspections.recs.loading')} />}
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
      <WorkItemActionModal
        target={target}
        onClose={() => {
          setTarget(null);
          void qc.invalidateQueries({ queryKey: inspectionKeys.all });
        }}
        invalidate={[inspectionKeys.all]}
      />
    </Card>
  );
}
