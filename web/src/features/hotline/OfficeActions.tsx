import { Badge, Button, Group, Modal, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconArrowsExchange, IconCalendarPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate } from '../../lib/format';
import { actOnCase, escalateCase, transferCase, type CaseDetail, type EscalateInput } from './api';
import { CaseError } from './CaseError';
import { nextDay } from './labels';
import { Prose, Section, useAfterStep, useReloadCase, ReasonField } from './parts';

type Dialog = 'transfer' | 'escalate' | 'extend' | null;

/**
 * The receiving office's steps besides triage and review, as the server allows them: give the case to
 * another unit (with the reason the submitter reads), extend its deadline (with a reason), propose a
 * verification or a surprise inspection.
 */
export function OfficeActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canTransfer = c.officeActions.includes('transfer');
  const canEscalate = c.officeActions.includes('escalate');
  const canExtend = !!c.work?.allowedActions.includes('extend');
  if (!canTransfer && !canEscalate && !canExtend) return null;
  return (
    <>
      <Group gap="xs" wrap="wrap" data-testid="case-office-actions">
        {canTransfer && (
          <Button
            variant="light"
            leftSection={<IconArrowsExchange size={16} aria-hidden />}
            onClick={() => setDialog('transfer')}
            data-testid="case-transfer"
          >
            {t('hotline.transfer.open')}
          </Button>
        )}
        {canExtend && (
          <Button
            variant="light"
            color="teal"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            onClick={() => setDialog('extend')}
            data-testid="case-extend"
          >
            {t('hotline.extend.open')}
          </Button>
        )}
        {canEscalate && (
          <Button
            variant="default"
            leftSection={<IconAlertOctagon size={16} aria-hidden />}
            onClick={() => setDialog('escalate')}
            data-testid="case-escalate"
          >
            {t('hotline.escalate.open')}
          </Button>
        )}
      </Group>
      <TransferDialog c={c} opened={dialog === 'transfer'} onClose={() => setDialog(null)} />
      <ExtendDialog c={c} opened={dialog === 'extend'} onClose={() => setDialog(null)} />
      <EscalateDialog c={c} opened={dialog === 'escalate'} onClose={() => setDialog(null)} />
    </>
  );
}

function TransferDialog({ c, opened, onClose }: { c: CaseDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const after = useAfterStep(c.id);
  const reload = useReloadCase(c.id);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ unit?: string; reason?: string }>({});
  const transfer = useMutation({
    mutationFn: () =>
      transferCase(c.id, { version: c.version, handlingUnitId: unitId!, reason: reason.trim() }),
    onSuccess: async (detail) => {
      onClose();
      await after({
        detail,
        title: t('hotline.transfer.done', {
          unit: detail.handlingUnit?.name ?? '',
          date: formatDate(detail.dueDate),
        }),
      });
    },
  });
  useEffect(() => {
    if (opened) {
      setUnitId(null);
      setReason('');
      setErrors({});
      transfer.reset();
    }
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('hotline.transfer.title')} centered size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const next = {
            unit: !unitId
              ? t('hotline.triage.unitRequired')
              : unitId === c.handlingUnit?.id
                ? t('hotline.transfer.sameUnit')
                : undefined,
            reason: reason.trim() ? undefined : t('hotline.reasonRequired'),
          };
          setErrors(next);
          if (!next.unit && !next.reason) transfer.mutate();
        }}
        data-testid="transfer-form"
      >
        <Stack gap="sm">
          {c.handlingUnit && (
            <Text size="sm">{t('hotline.transfer.current', { unit: c.handlingUnit.name })}</Text>
          )}
          <UnitSelect
            label={t('hotline.transfer.unit')}
            withAsterisk
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              setErrors((x) => ({ ...x, unit: undefined }));
            }}
            error={errors.unit}
            data-testid="transfer-unit"
          />
          <ReasonField
            label={t('hotline.transfer.reason')}
            description={t('hotline.transfer.reasonHint')}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setErrors((x) => ({ ...x, reason: undefined }));
            }}
            error={errors.reason}
            testId="transfer-reason"
          />
          <Text size="xs" c="dimmed">
            {t('hotline.transfer.deadlineNote')}
          </Text>
          <CaseError
            error={transfer.error}
            onReload={() => {
              onClose();
              void reload();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={transfer.isPending} data-testid="transfer-submit">
              {t('hotline.transfer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ExtendDialog({ c, opened, onClose }: { c: CaseDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const after = useAfterStep(c.id);
  const reload = useReloadCase(c.id);
  const [date, setDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ date?: string; reason?: string }>({});
  const extend = useMutation({
    mutationFn: () =>
      actOnCase(c.id, { action: 'extend', version: c.version, newDueDate: date, reason: reason.trim() }),
    onSuccess: async (result) => {
      onClose();
      await after({
        color: 'teal',
        title: t('hotline.extend.done', { date: formatDate(result.item.dueDate) }),
      });
    },
  });
  useEffect(() => {
    if (opened) {
      setDate(null);
      setReason('');
      setErrors({});
      extend.reset();
    }
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('hotline.extend.title')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const next = {
            date: date ? undefined : t('hotline.extend.dateRequired'),
            reason: reason.trim() ? undefined : t('hotline.reasonRequired'),
          };
          setErrors(next);
          if (!next.date && !next.reason) extend.mutate();
        }}
        data-testid="extend-form"
      >
        <Stack gap="sm">
          {c.dueDate && <Text size="sm">{t('hotline.extend.current', { date: formatDate(c.dueDate) })}</Text>}
          <DateField
            label={t('hotline.extend.newDate')}
            withAsterisk
            value={date}
            minDate={c.dueDate ? nextDay(c.dueDate) : undefined}
            onChange={(v) => {
              setDate(v);
              setErrors((x) => ({ ...x, date: undefined }));
            }}
            error={errors.date}
            data-testid="extend-date"
          />
          <ReasonField
            label={t('hotline.extend.reason')}
            description={t('hotline.extend.reasonHint')}
            minRows={2}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setErrors((x) => ({ ...x, reason: undefined }));
            }}
            error={errors.reason}
            testId="extend-reason"
          />
          <CaseError
            error={extend.error}
            onReload={() => {
              onClose();
              void reload();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="teal" loading={extend.isPending} data-testid="extend-submit">
              {t('hotline.extend.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EscalateDialog({ c, opened, onClose }: { c: CaseDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const after = useAfterStep(c.id);
  const [kind, setKind] = useState<EscalateInput['kind']>('verification');
  const [reason, setReason] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const escalate = useMutation({
    mutationFn: () => escalateCase(c.id, { kind, reason: reason.trim(), unitId }),
    onSuccess: async (detail) => {
      onClose();
      await after({ detail, color: 'orange', title: t(`hotline.escalate.done.${kind}`) });
    },
  });
  useEffect(() => {
    if (opened) {
      setKind('verification');
      setReason('');
      setUnitId(c.handlingUnit?.id ?? null);
      setMissing(false);
      escalate.reset();
    }
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('hotline.escalate.title')} centered size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            return;
          }
          escalate.mutate();
        }}
        data-testid="escalate-form"
      >
        <Stack gap="sm">
          <Radio.Group
            label={t('hotline.escalate.kind')}
            withAsterisk
            value={kind}
            onChange={(v) => setKind(v as EscalateInput['kind'])}
            data-testid="escalate-kind"
          >
            <Stack gap={6} mt={6}>
              {(['verification', 'inspection'] as const).map((k) => (
                <Radio
                  key={k}
                  value={k}
                  label={t(`hotline.escalate.kinds.${k}`)}
                  description={t(`hotline.escalate.explain.${k}`)}
                  data-testid={`escalate-${k}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <ReasonField
            label={t('hotline.escalate.reason')}
            description={t('hotline.escalate.reasonHint')}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setMissing(false);
            }}
            error={missing ? t('hotline.reasonRequired') : undefined}
            testId="escalate-reason"
          />
          <UnitSelect
            label={t('hotline.escalate.unit')}
            description={t('hotline.escalate.unitHint')}
            value={unitId}
            onChange={setUnitId}
            data-testid="escalate-unit"
          />
          <CaseError error={escalate.error} onReload={onClose} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={escalate.isPending} data-testid="escalate-submit">
              {t('hotline.escalate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const ESCALATION_COLORS = { proposed: 'orange', taken: 'blue', dismissed: 'gray' } as const;

/** The verifications and inspections proposed from this case. */
export function EscalationsCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  if (c.escalations.length === 0) return null;
  return (
    <Section title={t('hotline.escalate.listTitle')} testId="case-escalations">
      <Stack gap="xs">
        {c.escalations.map((e) => (
          <Paper key={e.id} withBorder radius="md" p="sm" data-testid="case-escalation">
            <Group gap={6} wrap="wrap" mb={4}>
              <Text size="sm" fw={600}>
                {t(`hotline.escalate.kinds.${e.kind}`)}
              </Text>
              <Badge size="sm" variant="light" color={ESCALATION_COLORS[e.status]}>
                {t(`hotline.escalate.status.${e.status}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {[formatDate(e.createdAt), e.unit].filter(Boolean).join(' · ')}
            </Text>
            <Prose>{e.reason}</Prose>
          </Paper>
        ))}
      </Stack>
    </Section>
  );
}
