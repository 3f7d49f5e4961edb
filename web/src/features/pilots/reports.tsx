import { Badge, Button, Card, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import { actOnReport, pilotKeys, saveReport, type Item, type Report } from './api';
import { ReportStatusBadge } from './badges';

type EditValues = { overall: string; assessments: Record<string, string> };

/** The unit writes its report: the overall assessment and one per item; saves a draft or submits it. */
function ReportEditor({
  report,
  items,
  opened,
  onClose,
}: {
  report: Report;
  items: Item[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const owed = items.filter((i) => i.status !== 'cancelled');
  const form = useForm<EditValues>({
    initialValues: {
      overall: report.overall,
      assessments: Object.fromEntries(
        owed.map((i) => [i.id, report.assessments.find((a) => a.itemId === i.id)?.text ?? '']),
      ),
    },
  });
  const save = useMutation({
    mutationFn: ({ values, submit }: { values: EditValues; submit: boolean }) =>
      saveReport(report.pilotUnitId, report.kind, {
        version: report.version,
        overall: values.overall,
        assessments: owed.map((i) => ({ itemId: i.id, text: values.assessments[i.id] ?? '' })),
        submit,
      }),
    onSuccess: async (r) => {
      notifications.show({
        color: 'green',
        message: t(r.status === 'submitted' ? 'pilots.reports.submitted' : 'pilots.reports.saved'),
      });
      onClose();
      await queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const submitFor = (submit: boolean) => form.onSubmit((values) => save.mutate({ values, submit }));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`${t(`pilots.reportKinds.${report.kind}`)} — ${report.period.label}`}
      size="xl"
      centered
    >
      <form noValidate data-testid="report-form" onSubmit={(e) => e.preventDefault()}>
        <Stack gap="sm">
          {save.isError && <ErrorAlert error={save.error} />}
          {report.returnReason && report.status === 'returned' && (
            <Text size="sm" c="orange.8">
              <strong>{t('pilots.reports.returnReason')}:</strong> {report.returnReason}
            </Text>
          )}
          {owed.map((i, n) => (
            <Textarea
              key={i.id}
              label={`${n + 1}. ${i.title}`}
              autosize
              minRows={2}
              {...form.getInputProps(`assessments.${i.id}`)}
              data-testid="report-assessment"
            />
          ))}
          <Textarea
            label={t('pilots.reports.overall')}
            withAsterisk
            autosize
            minRows={3}
            {...form.getInputProps('overall')}
            data-testid="report-overall"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="light"
              loading={save.isPending && !save.variables?.submit}
              onClick={() => submitFor(false)()}
              data-testid="report-save"
            >
              {t('pilots.reports.saveDraft')}
            </Button>
            <Button
              loading={save.isPending && !!save.variables?.submit}
              onClick={() => submitFor(true)()}
              data-testid="report-submit"
            >
              {t('pilots.reports.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The standing agency returns a report with a reason. */
function ReturnModal({ report, opened, onClose }: { report: Report; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { reason: '' } });
  const act = useMutation({
    mutationFn: (v: { reason: string }) =>
      actOnReport(report.id!, { action: 'return', version: report.version!, reason: v.reason }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('pilots.reports.returned') });
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('pilots.reportActions.return')} centered>
      <form onSubmit={form.onSubmit((v) => act.mutate(v))} noValidate data-testid="report-return-form">
        <Stack gap="sm">
          {act.isError && !form.errors.reason && <ErrorAlert error={act.error} />}
          <Textarea
            label={t('pilots.actions.reason')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
            data-testid="report-return-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={act.isPending} data-testid="report-return-submit">
              {t('pilots.reportActions.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One of the two reports of a pilot unit: its period and deadline, status, content and the caller's actions. */
export function ReportCard({ report, items }: { report: Report; items: Item[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [returning, setReturning] = useState(false);
  const accept = useMutation({
    mutationFn: () => actOnReport(report.id!, { action: 'accept', version: report.version! }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('pilots.reports.accepted') });
      await queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
  });
  const titleOf = (id: string) => items.find((i) => i.id === id)?.title ?? '';
  const can = (a: string) => report.allowedActions.includes(a as Report['allowedActions'][number]);
  return (
    <Card withBorder padding="lg" data-testid="report-card" data-kind={report.kind}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h5">
              {t(`pilots.reportKinds.${report.kind}`)}
            </Title>
            <Text size="xs" c="dimmed">
              {report.period.label} ·{' '}
              {t('pilots.reports.window', {
                from: formatDate(report.period.window.from),
                to: formatDate(report.period.window.to),
              })}{' '}
              · {t('pilots.reports.due', { date: formatDate(report.period.due) })}
            </Text>
          </div>
          <ReportStatusBadge status={report.status} />
        </Group>
        {report.submittedOn && report.status !== 'draft' && (
          <Group gap="xs">
            <Text size="sm">
              {t('pilots.reports.submittedOn', { date: formatDate(report.submittedOn) })}
              {report.submittedByName ? ` · ${report.submittedByName}` : ''}
            </Text>
            {report.daysLate != null && report.daysLate > 0 && (
              <Badge color="orange" variant="light" data-testid="report-late">
                {t('pilots.reports.late', { count: report.daysLate })}
              </Badge>
            )}
          </Group>
        )}
        {report.reviewedOn && (
          <Text size="sm">
            {t(report.status === 'returned' ? 'pilots.reports.returnedOn' : 'pilots.reports.reviewedOn', {
              date: formatDate(report.reviewedOn),
            })}
            {report.reviewedByName ? ` · ${report.reviewedByName}` : ''}
          </Text>
        )}
        {report.returnReason && report.status === 'returned' && (
          <Text size="sm" c="orange.8" data-testid="report-return-reason-text">
            <strong>{t('pilots.reports.returnReason')}:</strong> {report.returnReason}
          </Text>
        )}
        {report.overall && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="report-overall-text">
            <strong>{t('pilots.reports.overall')}:</strong> {report.overall}
          </Text>
        )}
        {report.assessments.length > 0 && (
          <List size="sm" spacing={4}>
            {report.assessments.map((a) => (
              <List.Item key={a.itemId}>
                <Text size="sm" span fw={500}>
                  {titleOf(a.itemId)}:
                </Text>{' '}
                {a.text}
              </List.Item>
            ))}
          </List>
        )}
        {!report.status && (
          <Text size="sm" c="dimmed">
            {t('pilots.reports.notWritten')}
          </Text>
        )}
        {accept.isError && <ErrorAlert error={accept.error} />}
        <Group gap="xs" mt="xs">
          {can('save') && (
            <Button size="xs" onClick={() => setEditing(true)} data-testid="report-edit">
              {report.status ? t('pilots.reportActions.edit') : t('pilots.reportActions.write')}
            </Button>
          )}
          {can('accept') && (
            <Button
              size="xs"
              color="green"
              loading={accept.isPending}
              onClick={() => accept.mutate()}
              data-testid="report-accept"
            >
              {t('pilots.reportActions.accept')}
            </Button>
          )}
          {can('return') && (
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => setReturning(true)}
              data-testid="report-return"
            >
              {t('pilots.reportActions.return')}
            </Button>
          )}
        </Group>
      </Stack>
      {editing && (
        <ReportEditor report={report} items={items} opened={editing} onClose={() => setEditing(false)} />
      )}
      {can('return') && (
        <ReturnModal report={report} opened={returning} onClose={() => setReturning(false)} />
      )}
    </Card>
  );
}
