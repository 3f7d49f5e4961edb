import { FileInput, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadRulesOut } from '../../../../server/modules/work/work.schemas';
import { api } from '../../lib/api';
import { formatFileSize } from '../../lib/format';

/** What a stored upload may be (types by content, size): the server's rules, asked once (shared cache). */
export function useUploadRules() {
  return useQuery({
    queryKey: ['work', 'upload-rules'],
    queryFn: () => api.get<UploadRulesOut>('/api/work/upload-rules'),
    staleTime: Infinity,
  });
}

/** The first chosen file over the size limit, if any. */
export const tooBigFile = (files: readonly File[], maxBytes: number | undefined) =>
  maxBytes ? files.find((f) => f.size > maxBytes) : undefined;

/**
 * Several files to send with a form: chosen here, uploaded by the form when it is sent. Says which types and
 * sizes are accepted and lists what was chosen (a file over the limit in red).
 */
export function FilesField({
  label,
  files,
  onChange,
  error,
  max,
  testId,
}: {
  label: string;
  files: File[];
  onChange: (files: File[]) => void;
  error?: string | null | undefined;
  /** At most this many files. */
  max?: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const rules = useUploadRules();
  const maxBytes = rules.data?.maxBytes;
  return (
    <Stack gap={4}>
      <FileInput
        label={label}
        description={[
          rules.data
            ? t('hotline.files.rules', {
                types: rules.data.extensions.map((e) => e.toUpperCase()).join(', '),
                max: formatFileSize(rules.data.maxBytes),
              })
            : null,
          max ? t('hotline.files.max', { count: max }) : null,
        ]
          .filter(Boolean)
          .join(' ')}
        placeholder={t('hotline.files.choose')}
        multiple
        clearable
        accept={rules.data?.extensions.map((e) => `.${e}`).join(',')}
        leftSection={<IconPaperclip size={16} aria-hidden />}
        value={files}
        onChange={(picked) => onChange(max ? picked.slice(0, max) : picked)}
        valueComponent={({ value }) => (
          <Text size="sm" truncate>
            {Array.isArray(value) && value.length > 1
              ? t('hotline.files.chosen', { count: value.length })
              : Array.isArray(value)
                ? (value[0]?.name ?? '')
                : (value?.name ?? '')}
          </Text>
        )}
        error={error}
        fileInputProps={{ 'data-testid': `${testId}-input` } as ComponentProps<'input'>}
        data-testid={testId}
      />
      {files.length > 0 && (
        <Stack gap={2} data-testid={`${testId}-chosen`}>
          {files.map((f) => (
            <Text
              size="sm"
              key={`${f.name}-${f.size}`}
              c={maxBytes && f.size > maxBytes ? 'red' : undefined}
              style={{ overflowWrap: 'anywhere' }}
            >
              {f.name}{' '}
              <Text span size="xs" c="dimmed">
                ({formatFileSize(f.size)})
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
