import { ScrollCue } from '../../components/table';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  type SelectProps,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors } from '../../lib/forms';
import { formatDate, unitsDayOfYear } from '../../lib/format';
import { TimingBadge } from '../../components/workflow/badges';
import { carriedOver, createPlan, listPlans, planKeys, type CompletionMethod, type PlanListOut } from './api';
import { UnitPlansPanel } from './UnitPlansPanel';
import { PlanPurposeBadge } from './badges';
import { ApprovalSettingCard } from './ApprovalSettingCard';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i));

type PlanValues = {
  year: string;
  ownerKind: 'committee' | 'unit';
  ownerUnitId: string | null;
  title: string;
  method: CompletionMethod;
};

function CreatePlanModal({
  opened,
  onClose,
  year,
  kinds,
}: {
  opened: boolean;
  onClose: () => void;
  year: string;
  /** The kinds of plan the caller may create (the server's abilities). */
  kinds: ('committee' | 'unit')[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<PlanValues>({
    initialValues: {
      year,
      ownerKind: kinds[0] ?? 'committee',
      ownerUnitId: null,
      title: '',
      method: 'count',
    },
    validate: {
      year: (v) => (/^\d{4}$/.test(v) ? null : t('common.required')),
      ownerUnitId: (v) => (v ? null : t('common.required')),
      title: (v) => (v.trim().length >= 3 ? null : t('plans.form.titleTooShort')),
    },
  });
  const create = useMutation({
    mutationFn: (v: PlanValues) =>
      createPlan({
        year: Number(v.year),
        ownerKind: v.ownerKind,
        ownerUnitId: v.ownerUnitId!,
        title: v.title.trim(),
        method: v.method,
      }),
    onSuccess: async (plan) => {
      notifications.show({ color: 'green', message: t('plans.form.created') });
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      await navigate({ to: '/plans/$planId', params: { planId: plan.id } });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('plans.create')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate data-testid="plan-form">
        <Stack gap="sm">
          {create.isError && <ErrorAlert error={create.error} />}
          <Select
            label={t('plans.year')}
            withAsterisk
            data={YEARS}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('year')}
            data-testid="plan-year"
          />
          <Select
            label={t('plans.ownerKind')}
            withAsterisk
            data={kinds.map((k) => ({
              value: k,
              label: t(`plans.ownerKinds.${k}`),
            }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('ownerKind')}
            data-testid="plan-owner-kind"
          />
          <UnitSelect
            label={t('plans.ownerUnit')}
            withAsterisk
            value={form.values.ownerUnitId}
            onChange={(v) => form.setFieldValue('ownerUnitId', v)}
            error={form.errors.ownerUnitId}
            asOf={unitsDayOfYear(Number(form.values.year) || null)}
            data-testid="plan-owner"
          />
          <TextInput
            label={t('plans.titleField')}
            withAsterisk
            {...form.getInputProps('title')}
            data-testid="plan-title"
          />
          <Select
            label={t('plans.method')}
            withAsterisk
            data={(['count', 'weighted'] as const).map((m) => ({ value: m, label: t(`plans.methods.${m}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('method')}
            data-testid="plan-method"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="plan-submit">
              {t('plans.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The years offered: every year with a plan, and the years around this one; newest first. */
function yearOptions(years: PlanListOut['years']) {
  const all = new Set([...years.map((y) => y.year), ...YEARS.map(Number)]);
  return [...all].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
}

/**
 * A year of the list with how many plans it has (or that it has none). The count is a mark for the eye
 * (hidden from the option's accessible name, which stays the year, as the year filter is named).
 */
function yearOption(
  years: PlanListOut['years'],
  kind: 'committee' | 'unit',
  t: TFunction,
): SelectProps['renderOption'] {
  const counts = new Map(years.map((y) => [String(y.year), y[kind]]));
  return ({ option, checked }) => {
    const n = counts.get(option.value) ?? 0;
    return (
      <Group gap="xs" justify="space-between" w="100%" wrap="nowrap" data-has-plans={n > 0}>
        <Text size="sm" fw={checked || n > 0 ? 600 : 400}>
          {option.label}
        </Text>
        <Badge
          size="sm"
          variant={n > 0 ? 'light' : 'transparent'}
          color={n > 0 ? 'blue' : 'gray'}
          aria-hidden
        >
          {n > 0 ? t('plans.yearPlans', { count: n }) : t('plans.yearNoPlan')}
        </Badge>
      </Group>
    );
  };
}

/** Open tasks of earlier years still overdue today (hidden by a year's list otherwise). */
function CarriedOver({ year }: { year: number }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [...planKeys.all, 'carried-over', year],
    queryFn: () => carriedOver(year),
  });
  const data = query.data;
  if (!data || data.total === 0) return null;
  return (
    <Card withBorder padding="lg" mt="md" data-testid="plans-carried-over">
      <Title order={2} size="h4">
        {t('plans.carriedOver.title', { count: data.total })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('plans.carriedOver.description', { year })}
      </Text>
      <ScrollCue minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plans.task')}</Table.Th>
              <Table.Th>{t('plans.carriedOver.plan')}</Table.Th>
              <Table.Th>{t('plans.leadUnit')}</Table.Th>
              <Table.Th>{t('plans.dueDate')}</Table.Th>
              <Table.Th>{t('plans.statusLabel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((i) => (
              <Table.Tr key={i.id} data-testid="carried-over-row">
                <Table.Td>
                  <Anchor
                    size="sm"
                    renderRoot={(props) => (
                      <Link
                        to="/plans/$planId"
                        params={{ planId: i.planId }}
                        search={{ task: i.id }}
                        {...props}
                      />
                    )}
                  >
                    {i.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {i.planYear} — {i.planTitle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{i.leadUnitName}</Text>
                </Table.Td>
                <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                <Table.Td>
                  <TimingBadge timing={i.timing} ns="plans" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollCue>
      {data.total > data.items.length && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('plans.carriedOver.more', { count: data.total - data.items.length })}
        </Text>
      )}
    </Card>
  );
}

export function PlansListPage() {
  const { t } = useTranslation();
  // undefined: not chosen yet (the page opens on the latest year with a plan); null: every year.
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const [opened, { open, close }] = useDisclosure(false);
  const [tab, setTab] = useState<string | null>('committee');
  const overview = useQuery({
    queryKey: [...planKeys.list(null), 'overview'],
    queryFn: () => listPlans(null, 'committee'),
  });
  const latest = overview.data?.years.find((y) => (tab === 'units' ? y.unit : y.committee) > 0)?.year;
  const year = chosen !== undefined ? chosen : overview.data ? String(latest ?? thisYear) : undefined;
  const plans = useQuery({
    queryKey: [...planKeys.list(year ? Number(year) : null), 'committee'],
    queryFn: () => listPlans(year ? Number(year) : null, 'committee'),
    enabled: year !== undefined,
  });
  const abilities = overview.data?.abilities;
  const kinds = abilities
    ? [
        ...(abilities.createCommittee ? (['committee'] as const) : []),
        ...(abilities.createUnit ? (['unit'] as const) : []),
      ]
    : [];
  const canCreate = kinds.length > 0;
  const createButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} data-testid={testId}>
      {t('plans.create')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('plans.title')}
        description={t('plans.description')}
        actions={canCreate ? createButton('plan-new') : undefined}
      />
      <ApprovalSettingCard />
      <Tabs value={tab} onChange={setTab} mb="md">
        <Tabs.List>
          <Tabs.Tab value="committee" data-testid="plans-tab-committee">
            {t('plans.tabs.committee')}
          </Tabs.Tab>
          <Tabs.Tab value="units" data-testid="plans-tab-units">
            {t('plans.tabs.units')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Card withBorder padding="lg">
        <Group mb="md">
          <Select
            label={t('plans.year')}
            description={t('plans.yearsHint')}
            data={yearOptions(overview.data?.years ?? [])}
            renderOption={yearOption(overview.data?.years ?? [], tab === 'units' ? 'unit' : 'committee', t)}
            value={year ?? null}
            onChange={setChosen}
            clearable
            placeholder={t('common.all')}
            w={320}
            comboboxProps={{ withinPortal: true }}
            data-testid="plans-year"
          />
        </Group>
        {tab === 'units' ? (
          <UnitPlansPanel year={year ? Number(year) : thisYear} />
        ) : overview.isLoading || plans.isLoading ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : overview.isError || plans.isError ? (
          <ErrorAlert error={overview.error ?? plans.error} />
        ) : (plans.data?.items.length ?? 0) === 0 ? (
          <Stack gap="sm" align="flex-start" data-testid="plans-empty">
            <Text c="dimmed">
              {year
                ? t(abilities?.createCommittee ? 'plans.emptyCanCreate' : 'plans.emptyReadOnly', { year })
                : t('plans.empty')}
            </Text>
            {abilities?.createCommittee && createButton('plan-new-empty')}
          </Stack>
        ) : (
          <ScrollCue minWidth={600}>
            <Table striped highlightOnHover data-testid="plans-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.year')}</Table.Th>
                  <Table.Th>{t('plans.titleField')}</Table.Th>
                  <Table.Th>{t('plans.ownerUnit')}</Table.Th>
                  <Table.Th>{t('plans.method')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plans.data!.items.map((p) => (
                  <Table.Tr key={p.id} data-testid="plan-row">
                    <Table.Td>{p.year}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Anchor
                          fw={500}
                          renderRoot={(props) => (
                            <Link to="/plans/$planId" params={{ planId: p.id }} {...props} />
                          )}
                        >
                          {p.title}
                        </Anchor>
                        <PlanPurposeBadge purpose={p.purpose} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{p.ownerName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {t(`plans.methods.${p.method}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollCue>
        )}
      </Card>
      {year && <CarriedOver year={Number(year)} />}
      {canCreate && (
        <CreatePlanModal opened={opened} onClose={close} year={year ?? String(thisYear)} kinds={kinds} />
      )}
    </>
  );
}
