import { Anchor, Badge, Button, Card, Center, Grid, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { AttachmentsCard } from '../../components/AttachmentsCard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordHistory } from '../../components/RecordHistory';
import { formatDate, formatDateTime } from '../../lib/format';
import { AccessBadge } from './AccessBadge';
import {
  deleteDocument,
  documentKeys,
  downloadUrl,
  getDocument,
  removeFile,
  uploadFile,
  type Document,
} from './api';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={200} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

export function DocumentDetailPage() {
  const { t } = useTranslation();
  const { documentId = '' } = useParams({ strict: false });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const doc = useQuery({ queryKey: documentKeys.one(documentId), queryFn: () => getDocument(documentId) });

  const afterChange = async (updated: Document) => {
    queryClient.setQueryData(documentKeys.one(documentId), updated);
    await queryClient.invalidateQueries({ queryKey: ['documents', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['history', 'document', documentId] });
  };

  const remove = useMutation({
    mutationFn: () => deleteDocument(documentId, doc.data!.version),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: documentKeys.one(documentId) });
      await queryClient.invalidateQueries({ queryKey: documentKeys.all });
      notifications.show({ color: 'green', message: t('documents.deleted') });
      await navigate({ to: '/documents' });
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
  const d = doc.data;
  const reload = () => {
    void doc.refetch();
    remove.reset();
  };
  const actionError = remove.error;

  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/documents" {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('documents.backToList')}
      </Anchor>
      <PageHeader
        title={
          <span data-testid="document-number">
            {t(`documentTypes.${d.type}`, { defaultValue: d.type })} {d.numberSymbol}
          </span>
        }
        description={d.title}
        documentTitle={d.numberSymbol}
        actions={
          <>
            {d.abilities.update && (
              <Button
                leftSection={<IconEdit size={16} aria-hidden />}
                variant="light"
                renderRoot={(props) => (
                  <Link to="/documents/$documentId/edit" params={{ documentId }} {...props} />
                )}
                data-testid="document-edit"
              >
                {t('common.edit')}
              </Button>
            )}
            {d.abilities.delete && (
              <ConfirmButton
                leftSection={<IconTrash size={16} aria-hidden />}
                title={t('documents.deleteTitle')}
                message={t('documents.deleteConfirm', { number: d.numberSymbol })}
                confirmLabel={t('common.delete')}
                loading={remove.isPending}
                onConfirm={() => remove.mutateAsync().catch(() => undefined)}
                data-testid="document-delete"
              >
                {t('common.delete')}
              </ConfirmButton>
            )}
          </>
        }
      />
      {actionError ? (
        <Stack mb="md">
          <ErrorAlert error={actionError} onReload={reload} />
        </Stack>
      ) : null}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="lg" h="100%">
            <Title order={2} size="h4" mb="sm">
              {t('documents.details')}
            </Title>
            <Table variant="vertical" withTableBorder={false} data-testid="document-fields">
              <Table.Tbody>
                <Field label={t('documents.numberSymbol')}>{d.numberSymbol}</Field>
                <Field label={t('documents.type')}>
                  {t(`documentTypes.${d.type}`, { defaultValue: d.type })}
                </Field>
                <Field label={t('documents.issuer')}>{d.issuer}</Field>
                <Field label={t('documents.issuedOn')}>{formatDate(d.issuedOn)}</Field>
                <Field label={t('documents.titleField')}>{d.title}</Field>
                <Field label={t('documents.summary')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {d.summary || '—'}
                  </Text>
                </Field>
                <Field label={t('documents.owningUnit')}>{d.unitName}</Field>
                <Field label={t('documents.access')}>
                  <AccessBadge access={d.access} />
                </Field>
                <Field label={t('common.updatedAt')}>
                  {formatDateTime(d.updatedAt)}{' '}
                  <Badge variant="outline" color="gray" size="sm">
                    {t('common.versionN', { version: d.version })}
                  </Badge>
                </Field>
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <AttachmentsCard
            h="100%"
            title={t('documents.files')}
            files={d.files}
            downloadUrl={downloadUrl}
            canEdit={d.abilities.update}
            hint={t('documents.attachHint')}
            onUpload={(f) => uploadFile(documentId, f)}
            onRemove={(fileId) => removeFile(documentId, fileId, d.version)}
            onChanged={afterChange}
            testId="document-files"
            fileTestId="document-file"
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <RecordHistory entity="document" id={documentId} />
        </Grid.Col>
      </Grid>
    </>
  );
}
