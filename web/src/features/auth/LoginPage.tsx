import {
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLogin } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { applyServerErrors } from '../../lib/forms';
import { storeSession } from '../../lib/session';
import { login } from './api';

export function LoginPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('auth.loginTitle')} · ${t('app.shortName')}`;
  }, [t]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const target = search.redirect ?? '/';

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('auth.emailRequired')),
      password: (v) => (v ? null : t('auth.passwordRequired')),
    },
  });

  const mutation = useMutation({
    mutationFn: (values: { email: string; password: string }) => login(values.email.trim(), values.password),
    onSuccess: async (s) => {
      storeSession(queryClient, s);
      await navigate({ href: target });
    },
    onError: (e) => {
      applyServerErrors(form, e);
      form.setFieldValue('password', '');
    },
  });

  return (
    <Box mih="100vh" bg="gray.1">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper
          component="main"
          withBorder
          shadow="sm"
          p="xl"
          radius="md"
          w="100%"
          maw={420}
          id="main-content"
        >
          <Stack gap={4} mb="lg">
            <Text fw={700} c="red.9" size="lg">
              {t('app.name')}
            </Text>
            <Title order={1} size="h3">
              {t('auth.loginTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('auth.loginLead')}
            </Text>
          </Stack>
          <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate data-testid="login-form">
            <Stack>
              {mutation.isError && <ErrorAlert error={mutation.error} title={t('auth.loginFailed')} />}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                required
                autoFocus
                data-testid="login-email"
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                data-testid="login-password"
                visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
                {...form.getInputProps('password')}
              />
              <Button
                type="submit"
                loading={mutation.isPending}
                leftSection={<IconLogin size={18} aria-hidden />}
                data-testid="login-submit"
              >
                {t('auth.login')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
