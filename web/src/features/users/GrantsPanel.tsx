import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import type { Role } from '../../lib/types';
import { addGrant, listGrants, listRoles, revokeGrant, userKeys, type User } from './api';
import { ScrollCue } from '../../components/table';

type Values = {
  role: string | null;
  unitId: string | null;
  validFrom: string | null;
  validTo: string | null;
  note: string;
};

export function GrantsPanel({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const grants = useQuery({ queryKey: userKeys.grants(user.id), queryFn: () => listGrants(user.id) });
  const roles = useQuery({
    queryKey: userKeys.roles,
    queryFn: listRoles,
    staleTime: Infinity,
    enabled: user.abilities.grant,
  });

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: userKeys.grants(user.id) });
    await queryClient.invalidateQueries({ queryKey: ['history', 'user', user.id] });
  };

  const form = useForm<Values>({
    initialValues: { role: null, unitId: null, validFrom: null, validTo: null, note: '' },
    validate: {
      role: (v) => (v ? null : t('grants.roleRequired')),
      unitId: (v) => (v ? null : t('grants.unitRequired')),
    },
  });
  const add = useMutation({
    mutationFn: (v: Values) =>
      addGrant(user.id, {
        role: v.role as Role,
        unitId: v.unitId!,
        validFrom: v.validFrom,
        validTo: v.validTo,
        note: orNull(v.note),
      }),
    onSuccess: async () => {
      form.reset();
      notifications.show({ color: 'green', message: t('grants.added') });
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const revoke = useMutation({
    mutationFn: (grantId: string) => revokeGrant(grantId),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('grants.revoked') });
      await refresh();
    },
  });

  return (
    <Card withBorder padding="lg" data-testid="grants-panel">
      <Title order={2} size="h4" mb={4}>
        {t('grants.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('grants.lead')}
      </Text>
      {grants.isError && <ErrorAlert error={grants.error} />}
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      {grants.data && grants.data.items.length === 0 && <Text c="dimmed">{t('grants.empty')}</Text>}
      {grants.data && grants.data.items.length > 0 && (
        <ScrollCue minWidth={640} testId="grants-table-scroll">
          <Table verticalSpacing="xs" data-testid="grants-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grants.role')}</Table.Th>
                <Table.Th>{t('grants.scope')}</Table.Th>
                <Table.Th>{t('grants.validity')}</Table.Th>
                <Table.Th>{t('grants.note')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.data.items.map((g) => (
                <Table.Tr key={g.id} data-testid="grant-row">
                  <Table.Td>
                    <Badge variant="light">{t(`roles.${g.role}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{g.unitName}</Table.Td>
                  <Table.Td className="nowrap">
                    {g.validFrom || g.validTo
                      ? `${formatDate(g.validFrom) || '…'} – ${formatDate(g.validTo) || '…'}`
                      : t('grants.always')}
                  </Table.Td>
                  <Table.Td>{g.note ?? ''}</Table.Td>
                  <Table.Td ta="right">
                    {g.abilities.revoke && (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        title={t('grants.revokeTitle')}
                        message={t('grants.revokeConfirm', { role: t(`roles.${g.role}`), unit: g.unitName })}
                        confirmLabel={t('grants.revoke')}
                        onConfirm={() => revoke.mutateAsync(g.id).catch(() => undefined)}
                        aria-label={t('grants.revokeNamed', { role: t(`roles.${g.role}`), unit: g.unitName })}
                      >
                        {t('grants.revoke')}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollCue>
      )}

      {user.abilities.grant && (
        <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="grant-add-form">
          <Stack mt="lg" gap="sm">
            <Title order={3} size="h5">
              {t('grants.add')}
            </Title>
            {add.isError && <ErrorAlert error={add.error} />}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('grants.role')}
                required
                searchable
                data={(roles.data?.items ?? []).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                data-testid="grant-role"
                {...form.getInputProps('role')}
              />
              <UnitSelect
                label={t('grants.scope')}
                description={t('grants.scopeHint')}
                required
                value={form.values.unitId}
                onChange={(v) => form.setFieldValue('unitId', v)}
                error={form.errors.unitId}
                data-testid="grant-unit"
              />
              <DateField
                label={t('grants.validFrom')}
                value={form.values.validFrom}
                onChange={(v) => form.setFieldValue('validFrom', v)}
                error={form.errors.validFrom}
              />
              <DateField
                label={t('grants.validTo')}
                value={form.values.validTo}
                onChange={(v) => form.setFieldValue('validTo', v)}
                error={form.errors.validTo}
              />
            </SimpleGrid>
            <TextInput label={t('grants.note')} {...form.getInputProps('note')} />
            <Group justify="flex-end">
              <Button
                type="submit"
                leftSection={<IconPlus size={16} aria-hidden />}
                loading={add.isPending}
                data-testid="grant-add"
              >
                {t('grants.addButton')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
