import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconMessageCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../model';

/** The errors of a field as the input's `error` (several on their own lines), or undefined when none. */
export function errorNode(problems: readonly Problem[], extra?: string): ReactNode {
  const messages = [
    ...problems.filter((p) => p.severity !== 'warning').map((p) => p.message),
    ...(extra ? [extra] : []),
  ];
  if (!messages.length) return undefined;
  if (messages.length === 1) return messages[0];
  return (
    <Stack gap={2} component="span">
      {messages.map((m) => (
        <span key={m}>{m}</span>
      ))}
    </Stack>
  );
}

/** Warnings (they do not block the submission) under a field. */
export function Warnings({ problems }: { problems: readonly Problem[] }) {
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (!warnings.length) return null;
  return (
    <Stack gap={2} mt={4}>
      {warnings.map((p) => (
        <Group key={p.key + p.message} gap={4} wrap="nowrap" align="flex-start">
          <IconAlertTriangle
            size={14}
            color="var(--mantine-color-orange-7)"
            aria-hidden
            style={{ flexShrink: 0, marginTop: 2 }}
          />
          <Text size="xs" c="orange.8">
            {p.message}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** The reviewer's comments on a field or section, next to it. */
export function ReviewerComments({
  comments,
  testId = 'field-comment',
}: {
  comments: readonly string[];
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!comments.length) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      p="xs"
      mt={6}
      icon={<IconMessageCircle size={16} aria-hidden />}
      title={t('reports.form.reviewerComment')}
      data-testid={testId}
    >
      <Stack gap={2}>
        {comments.map((c, i) => (
          <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
