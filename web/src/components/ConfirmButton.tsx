import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = ButtonProps & {
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  onConfirm: () => void | Promise<unknown>;
  'data-testid'?: string;
  'aria-label'?: string;
};

/** A button that asks before doing something that cannot be undone. */
export function ConfirmButton({ children, title, message, confirmLabel, onConfirm, ...button }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="light" {...button} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            data-testid="confirm-action"
            onClick={async () => {
              close();
              await onConfirm();
            }}
          >
            {confirmLabel ?? t('common.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
