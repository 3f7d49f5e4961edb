import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../../lib/format';
import { planKeys } from '../api';
import { exchangeUrls, importTasks, previewImport, type ImportPreview } from './api';

/** Rows of the preview shown before "and N more". */
const PREVIEW_ROWS = 50;

function RowErrors({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const rows = new Set(preview.rows.map((r) => r.row)).size;
  return (
    <Stack gap="xs">
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={t('planExchange.invalidTitle')}
        data-testid="import-invalid"
      >
        {t('planExchange.invalidSummary', { errors: preview.rows.length, rows })}
      </Alert>
      <ScrollArea.Autosize mah={320}>
        <Table striped withTableBorder data-testid="import-errors" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('planExchange.row')}</Table.Th>
              <Table.Th w={160}>{t('planExchange.column')}</Table.Th>
              <Table.Th>{t('planExchange.error')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r, i) => (
              <Table.Tr key={`${r.row}-${r.field}-${i}`} data-testid="import-error-row" data-row={r.row}>
                <Table.Td fw={600}>{r.row}</Table.Td>
                <Table.Td>{r.column || '—'}</Table.Td>
                <Table.Td>{r.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function TasksPreview({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const shown = preview.tasks.slice(0, PREVIEW_ROWS);
  return (
    <Stack gap="xs">
      <Alert
        color="green"
        icon={<IconCircleCheck size={18} aria-hidden />}
        title={t('planExchange.validTitle')}
        data-testid="import-valid"
      >
        {t('planExchange.validSummary', { n: preview.tasks.length })}
      </Alert>
      <ScrollArea.Autosize mah={320}>
        <Table striped withTableBorder data-testid="import-preview" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('planExchange.row')}</Table.Th>
              <Table.Th>{t('plans.task')}</Table.Th>
              <Table.Th>{t('plans.reformArea')}</Table.Th>
              <Table.Th>{t('plans.leadUnit')}</Table.Th>
              <Table.Th w={110}>{t('plans.dueDate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((task) => (
              <Table.Tr key={task.row} data-testid="import-preview-row">
                <Table.Td>{task.row}</Table.Td>
                <Table.Td>
                  {task.title}{' '}
                  {task.focus && (
                    <Badge size="xs" color="orange" variant="light">
                      {t('plans.focus')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`plans.areas.${task.reformArea}`, { defaultValue: task.reformArea })}</Table.Td>
                <Table.Td>{task.leadUnitName}</Table.Td>
                <Table.Td>{task.dueDate ? formatDate(task.dueDate) : t('planExchange.ongoing')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {preview.tasks.length > shown.length && (
        <Text size="sm" c="dimmed">
          {t('planExchange.more', { n: preview.tasks.length - shown.length })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Import of tasks from the plan's Excel template in two steps: the chosen file is checked first (a dry
 * run: every row, nothing written) and its errors or tasks shown; the manager then confirms. The server
 * writes all the tasks or none, and importing the same file again adds nothing.
 */
export function ImportTasksModal({
  planId,
  opened,
  onClose,
}: {
  planId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const check = useMutation({ mutationFn: (f: File) => previewImport(planId, f) });
  const run = useMutation({
    mutationFn: (f: File) => importTasks(planId, f),
    onSuccess: async (result) => {
      notifications.show({
        color: result.replayed ? 'blue' : 'green',
        message: result.replayed
          ? t('planExchange.replayed')
          : t('planExchange.imported', { n: result.created }),
      });
      await queryClient.invalidateQueries({ queryKey: planKeys.tasks(planId) });
      await queryClient.invalidateQueries({ queryKey: planKeys.kpis(planId) });
      close();
    },
  });

  function reset() {
    setFile(null);
    setInputKey((k) => k + 1);
    check.reset();
    run.reset();
  }
  function close() {
    reset();
    onClose();
  }
  function choose(f: File | null) {
    setFile(f);
    run.reset();
    if (f) check.mutate(f);
    else check.reset();
  }

  const preview = check.data;
  const canImport = !!file && !!preview?.valid && !preview.alreadyImported && !check.isPending;

  return (
    <Modal opened={opened} onClose={close} title={t('planExchange.modalTitle')} size="xl" centered>
      <Stack gap="md" data-testid="import-modal">
        <Text size="sm">{t('planExchange.intro')}</Text>
        <Anchor href={exchangeUrls.template(planId)} download size="sm" data-testid="import-template-link">
          <Group gap={4} component="span" display="inline-flex">
            <IconDownload size={14} aria-hidden /> {t('planExchange.template')}
          </Group>
        </Anchor>
        <Input.Wrapper label={t('planExchange.chooseFile')} id={inputId}>
          <input
            key={inputKey}
            id={inputId}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="file-input"
            data-testid="import-file"
            onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
          />
        </Input.Wrapper>
        {check.isPending && (
          <Group gap="xs">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('planExchange.checking')}</Text>
          </Group>
        )}
        {check.isError && <ErrorAlert error={check.error} />}
        {run.isError && <ErrorAlert error={run.error} />}
        {preview?.alreadyImported && (
          <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="import-already">
            {t('planExchange.alreadyImported', {
              at: formatDateTime(preview.alreadyImported.at),
              n: preview.alreadyImported.created,
            })}
          </Alert>
        )}
        {preview && !preview.valid && <RowErrors preview={preview} />}
        {preview?.valid && !preview.alreadyImported && <TasksPreview preview={preview} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => file && run.mutate(file)}
            disabled={!canImport}
            loading={run.isPending}
            data-testid="import-confirm"
          >
            {canImport ? t('planExchange.confirm', { n: preview.tasks.length }) : t('planExchange.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
