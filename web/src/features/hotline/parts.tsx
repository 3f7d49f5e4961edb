import { Box, Card, Group, Text, Textarea, Title, type CardProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage, type Bilingual } from '../../components/workflow/work';
import { hotlineKeys, type CaseDetail } from './api';

/** A part of the case page: a card with its heading (an h2) and, on the right, its buttons. */
export function Section({
  title,
  actions,
  children,
  testId,
  ...card
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId: string;
} & Omit<CardProps, 'children' | 'title'>) {
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId} {...card}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs" wrap="wrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Card>
  );
}

/** A label above its value (the facts of a case). */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Box mt={2} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </div>
  );
}

/**
 * After a step on a case: the case as it now stands (when the step returned it), every list and queue
 * that shows it refreshed, and a toast in the step's own words (then, when the server says so, who acts
 * next).
 */
export function useAfterStep(id: string) {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  return async ({
    detail,
    color = 'green',
    title,
    next,
  }: {
    detail?: CaseDetail | undefined;
    color?: string;
    title: string;
    next?: Bilingual | null | undefined;
  }) => {
    const who = next ? inLanguage(next, i18n.language).replace(/[.\s]+$/, '') : null;
    notifications.show({
      color,
      title: who ? title : undefined,
      message: who ? i18n.t('workflow.next', { who }) : title,
      'data-testid': 'case-step-done',
    });
    if (detail) queryClient.setQueryData(hotlineKeys.case(id), detail);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: hotlineKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['work'] }),
      queryClient.invalidateQueries({ queryKey: ['home'] }),
    ]);
  };
}

/** Reloads the case and its history (after a 409: someone changed it meanwhile). */
export function useReloadCase(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: hotlineKeys.case(id) }),
      queryClient.invalidateQueries({ queryKey: hotlineKeys.events(id) }),
    ]);
  };
}

/** Text kept as typed (line breaks), wrapping anywhere. */
export function Prose({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={testId}>
      {children}
    </Text>
  );
}

/**
 * The reason a step needs (a transfer, an extension, an escalation, a refusal, a return): required, up to 2,000
 * characters, its error cleared as soon as the person types.
 */
export function ReasonField({
  label,
  description,
  value,
  onChange,
  error,
  minRows = 3,
  testId,
}: {
  label: string;
  description?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  minRows?: number;
  testId: string;
}) {
  return (
    <Textarea
      label={label}
      description={description}
      withAsterisk
      autosize
      minRows={minRows}
      maxLength={2000}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-testid={testId}
    />
  );
}
