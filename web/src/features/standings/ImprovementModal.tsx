/**
 * "Giao cải thiện": a weak field, element or dimension given to a lead unit (searched like every unit picker), with
 * the reason, the plan — a new plan of the lead unit for the year of the work, or an existing plan (the unit's own,
 * or the province's) — and the first tasks (title, due date, reform area), which the plans module then tracks in the
 * steering loop. Also "more tasks" on an improvement already given, and its reason in other words.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { DecisionSelect } from '../../components/DecisionSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { UnitSelect } from '../../components/UnitSelect';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import {
  addImprovementTasks,
  createImprovement,
  getPlanOptions,
  REFORM_AREAS,
  standingKeys,
  updateImprovement,
  type Cell,
  type DimensionRow,
  type Improvement,
  type ImprovementTaskInput,
  type IndexView,
} from './api';
import { formatValue, pick, WeakBadges } from './labels';

type TaskDraft = { title: string; dueDate: string | null; reformArea: string };

/** The list of tasks being written: title, due date and reform area each; at least one. */
function TasksEditor({
  tasks,
  onChange,
  year,
  errorOf,
  missing,
}: {
  tasks: TaskDraft[];
  onChange: (tasks: TaskDraft[]) => void;
  year: number | null;
  errorOf: (field: string) => string | undefined;
  missing: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TaskDraft>) =>
    onChange(tasks.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('standings.improvementForm.tasks')}
      </Text>
      {tasks.map((task, i) => (
        <Paper key={i} withBorder p="xs" radius="sm" data-testid="improvement-task">
          <Stack gap={6}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Textarea
                aria-label={t('standings.improvementForm.taskTitle')}
                placeholder={t('standings.improvementForm.taskTitle')}
                value={task.title}
                onChange={(e) => set(i, { title: e.currentTarget.value })}
                autosize
                minRows={1}
                maxLength={1000}
                style={{ flex: 1 }}
                error={missing && !task.title.trim() ? t('common.required') : errorOf(`tasks.${i}.title`)}
                data-testid="improvement-task-title"
              />
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={tasks.length === 1}
                onClick={() => onChange(tasks.filter((_, j) => j !== i))}
                aria-label={t('standings.improvementForm.removeTask')}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                label={t('standings.improvementForm.dueDate')}
                description={year ? t('standings.improvementForm.dueInYear', { year }) : undefined}
                value={task.dueDate}
                onChange={(v) => set(i, { dueDate: v })}
                error={errorOf(`tasks.${i}.dueDate`)}
              />
              <Select
                label={t('standings.improvementForm.area')}
                data={REFORM_AREAS.map((a) => ({ value: a, label: t(`standings.areas.${a}`) }))}
                value={task.reformArea}
                onChange={(v) => v && set(i, { reformArea: v })}
                allowDeselect={false}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            onChange([
              ...tasks,
              { title: '', dueDate: null, reformArea: tasks[0]?.reformArea ?? 'direction' },
            ])
          }
          disabled={tasks.length >= 30}
        >
          {t('standings.improvementForm.addTask')}
        </Button>
      </Group>
    </Stack>
  );
}

const toInput = (tasks: TaskDraft[]): ImprovementTaskInput[] =>
  tasks.map((x) => ({
    title: x.title.trim(),
    dueDate: x.dueDate,
    reformArea: x.reformArea as ImprovementTaskInput['reformArea'],
  }));

export function ImprovementModal({
  onClose,
  index,
  row,
  cell,
}: {
  onClose: () => void;
  index: IndexView;
  row: DimensionRow;
  cell: Cell;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [leadUnitId, setLeadUnitId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [planYear, setPlanYear] = useState<number | string>(Math.max(cell.year + 1, thisYear));
  const [title, setTitle] = useState('');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [tasks, setTasks] = useState<TaskDraft[]>([{ title: '', dueDate: null, reformArea: row.area }]);
  const [missing, setMissing] = useState(false);
  const year = typeof planYear === 'number' ? planYear : Number(planYear) || null;
  const options = useQuery({
    queryKey: standingKeys.planOptions(leadUnitId ?? '', year ?? 0),
    queryFn: () => getPlanOptions(leadUnitId!, year!),
    enabled: mode === 'existing' && !!leadUnitId && !!year,
  });
  const chosenPlan = options.data?.items.find((p) => p.id === planId);
  const save = useMutation({
    mutationFn: () =>
      createImprovement({
        indexCode: index.code,
        year: cell.year,
        dimensionCode: row.code,
        leadUnitId: leadUnitId!,
        reason: reason.trim() || undefined,
        plan:
          mode === 'new'
            ? { mode: 'new', year: year!, title: title.trim() || undefined, documentId }
            : { mode: 'existing', planId: planId! },
        tasks: toInput(tasks),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('standings.improvementForm.created') });
      await queryClient.invalidateQueries({ queryKey: standingKeys.all });
      onClose();
    },
  });
  const errorOf = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  const r = cell.result;
  const dimensionName = row.code ? pick(row.name, i18n.language) : t('standings.overall');
  return (
    <FormModal
      opened
      onClose={onClose}
      size="xl"
      title={t('standings.improvementForm.title')}
      onSubmit={() => {
        const incomplete =
          !leadUnitId || tasks.some((x) => !x.title.trim()) || (mode === 'new' ? !year : !planId);
        if (incomplete) return setMissing(true);
        save.mutate();
      }}
      saving={save.isPending}
      submitLabel={t('standings.improvementForm.submit')}
      testId="improvement-modal"
      submitTestId="improvement-save"
    >
      <Alert color="orange" variant="light" p="xs">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {pick(index.shortName, i18n.language)} {cell.year} — {dimensionName}
          </Text>
          {r && (
            <Text size="sm">
              {t('standings.improvementForm.result', {
                value: formatValue(r.value),
                max: formatValue(r.maxValue),
                rank: r.rank ?? '—',
                of: r.rankOf ?? '—',
                average: r.nationalAverage === null ? '—' : formatValue(r.nationalAverage),
              })}
            </Text>
          )}
          <WeakBadges weak={cell.weak} />
        </Stack>
      </Alert>
      <UnitSelect
        label={t('standings.leadUnit')}
        required
        value={leadUnitId}
        onChange={(v) => {
          setLeadUnitId(v);
          setPlanId(null);
        }}
        scope="province"
        asOf={year && year < thisYear ? `${year}-12-31` : undefined}
        error={missing && !leadUnitId ? t('common.required') : errorOf('leadUnitId')}
        data-testid="improvement-lead-unit"
      />
      <Textarea
        label={t('standings.reason')}
        description={t('standings.improvementForm.reasonHelp')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
      />
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('standings.improvementForm.plan')}
        </Text>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as 'new' | 'existing')}
          data={[
            { value: 'new', label: t('standings.improvementForm.newPlan') },
            { value: 'existing', label: t('standings.improvementForm.existingPlan') },
          ]}
          fullWidth
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('standings.improvementForm.planYear')}
            value={planYear}
            onChange={(v) => {
              setPlanYear(v);
              setPlanId(null);
            }}
            min={2000}
            max={2199}
            allowDecimal={false}
            hideControls
            required
            error={missing && !year ? t('common.required') : undefined}
          />
          {mode === 'existing' && (
            <Select
              label={t('standings.improvementForm.choosePlan')}
              data={(options.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.title} — ${p.ownerName}`,
              }))}
              value={planId}
              onChange={setPlanId}
              disabled={!leadUnitId}
              placeholder={leadUnitId ? undefined : t('standings.improvementForm.pickUnitFirst')}
              nothingFoundMessage={t('standings.improvementForm.noPlans')}
              error={missing && !planId ? t('common.required') : errorOf('plan.planId')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </SimpleGrid>
        {mode === 'new' ? (
          <>
            <TextInput
              label={t('standings.improvementForm.planTitle')}
              description={t('standings.improvementForm.planTitleHelp')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={500}
            />
            <DecisionSelect
              label={t('standings.improvementForm.planDocument')}
              value={documentId}
              onChange={setDocumentId}
              error={errorOf('plan.documentId')}
            />
          </>
        ) : (
          chosenPlan && (
            <Text size="xs" c="dimmed">
              {t(`standings.improvementForm.ownerKind.${chosenPlan.ownerKind}`)}
            </Text>
          )
        )}
      </Stack>
      <TasksEditor tasks={tasks} onChange={setTasks} year={year} errorOf={errorOf} missing={missing} />
      {save.isError && <ErrorAlert error={save.error} />}
    </FormModal>
  );
}

/** More tasks in an improvement's plan (version-checked). */
export function AddTasksModal({ onClose, improvement }: { onClose: () => void; improvement: Improvement }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [tasks, setTasks] = useState<TaskDraft[]>([
    { title: '', dueDate: null, reformArea: improvement.area },
  ]);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      addImprovementTasks(improvement.id, { tasks: toInput(tasks), version: improvement.version }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('common.saved') });
      await queryClient.invalidateQueries({ queryKey: standingKeys.all });
      onClose();
    },
  });
  const errorOf = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  return (
    <FormModal
      opened
      onClose={onClose}
      size="lg"
      title={t('standings.improvementForm.moreTasks')}
      onSubmit={() => {
        if (tasks.some((x) => !x.title.trim())) return setMissing(true);
        save.mutate();
      }}
      saving={save.isPending}
      submitLabel={t('common.save')}
    >
      {improvement.plan && (
        <Text size="sm">{t('standings.improvementForm.intoPlan', { plan: improvement.plan.title })}</Text>
      )}
      <TasksEditor
        tasks={tasks}
        onChange={setTasks}
        year={improvement.plan?.year ?? null}
        errorOf={errorOf}
        missing={missing}
      />
      {save.isError && (
        <ErrorAlert
          error={save.error}
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: standingKeys.all });
            onClose();
          }}
        />
      )}
    </FormModal>
  );
}

/** The reason in other words (version-checked). */
export function ReasonModal({ onClose, improvement }: { onClose: () => void; improvement: Improvement }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState(improvement.reason);
  const save = useMutation({
    mutationFn: () =>
      updateImprovement(improvement.id, { reason: reason.trim(), version: improvement.version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: standingKeys.all });
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('standings.improvementForm.editReason')}
      onSubmit={() => save.mutate()}
      saving={save.isPending}
      submitLabel={t('common.save')}
    >
      <Textarea
        label={t('standings.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={3}
      />
      <Text size="xs" c="dimmed">
        {t('standings.improvementForm.givenOn', { date: formatDate(improvement.createdAt) })}
      </Text>
      {save.isError && (
        <ErrorAlert
          error={save.error}
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: standingKeys.all });
            onClose();
          }}
        />
      )}
    </FormModal>
  );
}
