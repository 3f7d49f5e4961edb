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
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors } from '../../lib/forms';
import { unitsDayOfYear } from '../../lib/format';
import { createPlan, listPlans, planKeys, type CompletionMethod } from './api';
import { UnitPlansPanel } from './UnitPlansPanel';
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

function CreatePlanModal({ opened, onClose, year }: { opened: boolean; onClose: () => void; year: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<PlanValues>({
    initialValues: { year, ownerKind: 'committee', ownerUnitId: null, title: '', method: 'count' },
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
            data={(['committee', 'unit'] as const).map((k) => ({
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

export function PlansListPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState<string | null>(String(thisYear));
  const [opened, { open, close }] = useDisclosure(false);
  const [tab, setTab] = useState<string | null>('committee');
  const plans = useQuery({
    queryKey: [...planKeys.list(year ? Number(year) : null), 'committee'],
    queryFn: () => listPlans(year ? Number(year) : null, 'committee'),
  });
  return (
    <>
      <PageHeader
        title={t('plans.title')}
        description={t('plans.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} data-testid="plan-new">
            {t('plans.create')}
          </Button>
        }
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
            data={YEARS}
            value={year}
            onChange={setYear}
            clearable
            placeholder={t('common.all')}
            w={160}
            data-testid="plans-year"
          />
        </Group>
        {tab === 'units' ? (
          <UnitPlansPanel year={year ? Number(year) : thisYear} />
        ) : plans.isLoading ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : plans.isError ? (
          <ErrorAlert error={plans.error} />
        ) : (plans.data?.items.length ?? 0) === 0 ? (
          <Text c="dimmed" data-testid="plans-empty">
            {t('plans.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
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
                      <Anchor
                        fw={500}
                        renderRoot={(props) => (
                          <Link to="/plans/$planId" params={{ planId: p.id }} {...props} />
                        )}
                      >
                        {p.title}
                      </Anchor>
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
          </Table.ScrollContainer>
        )}
      </Card>
      <CreatePlanModal opened={opened} onClose={close} year={year ?? String(thisYear)} />
    </>
  );
}
