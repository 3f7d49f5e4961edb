import { ScrollCue } from '../../components/table';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconDownload, IconFileSpreadsheet, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobStatusBadge } from './JobStatusBadge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatFileSize, formatNumber } from '../../lib/format';
import { LIST_CLASSES, type DrillClass, type Ended, type GroupBy, type View } from './dashboardApi';
import {
  exportKeys,
  getExport,
  isExportFinished,
  listExports,
  startExport,
  type ExportJob,
  type ExportStatus,
} from './exportApi';

const STATUS_COLOR: Record<ExportStatus, string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
  expired: 'gray',
};

function StatusBadge({ status }: { status: ExportStatus }) {
  return <JobStatusBadge status={status} colors={STATUS_COLOR} prefix="dossiersExport.status" />;
}

function DownloadLink({ job }: { job: ExportJob }) {
  const { t } = useTranslation();
  if (!job.downloadUrl) return null;
  return (
    <Anchor href={job.downloadUrl} download={job.fileName ?? undefined} data-testid="export-download">
      <Group gap={4} wrap="nowrap" component="span">
        <IconDownload size={16} aria-hidden />
        {t('dossiersExport.download')}
        {job.size !== null && (
          <Text span size="xs" c="dimmed">
            ({formatFileSize(job.size)})
          </Text>
        )}
      </Group>
    </Anchor>
  );
}

/** One export's progress, polled every second until it ends; then its download. */
function ExportProgress({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: exportKeys.job(jobId),
    queryFn: () => getExport(jobId),
    refetchInterval: (q) => {
      const data = q.state.data;
      if (data && isExportFinished(data)) {
        void queryClient.invalidateQueries({ queryKey: exportKeys.list, exact: true });
        return false;
      }
      return 1000;
    },
  });
  if (job.error) return <ErrorAlert error={job.error} />;
  const j = job.data;
  if (!j) return null;
  return (
    <Stack gap="xs" data-testid="export-progress" data-status={j.status}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t(`dossiersExport.phase.${j.phase}`)}
        </Text>
        <StatusBadge status={j.status} />
      </Group>
      <Progress
        value={Math.round(j.progress * 100)}
        animated={!isExportFinished(j)}
        color={j.status === 'failed' ? 'red' : j.status === 'done' ? 'green' : 'blue'}
        aria-label={t('dossiersExport.progress')}
        aria-valuetext={`${Math.round(j.progress * 100)}%`}
        data-testid="export-progress-bar"
      />
      <Text size="sm" c="dimmed" data-testid="export-rows">
        {t('dossiersExport.rows', { rows: formatNumber(j.rowsWritten) })}
        {j.query.dossierClass && j.dossierTotal !== null
          ? ` · ${t('dossiersExport.dossierRows', {
              rows: formatNumber(j.dossierRows),
              total: formatNumber(j.dossierTotal),
            })}`
          : ''}
      </Text>
      {j.status === 'done' && (
        <Alert color="green" icon={<IconFileSpreadsheet size={18} aria-hidden />} data-testid="export-done">
          <Stack gap={4}>
            <DownloadLink job={j} />
            {j.expiresAt && (
              <Text size="xs" c="dimmed">
                {t('dossiersExport.keptUntil', { date: formatDate(j.expiresAt) })}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {j.status === 'done' && j.capped && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="export-capped">
          {t('dossiersExport.capped', {
            cap: formatNumber(j.maxDossierRows),
            total: formatNumber(j.dossierTotal ?? 0),
          })}
        </Alert>
      )}
      {j.status === 'failed' && (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="export-failed">
          {j.failure ?? t('dossiersExport.failed')}
        </Alert>
      )}
    </Stack>
  );
}

function RecentExports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: exportKeys.list, queryFn: listExports });
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = (list.data?.items ?? []).slice(0, 5);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('dossiersExport.recent')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dossiersExport.none')}
        </Text>
      ) : (
        <ScrollCue minWidth={520}>
          <Table striped verticalSpacing={4} data-testid="export-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossiersExport.when')}</Table.Th>
                <Table.Th>{t('dossiersExport.period')}</Table.Th>
                <Table.Th>{t('dossiersExport.statusLabel')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((j) => (
                <Table.Tr key={j.id} data-testid="export-list-row">
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(j.id)}>
                      {formatDateTime(j.createdAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(j.query.from)} – {formatDate(j.query.to)}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={j.status} />
                  </Table.Td>
                  <Table.Td>
                    {j.downloadUrl && (
                      <Anchor href={j.downloadUrl} download={j.fileName ?? undefined} size="sm">
                        {t('dossiersExport.download')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollCue>
      )}
    </Stack>
  );
}

/**
 * "Xuất Excel" on the dossier dashboard: exports what the page shows (period, units as they were or
 * restated, the unit or procedure opened) as a workbook made on the server; optionally with the dossiers
 * of one class. Shows the progress, then the download, and the reader's recent exports.
 */
export function ExportButton({
  view,
  groupBy,
  scopeName,
  ended = 'hide',
}: {
  view: View;
  groupBy: GroupBy;
  /** By unit: whether the ranking lists the units that have ended (the workbook does the same). */
  ended?: Ended;
  /** What the page shows now ("Toàn tỉnh", a unit, a procedure), for the dialog's summary. */
  scopeName: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [withList, setWithList] = useState(false);
  const [cls, setCls] = useState<DrillClass>('toProcess');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => startExport(view, groupBy, withList ? cls : null, ended),
    onSuccess: (job) => {
      setJobId(job.id);
      queryClient.setQueryData(exportKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: exportKeys.list, exact: true });
    },
  });
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        onClick={open}
        data-testid="dossiers-export-open"
      >
        {t('dossiersExport.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('dossiersExport.title')} size="lg">
        <Stack gap="md">
          <Text size="sm" data-testid="export-view">
            {t('dossiersExport.view', {
              from: formatDate(view.from),
              to: formatDate(view.to),
              scope: scopeName,
            })}{' '}
            {view.restate ? t('dossiersExport.restated') : t('dossiersExport.asWas')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('dossiersExport.sheets')}
          </Text>
          <Group align="flex-end" gap="md" wrap="wrap">
            <Checkbox
              label={t('dossiersExport.withList')}
              checked={withList}
              onChange={(e) => setWithList(e.currentTarget.checked)}
              data-testid="export-with-list"
            />
            <Select
              label={t('dossiersExport.listClass')}
              data={LIST_CLASSES.map((c) => ({ value: c, label: t(`dossiers.class.${c}`) }))}
              value={cls}
              onChange={(v) => v && setCls(v as DrillClass)}
              allowDeselect={false}
              disabled={!withList}
              w={240}
              comboboxProps={{ withinPortal: true }}
              data-testid="export-class"
            />
          </Group>
          <Group>
            <Button
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              loading={start.isPending}
              onClick={() => start.mutate()}
              data-testid="export-start"
            >
              {t('dossiersExport.start')}
            </Button>
          </Group>
          <ErrorAlert error={start.error} />
          {jobId && <ExportProgress key={jobId} jobId={jobId} />}
          <RecentExports onOpen={setJobId} />
        </Stack>
      </Modal>
    </>
  );
}
