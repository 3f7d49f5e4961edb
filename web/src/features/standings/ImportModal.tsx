/**
 * Importing results from the workbook in two steps: the chosen file is checked first (nothing written) and its
 * problems shown row by row, or what each row will do (new, changed, unchanged); the officer then confirms. The server
 * writes every row or none, and the same file again changes nothing.
 */
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
import { IconAlertTriangle, IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSelect } from '../../components/DecisionSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { exportHref, importResults, standingKeys, type ImportResult } from './api';
import { formatValue, pick } from './labels';

const OUTCOME_COLORS = { create: 'green', update: 'orange', unchanged: 'gray' } as const;

function Problems({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const rows = new Set(result.problems.map((p) => p.row)).size;
  return (
    <Stack gap="xs">
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={t('standings.import.invalidTitle')}
        data-testid="import-invalid"
      >
        {t('standings.import.invalidSummary', { errors: result.problems.length, rows })}
      </Alert>
      <ScrollArea.Autosize mah={320}>
        <Table striped withTableBorder verticalSpacing={6} data-testid="import-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('standings.import.row')}</Table.Th>
              <Table.Th w={150}>{t('standings.import.column')}</Table.Th>
              <Table.Th>{t('standings.import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.problems.map((p, i) => (
              <Table.Tr key={`${p.row}-${p.field}-${i}`} data-testid="import-problem" data-row={p.row}>
                <Table.Td fw={600}>{p.row}</Table.Td>
                <Table.Td>{p.column || '—'}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function Preview({ result }: { result: ImportResult }) {
  const { t, i18n } = useTranslation();
  const changes = result.rows.filter((r) => r.outcome !== 'unchanged');
  return (
    <Stack gap="xs">
      <Alert
        color="green"
        icon={<IconCircleCheck size={18} aria-hidden />}
        title={t('standings.import.validTitle')}
        data-testid="import-valid"
      >
        {t('standings.import.validSummary', {
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          skipped: result.skipped,
        })}
      </Alert>
      {changes.length > 0 && (
        <ScrollArea.Autosize mah={320}>
          <Table striped withTableBorder verticalSpacing={6} data-testid="import-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('standings.import.row')}</Table.Th>
                <Table.Th>{t('standings.dimension')}</Table.Th>
                <Table.Th w={70}>{t('standings.year')}</Table.Th>
                <Table.Th w={90}>{t('standings.value')}</Table.Th>
                <Table.Th w={110} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    {t(`standings.indexShort.${r.indexCode}`)} —{' '}
                    {r.dimensionCode ? pick(r.dimensionName, i18n.language) : t('standings.overall')}
                  </Table.Td>
                  <Table.Td>{r.year}</Table.Td>
                  <Table.Td>{formatValue(r.value)}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLORS[r.outcome]} variant="light">
                      {t(`standings.import.outcome.${r.outcome}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

export function ImportModal({
  onClose,
  fromYear,
  toYear,
}: {
  onClose: () => void;
  fromYear: number;
  toYear: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const check = useMutation({
    mutationFn: (f: File) => importResults(f, { dryRun: true, sourceDocumentId: documentId }),
  });
  const run = useMutation({
    mutationFn: (f: File) => importResults(f, { dryRun: false, sourceDocumentId: documentId }),
    onSuccess: async (result) => {
      notifications.show({
        color: result.created + result.updated ? 'green' : 'blue',
        message:
          result.created + result.updated
            ? t('standings.import.done', { created: result.created, updated: result.updated })
            : t('standings.import.nothingChanged'),
      });
      await queryClient.invalidateQueries({ queryKey: standingKeys.all });
      onClose();
    },
  });
  const choose = (f: File | null) => {
    setFile(f);
    run.reset();
    if (f) check.mutate(f);
    else check.reset();
  };
  const preview = check.data;
  const canImport = !!file && !!preview?.valid && preview.created + preview.updated > 0 && !check.isPending;
  return (
    <Modal opened onClose={onClose} title={t('standings.import.title')} size="xl" centered>
      <Stack gap="md" data-testid="import-modal">
        <Text size="sm">{t('standings.import.intro')}</Text>
        <Anchor href={exportHref(fromYear, toYear)} download size="sm">
          <Group gap={4} component="span" display="inline-flex">
            <IconDownload size={14} aria-hidden />{' '}
            {t('standings.import.template', { from: fromYear, to: toYear })}
          </Group>
        </Anchor>
        <DecisionSelect
          label={t('standings.sourceDocument')}
          description={t('standings.import.documentHelp')}
          value={documentId}
          onChange={(v) => {
            setDocumentId(v);
            if (file) check.mutate(file);
          }}
        />
        <Input.Wrapper label={t('standings.import.chooseFile')} id={inputId}>
          <input
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
            <Text size="sm">{t('standings.import.checking')}</Text>
          </Group>
        )}
        {check.isError && <ErrorAlert error={check.error} />}
        {preview && !preview.valid && <Problems result={preview} />}
        {preview && preview.valid && <Preview result={preview} />}
        {run.isError && <ErrorAlert error={run.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!canImport}
            loading={run.isPending}
            onClick={() => file && run.mutate(file)}
            data-testid="import-confirm"
          >
            {t('standings.import.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
