import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before a step that other people see (remind, submit, accept, recompute), in the step's own colour. */
export function ConfirmModal({
  opened,
  onClose,
  title,
  message,
  confirmLabel,
  color = 'blue',
  loading = false,
  onConfirm,
  children,
  testId = 'confirm',
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  onConfirm: () => void;
  /** More under the message (an error, a warning). */
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid={`${testId}-modal`}>
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {children}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={loading} onClick={onConfirm} data-testid={`${testId}-ok`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
