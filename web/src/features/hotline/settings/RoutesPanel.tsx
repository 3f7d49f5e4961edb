import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormModal } from '../../../components/FormModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DataTable, type Column } from '../../../components/table';
import { accentInsensitiveFilter, UnitSelect } from '../../../components/UnitSelect';
import { inLanguage } from '../../../components/workflow/work';
import { ApiError } from '../../../lib/api';
import { foldVi, formatNumber, sortVi, viCollator } from '../../../lib/format';
import { PHONE } from './CategoriesPanel';
import { createRoute, deleteRoute, settingsKeys } from './settingsApi';
import type { Route, Settings } from './types';

/** A route as the page shows it: its category's name in the reader's language, its area in words. */
type Row = Route & { category: string; categoryActive: boolean; areaName: string };

const NOTE_MAX = 300;

function UnitName({ route }: { route: Row }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" c={route.handlingUnit.ended ? 'dimmed' : undefined} data-testid="route-unit">
        {route.handlingUnit.name}
      </Text>
      {route.handlingUnit.ended && (
        <Badge color="gray" variant="light" size="sm">
          {t('hotlineSettings.routes.ended')}
        </Badge>
      )}
    </Group>
  );
}

function CategoryName({ route }: { route: Row }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600} data-testid="route-category">
        {route.category}
      </Text>
      {!route.categoryActive && (
        <Badge color="gray" variant="light" size="sm">
          {t('hotlineSettings.routes.inactiveCategory')}
        </Badge>
      )}
    </Group>
  );
}

/** Asks before removing a line of the table, naming it in full. */
function DeleteRoute({ route }: { route: Row }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteRoute(route.id),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('hotlineSettings.routes.deleted') });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.all });
    },
    onError: (e) =>
      notifications.show({
        color: 'red',
        message: e instanceof ApiError ? e.message : t('common.unexpectedError'),
      }),
  });
  const names = { category: route.category, area: route.areaName, unit: route.handlingUnit.name };
  return (
    <ConfirmButton
      size="xs"
      leftSection={<IconTrash size={14} aria-hidden />}
      loading={remove.isPending}
      title={t('hotlineSettings.routes.deleteTitle')}
      message={t('hotlineSettings.routes.deleteMessage', names)}
      confirmLabel={t('hotlineSettings.routes.delete')}
      onConfirm={() => remove.mutateAsync().catch(() => undefined)}
      aria-label={t('hotlineSettings.routes.deleteOf', names)}
      data-testid="route-delete"
    >
      {t('hotlineSettings.routes.delete')}
    </ConfirmButton>
  );
}

type Values = {
  categoryId: string | null;
  areaUnitId: string | null;
  handlingUnitId: string | null;
  note: string;
};
const EMPTY: Values = { categoryId: null, areaUnitId: null, handlingUnitId: null, note: '' };

/** A new line: a category in use, an area (none: anywhere) and the unit that handles it, both searched by name. */
function RouteModal({
  opened,
  onClose,
  settings,
}: {
  opened: boolean;
  onClose: () => void;
  settings: Settings;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  useEffect(() => {
    if (opened) {
      setValues(EMPTY);
      setErrors({});
    }
  }, [opened]);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const categories = useMemo(
    () =>
      sortVi(
        settings.categories
          .filter((c) => c.active)
          .map((c) => ({ value: c.id, label: inLanguage(c.name, i18n.language) })),
        (o) => o.label,
      ),
    [settings.categories, i18n.language],
  );
  const save = useMutation({
    mutationFn: () =>
      createRoute({
        categoryId: values.categoryId!,
        areaUnitId: values.areaUnitId,
        handlingUnitId: values.handlingUnitId!,
        note: values.note.trim(),
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('hotlineSettings.routes.created') });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.all });
      onClose();
    },
    onError: (e) => {
      // The server names the field it refuses (a category retired meanwhile, a unit that has ended).
      if (!(e instanceof ApiError)) return;
      const placed: Partial<Record<keyof Values, string>> = {};
      for (const d of e.details)
        if (d.field === 'categoryId' || d.field === 'handlingUnitId' || d.field === 'areaUnitId')
          placed[d.field] = d.message;
      setErrors(placed);
    },
  });
  const submit = () => {
    const required = t('hotlineSettings.routes.required');
    const next: Partial<Record<keyof Values, string>> = {};
    if (!values.categoryId) next.categoryId = required;
    if (!values.handlingUnitId) next.handlingUnitId = required;
    if (values.note.trim().length > NOTE_MAX)
      next.note = t('hotlineSettings.categories.tooLong', { max: NOTE_MAX });
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };
  const placedOnFields = Object.values(errors).some(Boolean);
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('hotlineSettings.routes.createTitle')}
      onSubmit={submit}
      saving={save.isPending}
      submitLabel={t('hotlineSettings.routes.add')}
      testId="route-dialog"
      submitTestId="route-save"
    >
      <Select
        label={t('hotlineSettings.routes.category')}
        description={t('hotlineSettings.routes.categoryHint')}
        placeholder={t('hotlineSettings.routes.pickCategory')}
        withAsterisk
        searchable
        filter={accentInsensitiveFilter}
        nothingFoundMessage={t('common.nothingFound')}
        data={categories}
        value={values.categoryId}
        onChange={(v) => set('categoryId', v)}
        error={errors.categoryId}
        comboboxProps={{ withinPortal: true }}
        data-testid="route-category-select"
      />
      <UnitSelect
        label={t('hotlineSettings.routes.area')}
        description={t('hotlineSettings.routes.areaHint')}
        placeholder={t('hotlineSettings.routes.areaPlaceholder')}
        scope="province"
        value={values.areaUnitId}
        onChange={(v) => set('areaUnitId', v)}
        error={errors.areaUnitId}
        data-testid="route-area-select"
      />
      <UnitSelect
        label={t('hotlineSettings.routes.unit')}
        description={t('hotlineSettings.routes.unitHint')}
        withAsterisk
        scope="province"
        value={values.handlingUnitId}
        onChange={(v) => set('handlingUnitId', v)}
        error={errors.handlingUnitId}
        data-testid="route-unit-select"
      />
      <Textarea
        label={t('hotlineSettings.routes.note')}
        description={t('hotlineSettings.routes.noteHint')}
        autosize
        minRows={2}
        value={values.note}
        onChange={(e) => set('note', e.currentTarget.value)}
        error={errors.note}
        data-testid="route-note"
      />
      {!placedOnFields && <ErrorAlert error={save.error} />}
    </FormModal>
  );
}

/**
 * The routing table: which unit the triage suggests for a category of feedback about an area (or anywhere),
 * sorted by category in Vietnamese order, searchable without accents; on a phone each line is a card that
 * reads "category — area → unit". The standing agency adds and deletes lines (a line is not edited: delete it
 * and add the right one).
 */
export function RoutesPanel({ settings, manage }: { settings: Settings; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const [adding, setAdding] = useState(false);
  const [q, setQ] = useState('');
  const rows: Row[] = useMemo(() => {
    const categories = new Map(settings.categories.map((c) => [c.id, c]));
    const all = settings.routes.map((r) => {
      const c = categories.get(r.categoryId);
      return {
        ...r,
        category: c ? inLanguage(c.name, i18n.language) : '—',
        categoryActive: c?.active ?? false,
        areaName: r.area?.name || t('hotlineSettings.routes.anywhere'),
      };
    });
    // By category, then "anywhere" first and the areas in Vietnamese order.
    return all.sort(
      (a, b) =>
        viCollator.compare(a.category, b.category) ||
        Number(!!a.area) - Number(!!b.area) ||
        viCollator.compare(a.areaName, b.areaName),
    );
  }, [settings.routes, settings.categories, i18n.language, t]);
  const needle = foldVi(q);
  const shown = needle
    ? rows.filter((r) =>
        foldVi([r.category, r.areaName, r.handlingUnit.name, r.note].join(' ')).includes(needle),
      )
    : rows;

  const columns: Column<Row>[] = [
    {
      key: 'category',
      header: t('hotlineSettings.routes.category'),
      value: (r) => r.category,
      cell: (r) => <CategoryName route={r} />,
    },
    {
      key: 'area',
      header: t('hotlineSettings.routes.area'),
      value: (r) => r.areaName,
      cell: (r) => (
        <Text
          size="sm"
          c={r.area ? undefined : 'dimmed'}
          fs={r.area ? undefined : 'italic'}
          data-testid="route-area"
        >
          {r.areaName}
        </Text>
      ),
    },
    {
      key: 'unit',
      header: t('hotlineSettings.routes.unit'),
      value: (r) => r.handlingUnit.name,
      cell: (r) => <UnitName route={r} />,
    },
    {
      key: 'note',
      header: t('hotlineSettings.routes.note'),
      value: (r) => r.note,
      cellStyle: { maxWidth: 260 },
      cell: (r) => (
        <Text size="xs" c="dimmed">
          {r.note}
        </Text>
      ),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            sortable: false,
            cell: (r: Row) => <DeleteRoute route={r} />,
            width: 100,
          } satisfies Column<Row>,
        ]
      : []),
  ];

  const empty = needle ? t('hotlineSettings.routes.emptySearch') : t('hotlineSettings.routes.empty');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={760}>
          {t('hotlineSettings.routes.intro')}
        </Text>
        {manage && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="route-add"
          >
            {t('hotlineSettings.routes.add')}
          </Button>
        )}
      </Group>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          aria-label={t('hotlineSettings.routes.search')}
          placeholder={t('hotlineSettings.routes.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={phone ? '100%' : 360}
          data-testid="routes-search"
        />
        <Text size="sm" c="dimmed" data-testid="routes-count">
          {t('hotlineSettings.routes.count', { count: shown.length, n: formatNumber(shown.length) })}
        </Text>
      </Group>
      {phone ? (
        <Stack gap="sm" data-testid="routes-cards">
          {shown.length === 0 && (
            <Text size="sm" c="dimmed">
              {empty}
            </Text>
          )}
          {shown.map((r) => (
            <Paper key={r.id} withBorder radius="md" p="sm" data-testid="route-card">
              <Stack gap={6}>
                <CategoryName route={r} />
                <Text size="sm">
                  <Text span size="sm" c="dimmed">
                    {t('hotlineSettings.routes.area')}:{' '}
                  </Text>
                  <span data-testid="route-area">{r.areaName}</span>
                </Text>
                <Group gap={6} wrap="wrap">
                  <Text size="sm">
                    <Text span size="sm" c="dimmed">
                      {t('hotlineSettings.routes.unit')}:{' '}
                    </Text>
                    <span data-testid="route-unit">{r.handlingUnit.name}</span>
                  </Text>
                  {r.handlingUnit.ended && (
                    <Badge color="gray" variant="light" size="sm">
                      {t('hotlineSettings.routes.ended')}
                    </Badge>
                  )}
                </Group>
                {r.note && (
                  <Text size="xs" c="dimmed">
                    {r.note}
                  </Text>
                )}
                {manage && (
                  <Group justify="flex-end">
                    <DeleteRoute route={r} />
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <DataTable
          rows={shown}
          columns={columns}
          rowKey={(r) => r.id}
          pageSize={0}
          minWidth={720}
          label={t('hotlineSettings.routes.tableLabel')}
          empty={empty}
          testId="routes"
        />
      )}
      <RouteModal opened={adding} onClose={() => setAdding(false)} settings={settings} />
    </Stack>
  );
}
