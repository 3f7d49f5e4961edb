import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { getQueue, workKeys, type WorkItem } from '../../components/workflow/work';
import { formatNumber } from '../../lib/format';
import { homeKeys } from './api';
import { WorkItemCard } from './WorkItemCard';

// The action dialog (forms, date picker, uploads) is not needed to show the landing page: its code is fetched
// once there is something to act on (so that the dialog still opens at once), not before the page is shown.
const WorkItemActionModal = lazy(() =>
  import('../../components/workflow/WorkItemActionModal').then((m) => ({ default: m.WorkItemActionModal })),
);

const LIMIT = 100;
const FIRST = 5;

/**
 * A work queue answering the role's first question: what my units owe (`owed`: overdue and due soon
 * first) or what awaits my verification (`review`: oldest report first) — counts in the heading, each
 * item's actions right on its card, and an empty state that says what it means.
 */
export function WorkQueuePanel({ view }: { view: 'owed' | 'review' }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [target, setTarget] = useState<{ item: WorkItem; action: string } | null>(null);
  const queue = useQuery({ queryKey: workKeys.queue(view, LIMIT), queryFn: () => getQueue(view, LIMIT) });
  const items = queue.data?.items ?? [];
  const shown = all ? items : items.slice(0, FIRST);
  const [withModal, setWithModal] = useState(false);
  if (items.length > 0 && !withModal) setWithModal(true);
  return (
    <Card withBorder padding="md" radius="md" data-testid={`panel-${view}`}>
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {t(`homePage.${view}.title`)}
        </Title>
        {queue.data && (
          <Group gap={6}>
            <Badge variant="light" color="gray" size="lg" data-testid={`panel-${view}-total`}>
              {t(`homePage.${view}.count`, { count: queue.data.total, n: formatNumber(queue.data.total) })}
            </Badge>
            {queue.data.overdue > 0 && (
              <Badge
                color={view === 'review' ? 'orange' : 'red'}
                size="lg"
                data-testid={`panel-${view}-overdue`}
              >
                {t(view === 'review' ? 'homePage.lateReportsCount' : 'homePage.overdueCount', {
                  count: queue.data.overdue,
                  n: formatNumber(queue.data.overdue),
                })}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`homePage.${view}.lead`)}
      </Text>
      {queue.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {queue.isError && <ErrorAlert error={queue.error} />}
      {queue.data && items.length === 0 && (
        <Text data-testid={`panel-${view}-empty`}>{t(`homePage.${view}.empty`)}</Text>
      )}
      <Stack gap="xs">
        {shown.map((item) => (
          <WorkItemCard
            key={`${item.kind}:${item.id}`}
            item={item}
            view={view}
            onAction={(action) => setTarget({ item, action })}
          />
        ))}
      </Stack>
      {items.length > FIRST && (
        <Button variant="subtle" mt="sm" onClick={() => setAll((v) => !v)} data-testid={`panel-${view}-more`}>
          {all ? t('homePage.showFewer') : t('homePage.showAll', { count: items.length })}
        </Button>
      )}
      {queue.data && queue.data.total > items.length && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('homePage.limited', {
            shown: formatNumber(items.length),
            total: formatNumber(queue.data.total),
          })}
        </Text>
      )}
      {withModal && (
        <Suspense fallback={null}>
          <WorkItemActionModal target={target} onClose={() => setTarget(null)} invalidate={[homeKeys.home]} />
        </Suspense>
      )}
    </Card>
  );
}
