import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconInbox } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { accentInsensitiveFilter, UnitSelect } from '../../components/UnitSelect';
import { inLanguage } from '../../components/workflow/work';
import { ApiError } from '../../lib/api';
import { formatFileSize, isoDate, sortVi } from '../../lib/format';
import { applyServerErrors } from '../../lib/forms';
import { createCase, hotlineKeys, listCases, listCategories, uploadIntakeFile } from './api';
import { FilesField, tooBigFile, useUploadRules } from './FilesField';
import { nowParts, receivedAtOf, STAFF_CHANNELS, type StaffChannel } from './labels';

const MAX_FILES = 10;

type Values = {
  channel: StaffChannel;
  receivedDate: string | null;
  receivedTime: string;
  categoryId: string | null;
  subjectUnitId: string | null;
  place: string;
  title: string;
  description: string;
  name: string;
  phone: string;
  email: string;
  address: string;
  anonymous: boolean;
  follow: boolean;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Feedback received by phone, e-mail, letter, the press, the national portal or at the office, entered by a
 * hotline officer: the channel and when, what it is about, the person (or that they asked to stay
 * anonymous), the files received. Files are uploaded first, then the case is created; the case page opens
 * with its tracking code to read out to the caller.
 */
export function IntakePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const now = nowParts();
  const [files, setFiles] = useState<File[]>([]);
  const rules = useUploadRules();
  // Whether the caller may enter feedback (the list's abilities; the server refuses anyone else anyway).
  const abilities = useQuery({
    queryKey: ['hotline', 'abilities'],
    queryFn: () => listCases({ view: 'triage', limit: 1, offset: 0 }),
    staleTime: 60_000,
  });
  const categories = useQuery({
    queryKey: hotlineKeys.categories,
    queryFn: listCategories,
    staleTime: 10 * 60_000,
  });
  const categoryOptions = useMemo(
    () =>
      sortVi(
        (categories.data?.items ?? [])
          .filter((c) => c.active)
          .map((c) => ({ value: c.id, label: inLanguage(c.name, i18n.language) })),
        (o) => o.label,
      ),
    [categories.data, i18n.language],
  );
  const describe = (id: string | null) => {
    const c = categories.data?.items.find((x) => x.id === id);
    return c ? inLanguage(c.description, i18n.language) : undefined;
  };

  const form = useForm<Values>({
    initialValues: {
      channel: 'phone',
      receivedDate: now.date,
      receivedTime: now.time,
      categoryId: null,
      subjectUnitId: null,
      place: '',
      title: '',
      description: '',
      name: '',
      phone: '',
      email: '',
      address: '',
      anonymous: false,
      follow: false,
    },
    validate: {
      receivedDate: (v, all) =>
        !v || !receivedAtOf(v, all.receivedTime)
          ? t('hotline.intake.receivedRequired')
          : new Date(receivedAtOf(v, all.receivedTime)!) > new Date()
            ? t('hotline.intake.receivedFuture')
            : null,
      title: (v) => (v.trim() ? null : t('hotline.intake.titleRequired')),
      description: (v) => (v.trim() ? null : t('hotline.intake.descriptionRequired')),
      email: (v) => (!v.trim() || EMAIL.test(v.trim()) ? null : t('hotline.intake.emailInvalid')),
    },
  });

  const create = useMutation({
    mutationFn: async (v: Values) => {
      const fileIds: string[] = [];
      for (const f of files) {
        try {
          fileIds.push((await uploadIntakeFile(f)).id);
        } catch (e) {
          if (e instanceof ApiError)
            form.setFieldError('files', `${f.name}: ${e.fieldMessage('file') ?? e.message}`);
          throw e;
        }
      }
      return createCase({
        channel: v.channel,
        receivedAt: receivedAtOf(v.receivedDate, v.receivedTime) ?? undefined,
        categoryId: v.categoryId,
        subjectUnitId: v.subjectUnitId,
        place: v.place.trim(),
        title: v.title.trim(),
        description: v.description.trim(),
        name: v.name.trim(),
        phone: v.phone.trim(),
        email: v.email.trim(),
        address: v.address.trim(),
        anonymous: v.anonymous,
        follow: v.follow && !!v.email.trim(),
        fileIds,
      });
    },
    onSuccess: async (created) => {
      notifications.show({
        color: 'green',
        title: t('hotline.intake.done'),
        message: t('hotline.intake.doneCode', { code: created.code }),
        'data-testid': 'hotline-intake-done',
      });
      const { receipt, ...detail } = created;
      queryClient.setQueryData(hotlineKeys.case(created.id), detail);
      queryClient.setQueryData(hotlineKeys.receipt(created.id), receipt);
      await queryClient.invalidateQueries({ queryKey: hotlineKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['home'] });
      await navigate({ href: `/hotline/${created.id}?created=1` });
    },
    onError: (e) => applyServerErrors(form, e),
  });

  if (abilities.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );

  const back = (
    <Anchor
      size="sm"
      renderRoot={(props) => <Link to="/hotline" {...props} />}
      mb="xs"
      display="inline-flex"
      style={{ alignItems: 'center', gap: 4 }}
    >
      <IconArrowLeft size={14} aria-hidden /> {t('hotline.backToList')}
    </Anchor>
  );
  if (abilities.data && !abilities.data.abilities.intake)
    return (
      <>
        {back}
        <PageHeader title={t('hotline.intake.title')} />
        <Alert color="gray" data-testid="hotline-intake-not-allowed">
          {t('hotline.intake.notAllowed')}
        </Alert>
      </>
    );

  const error = create.error;
  const fieldsShown =
    error instanceof ApiError &&
    error.details.length > 0 &&
    error.details.every((d) => d.field.split('.')[0]! in form.getValues());
  const hasEmail = EMAIL.test(form.values.email.trim());

  return (
    <>
      {back}
      <PageHeader title={t('hotline.intake.title')} description={t('hotline.intake.description')} />
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          const big = tooBigFile(files, rules.data?.maxBytes);
          if (big) {
            form.setFieldError(
              'files',
              t('hotline.files.tooBig', {
                name: big.name,
                max: formatFileSize(rules.data?.maxBytes ?? 0),
              }),
            );
            return;
          }
          create.mutate(v);
        })}
        data-testid="hotline-intake-form"
      >
        <Stack gap="md" maw={880}>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('hotline.intake.howReceived')}
              </Title>
              <Radio.Group
                label={t('hotline.fields.channel')}
                withAsterisk
                value={form.values.channel}
                onChange={(v) => form.setFieldValue('channel', v as StaffChannel)}
                data-testid="intake-channel"
              >
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt={6}>
                  {STAFF_CHANNELS.map((c) => (
                    <Radio
                      key={c}
                      value={c}
                      label={t(`hotline.channel.${c}`)}
                      data-testid={`intake-channel-${c}`}
                    />
                  ))}
                </SimpleGrid>
              </Radio.Group>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                <DateField
                  label={t('hotline.intake.receivedDate')}
                  withAsterisk
                  clearable={false}
                  maxDate={isoDate()}
                  value={form.values.receivedDate}
                  onChange={(v) => form.setFieldValue('receivedDate', v)}
                  error={form.errors.receivedDate}
                  data-testid="intake-received-date"
                />
                <TimePicker
                  label={t('hotline.intake.receivedTime')}
                  withAsterisk
                  format="24h"
                  value={form.values.receivedTime}
                  onChange={(v) => form.setFieldValue('receivedTime', v)}
                  data-testid="intake-received-time"
                />
              </SimpleGrid>
            </Stack>
          </Card>

          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('hotline.intake.content')}
              </Title>
              <TextInput
                label={t('hotline.fields.title')}
                description={t('hotline.intake.titleHint')}
                withAsterisk
                maxLength={200}
                {...form.getInputProps('title')}
                data-testid="intake-title"
              />
              <Textarea
                label={t('hotline.fields.description')}
                description={t('hotline.intake.descriptionHint')}
                withAsterisk
                autosize
                minRows={5}
                maxLength={10_000}
                {...form.getInputProps('description')}
                data-testid="intake-description"
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t('hotline.fields.category')}
                  description={describe(form.values.categoryId) ?? t('hotline.intake.categoryHint')}
                  placeholder={t('hotline.intake.categoryPlaceholder')}
                  data={categoryOptions}
                  searchable
                  clearable
                  filter={accentInsensitiveFilter}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('categoryId')}
                  data-testid="intake-category"
                />
                <UnitSelect
                  label={t('hotline.fields.subject')}
                  description={t('hotline.intake.subjectHint')}
                  value={form.values.subjectUnitId}
                  onChange={(v) => form.setFieldValue('subjectUnitId', v)}
                  error={form.errors.subjectUnitId}
                  data-testid="intake-subject"
                />
              </SimpleGrid>
              <TextInput
                label={t('hotline.fields.place')}
                description={t('hotline.intake.placeHint')}
                maxLength={300}
                {...form.getInputProps('place')}
                data-testid="intake-place"
              />
              <FilesField
                label={t('hotline.intake.files')}
                files={files}
                onChange={(f) => {
                  setFiles(f);
                  form.clearFieldError('files');
                }}
                error={form.errors.files as string | undefined}
                max={MAX_FILES}
                testId="intake-files"
              />
            </Stack>
          </Card>

          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('hotline.intake.person')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('hotline.intake.personHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('hotline.submitter.name')}
                  maxLength={120}
                  autoComplete="off"
                  {...form.getInputProps('name')}
                  data-testid="intake-name"
                />
                <TextInput
                  label={t('hotline.submitter.phone')}
                  type="tel"
                  maxLength={30}
                  autoComplete="off"
                  {...form.getInputProps('phone')}
                  data-testid="intake-phone"
                />
                <TextInput
                  label={t('hotline.submitter.email')}
                  type="email"
                  maxLength={200}
                  autoComplete="off"
                  {...form.getInputProps('email')}
                  data-testid="intake-email"
                />
                <TextInput
                  label={t('hotline.submitter.address')}
                  maxLength={300}
                  autoComplete="off"
                  {...form.getInputProps('address')}
                  data-testid="intake-address"
                />
              </SimpleGrid>
              <Checkbox
                label={t('hotline.intake.anonymous')}
                description={t('hotline.intake.anonymousHint')}
                {...form.getInputProps('anonymous', { type: 'checkbox' })}
                data-testid="intake-anonymous"
              />
              <Checkbox
                label={t('hotline.intake.follow')}
                description={hasEmail ? t('hotline.intake.followHint') : t('hotline.intake.followNeedsEmail')}
                disabled={!hasEmail}
                checked={form.values.follow && hasEmail}
                onChange={(e) => form.setFieldValue('follow', e.currentTarget.checked)}
                data-testid="intake-follow"
              />
            </Stack>
          </Card>

          {error && !fieldsShown && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" renderRoot={(props) => <Link to="/hotline" {...props} />}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              leftSection={<IconInbox size={16} aria-hidden />}
              loading={create.isPending}
              data-testid="intake-submit"
            >
              {t('hotline.intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
