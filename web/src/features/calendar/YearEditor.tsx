import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import {
  calendarKeys,
  dateRange,
  updateYear,
  type AnnouncedDay,
  type CalendarYear,
  type YearAdjustmentsIn,
} from './api';

type DayValues = { date: string | null; nameVi: string; nameEn: string; basis: string };
type ListName = 'daysOff' | 'workingSaturdays';
type Values = {
  tetAnnounced: boolean;
  tetFrom: string | null;
  tetTo: string | null;
  tetBasis: string;
  nationalDayAdjacent: 'default' | 'before' | 'after';
  daysOff: DayValues[];
  workingSaturdays: DayValues[];
};

const fromDay = (d: AnnouncedDay): DayValues => ({
  date: d.date,
  nameVi: d.name.vi,
  nameEn: d.name.en,
  basis: d.basis,
});

function fromYear(y: CalendarYear): Values {
  const tet = y.adjustments.tetDays;
  return {
    tetAnnounced: !!tet?.length,
    tetFrom: tet?.[0] ?? y.statutoryTetDays[0] ?? null,
    tetTo: tet?.at(-1) ?? y.statutoryTetDays.at(-1) ?? null,
    tetBasis: y.adjustments.tetBasis ?? '',
    nationalDayAdjacent: y.adjustments.nationalDayAdjacent ?? 'default',
    daysOff: y.adjustments.daysOff.map(fromDay),
    workingSaturdays: y.adjustments.workingSaturdays.map(fromDay),
  };
}

const toDay = (d: DayValues): AnnouncedDay => ({
  date: d.date ?? '',
  // The English name may be left empty: the Vietnamese one stands in for it.
  name: { vi: d.nameVi.trim(), en: d.nameEn.trim() || d.nameVi.trim() },
  basis: d.basis.trim(),
});

function toAdjustments(v: Values): YearAdjustmentsIn {
  const tet = v.tetAnnounced && v.tetFrom && v.tetTo ? dateRange(v.tetFrom, v.tetTo) : null;
  return {
    tetDays: tet,
    tetBasis: tet ? v.tetBasis.trim() : null,
    nationalDayAdjacent: v.nationalDayAdjacent === 'default' ? null : v.nationalDayAdjacent,
    daysOff: v.daysOff.map(toDay),
    workingSaturdays: v.workingSaturdays.map(toDay),
  };
}

/**
 * Where a server field (`adjustments.daysOff.2.name.vi`) is shown in this form (`daysOff.2.nameVi`);
 * null when the form has no such field (the message then stays in the alert).
 */
function formField(serverField: string): string | null {
  const f = serverField.replace(/^adjustments\.?/, '');
  if (f.startsWith('tetDays')) return 'tetFrom';
  if (f === 'tetBasis' || f === 'nationalDayAdjacent') return f;
  const m = /^(daysOff|workingSaturdays)\.(\d+)\.(date|basis|name)(?:\.(vi|en))?$/.exec(f);
  if (!m) return null;
  const leaf = m[3] === 'name' ? (m[4] === 'en' ? 'nameEn' : 'nameVi') : m[3];
  return `${m[1]}.${m[2]}.${leaf}`;
}

type Props = { year: CalendarYear; onDone: () => void; onReload: () => Promise<unknown> };

/** Edits one year's announced schedule; saves with the version read (409 when someone saved first). */
export function YearEditor({ year, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = (v: string | null) => (!v || !v.trim() ? t('common.required') : null);
  const dayRules = {
    date: required,
    nameVi: required,
    basis: (v: string) => (v.trim().length < 3 ? t('calendar.basisRequired') : null),
  };
  const form = useForm<Values>({
    initialValues: fromYear(year),
    validate: {
      tetFrom: (v, all) => (all.tetAnnounced ? required(v) : null),
      tetTo: (v, all) =>
        !all.tetAnnounced
          ? null
          : (required(v) ?? (all.tetFrom && v && v < all.tetFrom ? t('calendar.tetOrder') : null)),
      tetBasis: (v, all) => (all.tetAnnounced ? required(v) : null),
      daysOff: dayRules,
      workingSaturdays: dayRules,
    },
  });

  const mutation = useMutation({
    mutationFn: (v: Values) => updateYear(year.year, year.version, toAdjustments(v)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(calendarKeys.year(saved.year), saved);
      await queryClient.invalidateQueries({ queryKey: ['calendar', 'add'] });
      notifications.show({ color: 'green', message: t('calendar.saved', { year: saved.year }) });
      onDone();
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      for (const d of e.details) {
        const field = formField(d.field);
        if (field) form.setFieldError(field, d.message);
      }
    },
  });

  const reload = async () => {
    const fresh = (await onReload()) as { data?: CalendarYear } | undefined;
    if (fresh?.data) {
      form.setValues(fromYear(fresh.data));
      form.resetDirty(fromYear(fresh.data));
    }
    form.clearErrors();
    mutation.reset();
  };

  const blank: DayValues = { date: null, nameVi: '', nameEn: '', basis: '' };
  const list = (name: ListName) => (
    <Card withBorder padding="md" data-testid={`calendar-edit-${name}`}>
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={3} size="h5">
            {t(`calendar.${name}`)}
          </Title>
          <Text size="xs" c="dimmed">
            {t(`calendar.${name}Hint`)}
          </Text>
        </div>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem(name, { ...blank })}
          data-testid={`calendar-add-${name}`}
        >
          {t(name === 'daysOff' ? 'calendar.addDayOff' : 'calendar.addWorkingSaturday')}
        </Button>
      </Group>
      {form.values[name].length === 0 && (
        <Text size="sm" c="dimmed">
          {t('calendar.noEntries')}
        </Text>
      )}
      <Stack gap="md">
        {form.values[name].map((_, i) => (
          <Card key={i} withBorder padding="sm" bg="gray.0" data-testid={`calendar-${name}-row`}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <DateField
                label={t('calendar.date')}
                required
                clearable={false}
                data-testid={`calendar-${name}-date`}
                value={form.values[name][i]!.date}
                onChange={(v) => form.setFieldValue(`${name}.${i}.date`, v)}
                error={form.errors[`${name}.${i}.date`]}
              />
              <TextInput
                label={t('calendar.nameVi')}
                required
                data-testid={`calendar-${name}-nameVi`}
                {...form.getInputProps(`${name}.${i}.nameVi`)}
              />
              <TextInput
                label={t('calendar.nameEn')}
                description={t('calendar.nameEnHint')}
                data-testid={`calendar-${name}-nameEn`}
                {...form.getInputProps(`${name}.${i}.nameEn`)}
              />
            </SimpleGrid>
            <Group align="flex-end" mt="sm" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('calendar.basis')}
                description={t('calendar.basisHint')}
                required
                data-testid={`calendar-${name}-basis`}
                {...form.getInputProps(`${name}.${i}.basis`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('calendar.remove')}
                title={t('calendar.remove')}
                onClick={() => form.removeListItem(name, i)}
                data-testid={`calendar-${name}-remove`}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Card>
        ))}
      </Stack>
    </Card>
  );

  const [tetFirst, tetLast] = [year.statutoryTetDays[0], year.statutoryTetDays.at(-1)];
  const nationalDefault = year.adjustments.nationalDayAdjacent ? null : year.nationalDayAdjacent;
  return (
    <form noValidate data-testid="calendar-edit-form" onSubmit={form.onSubmit((v) => mutation.mutate(v))}>
      <Stack>
        {mutation.error ? (
          <ErrorAlert
            error={mutation.error}
            onReload={() => void reload()}
            // Messages with a field in this form are shown under it; list the others here.
            showDetails={
              mutation.error instanceof ApiError && mutation.error.details.some((d) => !formField(d.field))
            }
          />
        ) : null}
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb={4}>
            {t('calendar.tetTitle')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('calendar.tetStatutory', { from: formatDate(tetFirst), to: formatDate(tetLast) })}
          </Text>
          <Checkbox
            label={t('calendar.tetAnnounced')}
            description={t('calendar.tetAnnouncedHint')}
            data-testid="calendar-tet-announced"
            {...form.getInputProps('tetAnnounced', { type: 'checkbox' })}
          />
          {form.values.tetAnnounced && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
                <DateField
                  label={t('calendar.tetFrom')}
                  required
                  clearable={false}
                  value={form.values.tetFrom}
                  onChange={(v) => form.setFieldValue('tetFrom', v)}
                  error={form.errors.tetFrom}
                  data-testid="calendar-tet-from"
                />
                <DateField
                  label={t('calendar.tetTo')}
                  required
                  clearable={false}
                  value={form.values.tetTo}
                  onChange={(v) => form.setFieldValue('tetTo', v)}
                  error={form.errors.tetTo}
                  data-testid="calendar-tet-to"
                />
              </SimpleGrid>
              <Textarea
                mt="sm"
                label={t('calendar.tetBasis')}
                required
                autosize
                minRows={2}
                data-testid="calendar-tet-basis"
                {...form.getInputProps('tetBasis')}
              />
            </>
          )}
        </Card>
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb="xs">
            {t('calendar.nationalDay')}
          </Title>
          <SegmentedControl
            data={[
              {
                value: 'default',
                label: t('calendar.nationalDayDefault', {
                  date: nationalDefault
                    ? t(`calendar.nationalDay_${nationalDefault}`)
                    : t('calendar.computed'),
                }),
              },
              { value: 'before', label: t('calendar.nationalDay_before') },
              { value: 'after', label: t('calendar.nationalDay_after') },
            ]}
            {...form.getInputProps('nationalDayAdjacent')}
          />
          {form.errors.nationalDayAdjacent && (
            <Text size="xs" c="red" mt={4}>
              {form.errors.nationalDayAdjacent}
            </Text>
          )}
        </Card>
        {list('daysOff')}
        {list('workingSaturdays')}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="calendar-save">
            {t('calendar.save', { year: year.year })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
