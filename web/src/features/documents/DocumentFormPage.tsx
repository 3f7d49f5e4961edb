import {
  Button,
  Card,
  Center,
  Group,
  Loader,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { homeUnitOf, useSession } from '../../lib/session';
import {
  ACCESS_LEVELS,
  createDocument,
  documentKeys,
  getDocument,
  updateDocument,
  type AccessLevel,
  type Document,
  type DocumentInput,
  type DocumentType,
} from './api';
import { DocumentTypeSelect } from './DocumentTypeSelect';

type Values = {
  numberSymbol: string;
  type: DocumentType | null;
  issuer: string;
  issuedOn: string | null;
  title: string;
  summary: string;
  unitId: string | null;
  access: AccessLevel;
};

const fromDocument = (d: Document): Values => ({
  numberSymbol: d.numberSymbol,
  type: d.type,
  issuer: d.issuer,
  issuedOn: d.issuedOn,
  title: d.title,
  summary: d.summary ?? '',
  unitId: d.unitId,
  access: d.access,
});

const toInput = (v: Values): DocumentInput => ({
  numberSymbol: v.numberSymbol.trim(),
  // The form requires a type and the select offers only the server's types.
  type: v.type as DocumentType,
  issuer: v.issuer.trim(),
  issuedOn: v.issuedOn ?? '',
  title: v.title.trim(),
  summary: orNull(v.summary),
  unitId: v.unitId ?? '',
  access: v.access,
});

type FormProps = {
  initial: Values;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: Values) => Promise<unknown>;
  onReload?: () => void;
  /** Bumps when the record was reloaded, so the form takes the fresh values. */
  resetKey?: number;
  cancel: React.ReactNode;
};

function DocumentForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onReload,
  resetKey,
  cancel,
}: FormProps) {
  const { t } = useTranslation();
  const required = (v: unknown) =>
    v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? t('common.required') : null;
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      numberSymbol: required,
      type: required,
      issuer: required,
      issuedOn: required,
      title: (v) => (v.trim().length < 3 ? t('documents.titleTooShort') : null),
      unitId: required,
    },
  });

  useEffect(() => {
    if (resetKey) {
      form.setValues(initial);
      form.resetDirty(initial);
      form.clearErrors();
    }
  }, [resetKey]);

  return (
    <form
      noValidate
      data-testid="document-form"
      onSubmit={form.onSubmit(async (values) => {
        try {
          await onSubmit(values);
        } catch (e) {
          applyServerErrors(form, e);
        }
      })}
    >
      <Stack>
        {error ? <ErrorAlert error={error} onReload={onReload} showDetails /> : null}
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('documents.numberSymbol')}
              description={t('documents.numberSymbolHint')}
              required
              data-testid="field-numberSymbol"
              {...form.getInputProps('numberSymbol')}
            />
            <DocumentTypeSelect
              label={t('documents.type')}
              required
              searchable
              data-testid="field-type"
              {...form.getInputProps('type')}
            />
            <TextInput
              label={t('documents.issuer')}
              description={t('documents.issuerHint')}
              required
              data-testid="field-issuer"
              {...form.getInputProps('issuer')}
            />
            <DateField
              label={t('documents.issuedOn')}
              required
              data-testid="field-issuedOn"
              value={form.values.issuedOn}
              onChange={(v) => form.setFieldValue('issuedOn', v)}
              error={form.errors.issuedOn}
            />
          </SimpleGrid>
          <Textarea
            mt="md"
            label={t('documents.titleField')}
            required
            autosize
            minRows={2}
            data-testid="field-title"
            {...form.getInputProps('title')}
          />
          <Textarea
            mt="md"
            label={t('documents.summary')}
            autosize
            minRows={3}
            data-testid="field-summary"
            {...form.getInputProps('summary')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="md">
            <UnitSelect
              label={t('documents.owningUnit')}
              description={t('documents.owningUnitHint')}
              required
              data-testid="field-unitId"
              value={form.values.unitId}
              onChange={(v) => form.setFieldValue('unitId', v)}
              error={form.errors.unitId}
            />
            <Radio.Group
              label={t('documents.access')}
              required
              {...form.getInputProps('access')}
              data-testid="field-access"
            >
              <Group mt="xs">
                {ACCESS_LEVELS.map((a) => (
                  <Radio key={a} value={a} label={t(`access.${a}`)} />
                ))}
              </Group>
            </Radio.Group>
          </SimpleGrid>
        </Card>
        <Group justify="flex-end">
          {cancel}
          <Button type="submit" loading={pending} data-testid="document-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DocumentCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const mutation = useMutation({
    mutationFn: (v: Values) => createDocument(toInput(v)),
    onSuccess: async (doc) => {
      await queryClient.invalidateQueries({ queryKey: documentKeys.all });
      notifications.show({ color: 'green', message: t('documents.created', { number: doc.numberSymbol }) });
      await navigate({ to: '/documents/$documentId', params: { documentId: doc.id } });
    },
  });
  const initial: Values = {
    numberSymbol: '',
    type: null,
    issuer: '',
    issuedOn: null,
    title: '',
    summary: '',
    unitId: homeUnitOf(session.data),
    access: 'internal',
  };
  return (
    <>
      <PageHeader title={t('documents.newTitle')} description={t('documents.newLead')} />
      <DocumentForm
        initial={initial}
        submitLabel={t('documents.create')}
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(v) => mutation.mutateAsync(v)}
        cancel={
          <Button variant="default" renderRoot={(props) => <Link to="/documents" {...props} />}>
            {t('common.cancel')}
          </Button>
        }
      />
    </>
  );
}

export function DocumentEditPage() {
  const { t } = useTranslation();
  const { documentId = '' } = useParams({ strict: false });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const doc = useQuery({ queryKey: documentKeys.one(documentId), queryFn: () => getDocument(documentId) });
  const mutation = useMutation({
    mutationFn: (v: Values) => updateDocument(documentId, doc.data!.version, toInput(v)),
    onSuccess: async (updated) => {
      queryClient.setQueryData(documentKeys.one(documentId), updated);
      await queryClient.invalidateQueries({ queryKey: ['documents', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['history', 'document', documentId] });
      notifications.show({ color: 'green', message: t('common.saved') });
      await navigate({ to: '/documents/$documentId', params: { documentId } });
    },
  });

  if (doc.isLoading) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (doc.isError || !doc.data) return <ErrorAlert error={doc.error} />;

  const reload = async () => {
    await doc.refetch();
    mutation.reset();
  };

  return (
    <>
      <PageHeader title={t('documents.editTitle', { number: doc.data.numberSymbol })} />
      {!doc.data.abilities.update ? (
        <ErrorAlert error={new Error(t('documents.cannotEdit'))} />
      ) : (
        <DocumentForm
          initial={fromDocument(doc.data)}
          resetKey={doc.dataUpdatedAt}
          submitLabel={t('common.save')}
          pending={mutation.isPending}
          error={mutation.error}
          onReload={() => void reload()}
          onSubmit={(v) => mutation.mutateAsync(v)}
          cancel={
            <Button
              variant="default"
              renderRoot={(props) => <Link to="/documents/$documentId" params={{ documentId }} {...props} />}
            >
              {t('common.cancel')}
            </Button>
          }
        />
      )}
    </>
  );
}
