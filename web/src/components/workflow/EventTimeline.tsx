import { Anchor, Center, Group, Loader, Text, Timeline } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { StatusBadge } from './badges';

export type TimelineEvent = {
  id: string;
  action: string;
  toStatus: string | null;
  note: string | null;
  at: string;
  /** The day the step took effect (its effective date), when the history sends it. */
  on?: string;
  /** The day it was recorded: later than `on` for a backfilled step (both are shown then). */
  recordedOn?: string;
  actorName?: string | null;
  /** The cited files' ids, for histories that do not send the files themselves. */
  fileIds?: string[];
  /** The cited files' names; without them a file is shown as "Evidence n". */
  files?: { id: string; originalName: string }[];
};

/**
 * The history of a task-like record (status changes, with who acted, the note and the evidence files),
 * oldest first, with its loading, error and empty states.
 */
export function EventTimeline<E extends TimelineEvent>({
  query,
  ns,
  testId,
  fileHref,
  when,
  titleExtra,
  footer,
}: {
  query: { isLoading: boolean; isError: boolean; error: unknown; data?: { items: E[] } };
  /** The translation block: `<ns>.actionNames.*`, `<ns>.status.*`, `<ns>.drawer.noEvents`. */
  ns: string;
  /** Prefix of the data-testids: `<testId>-events`, `-event`, `-status`, `-evidence`. */
  testId: string;
  fileHref: (fileId: string) => string;
  /**
   * The line under the title (by default: when it was recorded, and by whom; for a backfilled step the
   * day it took effect first, then when and by whom it was recorded).
   */
  when?: (e: E) => string;
  titleExtra?: (e: E) => ReactNode;
  footer?: (e: E) => ReactNode;
}) {
  const { t } = useTranslation();
  const recorded = (e: E) => `${formatDateTime(e.at)}${e.actorName ? ` · ${e.actorName}` : ''}`;
  const backdated = (e: E) => !!e.on && !!e.recordedOn && e.on < e.recordedOn;
  const line =
    when ??
    ((e: E) =>
      backdated(e)
        ? t(e.actorName ? 'workflow.backdated' : 'workflow.backdatedNoActor', {
            on: formatDate(e.on),
            at: formatDateTime(e.at),
            who: e.actorName,
          })
        : recorded(e));
  if (query.isLoading)
    return (
      <Center>
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (query.isError) return <ErrorAlert error={query.error} />;
  const items = query.data?.items ?? [];
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t(`${ns}.drawer.noEvents`)}
      </Text>
    );
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid={`${testId}-events`}>
      {items.map((e) => (
        <Timeline.Item
          key={e.id}
          data-testid={`${testId}-event`}
          data-action={e.action}
          title={
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t(`${ns}.actionNames.${e.action}`)}
              </Text>
              {e.toStatus && <StatusBadge status={e.toStatus} ns={ns} testId={testId} />}
              {titleExtra?.(e)}
            </Group>
          }
        >
          <Text size="xs" c="dimmed" data-testid={backdated(e) ? `${testId}-event-backdated` : undefined}>
            {line(e)}
          </Text>
          {e.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {e.note}
            </Text>
          )}
          {(e.files ?? (e.fileIds ?? []).map((id) => ({ id, originalName: '' }))).map((f, i) => (
            <Anchor
              key={f.id}
              href={fileHref(f.id)}
              size="sm"
              display="flex"
              style={{ alignItems: 'center', gap: 4 }}
              data-testid={`${testId}-evidence`}
            >
              <IconPaperclip size={14} aria-hidden />{' '}
              {f.originalName || t('plans.drawer.evidenceN', { n: i + 1 })}
            </Anchor>
          ))}
          {footer?.(e)}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
