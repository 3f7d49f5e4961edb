import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobStatusBadge } from './JobStatusBadge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column } from '../../components/table';
import { formatDateTime, formatFileSize, formatNumber } from '../../lib/format';
import {
  getImport,
  getMappings,
  importKeys,
  isFinished,
  listImports,
  resumeImport,
  uploadImport,
  type ImportJob,
  type ImportStatus,
} from './importApi';

const STATUS_COLOR: Record<ImportStatus, string> = {
  staging: 'blue',
  staged: 'blue',
  done: 'green',
  failed: 'red',
};

function StatusBadge({ status }: { status: ImportStatus }) {
  return <JobStatusBadge status={status} colors={STATUS_COLOR} prefix="dossiersImport.status" />;
}

/** Progress of one import, polled every second until it ends. */
function JobProgress({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: importKeys.job(jobId),
    queryFn: () => getImport(jobId),
    refetchInterval: (q) => {
      const data = q.state.data;
      if (data && isFinished(data)) {
        void queryClient.invalidateQueries({ queryKey: importKeys.list });
        return false;
      }
      return 1000;
    },
  });
  const resume = useMutation({
    mutationFn: () => resumeImport(jobId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: importKeys.job(jobId) }),
  });
  if (job.error) return <ErrorAlert error={job.error} />;
  const j = job.data;
  if (!j) return null;
  const percent =
    j.status === 'done' || j.status === 'failed'
      ? 100
      : j.status === 'staged'
        ? 80 + (j.applied !== null && j.rowsValid ? (20 * j.applied) / j.rowsValid : 0)
        : 80 * j.progress;
  return (
    <Card withBorder padding="md" data-testid="import-progress" data-status={j.status}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{j.fileName}</Text>
          <StatusBadge status={j.status} />
        </Group>
        <Progress
          value={percent}
          animated={!isFinished(j)}
          color={j.status === 'failed' ? 'red' : j.status === 'done' ? 'green' : 'blue'}
          aria-label={t('dossiersImport.progress')}
        />
        <Text size="sm" c="dimmed">
          {t(`dossiersImport.phase.${j.status}`)} ·{' '}
          {t('dossiersImport.counts', {
            read: formatNumber(j.rowsRead),
            valid: formatNumber(j.rowsValid),
            errors: formatNumber(j.errorCount),
          })}
        </Text>
        {j.status === 'done' && (
          <Alert color="green" icon={<IconCircleCheck size={18} aria-hidden />} data-testid="import-done">
            {t('dossiersImport.doneSummary', {
              created: formatNumber(j.created),
              updated: formatNumber(j.updated),
              unchanged: formatNumber(j.unchanged),
            })}
          </Alert>
        )}
        {j.status === 'failed' && (
          <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="import-failed">
            {j.failure ?? t('dossiersImport.failedSummary', { errors: formatNumber(j.errorCount) })}
          </Alert>
        )}
        {!isFinished(j) && !j.running && (
          <Group>
            <Button variant="light" onClick={() => resume.mutate()} loading={resume.isPending}>
              {t('dossiersImport.resume')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('dossiersImport.resumeHint')}
            </Text>
          </Group>
        )}
        <ErrorAlert error={resume.error} />
        {j.errors.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {j.errorCount > j.errors.length
                ? t('dossiersImport.errorsFirst', {
                    shown: j.errors.length,
                    total: formatNumber(j.errorCount),
                  })
                : t('dossiersImport.errorsTitle')}
            </Text>
            <ScrollArea.Autosize mah={360}>
              <Table striped withTableBorder verticalSpacing={6} data-testid="import-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('dossiersImport.row')}</Table.Th>
                    <Table.Th w={180}>{t('dossiersImport.column')}</Table.Th>
                    <Table.Th>{t('dossiersImport.error')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {j.errors.map((e, i) => (
                    <Table.Tr key={`${e.row}-${e.field}-${i}`} data-row={e.row}>
                      <Table.Td fw={600}>{e.row}</Table.Td>
                      <Table.Td>{e.column}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function PastImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: importKeys.list, queryFn: listImports });
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = list.data?.items ?? [];
  const columns: Column<ImportJob>[] = [
    {
      key: 'createdAt',
      header: t('dossiersImport.when'),
      value: (j) => j.createdAt,
      firstDir: 'desc',
      cell: (j) => formatDateTime(j.createdAt),
    },
    {
      key: 'file',
      header: t('dossiersImport.file'),
      value: (j) => j.fileName,
      cell: (j) => (
        <>
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={(e) => {
              e.stopPropagation();
              onOpen(j.id);
            }}
          >
            {j.fileName}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({formatFileSize(j.size)})
          </Text>
        </>
      ),
    },
    { key: 'mapping', header: t('dossiersImport.mapping'), value: (j) => j.mappingName },
    {
      key: 'status',
      header: t('dossiersImport.statusLabel'),
      value: (j) => t(`dossiersImport.status.${j.status}`),
      cell: (j) => <StatusBadge status={j.status} />,
    },
    { key: 'rows', header: t('dossiersImport.rows'), numeric: true, value: (j) => j.rowsRead },
    {
      key: 'created',
      header: t('dossiersImport.createdUpdated'),
      numeric: true,
      value: (j) => j.created + j.updated,
      cell: (j) => `${formatNumber(j.created)} / ${formatNumber(j.updated)}`,
    },
    { key: 'errors', header: t('dossiersImport.errorCount'), numeric: true, value: (j) => j.errorCount },
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('dossiersImport.pastTitle')}
      </Title>
      {list.data && (
        <DataTable
          rows={items}
          columns={columns}
          rowKey={(j) => j.id}
          initialSort={{ key: 'createdAt', dir: 'desc' }}
          minWidth={720}
          label={t('dossiersImport.pastTitle')}
          empty={t('dossiersImport.pastEmpty')}
          testId="import-list"
          // The file name is the keyboard's way in; a click anywhere on the row does the same.
          rowProps={(j) => ({ style: { cursor: 'pointer' }, onClick: () => onOpen(j.id) })}
        />
      )}
    </Stack>
  );
}

/** "Nhập hồ sơ TTHC": choose a mapping, upload an export, follow its progress, read its errors. */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mappings = useQuery({ queryKey: importKeys.mappings, queryFn: getMappings });
  const [mappingId, setMappingId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [replayed, setReplayed] = useState(false);
  const upload = useMutation({
    mutationFn: () => uploadImport(file!, mappingId),
    onSuccess: (res) => {
      setJobId(res.job.id);
      setReplayed(res.replayed);
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
    },
  });
  const defaultName = mappings.data?.defaultMapping.name ?? '';
  return (
    <>
      <PageHeader title={t('dossiersImport.title')} description={t('dossiersImport.description')} />
      <Stack gap="lg">
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Group align="flex-end" gap="md" wrap="wrap">
              <Select
                label={t('dossiersImport.mapping')}
                w={320}
                value={mappingId ?? ''}
                onChange={(v) => setMappingId(v || null)}
                allowDeselect={false}
                data={[
                  { value: '', label: t('dossiersImport.defaultMapping', { name: defaultName }) },
                  ...(mappings.data?.items ?? []).map((m) => ({ value: m.id, label: m.name })),
                ]}
                data-testid="import-mapping"
              />
              <FileInput
                label={t('dossiersImport.fileLabel')}
                placeholder={t('dossiersImport.filePlaceholder')}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={setFile}
                w={340}
                clearable
                data-testid="import-file"
              />
              <Button
                leftSection={<IconFileImport size={18} aria-hidden />}
                disabled={!file}
                loading={upload.isPending}
                onClick={() => upload.mutate()}
                data-testid="import-submit"
              >
                {t('dossiersImport.submit')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('dossiersImport.hint')}
            </Text>
            <ErrorAlert error={mappings.error ?? upload.error} />
          </Stack>
        </Card>
        {replayed && (
          <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="import-replayed">
            {t('dossiersImport.replayed')}
          </Alert>
        )}
        {jobId && <JobProgress key={jobId} jobId={jobId} />}
        <PastImports
          onOpen={(id) => {
            setReplayed(false);
            setJobId(id);
          }}
        />
      </Stack>
    </>
  );
}
