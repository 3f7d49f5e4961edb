/**
 * Creating or editing a programme (the standing agency): its committee, kind, title, document in the register,
 * period, goals, status and the at-risk tolerance. The server checks everything; its messages show under the fields.
 */
import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionHint, DecisionSelect } from '../../components/DecisionSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import {
  createProgramme,
  programmeKeys,
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  updateProgramme,
  type Programme,
} from './api';

const NUMBER = { decimalSeparator: ',', thousandSeparator: '.', hideControls: true } as const;
type Num = number | string;

export function ProgrammeModal({
  onClose,
  programme,
  committees,
  currentYear,
}: {
  onClose: () => void;
  /** The programme to edit; none: a new one. */
  programme?: Programme;
  committees: { id: string; name: string }[];
  currentYear: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [committeeId, setCommitteeId] = useState<string | null>(
    programme?.committee.id ?? committees[0]?.id ?? null,
  );
  const [kind, setKind] = useState<string>(programme?.kind ?? 'programme');
  const [title, setTitle] = useState(programme?.title ?? '');
  const [documentId, setDocumentId] = useState<string | null>(programme?.document?.id ?? null);
  const [fromYear, setFromYear] = useState<Num>(programme?.fromYear ?? currentYear);
  const [toYear, setToYear] = useState<Num>(programme?.toYear ?? currentYear + 4);
  const [goals, setGoals] = useState(programme?.goals ?? '');
  const [status, setStatus] = useState<string>(programme?.status ?? 'in_force');
  const [toleranceKind, setToleranceKind] = useState<string>(programme?.toleranceKind ?? 'points');
  const [toleranceValue, setToleranceValue] = useState<Num>(programme?.toleranceValue ?? 5);
  const year = (v: Num) => (v === '' ? 0 : Number(v));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        kind: kind as Programme['kind'],
        title,
        documentId,
        fromYear: year(fromYear),
        toYear: year(toYear),
        goals,
        status: status as Programme['status'],
        toleranceKind: toleranceKind as Programme['toleranceKind'],
        toleranceValue: toleranceValue === '' ? 0 : Number(toleranceValue),
      };
      return programme
        ? updateProgramme(programme.id, { ...body, version: programme.version })
        : createProgramme({ ...body, committeeId: committeeId ?? '' });
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t('common.saved') });
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      onClose();
      if (!programme) void navigate({ to: '/programmes/$programmeId', params: { programmeId: saved.id } });
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={programme ? t('programmes.form.editTitle') : t('programmes.form.newTitle')}
      onSubmit={() => save.mutate()}
      saving={save.isPending}
      submitLabel={t('common.save')}
      testId="programme-modal"
      submitTestId="programme-save"
    >
      {!programme && (
        <Select
          label={t('programmes.committee')}
          data={committees.map((c) => ({ value: c.id, label: c.name }))}
          value={committeeId}
          onChange={setCommitteeId}
          allowDeselect={false}
          error={fieldError('committeeId')}
          required
        />
      )}
      <Select
        label={t('programmes.kindLabel')}
        data={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`programmes.kind.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v)}
        allowDeselect={false}
      />
      <TextInput
        label={t('programmes.titleLabel')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={fieldError('title')}
        maxLength={500}
        required
        data-testid="programme-title"
      />
      <DecisionSelect
        label={t('programmes.document')}
        value={documentId}
        onChange={setDocumentId}
        error={fieldError('documentId')}
      />
      <DecisionHint />
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <NumberInput
          label={t('programmes.fromYear')}
          value={fromYear}
          onChange={setFromYear}
          allowDecimal={false}
          error={fieldError('fromYear')}
          hideControls
        />
        <NumberInput
          label={t('programmes.toYear')}
          value={toYear}
          onChange={setToYear}
          allowDecimal={false}
          error={fieldError('toYear')}
          hideControls
        />
        <Select
          label={t('programmes.statusLabel')}
          data={PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(`programmes.programmeStatus.${s}`) }))}
          value={status}
          onChange={(v) => v && setStatus(v)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Textarea
        label={t('programmes.goals')}
        value={goals}
        onChange={(e) => setGoals(e.currentTarget.value)}
        autosize
        minRows={3}
        error={fieldError('goals')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('programmes.toleranceKindLabel')}
          description={t('programmes.toleranceHelp')}
          data={[
            { value: 'points', label: t('programmes.toleranceKind.points') },
            { value: 'percent', label: t('programmes.toleranceKind.percent') },
          ]}
          value={toleranceKind}
          onChange={(v) => v && setToleranceKind(v)}
          allowDeselect={false}
        />
        <NumberInput
          label={t('programmes.toleranceValue')}
          value={toleranceValue}
          onChange={setToleranceValue}
          min={0}
          error={fieldError('toleranceValue')}
          {...NUMBER}
        />
      </SimpleGrid>
      {save.isError && <ErrorAlert error={save.error} onReload={reload} />}
    </FormModal>
  );
}
