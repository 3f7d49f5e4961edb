import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Input,
  Stack,
  Text,
  Title,
  Tooltip,
  type CardProps,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileOut } from '../../../server/modules/documents/documents.schemas';
import { ApiError } from '../lib/api';
import { formatDateTime, formatFileSize } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';

/** What the card shows of a stored file (the documents' and the work engine's files both carry it). */
export type Attachment = Pick<FileOut, 'id' | 'originalName' | 'size' | 'createdAt'>;

/**
 * A record's attached files: download links, removal and upload for those who may edit. The record's
 * own API does the work (`onUpload`, `onRemove`); the caller refreshes its data in `onChanged`.
 */
export function AttachmentsCard<T>({
  title,
  files,
  downloadUrl,
  canEdit,
  hint,
  onUpload,
  onRemove,
  onChanged,
  testId,
  fileTestId,
  showRemoveError = true,
  ...card
}: {
  title: string;
  files: readonly Attachment[];
  downloadUrl: (fileId: string) => string;
  canEdit: boolean;
  hint: string;
  onUpload: (file: File) => Promise<T>;
  onRemove: (fileId: string) => Promise<T>;
  onChanged: (updated: T) => Promise<void> | void;
  testId: string;
  fileTestId?: string;
  /** Whether a failed removal shows here (false when the page shows it with its other errors). */
  showRemoveError?: boolean;
} & Omit<CardProps, 'children'>) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const inputId = useId();
  const upload = useMutation({
    mutationFn: onUpload,
    onSuccess: async (updated) => {
      setFile(null);
      setInputKey((k) => k + 1);
      await onChanged(updated);
      notifications.show({ color: 'green', message: t('documents.fileUploaded') });
    },
  });
  const detach = useMutation({ mutationFn: onRemove, onSuccess: onChanged });
  const uploadError =
    upload.error instanceof ApiError
      ? (upload.error.fieldMessage('file') ?? upload.error.message)
      : upload.error
        ? String(upload.error)
        : null;
  return (
    <Card withBorder padding="lg" data-testid={testId} {...card}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {showRemoveError && detach.isError && <ErrorAlert error={detach.error} />}
      {files.length === 0 && <Text c="dimmed">{t('documents.noFiles')}</Text>}
      <Stack gap="xs">
        {files.map((f) => (
          <Group key={f.id} justify="space-between" wrap="nowrap" data-testid={fileTestId}>
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
              {canEdit && (
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
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate(file);
          }}
        >
          <Group align="flex-end" mt="md" wrap="nowrap">
            <Input.Wrapper
              label={t('documents.attachFile')}
              description={hint}
              error={uploadError}
              id={inputId}
              style={{ flex: 1 }}
            >
              <input
                key={inputKey}
                id={inputId}
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
  );
}
