import {
  ActionIcon,
  Button,
  Chip,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { DecisionHint, DecisionSelect } from '../../../components/DecisionSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitSelect } from '../../../components/UnitSelect';
import { ApiError } from '../../../lib/api';
import {
  FORMS,
  REFORM_AREAS,
  addPlanInspection,
  cancelInspection,
  createPlan,
  getInspection,
  inspectionKeys,
  updateInspection,
  updatePlan,
  type Area,
  type Form,
  type Inspection,
  type InspectionSummary,
  type Plan,
} from '../api';

/** The standing agency creates the province's plan of a year. */
export function CreatePlanModal({
  year,
  opened,
  onClose,
}: {
  year: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) {
      setTitle(t('inspections.plan.defaultTitle', { year }));
      setNote('');
      setError(null);
    }
  }, [opened, year, t]);
  const submit = async () => {
    setBusy(true);
    try {
      await createPlan({ title, year, note });
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('inspections.plan.createTitle')} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t('inspections.plan.titleField')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          data-testid="plan-title-input"
        />
        <Textarea
          label={t('inspections.plan.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button onClick={submit} loading={busy} disabled={!title.trim()} data-testid="plan-create-submit">
            {t('inspections.plan.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Areas as large chips (touch-friendly). */
export function AreasField({ value, onChange }: { value: Area[]; onChange: (v: Area[]) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('inspections.plan.areas')}
      </Text>
      <Chip.Group multiple value={value} onChange={(v) => onChange(v as Area[])}>
        <Group gap={6}>
          {REFORM_AREAS.map((a) => (
            <Chip key={a} value={a} data-testid={`area-${a}`}>
              {t(`inspections.areas.${a}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}

export function FormField({ value, onChange }: { value: Form; onChange: (v: Form) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('inspections.plan.form')}
      </Text>
      <SegmentedControl
        value={value}
        onChange={(v) => onChange(v as Form)}
        data={FORMS.map((f) => ({ value: f, label: t(`inspections.forms.${f}`) }))}
        data-testid="form-field"
      />
    </Stack>
  );
}

/** An inspection's own checklist items as edited: the stable key (a finding names its item by it) and the texts. */
export type ItemDraft = { key: string; vi: string; en: string };

/** The server's limits (server/modules/inspections/rules/checklists.ts: MAX_ITEMS, MAX_TEXT). */
const MAX_ITEMS = 60;
const MAX_TEXT = 1000;

/** A new item's key: lower-case letters, digits and underscores, never one used before (findings name items by key). */
const newItemKey = () =>
  `item_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.replace(/[^a-z0-9_]/g, '');

/** The server's message for one field of the request (its `details`), if any. */
const fieldMessage = (error: unknown, field: string) =>
  error instanceof ApiError ? error.fieldMessage(field) : undefined;

/**
 * The inspection's own checklist items ("nội dung kiểm tra riêng", beside the seven areas): text in Vietnamese,
 * English optional (the Vietnamese is shown without it), added and removed; the server's limits (60 items,
 * 1,000 characters) and its message under each item.
 */
export function CustomItemsField({
  value,
  onChange,
  error,
  recorded,
}: {
  value: ItemDraft[];
  onChange: (v: ItemDraft[]) => void;
  error: unknown;
  /** The keys of the items whose finding is already recorded (changing or removing them touches it). */
  recorded?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<ItemDraft>) =>
    onChange(value.map((item, n) => (n === i ? { ...item, ...patch } : item)));
  const listError = fieldMessage(error, 'customItems');
  return (
    <Stack gap={6} data-testid="custom-items">
      <div>
        <Text size="sm" fw={500}>
          {t('inspections.plan.customItems')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('inspections.plan.customItemsHint')}
        </Text>
      </div>
      {value.map((item, i) => (
        <Group key={item.key} align="flex-start" wrap="nowrap" gap="xs" data-testid="custom-item">
          <Text size="sm" fw={600} pt={6} w={24} ta="right" style={{ flexShrink: 0 }}>
            {i + 1}.
          </Text>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Textarea
              aria-label={t('inspections.plan.customItemVi', { n: i + 1 })}
              placeholder={t('inspections.plan.customItemViPlaceholder')}
              value={item.vi}
              onChange={(e) => set(i, { vi: e.currentTarget.value })}
              maxLength={MAX_TEXT}
              autosize
              minRows={1}
              error={
                fieldMessage(error, `customItems.${i}.text.vi`) ?? fieldMessage(error, `customItems.${i}.key`)
              }
              data-testid="custom-item-vi"
            />
            <TextInput
              size="xs"
              aria-label={t('inspections.plan.customItemEn', { n: i + 1 })}
              placeholder={t('inspections.plan.customItemEnPlaceholder')}
              value={item.en}
              onChange={(e) => set(i, { en: e.currentTarget.value })}
              maxLength={MAX_TEXT}
              error={fieldMessage(error, `customItems.${i}.text.en`)}
              data-testid="custom-item-en"
            />
            {recorded?.has(item.key) && (
              <Text size="xs" c="orange.8" data-testid="custom-item-recorded">
                {t('inspections.plan.customItemRecorded')}
              </Text>
            )}
          </Stack>
          <Tooltip label={t('inspections.plan.removeCustomItem')}>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={4}
              aria-label={t('inspections.plan.removeCustomItem')}
              onClick={() => onChange(value.filter((_, n) => n !== i))}
              data-testid="custom-item-remove"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      {listError && (
        <Text size="xs" c="red">
          {listError}
        </Text>
      )}
      <Group gap="xs">
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...value, { key: newItemKey(), vi: '', en: '' }])}
          disabled={value.length >= MAX_ITEMS}
          data-testid="custom-item-add"
        >
          {t('inspections.plan.addCustomItem')}
        </Button>
        {value.length >= MAX_ITEMS && (
          <Text size="xs" c="dimmed">
            {t('inspections.plan.customItemsMax', { max: MAX_ITEMS })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** What an inspection covers and when: its areas, own items, form and planned dates. */
type Content = { areas: Area[]; items: ItemDraft[]; form: Form; from: string | null; to: string | null };

const EMPTY: Content = { areas: [], items: [], form: 'on_site', from: null, to: null };

const contentOf = (i: Inspection): Content => ({
  areas: i.areas,
  items: i.customItems.map((c) => ({ key: c.key, vi: c.text.vi, en: c.text.en })),
  form: i.form,
  from: i.plannedFrom,
  to: i.plannedTo,
});

/** The items as the API takes them. */
const itemsIn = (items: readonly ItemDraft[]) =>
  items.map((i) => ({ key: i.key, text: { vi: i.vi, en: i.en } }));

function ContentFields({
  value,
  onChange,
  error,
  recorded,
}: {
  value: Content;
  onChange: (v: Content) => void;
  error: unknown;
  recorded?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Content>) => onChange({ ...value, ...patch });
  return (
    <>
      <AreasField value={value.areas} onChange={(areas) => set({ areas })} />
      <CustomItemsField
        value={value.items}
        onChange={(items) => set({ items })}
        error={error}
        recorded={recorded}
      />
      <FormField value={value.form} onChange={(form) => set({ form })} />
      <SimpleGrid cols={2} spacing="sm">
        <DateField
          label={t('inspections.plan.from')}
          value={value.from}
          onChange={(from) => set({ from })}
          required
          error={fieldMessage(error, 'plannedFrom')}
          data-testid="plan-from"
        />
        <DateField
          label={t('inspections.plan.to')}
          value={value.to}
          onChange={(to) => set({ to })}
          required
          error={fieldMessage(error, 'plannedTo')}
          data-testid="plan-to"
        />
      </SimpleGrid>
    </>
  );
}

/**
 * A unit of the plan: added (unit searched accent-insensitively among the units in force on the first day, areas,
 * own items, form, dates in the plan's year) or its content and schedule edited (read from the inspection itself);
 * a planned one may be cancelled with a reason. A stale edit (409) says so and offers the latest.
 */
export function PlanInspectionModal({
  plan,
  editing,
  opened,
  onClose,
}: {
  plan: Plan;
  editing?: InspectionSummary | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const editingId = editing?.id ?? null;
  const [unitId, setUnitId] = useState<string | null>(null);
  const [content, setContent] = useState<Content>(EMPTY);
  /** The version the form was filled from (what a save is checked against), once it is filled. */
  const [base, setBase] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setBase(null);
    if (!opened) return;
    setError(null);
    setLoadError(null);
    setReason('');
    setUnitId(null);
    if (!editingId) {
      setContent(EMPTY);
      setBase(0);
      return;
    }
    // Editing: the form is filled from the inspection as it is now (its own items are not in the plan's list).
    let current = true;
    getInspection(editingId).then(
      (i) => {
        if (!current) return;
        setContent(contentOf(i));
        setBase(i.version);
      },
      (e: unknown) => current && setLoadError(e),
    );
    return () => {
      current = false;
    };
  }, [opened, editingId]);
  const refresh = () => qc.invalidateQueries({ queryKey: inspectionKeys.all });
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (editing)
        await updateInspection(editing.id, {
          version: base!,
          areas: content.areas,
          customItems: itemsIn(content.items),
          form: content.form,
          plannedFrom: content.from!,
          plannedTo: content.to!,
        });
      else
        await addPlanInspection(plan.id, {
          unitId: unitId!,
          areas: content.areas,
          customItems: itemsIn(content.items),
          form: content.form,
          plannedFrom: content.from!,
          plannedTo: content.to!,
        });
      await refresh();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const cancel = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      await cancelInspection(editing.id, base ?? editing.version, reason);
      await refresh();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const reload = () => {
    void refresh();
    onClose();
  };
  const ready = base !== null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        editing
          ? t('inspections.plan.editTitle', { unit: editing.unit.name })
          : t('inspections.plan.addUnitTitle')
      }
      size="lg"
    >
      <Stack gap="sm">
        {editing && <ErrorAlert error={loadError} />}
        {editing && !ready && !loadError && <Loader size="sm" aria-label={t('common.loading')} />}
        {!editing && (
          <UnitSelect
            label={t('inspections.plan.unit')}
            value={unitId}
            onChange={setUnitId}
            asOf={content.from ?? `${plan.year}-01-01`}
            scope="province"
            required
            error={fieldMessage(error, 'unitId')}
            data-testid="plan-unit"
          />
        )}
        {ready && <ContentFields value={content} onChange={setContent} error={error} />}
        <ErrorAlert error={error} onReload={reload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={busy}
            disabled={!ready || (!editing && !unitId) || !content.from || !content.to}
            data-testid="plan-unit-submit"
          >
            {t('inspections.plan.save')}
          </Button>
        </Group>
        {editing && ready && (
          <Stack gap="xs" mt="md">
            <Textarea
              label={t('inspections.page.cancelReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group justify="space-between">
              <Button
                variant="subtle"
                onClick={() => void navigate({ to: '/inspections/$id', params: { id: editing.id } })}
              >
                {t('inspections.plan.open')}
              </Button>
              <Button color="red" variant="light" onClick={cancel} disabled={!reason.trim()} loading={busy}>
                {t('inspections.plan.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

/**
 * One inspection's content and schedule, from its page (the office, or the head of its team, while it is not yet
 * signed): areas, own items, form, dates. A stale edit (409) says so and offers the latest.
 */
export function InspectionContentModal({
  inspection,
  opened,
  onClose,
}: {
  inspection: Inspection;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [content, setContent] = useState<Content>(() => contentOf(inspection));
  const [base, setBase] = useState(inspection.version);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const wasOpened = useRef(false);
  const recorded = useMemo(
    () =>
      new Set(
        inspection.checklist.sections
          .filter((s) => s.area === 'custom')
          .flatMap((s) =>
            s.items.filter((item) => item.finding?.result || item.finding?.note).map((i) => i.key),
          ),
      ),
    [inspection],
  );
  // Filled from the inspection as it is when the dialog opens (a later refresh does not overwrite what is typed).
  useEffect(() => {
    if (opened && !wasOpened.current) {
      setContent(contentOf(inspection));
      setBase(inspection.version);
      setError(null);
    }
    wasOpened.current = opened;
  }, [opened, inspection]);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await updateInspection(inspection.id, {
        version: base,
        areas: content.areas,
        customItems: itemsIn(content.items),
        form: content.form,
        plannedFrom: content.from!,
        plannedTo: content.to!,
      });
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('inspections.plan.contentTitle', { unit: inspection.unitAsPlanned.name })}
      size="lg"
    >
      <Stack gap="sm">
        <ContentFields value={content} onChange={setContent} error={error} recorded={recorded} />
        <ErrorAlert
          error={error}
          onReload={() => {
            void qc.invalidateQueries({ queryKey: inspectionKeys.all });
            onClose();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={busy}
            disabled={!content.from || !content.to}
            data-testid="inspection-edit-submit"
          >
            {t('inspections.plan.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type PlanValues = {
  title: string;
  note: string;
  documentId: string | null;
  teamDecisionId: string | null;
};

/**
 * The plan's particulars and documents (the office): title, note, the plan as issued and the decision establishing
 * the team, both picked from the documents register. Version-checked: a stale copy (409) says so and offers the
 * latest.
 */
export function EditPlanModal({
  plan,
  opened,
  onClose,
}: {
  plan: Plan;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<PlanValues>({
    title: plan.title,
    note: plan.note,
    documentId: plan.documentId,
    teamDecisionId: plan.teamDecisionId,
  });
  const [base, setBase] = useState(plan.version);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const wasOpened = useRef(false);
  useEffect(() => {
    if (opened && !wasOpened.current) {
      setValues({
        title: plan.title,
        note: plan.note,
        documentId: plan.documentId,
        teamDecisionId: plan.teamDecisionId,
      });
      setBase(plan.version);
      setError(null);
    }
    wasOpened.current = opened;
  }, [opened, plan]);
  const set = (patch: Partial<PlanValues>) => setValues((v) => ({ ...v, ...patch }));
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await updatePlan(plan.id, {
        version: base,
        title: values.title,
        note: values.note,
        documentId: values.documentId,
        teamDecisionId: values.teamDecisionId,
      });
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('inspections.plan.editPlanTitle')} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t('inspections.plan.titleField')}
          value={values.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          maxLength={500}
          required
          error={fieldMessage(error, 'title')}
          data-testid="plan-edit-title"
        />
        <Textarea
          label={t('inspections.plan.note')}
          value={values.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
          maxLength={4000}
          autosize
          minRows={2}
          error={fieldMessage(error, 'note')}
          data-testid="plan-edit-note"
        />
        <DecisionSelect
          label={t('inspections.plan.document')}
          description={t('inspections.plan.documentHint')}
          value={values.documentId}
          onChange={(documentId) => set({ documentId })}
          error={fieldMessage(error, 'documentId')}
          data-testid="plan-document"
        />
        <DecisionSelect
          label={t('inspections.plan.teamDecision')}
          description={t('inspections.plan.teamDecisionHint')}
          value={values.teamDecisionId}
          onChange={(teamDecisionId) => set({ teamDecisionId })}
          error={fieldMessage(error, 'teamDecisionId')}
          data-testid="plan-team-decision"
        />
        <DecisionHint />
        <ErrorAlert
          error={error}
          onReload={() => {
            void qc.invalidateQueries({ queryKey: inspectionKeys.all });
            onClose();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={busy}
            disabled={!values.title.trim()}
            data-testid="plan-edit-submit"
          >
            {t('inspections.plan.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
