import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonField } from './parts';

/** Asks before a step, in the step's colour; `children` says what it does (and shows an error). */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  confirmLabel,
  color,
  loading,
  onConfirm,
  children,
  testId,
  size,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  color?: string;
  loading: boolean;
  onConfirm: () => void;
  children: ReactNode;
  testId: string;
  size?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size={size}
      data-testid={`${testId}-dialog`}
    >
      <Stack gap="sm">
        {children}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={loading} onClick={onConfirm} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * A step that needs a reason (return a draft, refer a case back): the reason is required and its reader
 * is named in the hint.
 */
export function ReasonDialog({
  opened,
  onClose,
  title,
  lead,
  label,
  hint,
  confirmLabel,
  color,
  loading,
  onSubmit,
  error,
  testId,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  lead?: ReactNode;
  label: string;
  hint: string;
  confirmLabel: string;
  color?: string;
  loading: boolean;
  onSubmit: (reason: string) => void;
  /** Shown above the buttons (an error, with its reload). */
  error?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (opened) {
      setReason('');
      setMissing(false);
    }
  }, [opened]);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size="lg"
      data-testid={`${testId}-dialog`}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            return;
          }
          onSubmit(reason.trim());
        }}
      >
        <Stack gap="sm">
          {lead && (typeof lead === 'string' ? <Text size="sm">{lead}</Text> : lead)}
          <ReasonField
            label={label}
            description={hint}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setMissing(false);
            }}
            error={missing ? t('hotline.reasonRequired') : undefined}
            testId={`${testId}-reason`}
          />
          {error}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={color} loading={loading} data-testid={`${testId}-submit`}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
