import { Anchor, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconFileDownload, IconPresentationAnalytics } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { downloadUrl, generateBriefing, meetingKeys, type Meeting } from './api';

const DocxPreviewModal = lazy(() =>
  import('../../components/DocxPreviewModal').then((m) => ({ default: m.DocxPreviewModal })),
);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The meeting's briefing pack (tài liệu phục vụ họp): the standing agency makes it in one click — key figures with
 * charts, the overdue work of the units each member follows, the last session's conclusions, the agenda — as a Word
 * file and a PDF attached to the meeting (with its other files). Each click adds a new pair; earlier ones stay.
 * Only for those who may make it: the meeting's managers and the committee's leaders (the server's `abilities.brief`).
 */
export function BriefingPack({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [previewing, setPreviewing] = useState(false);
  const make = useMutation({
    mutationFn: () => generateBriefing(meeting.id),
    onSuccess: async (pack) => {
      queryClient.setQueryData(meetingKeys.one(meeting.id), pack.meeting);
      notifications.show({ color: 'green', message: t('meetings.briefing.done') });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.history(meeting.id) });
    },
  });
  if (!meeting.abilities.brief) return null;
  return (
    <Card withBorder padding="lg" data-testid="briefing-pack">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('meetings.briefing.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('meetings.briefing.hint')}
        </Text>
        <Group>
          <Button
            leftSection={<IconPresentationAnalytics size={16} aria-hidden />}
            loading={make.isPending}
            onClick={() => make.mutate()}
            data-testid="briefing-generate"
          >
            {t('meetings.briefing.generate')}
          </Button>
        </Group>
        {make.isPending && (
          <Group gap="xs" role="status" aria-live="polite">
            <Loader size="xs" aria-hidden />
            <Text size="sm">{t('meetings.briefing.working')}</Text>
          </Group>
        )}
        {make.isError && <ErrorAlert error={make.error} title={t('meetings.briefing.failed')} />}
        {make.isSuccess && (
          <div data-testid="briefing-result">
            <Text size="sm" fw={500}>
              {t('meetings.briefing.made', { at: formatDateTime(make.data.files[0]?.createdAt) })}
            </Text>
            <List size="sm" spacing={4} mt={4} icon={<IconFileDownload size={16} aria-hidden />}>
              {make.data.files.map((f) => (
                <List.Item key={f.id}>
                  <Anchor href={downloadUrl(meeting.id, f.id)} download={f.originalName}>
                    {f.originalName}
                  </Anchor>
                </List.Item>
              ))}
            </List>
            {make.data.files.some((f) => f.mediaType === DOCX) && (
              <Button
                mt="xs"
                size="xs"
                variant="light"
                leftSection={<IconEye size={14} aria-hidden />}
                onClick={() => setPreviewing(true)}
                data-testid="briefing-preview"
              >
                {t('meetings.briefing.preview')}
              </Button>
            )}
          </div>
        )}
        {previewing && make.data && (
          <Suspense fallback={<Loader size="sm" />}>
            <DocxPreviewModal
              title={t('meetings.briefing.title')}
              choices={make.data.files
                .filter((f) => f.mediaType === DOCX)
                .map((f) => ({ value: f.id, label: f.originalName, url: downloadUrl(meeting.id, f.id) }))}
              opened={previewing}
              onClose={() => setPreviewing(false)}
            />
          </Suspense>
        )}
      </Stack>
    </Card>
  );
}
