import {
  Anchor,
  Button,
  Card,
  Center,
  Collapse,
  Group,
  Loader,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { AssessmentStatusBadge, STATUSES } from '../campaign/labels';
import { assessmentEvents, assessmentKeys, evidenceFileHref } from './api';

type Status = (typeof STATUSES)[number];
const isStatus = (s: string | null): s is Status => !!s && (STATUSES as readonly string[]).includes(s);

/** The assessment's history (started, evidence added, submitted, locked, the rounds, finalised), asked when opened. */
export function History({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panel = useId();
  const events = useQuery({
    queryKey: assessmentKeys.events(assessmentId),
    queryFn: () => assessmentEvents(assessmentId),
    enabled: open,
  });
  return (
    <Card withBorder radius="md" padding="md" data-testid="par-history">
      <Group justify="space-between">
        <Title order={2} size="h5">
          {t('parAssessment.history.title')}
        </Title>
        <Button
          variant="subtle"
          size="sm"
          onClick={() => setOpen((v) => !v)}
          aria-expanded={open}
          aria-controls={panel}
          data-testid="par-history-toggle"
        >
          {open ? t('parAssessment.history.hide') : t('parAssessment.history.show')}
        </Button>
      </Group>
      <Collapse expanded={open} id={panel}>
        <Stack gap="sm" pt="sm">
          {events.isLoading && (
            <Center>
              <Loader size="sm" aria-label={t('common.loading')} />
            </Center>
          )}
          {events.isError && <ErrorAlert error={events.error} />}
          {events.data && events.data.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('parAssessment.history.empty')}
            </Text>
          )}
          {events.data && events.data.items.length > 0 && (
            <Timeline bulletSize={14} lineWidth={2} data-testid="par-history-events">
              {events.data.items.map((e) => (
                <Timeline.Item
                  key={e.id}
                  data-testid="par-history-event"
                  data-action={e.action}
                  title={
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {t(`parAssessment.history.actions.${e.action}`, {
                          defaultValue: t('parAssessment.history.actions.other'),
                        })}
                      </Text>
                      {isStatus(e.toStatus) && e.toStatus !== e.fromStatus && (
                        <AssessmentStatusBadge status={e.toStatus} size="sm" testId="par-history-status" />
                      )}
                    </Group>
                  }
                >
                  <Text size="xs" c="dimmed">
                    {e.actorName ? `${formatDateTime(e.at)} · ${e.actorName}` : formatDateTime(e.at)}
                  </Text>
                  {e.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {e.note}
                    </Text>
                  )}
                  {e.files.map((f) => (
                    <Anchor
                      key={f.id}
                      href={evidenceFileHref(assessmentId, f.id)}
                      target="_blank"
                      size="sm"
                      display="flex"
                      style={{ alignItems: 'center', gap: 4 }}
                    >
                      <IconPaperclip size={14} aria-hidden /> {f.originalName}
                    </Anchor>
                  ))}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      </Collapse>
    </Card>
  );
}
