import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordHistory } from '../../components/RecordHistory';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { getUser, resetPassword, updateUser, userKeys, type User } from './api';
import { GrantsPanel } from './GrantsPanel';
import { UserStatus } from './UserStatus';

type Values = {
  email: string;
  fullName: string;
  phone: string;
  position: string;
  unitId: string | null;
  locale: 'vi' | 'en';
  active: boolean;
};

const fromUser = (u: User): Values => ({
  email: u.email,
  fullName: u.fullName,
  phone: u.phone ?? '',
  position: u.position ?? '',
  unitId: u.unitId,
  locale: u.locale === 'en' ? 'en' : 'vi',
  active: u.active,
});

function EditUserForm({
  user,
  onReload,
  reloadedAt,
}: {
  user: User;
  onReload: () => Promise<unknown>;
  reloadedAt: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manage = user.abilities.manage;
  const form = useForm<Values>({
    initialValues: fromUser(user),
    validate: { fullName: (v) => (v.trim().length >= 2 ? null : t('users.fullNameTooShort')) },
  });
  useEffect(() => {
    form.setValues(fromUser(user));
    form.resetDirty(fromUser(user));
  }, [reloadedAt]);

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      updateUser(user.id, user.version, {
        fullName: v.fullName.trim(),
        phone: orNull(v.phone),
        position: orNull(v.position),
        locale: v.locale,
        ...(manage ? { email: v.email.trim(), unitId: v.unitId, active: v.active } : {}),
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(userKeys.one(user.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['history', 'user', user.id] });
      notifications.show({ color: 'green', message: t('common.saved') });
    },
    onError: (e) => applyServerErrors(form, e),
  });

  return (
    <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate data-testid="user-edit-form">
      <Stack>
        {mutation.isError && (
          <ErrorAlert
            error={mutation.error}
            onReload={() =>
              void onReload().then(() => {
                mutation.reset();
              })
            }
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('users.fullName')}
            required
            data-testid="field-fullName"
            {...form.getInputProps('fullName')}
          />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            disabled={!manage}
            data-testid="field-email"
            {...form.getInputProps('email')}
          />
          <TextInput label={t('users.phone')} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('users.position')} {...form.getInputProps('position')} />
          <UnitSelect
            label={t('users.unit')}
            disabled={!manage}
            value={form.values.unitId}
            onChange={(v) => form.setFieldValue('unitId', v)}
            error={form.errors.unitId}
          />
          <Select
            label={t('users.locale')}
            allowDeselect={false}
            data={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
        {manage && (
          <Switch
            label={t('users.activeSwitch')}
            description={t('users.activeHint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
            data-testid="field-active"
          />
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={mutation.isPending}
            disabled={!form.isDirty()}
            data-testid="user-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResetPasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (v ? null : t('profile.newRequired')),
      confirm: (v, values) => (v === values.password ? null : t('profile.mismatch')),
    },
  });
  const mutation = useMutation({
    mutationFn: (v: { password: string }) => resetPassword(user.id, v.password),
    onSuccess: async () => {
      form.reset();
      notifications.show({ color: 'green', message: t('users.passwordReset') });
      await queryClient.invalidateQueries({ queryKey: userKeys.one(user.id) });
      await queryClient.invalidateQueries({ queryKey: ['history', 'user', user.id] });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate data-testid="reset-password-form">
      <Stack>
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        <PasswordInput
          label={t('users.newPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('profile.confirmPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            loading={mutation.isPending}
            data-testid="reset-password-submit"
          >
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function UserDetailPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams({ strict: false });
  const user = useQuery({ queryKey: userKeys.one(userId), queryFn: () => getUser(userId) });

  if (user.isLoading) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (user.isError || !user.data) return <ErrorAlert error={user.error} />;
  const u = user.data;

  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/users" {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('users.backToList')}
      </Anchor>
      <PageHeader
        title={<span data-testid="user-name">{u.fullName}</span>}
        documentTitle={u.fullName}
        description={u.email}
        actions={<UserStatus user={u} />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="md">
              {t('users.account')}
            </Title>
            {u.abilities.update ? (
              <EditUserForm user={u} onReload={() => user.refetch()} reloadedAt={user.dataUpdatedAt} />
            ) : (
              <Table variant="vertical" withTableBorder={false}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th>{t('users.unit')}</Table.Th>
                    <Table.Td>{u.unitName ?? ''}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('users.position')}</Table.Th>
                    <Table.Td>{u.position ?? ''}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                {t('users.facts')}
              </Title>
              <Stack gap={6}>
                <Text size="sm">
                  {t('users.lastLogin')}: {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')}
                </Text>
                <Text size="sm">
                  {t('common.createdAt')}: {formatDateTime(u.createdAt)}
                </Text>
                <Text size="sm">
                  {t('common.updatedAt')}: {formatDateTime(u.updatedAt)}{' '}
                  <Badge variant="outline" color="gray" size="sm">
                    {t('common.versionN', { version: u.version })}
                  </Badge>
                </Text>
              </Stack>
            </Card>
            {u.abilities.manage && (
              <Card withBorder padding="lg">
                <Title order={2} size="h4" mb={4}>
                  {t('users.resetPassword')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('users.resetPasswordLead')}
                </Text>
                <ResetPasswordForm user={u} />
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={12}>
          <GrantsPanel user={u} />
        </Grid.Col>
        <Grid.Col span={12}>
          <RecordHistory entity="user" id={u.id} />
        </Grid.Col>
      </Grid>
    </>
  );
}
