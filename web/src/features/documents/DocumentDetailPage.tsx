import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Input,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconDownload,
  IconEdit,
  IconPaperclip,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordHistory } from '../../components/RecordHistory';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatFileSize } from '../../lib/format';
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
  const [file, setFile] = useState<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const fileInputId = useId();
  const doc = useQuery({ queryKey: documentKeys.one(documentId), queryFn: () => getDocument(documentId) });

  const afterChange = async (updated: Document) => {
    queryClient.setQueryData(documentKeys.one(documentId), updated);
    await queryClient.invalidateQueries({ queryKey: ['documents', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['history', 'document', documentId] });
  };

  const upload = useMutation({
    mutationFn: (f: File) => uploadFile(documentId, f),
    onSuccess: async (updated) => {
      setFile(null);
      setFileInputKey((k) => k + 1);
      await afterChange(updated);
      notifications.show({ color: 'green', message: t('documents.fileUploaded') });
    },
  });
  const detach = useMutation({
    mutationFn: (fileId: string) => removeFile(documentId, fileId, doc.data!.version),
    onSuccess: afterChange,
  });
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
    detach.reset();
    remove.reset();
  };
  const actionError = remove.error ?? detach.error;
  const uploadError =
    upload.error instanceof ApiError
      ? (upload.error.fieldMessage('file') ?? upload.error.message)
      : upload.error
        ? String(upload.error)
        : null;

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
          <Card withBorder padding="lg" h="100%" data-testid="document-files">
            <Title order={2} size="h4" mb="sm">
              {t('documents.files')}
            </Title>
            {d.files.length === 0 && <Text c="dimmed">{t('documents.noFiles')}</Text>}
            <Stack gap="xs">
              {d.files.map((f) => (
                <Group key={f.id} justify="space-between" wrap="nowrap" data-testid="document-file">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <IconPaperclip size={16} aria-hidden />
                    <div style={{ minWidth: 0 }}>
                      <Anchor
                        href={downloadUrl(f.id)}
                        size="sm"
                        fw={500}
                        style={{ wordBreak: 'break-word' }}
                        download={f.originalName}
                      >
                        {f.originalName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {formatFileSize(f.size)} · {formatDateTime(f.createdAt)}
                      </Text>
                    </div>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('documents.download')}>
                      <ActionIcon
                        component="a"
                        href={downloadUrl(f.id)}
                        variant="subtle"
                        aria-label={t('documents.downloadFile', { name: f.originalName })}
                      >
                        <IconDownload size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    {d.abilities.update && (
                      <Tooltip label={t('documents.removeFile')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          loading={detach.isPending && detach.variables === f.id}
                          aria-label={t('documents.removeFileNamed', { name: f.originalName })}
                          onClick={() => detach.mutate(f.id)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
            {d.abilities.update && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (file) upload.mutate(file);
                }}
              >
                <Group align="flex-end" mt="md" wrap="nowrap">
                  <Input.Wrapper
                    label={t('documents.attachFile')}
                    description={t('documents.attachHint')}
                    error={uploadError}
                    id={fileInputId}
                    style={{ flex: 1 }}
                  >
                    <input
                      key={fileInputKey}
                      id={fileInputId}
                      type="file"
                      className="file-input"
                      data-testid="file-input"
                      aria-invalid={uploadError ? true : undefined}
                      onChange={(e) => {
                        setFile(e.currentTarget.files?.[0] ?? null);
                        upload.reset();
                      }}
                    />
                  </Input.Wrapper>
                  <Button
                    type="submit"
                    disabled={!file}
                    loading={upload.isPending}
                    leftSection={<IconUpload size={16} aria-hidden />}
                    data-testid="file-upload"
                  >
                    {t('documents.upload')}
                  </Button>
                </Group>
              </form>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <RecordHistory entity="document" id={documentId} />
        </Grid.Col>
      </Grid>
    </>
  );
}
