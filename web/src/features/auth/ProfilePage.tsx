import {
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useUnitNames } from '../../components/UnitSelect';
import { applyServerErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { fetchSession, sessionQueryKey, useSession } from '../../lib/session';
import { changePassword } from './api';

export function ProfilePage() {
  const { t } = useTranslation();
  const session = useSession();
  const units = useUnitNames([
    session.data?.user.unitId,
    ...(session.data?.grants.map((g) => g.unitId) ?? []),
  ]);
  const queryClient = useQueryClient();
  const unitName = (id: string | null) => (id ? (units.byId.get(id)?.label ?? '…') : t('common.none'));

  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('profile.currentRequired')),
      newPassword: (v) => (v ? null : t('profile.newRequired')),
      confirm: (v, values) => (v === values.newPassword ? null : t('profile.mismatch')),
    },
  });

  const mutation = useMutation({
    mutationFn: (v: typeof form.values) => changePassword(v.currentPassword, v.newPassword),
    onSuccess: async () => {
      form.reset();
      notifications.show({
        color: 'green',
        title: t('profile.passwordChanged'),
        message: t('profile.passwordChangedText'),
      });
      // The server may issue a new CSRF token with the session: read it again.
      queryClient.setQueryData(sessionQueryKey, await fetchSession());
    },
    onError: (e) => applyServerErrors(form, e),
  });

  const me = session.data;
  if (!me) return null;

  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.lead')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">
            {t('profile.account')}
          </Title>
          <Table variant="vertical" withTableBorder={false} data-testid="profile-account">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>{t('users.fullName')}</Table.Th>
                <Table.Td>{me.user.fullName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Td>{me.user.email}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('users.unit')}</Table.Th>
                <Table.Td>{unitName(me.user.unitId)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('profile.sessionUntil')}</Table.Th>
                <Table.Td>{formatDateTime(me.expiresAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('profile.roles')}</Table.Th>
                <Table.Td>
                  <Stack gap={4}>
                    {me.grants.length === 0 && <Text c="dimmed">{t('home.noRoles')}</Text>}
                    {me.grants.map((g) => (
                      <Group key={g.id} gap={6}>
                        <Badge variant="light">{t(`roles.${g.role}`)}</Badge>
                        <Text size="sm">{unitName(g.unitId)}</Text>
                      </Group>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>

        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('profile.changePassword')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('profile.changePasswordLead')}
          </Text>
          <form
            onSubmit={form.onSubmit((v) => mutation.mutate(v))}
            noValidate
            data-testid="change-password-form"
          >
            <Stack>
              {mutation.isError && <ErrorAlert error={mutation.error} />}
              <PasswordInput
                label={t('profile.currentPassword')}
                autoComplete="current-password"
                required
                {...form.getInputProps('currentPassword')}
              />
              <PasswordInput
                label={t('profile.newPassword')}
                autoComplete="new-password"
                required
                {...form.getInputProps('newPassword')}
              />
              <PasswordInput
                label={t('profile.confirmPassword')}
                autoComplete="new-password"
                required
                {...form.getInputProps('confirm')}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={mutation.isPending} data-testid="change-password-submit">
                  {t('profile.savePassword')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </SimpleGrid>
    </>
  );
}
