import { Badge, Box, Flex, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ActionButtons } from '../../components/workflow/ActionButtons';
import { StatusBadge, TimingBadge } from '../../components/workflow/badges';
import { inLanguage, titleOf, type WorkItem, type WorkKind } from '../../components/workflow/work';
import { formatDate } from '../../lib/format';
import { InAppLink } from '../../components/InAppLink';

const REVIEW: readonly string[] = ['verify', 'accept', 'return'];

const KIND_COLORS: Record<WorkKind, string> = {
  plan_task: 'blue',
  pilot_item: 'grape',
  pilot_report: 'teal',
  periodic_report: 'indigo',
  feedback_case: 'orange',
  inspection_recommendation: 'red',
  par_assessment: 'cyan',
};

/** What kind of work an item is, in words ("Nhiệm vụ kế hoạch"), never its id. */
export function KindBadge({ kind }: { kind: WorkKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={KIND_COLORS[kind]} variant="outline" radius="sm" data-testid="work-item-kind">
      {t(`work.kinds.${kind}`)}
    </Badge>
  );
}

/**
 * One item of a queue as a card that reads on a phone: what it is and how late, its title (a link to
 * its page), where it comes from, the unit and the due date, what was reported or why it was returned,
 * and the buttons of the actions the server allows.
 */
export function WorkItemCard({
  item,
  view,
  onAction,
}: {
  item: WorkItem;
  view: 'owed' | 'review';
  onAction: (action: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const reported = view === 'review' ? item.reported : null;
  // The reviewer's decision is what the queue is for; other steps (cancel, extend…) stay on the item's page.
  // A hotline case is answered and approved on its page (the answer is written there; approval publishes it,
  // and the page shows what the public will read): its card only links there.
  const actions =
    item.kind === 'feedback_case'
      ? []
      : view === 'review'
        ? item.allowedActions.filter((a) => REVIEW.includes(a))
        : item.allowedActions;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="work-item" data-kind={item.kind}>
      <Flex direction={{ base: 'column', sm: 'row' }} gap="sm" justify="space-between">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <KindBadge kind={item.kind} />
            <StatusBadge status={item.status} ns="work" testId="work-item" />
            {item.timing && (
              <TimingBadge
                timing={item.timing}
                ns="work"
                testId="work-item"
                kind={item.kind}
                awaitingReview={['reported_done', 'submitted', 'answered'].includes(item.status)}
              />
            )}
          </Group>
          <InAppLink
            to={item.link}
            fw={600}
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
            data-testid="work-item-title"
          >
            {titleOf(item, i18n.language)}
          </InAppLink>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {[
              inLanguage(item.context, i18n.language),
              item.unit.name,
              item.dueDate ? t('work.due', { date: formatDate(item.dueDate) }) : t('work.noDue'),
            ].join(' · ')}
          </Text>
          {reported && (
            <Box data-testid="work-item-reported">
              <Text size="xs" c="dimmed">
                {[
                  reported.on ? t('work.reportedOn', { date: formatDate(reported.on) }) : null,
                  reported.byName,
                  reported.files.length
                    ? t('work.files', { count: reported.files.length })
                    : t('work.noFiles'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {reported.output && (
                <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {reported.output}
                </Text>
              )}
            </Box>
          )}
          {view === 'owed' && item.status === 'returned' && item.lastReason && (
            <Text size="xs" c="orange.9" data-testid="work-item-reason">
              {t('work.returnedBecause', { reason: item.lastReason })}
            </Text>
          )}
        </Stack>
        {actions.length > 0 && (
          <Box style={{ flexShrink: 0 }} maw={{ sm: 280 }}>
            <ActionButtons actions={actions} onAction={onAction} ns="work" testId="work-item" size="xs" />
          </Box>
        )}
      </Flex>
    </Paper>
  );
}
