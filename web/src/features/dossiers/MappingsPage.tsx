import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCopy,
  IconInfoCircle,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column } from '../../components/table';
import { formatDateTime } from '../../lib/format';
import {
  columnProblems,
  createMapping,
  DATE_FORMATS,
  deleteMapping,
  fromPairs,
  listMappings,
  mappingKeys,
  toPairs,
  updateMapping,
  VALUE_CODES,
  VALUE_MAP_FIELDS,
  type DateFormat,
  type Mapping,
  type MappingBody,
  type MappingList,
  type Pair,
  type ValueMapField,
} from './mappingsApi';

const DELIMITERS = [',', ';', '\t', '|'] as const;
const delimiterKey = (d: string) =>
  d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '\t' ? 'tab' : d === '|' ? 'pipe' : 'other';

type Draft = {
  name: string;
  source: string;
  delimiter: string;
  dateFormat: DateFormat;
  columns: Pair[];
  valueMaps: Record<ValueMapField, Pair[]>;
};

/** The editor's rows of a stored mapping (or of the default one). */
const draftOf = (m: MappingList['defaultMapping']): Draft => ({
  name: m.name,
  source: m.source,
  delimiter: m.delimiter,
  dateFormat: m.dateFormat,
  columns: toPairs(m.columns),
  valueMaps: {
    channel: toPairs(m.valueMaps.channel),
    status: toPairs(m.valueMaps.status),
    rating: toPairs(m.valueMaps.rating),
  },
});

const bodyOf = (d: Draft): MappingBody => {
  const valueMaps: MappingBody['valueMaps'] = {};
  for (const f of VALUE_MAP_FIELDS) {
    const map = fromPairs(d.valueMaps[f]);
    if (Object.keys(map).length) valueMaps[f] = map;
  }
  return {
    name: d.name.trim(),
    source: d.source.trim(),
    delimiter: d.delimiter,
    dateFormat: d.dateFormat,
    // The column rows choose among the server's fields only (`MappingList['fields']`).
    columns: fromPairs(d.columns) as MappingBody['columns'],
    valueMaps,
  };
};

/** Rows "text → choice" with add and remove (columns → fields, words → codes). */
function PairRows({
  rows,
  onChange,
  keyLabel,
  valueLabel,
  options,
  testId,
  disabled,
}: {
  rows: Pair[];
  onChange: (rows: Pair[]) => void;
  keyLabel: string;
  valueLabel: string;
  options: { value: string; label: string }[];
  testId: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Pair>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={6} data-testid={testId}>
      {rows.map((r, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-end" data-testid={`${testId}-row`}>
          <TextInput
            label={i === 0 ? keyLabel : undefined}
            aria-label={keyLabel}
            value={r.key}
            onChange={(e) => set(i, { key: e.currentTarget.value })}
            style={{ flex: 1 }}
            disabled={disabled}
            data-testid={`${testId}-key`}
          />
          <Select
            label={i === 0 ? valueLabel : undefined}
            aria-label={valueLabel}
            data={options}
            value={r.value || null}
            onChange={(v) => set(i, { value: v ?? '' })}
            searchable
            style={{ flex: 1 }}
            comboboxProps={{ withinPortal: true }}
            disabled={disabled}
            data-testid={`${testId}-value`}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('dossiersMappings.removeRow')}
            title={t('dossiersMappings.removeRow')}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            disabled={disabled}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...rows, { key: '', value: '' }])}
          disabled={disabled}
          data-testid={`${testId}-add`}
        >
          {t('dossiersMappings.addRow')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Creates or edits a mapping; a write based on an old version is refused (409) and can be reloaded. */
function MappingEditor({
  list,
  editing,
  onClose,
}: {
  list: MappingList;
  /** The mapping edited, or null for a new one. */
  editing: Mapping | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [base, setBase] = useState<Mapping | null>(editing);
  const [draft, setDraft] = useState<Draft>(() =>
    editing
      ? draftOf(editing)
      : {
          ...draftOf(list.defaultMapping),
          name: '',
          source: '',
          columns: [{ key: '', value: '' }],
        },
  );
  const save = useMutation({
    mutationFn: () =>
      base
        ? updateMapping(base.id, { ...bodyOf(draft), version: base.version })
        : createMapping(bodyOf(draft)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: mappingKeys.list });
      notifications.show({
        color: 'green',
        message: t('dossiersMappings.saved', { name: saved.name }),
      });
      onClose();
    },
  });
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: mappingKeys.list, queryFn: listMappings });
    const latest = fresh.items.find((m) => m.id === base?.id) ?? null;
    setBase(latest);
    if (latest) setDraft(draftOf(latest));
    save.reset();
  };
  const readOnly = base ? !base.abilities.update : !list.abilities.create;
  const fieldOptions = list.fields.map((f) => ({
    value: f,
    label: `${t(`dossiersMappings.field.${f}`)} (${f})`,
  }));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const problems = columnProblems(draft.columns);
  return (
    <Stack gap="md" data-testid="mapping-editor">
      <Group grow align="flex-start">
        <TextInput
          label={t('dossiersMappings.name')}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          disabled={readOnly}
          data-testid="mapping-name"
        />
        <TextInput
          label={t('dossiersMappings.source')}
          required
          value={draft.source}
          onChange={(e) => set({ source: e.currentTarget.value })}
          disabled={readOnly}
          data-testid="mapping-source"
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('dossiersMappings.delimiter')}
          data={DELIMITERS.map((d) => ({
            value: d,
            label: t(`dossiersMappings.delimiters.${delimiterKey(d)}`),
          }))}
          value={draft.delimiter}
          onChange={(v) => v && set({ delimiter: v })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          disabled={readOnly}
          data-testid="mapping-delimiter"
        />
        <Select
          label={t('dossiersMappings.dateFormat')}
          data={DATE_FORMATS.map((f) => ({ value: f, label: f }))}
          value={draft.dateFormat}
          onChange={(v) => v && set({ dateFormat: v as DateFormat })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          disabled={readOnly}
          data-testid="mapping-date-format"
        />
      </Group>
      <Stack gap={4}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('dossiersMappings.columnsTitle')}
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCopy size={14} aria-hidden />}
            onClick={() => set({ columns: toPairs(list.defaultMapping.columns) })}
            disabled={readOnly}
            data-testid="mapping-use-default"
          >
            {t('dossiersMappings.useDefault')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('dossiersMappings.columnsHint')}
        </Text>
        <PairRows
          rows={draft.columns}
          onChange={(columns) => set({ columns })}
          keyLabel={t('dossiersMappings.header')}
          valueLabel={t('dossiersMappings.fieldLabel')}
          options={fieldOptions}
          testId="mapping-columns"
          disabled={readOnly}
        />
        {!readOnly && (problems.missing.length > 0 || problems.twice.length > 0) && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            data-testid="mapping-warnings"
          >
            {problems.missing.length > 0 && (
              <Text size="sm">
                {t('dossiersMappings.missing', {
                  fields: problems.missing.map((f) => t(`dossiersMappings.field.${f}`)).join(', '),
                })}
              </Text>
            )}
            {problems.twice.length > 0 && (
              <Text size="sm">
                {t('dossiersMappings.twice', {
                  fields: problems.twice.map((f) => t(`dossiersMappings.field.${f}`)).join(', '),
                })}
              </Text>
            )}
          </Alert>
        )}
      </Stack>
      <Stack gap={4}>
        <Title order={3} size="h5">
          {t('dossiersMappings.valuesTitle')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('dossiersMappings.valuesHint')}
        </Text>
        {VALUE_MAP_FIELDS.map((f) => (
          <Stack key={f} gap={4}>
            <Text size="sm" fw={500}>
              {t(`dossiersMappings.field.${f}`)}
            </Text>
            <PairRows
              rows={draft.valueMaps[f]}
              onChange={(rows) => set({ valueMaps: { ...draft.valueMaps, [f]: rows } })}
              keyLabel={t('dossiersMappings.word')}
              valueLabel={t('dossiersMappings.code')}
              options={VALUE_CODES[f].map((c) => ({
                value: c,
                label: `${t(`dossiersMappings.values.${f}.${c}`)} (${c})`,
              }))}
              testId={`mapping-values-${f}`}
              disabled={readOnly}
            />
          </Stack>
        ))}
      </Stack>
      <ErrorAlert error={save.error} onReload={() => void reload()} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        {!readOnly && (
          <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="mapping-save">
            {t('common.save')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** "Mẫu cột nhập hồ sơ": the saved column mappings of one-stop exports (admin, standing agency). */
export function MappingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: mappingKeys.list, queryFn: listMappings });
  const [editing, setEditing] = useState<Mapping | 'new' | null>(null);
  // The dialog's title stays while it closes.
  const [creating, setCreating] = useState(true);
  const openEditor = (m: Mapping | 'new') => {
    setCreating(m === 'new');
    setEditing(m);
  };
  const remove = useMutation({
    mutationFn: (id: string) => deleteMapping(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: mappingKeys.list });
      notifications.show({ color: 'green', message: t('dossiersMappings.deleted') });
    },
  });
  const data = list.data;
  const columns: Column<Mapping>[] = [
    {
      key: 'name',
      header: t('dossiersMappings.name'),
      value: (m) => m.name,
      cell: (m) => <Text fw={500}>{m.name}</Text>,
    },
    { key: 'source', header: t('dossiersMappings.source'), value: (m) => m.source },
    {
      key: 'delimiter',
      header: t('dossiersMappings.delimiter'),
      cell: (m) => t(`dossiersMappings.delimiters.${delimiterKey(m.delimiter)}`),
    },
    { key: 'dateFormat', header: t('dossiersMappings.dateFormat'), value: (m) => m.dateFormat },
    {
      key: 'columns',
      header: t('dossiersMappings.columnCount'),
      numeric: true,
      value: (m) => Object.keys(m.columns).length,
    },
    {
      key: 'updatedAt',
      header: t('dossiersMappings.updatedAt'),
      value: (m) => m.updatedAt,
      firstDir: 'desc',
      cell: (m) => formatDateTime(m.updatedAt),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      align: 'right',
      cell: (m) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => openEditor(m)}
            data-testid="mapping-edit"
          >
            {m.abilities.update ? t('common.edit') : t('dossiersMappings.view')}
          </Button>
          {m.abilities.delete && (
            <ConfirmButton
              size="xs"
              title={t('dossiersMappings.deleteTitle')}
              message={t('dossiersMappings.deleteMessage', { name: m.name })}
              confirmLabel={t('common.delete')}
              onConfirm={() => remove.mutateAsync(m.id).catch(() => undefined)}
              leftSection={<IconTrash size={14} aria-hidden />}
              data-testid="mapping-delete"
            >
              {t('common.delete')}
            </ConfirmButton>
          )}
        </Group>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('dossiersMappings.title')}
        description={t('dossiersMappings.description')}
        actions={
          data?.abilities.create ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => openEditor('new')}
              data-testid="mapping-new"
            >
              {t('dossiersMappings.new')}
            </Button>
          ) : null
        }
      />
      {list.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={list.error ?? remove.error} />
      {data && (
        <Stack gap="md">
          <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('dossiersMappings.defaultNote', {
              name: data.defaultMapping.name,
              count: Object.keys(data.defaultMapping.columns).length,
            })}
          </Alert>
          <Card withBorder padding="md">
            <DataTable
              rows={data.items}
              columns={columns}
              rowKey={(m) => m.id}
              initialSort={{ key: 'name', dir: 'asc' }}
              minWidth={760}
              label={t('dossiersMappings.title')}
              empty={t('dossiersMappings.empty')}
              testId="mapping-list"
              rowProps={(m) => ({ 'data-testid': 'mapping-row', 'data-name': m.name })}
            />
          </Card>
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={creating ? t('dossiersMappings.new') : t('dossiersMappings.editTitle')}
        size="xl"
      >
        {data && editing !== null && (
          <MappingEditor
            key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
            list={data}
            editing={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}
