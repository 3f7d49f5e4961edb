import { Button, Card, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { createUser, userKeys } from './api';

type Values = {
  email: string;
  fullName: string;
  phone: string;
  unitId: string | null;
  position: string;
  password: string;
  locale: 'vi' | 'en';
};

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      email: '',
      fullName: '',
      phone: '',
      unitId: null,
      position: '',
      password: '',
      locale: 'vi',
    },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('users.emailInvalid')),
      fullName: (v) => (v.trim().length >= 2 ? null : t('users.fullNameTooShort')),
    },
  });
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      createUser({
        email: v.email.trim(),
        fullName: v.fullName.trim(),
        phone: orNull(v.phone),
        unitId: v.unitId,
        position: orNull(v.position),
        locale: v.locale,
        ...(v.password ? { password: v.password } : {}),
      }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      notifications.show({ color: 'green', message: t('users.created', { name: user.fullName }) });
      await navigate({ to: '/users/$userId', params: { userId: user.id } });
    },
    onError: (e) => applyServerErrors(form, e),
  });

  return (
    <>
      <PageHeader title={t('users.newTitle')} description={t('users.newLead')} />
      <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate data-testid="user-create-form">
        <Stack>
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <Card withBorder padding="lg">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('users.email')}
                type="email"
                required
                autoComplete="off"
                data-testid="field-email"
                {...form.getInputProps('email')}
              />
              <TextInput
                label={t('users.fullName')}
                required
                data-testid="field-fullName"
                {...form.getInputProps('fullName')}
              />
              <TextInput label={t('users.phone')} type="tel" {...form.getInputProps('phone')} />
              <TextInput label={t('users.position')} {...form.getInputProps('position')} />
              <UnitSelect
                label={t('users.unit')}
                value={form.values.unitId}
                onChange={(v) => form.setFieldValue('unitId', v)}
                error={form.errors.unitId}
                data-testid="field-unitId"
              />
              <Select
                label={t('users.locale')}
                data={[
                  { value: 'vi', label: 'Tiếng Việt' },
                  { value: 'en', label: 'English' },
                ]}
                allowDeselect={false}
                {...form.getInputProps('locale')}
              />
              <PasswordInput
                label={t('users.initialPassword')}
                description={t('users.initialPasswordHint')}
                autoComplete="new-password"
                data-testid="field-password"
                {...form.getInputProps('password')}
              />
            </SimpleGrid>
          </Card>
          <Group justify="flex-end">
            <Button variant="default" renderRoot={(props) => <Link to="/users" {...props} />}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="user-save">
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
