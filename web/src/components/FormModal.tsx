import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A dialog holding one form: the fields, then (under them) what went wrong, then Cancel and the submit button.
 * The browser's own validation is off (`noValidate`): the page checks the fields and shows each problem under it,
 * in the reader's language.
 */
export function FormModal({
  opened,
  onClose,
  title,
  onSubmit,
  saving,
  submitLabel,
  size = 'lg',
  children,
  testId,
  submitTestId,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: () => void;
  saving: boolean;
  submitLabel: string;
  size?: string;
  /** The fields, and any alert to show above the buttons. */
  children: ReactNode;
  testId?: string;
  submitTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered data-testid={testId}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          {children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid={submitTestId}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
