import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column } from '../../components/table';
import { formatNumber } from '../../lib/format';
import {
  importProcedures,
  listProcedures,
  procedureKeys,
  updateProcedure,
  type Procedure,
} from './proceduresApi';

const LEVELS = ['full', 'partial', 'none'] as const;
const PUBLISHED = ['yes', 'no', 'unknown'] as const;
const publishedKey = (p: boolean | null) => (p === true ? 'yes' : p === false ? 'no' : 'unknown');

/**
 * "Danh mục thủ tục hành chính": each procedure's online public-service level (NĐ 42/2022/NĐ-CP: toàn trình
 * / một phần / không) and whether it is published on the portals (QĐ 766 group 1), the catalogue counted by
 * both; the standing agency changes them in place (version-checked) or imports a catalogue file.
 */
export function ProceduresPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const list = useQuery({
    queryKey: procedureKeys.list(q.trim()),
    queryFn: () => listProcedures(q.trim()),
    placeholderData: keepPreviousData,
  });
  const canEdit = !!list.data?.abilities.update;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['dossiers'] });
  const change = useMutation({
    mutationFn: (v: { p: Procedure; change: Parameters<typeof updateProcedure>[1] }) =>
      updateProcedure(v.p, v.change),
    onSuccess: (p) => {
      notifications.show({ color: 'green', message: t('dossiersProcedures.saved', { code: p.code }) });
      void refresh();
    },
    onError: () => void refresh(),
  });
  const upload = useMutation({
    mutationFn: async (f: File) => importProcedures(await f.text()),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: t('dossiersProcedures.imported', r) });
      setFile(null);
      void refresh();
    },
  });

  const columns = useMemo((): Column<Procedure>[] => {
    const levelData = LEVELS.map((l) => ({ value: l, label: t(`dossiers.levels.name.${l}`) }));
    const pubData = PUBLISHED.map((k) => ({ value: k, label: t(`dossiersProcedures.published.${k}`) }));
    return [
      { key: 'code', header: t('dossiersProcedures.code'), value: (p) => p.code, width: 110 },
      {
        key: 'name',
        header: t('dossiersProcedures.name'),
        value: (p) => p.name,
        cellStyle: { maxWidth: 360 },
      },
      { key: 'field', header: t('dossiersProcedures.field'), value: (p) => p.field },
      {
        key: 'onlineCapability',
        header: t('dossiers.levels.level'),
        value: (p) => LEVELS.indexOf(p.onlineCapability),
        cell: (p) =>
          canEdit ? (
            <Select
              aria-label={t('dossiersProcedures.levelOf', { code: p.code })}
              data={levelData}
              value={p.onlineCapability}
              allowDeselect={false}
              size="xs"
              w={190}
              onChange={(v) =>
                v &&
                v !== p.onlineCapability &&
                change.mutate({ p, change: { onlineCapability: v as Procedure['onlineCapability'] } })
              }
              data-testid="procedure-level"
            />
          ) : (
            t(`dossiers.levels.name.${p.onlineCapability}`)
          ),
      },
      {
        key: 'published',
        header: t('dossiers.levels.published'),
        value: (p) => PUBLISHED.indexOf(publishedKey(p.published)),
        cell: (p) =>
          canEdit ? (
            <Select
              aria-label={t('dossiersProcedures.publishedOf', { code: p.code })}
              data={pubData}
              value={publishedKey(p.published)}
              allowDeselect={false}
              size="xs"
              w={160}
              onChange={(v) =>
                v &&
                v !== publishedKey(p.published) &&
                change.mutate({ p, change: { published: v === 'yes' ? true : v === 'no' ? false : null } })
              }
              data-testid="procedure-published"
            />
          ) : (
            <Badge
              variant="light"
              color={p.published ? 'green' : p.published === false ? 'orange' : 'gray'}
              tt="none"
            >
              {t(`dossiersProcedures.published.${publishedKey(p.published)}`)}
            </Badge>
          ),
      },
      {
        key: 'timeLimitDays',
        header: t('dossiersProcedures.timeLimit'),
        numeric: true,
        value: (p) => p.timeLimitDays,
      },
    ];
  }, [t, canEdit, change]);

  const c = list.data?.catalogue ?? [];
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/dossiers" size="sm">
          {t('dossiers.title')}
        </Anchor>
        <Text size="sm">{t('dossiersProcedures.title')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('dossiersProcedures.title')} description={t('dossiersProcedures.description')} />
      <Card withBorder padding="md" mb="md" data-testid="procedures-counts">
        <Group gap="lg" wrap="wrap">
          {c.map((x) => (
            <Stack key={x.level} gap={0}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t(`dossiers.levels.name.${x.level}`)}
              </Text>
              <Text fw={700} fz="lg">
                {formatNumber(x.procedures)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('dossiersProcedures.countDetail', {
                  published: formatNumber(x.published),
                  notPublished: formatNumber(x.notPublished),
                  unknown: formatNumber(x.unknown),
                })}
              </Text>
            </Stack>
          ))}
        </Group>
      </Card>
      {canEdit && (
        <Card withBorder padding="md" mb="md">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <FileInput
              label={t('dossiersProcedures.file')}
              description={t('dossiersProcedures.fileHint')}
              placeholder={t('dossiersProcedures.filePlaceholder')}
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              clearable
              maw={520}
              style={{ flex: 1 }}
              data-testid="procedures-file"
            />
            <Button
              leftSection={<IconFileImport size={16} aria-hidden />}
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
              data-testid="procedures-import"
            >
              {t('dossiersProcedures.import')}
            </Button>
          </Group>
          {upload.isError && <ErrorAlert error={upload.error} showDetails />}
        </Card>
      )}
      {change.isError && <ErrorAlert error={change.error} />}
      <TextInput
        label={t('dossiersProcedures.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={360}
        mb="sm"
        data-testid="procedures-search"
      />
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <DataTable
          rows={list.data.items}
          columns={columns}
          rowKey={(p) => p.id}
          pageSize={25}
          resetKey={q}
          minWidth={960}
          label={t('dossiersProcedures.title')}
          testId="procedures-table"
          rowProps={(p) => ({ 'data-code': p.code })}
        />
      )}
    </>
  );
}
