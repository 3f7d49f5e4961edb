import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DataTable, type Column } from '../../../components/table';
import { inLanguage } from '../../../components/workflow/work';
import { ApiError } from '../../../lib/api';
import { formatNumber, sortVi } from '../../../lib/format';
import { createCategory, settingsKeys, updateCategory } from './settingsApi';
import { categoryKeyFrom } from './settingsModel';
import type { Category, Settings } from './types';

/** Narrower than this, the categories are cards. */
export const PHONE = '(max-width: 48em)';

const LIMITS = { name: 120, description: 500 } as const;

type Values = {
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  position: number | '';
  active: boolean;
};

const valuesOf = (c: Category | null): Values => ({
  nameVi: c?.name.vi ?? '',
  nameEn: c?.name.en ?? '',
  descriptionVi: c?.description.vi ?? '',
  descriptionEn: c?.description.en ?? '',
  position: c?.position ?? '',
  active: c?.active ?? true,
});

function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light" data-testid="category-status">
      {active ? t('hotlineSettings.categories.active') : t('hotlineSettings.categories.inactive')}
    </Badge>
  );
}

/**
 * A category's form: new (its key made from the Vietnamese name, never shown) or an edit (version-checked: a
 * change by someone else meanwhile says so and offers to reload the latest, the form then showing it).
 */
function CategoryModal({
  opened,
  onClose,
  category,
  settings,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  /** null: a new category. */
  category: Category | null;
  settings: Settings;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(category));
  const [base, setBase] = useState<Category | null>(category);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  useEffect(() => {
    if (opened) {
      setValues(valuesOf(category));
      setBase(category);
      setErrors({});
    }
  }, [opened, category]);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        nameVi: values.nameVi.trim(),
        nameEn: values.nameEn.trim(),
        descriptionVi: values.descriptionVi.trim(),
        descriptionEn: values.descriptionEn.trim(),
      };
      if (!base)
        return createCategory({
          key: categoryKeyFrom(
            body.nameVi,
            settings.categories.map((c) => c.key),
          ),
          ...body,
        });
      return updateCategory(base.id, {
        version: base.version,
        ...body,
        active: values.active,
        ...(values.position === '' ? {} : { position: Number(values.position) }),
      });
    },
    onSuccess: (c) => {
      notifications.show({
        color: 'green',
        message: t(base ? 'hotlineSettings.categories.saved' : 'hotlineSettings.categories.created', {
          name: c.name.vi,
        }),
      });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['hotline', 'categories'] });
      onClose();
    },
    onError: (e) => {
      // A key taken meanwhile (someone added the same name): the list is reloaded, so the next key is free.
      if (e instanceof ApiError && e.status === 409 && !e.isStale) void onReload();
    },
  });

  const submit = () => {
    const next: Partial<Record<keyof Values, string>> = {};
    const required = t('hotlineSettings.categories.required');
    const tooLong = (max: number) => t('hotlineSettings.categories.tooLong', { max });
    if (!values.nameVi.trim()) next.nameVi = required;
    else if (values.nameVi.trim().length > LIMITS.name) next.nameVi = tooLong(LIMITS.name);
    if (!values.nameEn.trim()) next.nameEn = required;
    else if (values.nameEn.trim().length > LIMITS.name) next.nameEn = tooLong(LIMITS.name);
    if (values.descriptionVi.trim().length > LIMITS.description)
      next.descriptionVi = tooLong(LIMITS.description);
    if (values.descriptionEn.trim().length > LIMITS.description)
      next.descriptionEn = tooLong(LIMITS.description);
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };

  /** After a concurrent change: the latest category in the form, to change again. */
  const reloadLatest = async () => {
    await onReload();
    const fresh = queryClient
      .getQueryData<Settings>(settingsKeys.all)
      ?.categories.find((c) => c.id === base?.id);
    if (fresh) {
      setBase(fresh);
      setValues(valuesOf(fresh));
    }
    save.reset();
  };

  const error = save.error;
  const taken = error instanceof ApiError && error.status === 409 && !error.isStale;
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t(base ? 'hotlineSettings.categories.editTitle' : 'hotlineSettings.categories.createTitle')}
      onSubmit={submit}
      saving={save.isPending}
      submitLabel={base ? t('common.save') : t('hotlineSettings.categories.add')}
      testId="category-dialog"
      submitTestId="category-save"
    >
      <TextInput
        label={t('hotlineSettings.categories.nameVi')}
        withAsterisk
        value={values.nameVi}
        onChange={(e) => set('nameVi', e.currentTarget.value)}
        error={errors.nameVi}
        data-testid="category-name-vi"
      />
      <TextInput
        label={t('hotlineSettings.categories.nameEn')}
        description={t('hotlineSettings.categories.nameEnHint')}
        withAsterisk
        value={values.nameEn}
        onChange={(e) => set('nameEn', e.currentTarget.value)}
        error={errors.nameEn}
        data-testid="category-name-en"
      />
      <Textarea
        label={t('hotlineSettings.categories.descriptionVi')}
        description={t('hotlineSettings.categories.descriptionHint')}
        autosize
        minRows={2}
        value={values.descriptionVi}
        onChange={(e) => set('descriptionVi', e.currentTarget.value)}
        error={errors.descriptionVi}
        data-testid="category-description-vi"
      />
      <Textarea
        label={t('hotlineSettings.categories.descriptionEn')}
        autosize
        minRows={2}
        value={values.descriptionEn}
        onChange={(e) => set('descriptionEn', e.currentTarget.value)}
        error={errors.descriptionEn}
        data-testid="category-description-en"
      />
      {base && (
        <>
          <NumberInput
            label={t('hotlineSettings.categories.position')}
            description={t('hotlineSettings.categories.positionHint')}
            value={values.position}
            onChange={(v) => set('position', v === '' ? '' : Number(v))}
            min={0}
            max={1000}
            allowDecimal={false}
            allowNegative={false}
            maw={360}
            data-testid="category-position"
          />
          <Switch
            label={t('hotlineSettings.categories.activeLabel')}
            description={t('hotlineSettings.categories.activeHint')}
            checked={values.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
            data-testid="category-active"
          />
        </>
      )}
      {taken ? (
        <ErrorAlert error={new Error(t('hotlineSettings.categories.taken'))} />
      ) : (
        <ErrorAlert error={error} onReload={reloadLatest} />
      )}
    </FormModal>
  );
}

/**
 * The categories people choose from on the public form, in Vietnamese order (Đ after D), each with its order
 * on the form, whether it is in use and how many routes name it; the standing agency adds, edits and retires
 * them (a category is never deleted: cases keep theirs).
 */
export function CategoriesPanel({
  settings,
  manage,
  onReload,
}: {
  settings: Settings;
  manage: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const [editing, setEditing] = useState<Category | null | 'new'>(null);
  const name = (c: Category) => inLanguage(c.name, i18n.language);
  const routes = useMemo(() => {
    const n = new Map<string, number>();
    for (const r of settings.routes) n.set(r.categoryId, (n.get(r.categoryId) ?? 0) + 1);
    return n;
  }, [settings.routes]);
  const rows = useMemo(
    () => sortVi(settings.categories, (c) => inLanguage(c.name, i18n.language)),
    [settings.categories, i18n.language],
  );

  const editButton = (c: Category) =>
    manage && (
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPencil size={14} aria-hidden />}
        onClick={() => setEditing(c)}
        aria-label={t('hotlineSettings.categories.editOf', { name: name(c) })}
        data-testid="category-edit"
      >
        {t('hotlineSettings.categories.edit')}
      </Button>
    );

  const columns: Column<Category>[] = [
    {
      key: 'name',
      header: t('hotlineSettings.categories.name'),
      value: name,
      cell: (c) => (
        <Stack gap={2}>
          <Text size="sm" fw={500} c={c.active ? undefined : 'dimmed'} data-testid="category-name">
            {name(c)}
          </Text>
          {inLanguage(c.description, i18n.language) && (
            <Text size="xs" c="dimmed">
              {inLanguage(c.description, i18n.language)}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'position',
      header: t('hotlineSettings.categories.order'),
      value: (c) => c.position,
      numeric: true,
      firstDir: 'asc',
      width: 170,
    },
    {
      key: 'routes',
      header: t('hotlineSettings.categories.routes'),
      value: (c) => routes.get(c.id) ?? 0,
      numeric: true,
      width: 150,
    },
    {
      key: 'status',
      header: t('hotlineSettings.categories.status'),
      value: (c) => (c.active ? 0 : 1),
      cell: (c) => <StatusBadge active={c.active} />,
      width: 140,
    },
    ...(manage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            sortable: false,
            cell: editButton,
            width: 100,
          } satisfies Column<Category>,
        ]
      : []),
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={760}>
          {t('hotlineSettings.categories.intro')}
        </Text>
        {manage && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing('new')}
            data-testid="category-add"
          >
            {t('hotlineSettings.categories.add')}
          </Button>
        )}
      </Group>
      {phone ? (
        <Stack gap="sm" data-testid="categories-cards">
          {rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('hotlineSettings.categories.empty')}
            </Text>
          )}
          {rows.map((c) => (
            <Paper
              key={c.id}
              withBorder
              radius="md"
              p="sm"
              data-testid="category-card"
              data-active={c.active}
            >
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={600} c={c.active ? undefined : 'dimmed'} data-testid="category-name">
                    {name(c)}
                  </Text>
                  <StatusBadge active={c.active} />
                </Group>
                {inLanguage(c.description, i18n.language) && (
                  <Text size="xs" c="dimmed">
                    {inLanguage(c.description, i18n.language)}
                  </Text>
                )}
                <Text size="xs">
                  {[
                    t('hotlineSettings.categories.orderLine', { n: c.position }),
                    t('hotlineSettings.categories.routesLine', {
                      count: routes.get(c.id) ?? 0,
                      n: formatNumber(routes.get(c.id) ?? 0),
                    }),
                  ].join(' · ')}
                </Text>
                {manage && <Group justify="flex-end">{editButton(c)}</Group>}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <DataTable
          rows={rows}
          columns={columns}
          rowKey={(c) => c.id}
          pageSize={0}
          minWidth={640}
          label={t('hotlineSettings.categories.tableLabel')}
          empty={t('hotlineSettings.categories.empty')}
          testId="categories"
          rowProps={(c) => ({ 'data-active': c.active })}
        />
      )}
      <CategoryModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        category={editing === 'new' ? null : editing}
        settings={settings}
        onReload={onReload}
      />
    </Stack>
  );
}
