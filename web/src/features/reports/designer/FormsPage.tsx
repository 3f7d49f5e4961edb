/**
 * Biểu mẫu báo cáo: the report forms with their versions (published, draft, in use by a round); who may
 * design makes a new version from the latest, edits the draft, or starts a new form.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconEye, IconFilePlus, IconPencil, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { formatDate, sortVi } from '../../../lib/format';
import { createDraft, createForm, designerKeys, listForms, type FormSummary } from './api';
import { FORM_KEY_PATTERN, minimalDefinition, slugKey } from './outline';
import { useLocal } from './parts';

function VersionLink({ id, children, testId }: { id: string; children: ReactNode; testId?: string }) {
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => (
        <Link to="/reports/forms/versions/$versionId" params={{ versionId: id }} {...props} />
      )}
      data-testid={testId}
    >
      {children}
    </Anchor>
  );
}

function FormCard({ form, design }: { form: FormSummary; design: boolean }) {
  const { t } = useTranslation();
  const local = useLocal();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const newVersion = useMutation({
    mutationFn: () => createDraft(form.key),
    onSuccess: async (v) => {
      notifications.show({
        color: 'green',
        message: t('reportsDesigner.forms.draftCreated', { number: v.number }),
      });
      queryClient.setQueryData(designerKeys.version(v.id), v);
      await queryClient.invalidateQueries({ queryKey: designerKeys.forms });
      await navigate({ to: '/reports/forms/versions/$versionId', params: { versionId: v.id } });
    },
  });
  const published = form.versions.filter((v) => v.status === 'published');
  return (
    <Card withBorder padding="md" data-testid="form-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h5" style={{ flex: 1, minWidth: 0 }} data-testid="form-name">
            {local(form.name)}
          </Title>
          {form.shipped && (
            <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
              {t('reportsDesigner.forms.shipped')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t(`reportsDesigner.forms.subject.${form.subject}`)}
        </Text>
        <Stack gap={4}>
          {form.latestPublished ? (
            <Text size="sm" data-testid="form-published">
              {t('reportsDesigner.forms.current', {
                number: form.latestPublished.number,
                date: formatDate(form.latestPublished.publishedAt),
              })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('reportsDesigner.forms.noneYet')}
            </Text>
          )}
          {form.draft && (
            <Group gap="xs">
              <Badge color="orange" variant="light" size="sm">
                {t('reportsDesigner.status.draft')}
              </Badge>
              <Text size="sm">{t('reportsDesigner.forms.draftN', { number: form.draft.number })}</Text>
            </Group>
          )}
        </Stack>
        {published.length > 0 && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={500}>
              {t('reportsDesigner.forms.versions')}
            </Text>
            {published.map((v) => (
              <Group key={v.id} gap="xs" wrap="wrap" data-testid="form-version">
                <VersionLink id={v.id} testId="form-version-view">
                  <Group gap={4} component="span">
                    <IconEye size={14} aria-hidden />
                    {t('reportsDesigner.forms.viewN', { number: v.number })}
                  </Group>
                </VersionLink>
                {v.id === form.latestPublished?.id && (
                  <Badge color="green" variant="light" size="xs">
                    {t('reportsDesigner.forms.latest')}
                  </Badge>
                )}
                {v.inUse && (
                  <Badge color="blue" variant="light" size="xs">
                    {t('reportsDesigner.inUse')}
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {newVersion.isError && (
          <ErrorAlert
            error={newVersion.error}
            onReload={() => void queryClient.invalidateQueries({ queryKey: designerKeys.forms })}
          />
        )}
        <Group gap="xs" mt={4}>
          {form.draft ? (
            <Button
              size="sm"
              variant={design ? 'filled' : 'light'}
              leftSection={design ? <IconPencil size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
              renderRoot={(props) => (
                <Link
                  to="/reports/forms/versions/$versionId"
                  params={{ versionId: form.draft!.id }}
                  {...props}
                />
              )}
              data-testid="form-edit-draft"
            >
              {design ? t('reportsDesigner.forms.editDraft') : t('reportsDesigner.forms.viewDraft')}
            </Button>
          ) : (
            design && (
              <Button
                size="sm"
                variant="light"
                leftSection={<IconFilePlus size={16} aria-hidden />}
                onClick={() => newVersion.mutate()}
                loading={newVersion.isPending}
                data-testid="form-new-version"
              >
                {t('reportsDesigner.forms.newVersion')}
              </Button>
            )
          )}
        </Group>
      </Stack>
    </Card>
  );
}

type NewFormValues = { key: string; vi: string; en: string; keyTouched: boolean };

function NewFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<NewFormValues>({
    initialValues: { key: '', vi: '', en: '', keyTouched: false },
    validate: {
      key: (v) =>
        !v.trim()
          ? t('common.required')
          : !FORM_KEY_PATTERN.test(v) || v.length > 64
            ? t('reportsDesigner.forms.keyInvalid')
            : null,
      vi: (v) => (v.trim() ? null : t('common.required')),
      en: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const create = useMutation({
    mutationFn: (v: NewFormValues) =>
      createForm(minimalDefinition(v.key.trim(), { vi: v.vi.trim(), en: v.en.trim() })),
    onSuccess: async (created) => {
      notifications.show({ color: 'green', message: t('reportsDesigner.forms.created') });
      form.reset();
      onClose();
      queryClient.setQueryData(designerKeys.version(created.id), created);
      await queryClient.invalidateQueries({ queryKey: designerKeys.forms });
      await navigate({ to: '/reports/forms/versions/$versionId', params: { versionId: created.id } });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) form.setFieldError('key', e.message);
      else applyServerErrors(form, e);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('reportsDesigner.forms.create')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate data-testid="new-form">
        <Stack gap="sm">
          {create.isError && !form.errors.key && <ErrorAlert error={create.error} showDetails />}
          <TextInput
            label={t('reportsDesigner.inVietnamese', { label: t('reportsDesigner.formName') })}
            withAsterisk
            {...form.getInputProps('vi')}
            onChange={(e) => {
              const vi = e.currentTarget.value;
              form.setFieldValue('vi', vi);
              if (!form.values.keyTouched)
                form.setFieldValue('key', slugKey(vi, 'bieu-mau').replace(/_/g, '-'));
            }}
            data-testid="new-form-vi"
          />
          <TextInput
            label={t('reportsDesigner.inEnglish', { label: t('reportsDesigner.formName') })}
            withAsterisk
            {...form.getInputProps('en')}
            data-testid="new-form-en"
          />
          <TextInput
            label={t('reportsDesigner.forms.key')}
            description={t('reportsDesigner.forms.keyHint')}
            withAsterisk
            spellCheck={false}
            autoCapitalize="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('key')}
            onChange={(e) => {
              form.setFieldValue('key', e.currentTarget.value.toLowerCase());
              form.setFieldValue('keyTouched', true);
            }}
            data-testid="new-form-key"
          />
          <Text size="xs" c="dimmed">
            {t('reportsDesigner.forms.startsWith')}
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="new-form-submit">
              {t('reportsDesigner.forms.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function FormsPage() {
  const { t } = useTranslation();
  const local = useLocal();
  const [creating, setCreating] = useState(false);
  const forms = useQuery({ queryKey: designerKeys.forms, queryFn: listForms });
  const design = forms.data?.abilities.design ?? false;
  const items = sortVi(forms.data?.items ?? [], (f) => local(f.name));
  return (
    <>
      <PageHeader
        title={t('reportsDesigner.forms.title')}
        description={t('reportsDesigner.forms.description')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconUsersGroup size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/reports/assignments" {...props} />}
              data-testid="to-assignments"
            >
              {t('reportsDesigner.assignments.title')}
            </Button>
            {design && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
                data-testid="form-create"
              >
                {t('reportsDesigner.forms.create')}
              </Button>
            )}
          </>
        }
      />
      {forms.isLoading ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : forms.isError ? (
        <ErrorAlert error={forms.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('reportsDesigner.forms.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="forms-list">
          {items.map((f) => (
            <FormCard key={f.key} form={f} design={design} />
          ))}
        </SimpleGrid>
      )}
      {design && <NewFormModal opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
