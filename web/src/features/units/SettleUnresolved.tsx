import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { isoDate } from '../../lib/format';
import type { Unit } from '../../lib/types';
import { BEFORE_RECORDS, settleUnresolved, unitKeys, type Unresolved } from './api';
import { dayAfter, dayBefore } from './lineage';
import { UnitPicker } from './pickers';

type Props = {
  item: Pick<Unresolved, 'id' | 'sourceText' | 'sourceLine' | 'version'>;
  /** A predecessor named without a code: the unit it was named for. */
  successor?: { id: string; fullName: string };
  /** The successor's start, when known (otherwise read when the dialog opens). */
  successorFrom?: string;
  /** A unit that ended without a known successor (history 2017–2025): the successor is chosen instead. */
  ended?: { id: string; fullName: string; validTo: string | null };
  size?: 'xs' | 'sm';
};

/**
 * "Choose the predecessor" (or, for a unit that ended without a known successor, "Choose the successor") and
 * "Dismiss" for one unresolved item of the source data.
 */
export function SettleUnresolved({ item, successor, successorFrom, ended, size = 'xs' }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [mode, setMode] = useState<'pick' | 'dismiss'>('pick');
  const [predecessorId, setPredecessorId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const unit = useQuery({
    queryKey: ['units', 'one', successor?.id],
    queryFn: () => api.get<Unit>(`/api/units/${successor!.id}`),
    enabled: opened && !successorFrom && !!successor,
  });
  const from = successorFrom ?? unit.data?.validFrom;
  // The predecessor: in force the day before the successor began; the successor: on the day the unit ended + 1.
  const asOf = ended?.validTo
    ? dayAfter(ended.validTo)
    : from && from !== BEFORE_RECORDS
      ? dayBefore(from)
      : isoDate();
  const subject = ended ?? successor!;
  const settle = useMutation({
    mutationFn: () =>
      settleUnresolved(item.id, {
        version: item.version,
        ...(mode === 'dismiss'
          ? { dismiss: true }
          : ended
            ? { successorId: predecessorId }
            : { predecessorId }),
        note: note.trim() || null,
      }),
    onSuccess: async () => {
      close();
      notifications.show({
        color: 'green',
        message: t(
          mode === 'dismiss'
            ? 'units.unresolved.dismissed'
            : ended
              ? 'units.unresolved.settledSuccessor'
              : 'units.unresolved.settled',
        ),
      });
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
    },
  });
  const start = (m: 'pick' | 'dismiss') => {
    setMode(m);
    settle.reset();
    open();
  };
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Button
          size={size}
          variant="light"
          leftSection={<IconCheck size={14} aria-hidden />}
          onClick={() => start('pick')}
          data-testid="unresolved-pick"
        >
          {t(ended ? 'units.unresolved.pickSuccessor' : 'units.unresolved.pick')}
        </Button>
        <Button
          size={size}
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} aria-hidden />}
          onClick={() => start('dismiss')}
          data-testid="unresolved-dismiss"
        >
          {t('units.unresolved.dismiss')}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={t(
          mode === 'dismiss'
            ? 'units.unresolved.dismissTitle'
            : ended
              ? 'units.unresolved.pickSuccessor'
              : 'units.unresolved.pickTitle',
        )}
        size="lg"
        centered
      >
        <Stack>
          <Text size="sm">
            {ended
              ? t('units.unresolved.contextEnded', { unit: subject.fullName, text: item.sourceText })
              : t('units.unresolved.context', { successor: subject.fullName, text: item.sourceText })}
          </Text>
          {item.sourceLine && item.sourceLine !== item.sourceText && (
            <Text size="xs" c="dimmed">
              {t('units.unresolved.sourceLine')}: {item.sourceLine}
            </Text>
          )}
          {mode === 'pick' && (
            <UnitPicker
              label={t(ended ? 'units.unresolved.successorLabel' : 'units.unresolved.predecessor')}
              description={t(ended ? 'units.unresolved.successorHint' : 'units.unresolved.predecessorHint')}
              asOf={asOf}
              value={predecessorId}
              onChange={(v) => setPredecessorId(v)}
              data-autofocus
              data-testid="unresolved-predecessor"
            />
          )}
          <Textarea
            label={t('units.event.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {settle.error ? <ErrorAlert error={settle.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color={mode === 'dismiss' ? 'red' : undefined}
              disabled={mode === 'pick' && !predecessorId}
              loading={settle.isPending}
              onClick={() => settle.mutate()}
              data-testid="unresolved-confirm"
            >
              {t(mode === 'dismiss' ? 'units.unresolved.dismiss' : 'units.unresolved.link')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
