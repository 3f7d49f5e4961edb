import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconCalendarPlus,
  IconCheck,
  IconDatabase,
  IconDeviceFloppy,
  IconMessageCircle,
  IconRefresh,
  IconSend,
  IconArrowBackUp,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TimingBadge } from '../../components/workflow/badges';
import { formatDate, formatNumber } from '../../lib/format';
import { useSession } from '../../lib/session';
import {
  actOnReport,
  getReport,
  inLanguage,
  refreshPrefill,
  reportKeys,
  saveReport,
  type ActionResult,
  type Prefill,
  type Report,
  type ReportAction,
  type ReportActionInput,
} from './api';
import { LateBadge, ReportStatusBadge } from './badges';
import { ConfirmModal } from './ConfirmModal';
import { LeaveGuard } from '../../components/LeaveGuard';
import { fieldAnchor, FormRenderer, goToField, goToSection, sectionAnchor } from './form/FormRenderer';
import { useLocalText } from './form/language';
import {
  changedPrefill,
  fieldMap,
  numberingOf,
  placeComments,
  placeProblems,
  type Comment,
  type Field,
  type Values,
} from './form/model';
import { detailsByField, ProblemSummary, RefusalAlert } from './form/ProblemSummary';
import { ExtendModal, ReturnModal } from './ReportActions';
import { reportScope } from './scope';

const asValues = (v: unknown): Values =>
  v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Values) } : {};
const notesOf = (r: Report): Record<string, string> =>
  Object.fromEntries(r.prefill.filter((p) => p.note).map((p) => [p.field, p.note!]));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const ACTION_ORDER: readonly ReportAction[] = ['submit', 'accept', 'return', 'extend'];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Box mt={2}>{children}</Box>
    </div>
  );
}

function ReportFacts({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const timing = report.work.timing;
  const extended = report.dueDate !== report.roundDueDate;
  return (
    <Card withBorder padding="md" mb="md" data-testid="report-facts">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Fact label={t('reports.report.period')}>
          <Text size="sm" fw={600}>
            {inLanguage(report.period.label, i18n.language)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('reports.window', {
              from: formatDate(report.period.windowFrom),
              to: formatDate(report.period.windowTo),
            })}
          </Text>
        </Fact>
        <Fact label={t('reports.report.deadline')}>
          <Text
            size="sm"
            fw={600}
            c={timing?.state === 'overdue' ? 'red.7' : undefined}
            data-testid="report-due"
          >
            {formatDate(report.dueDate)}
          </Text>
          {extended && (
            <Text size="xs" c="teal.8" data-testid="report-extension">
              <IconCalendarPlus size={12} aria-hidden style={{ verticalAlign: -1 }} />{' '}
              {t('reports.report.extendedFrom', { date: formatDate(report.roundDueDate) })}
              {report.extensionReason ? `: ${report.extensionReason}` : ''}
            </Text>
          )}
        </Fact>
        <Fact label={t('reports.report.status')}>
          <Group gap={6}>
            <ReportStatusBadge status={report.status} />
            {report.late && <LateBadge />}
            {timing && (timing.state === 'overdue' || timing.state === 'due_soon') && (
              <TimingBadge
                timing={timing}
                ns="work"
                testId="report"
                awaitingReview={report.status === 'submitted'}
              />
            )}
          </Group>
        </Fact>
        <Fact label={t('reports.report.sent')}>
          {report.firstSubmittedOn ? (
            <>
              <Text size="sm">
                {formatDate(report.submittedOn ?? report.firstSubmittedOn)}
                {report.submittedByName ? ` · ${report.submittedByName}` : ''}
              </Text>
              {report.submittedOn && report.submittedOn !== report.firstSubmittedOn && (
                <Text size="xs" c="dimmed">
                  {t('reports.report.firstSent', { date: formatDate(report.firstSubmittedOn) })}
                </Text>
              )}
              {report.acceptedOn && (
                <Text size="xs" c="green.8">
                  {t('reports.report.acceptedOn', { date: formatDate(report.acceptedOn) })}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('reports.report.notSent')}
            </Text>
          )}
        </Fact>
      </SimpleGrid>
    </Card>
  );
}

/** Why the report came back: the reviewer's reason, comments on the whole report, and links to the others. */
function ReturnedNotice({ report }: { report: Report }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const form = report.form.definition;
  const placed = placeComments(report.comments, form);
  const fields = fieldMap(form);
  const onFields = [...placed.byField.keys()].map((k) => fields.get(k)!);
  const onSections = form.sections.flatMap((sec) =>
    [
      { part: sec, numbering: numberingOf(sec) },
      ...sec.subsections.map((sub) => ({ part: sub, numbering: numberingOf(sec, sub) })),
    ].filter((x) => placed.bySection.has(x.part.key)),
  );
  const count = onFields.length + onSections.length;
  if (report.status !== 'returned' || (!report.lastReason && !report.comments.length)) return null;
  return (
    <Alert
      color="orange"
      icon={<IconMessageCircle size={18} aria-hidden />}
      title={t('reports.report.returnedTitle')}
      mb="md"
      data-testid="report-returned"
    >
      <Stack gap={6}>
        {report.lastReason && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="report-last-reason">
            <strong>{t('reports.report.reason')}:</strong> {report.lastReason}
          </Text>
        )}
        {placed.general.map((c, i) => (
          <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c}
          </Text>
        ))}
        {count > 0 && (
          <div>
            <Text size="sm">{t('reports.report.commentsOnFields', { count })}</Text>
            <List size="sm" spacing={2}>
              {onSections.map((x) => (
                <List.Item key={x.part.key}>
                  <Anchor
                    href={`#${sectionAnchor(x.part.key)}`}
                    size="sm"
                    onClick={(e) => {
                      e.preventDefault();
                      goToSection(x.part.key);
                    }}
                  >
                    {t('reports.return.section', { title: `${x.numbering} ${text(x.part.title)}`.trim() })}
                  </Anchor>
                </List.Item>
              ))}
              {onFields.map((p) => (
                <List.Item key={p.field.key}>
                  <Anchor
                    href={`#${fieldAnchor(p.field.key)}`}
                    size="sm"
                    onClick={(e) => {
                      e.preventDefault();
                      goToField(p.field.key);
                    }}
                  >
                    {p.numbering ? `${p.numbering} ` : ''}
                    {text(p.field.label)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Alert>
  );
}

/** The system's figure beside a prefilled field, and the note a change of it needs. */
function PrefillInfo({
  prefill,
  field,
  changed,
  note,
  onNote,
  readOnly,
  error,
}: {
  prefill: Prefill;
  field: Field;
  changed: boolean;
  note: string;
  onNote: (v: string) => void;
  readOnly: boolean;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const decimals = field.type === 'number' || field.type === 'percent' ? field.decimals : 2;
  return (
    <Stack gap={4} mt={6} data-testid="prefill-info" data-changed={changed || undefined}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconDatabase
          size={14}
          color="var(--mantine-color-cyan-8)"
          aria-hidden
          style={{ flexShrink: 0, marginTop: 2 }}
        />
        <Text size="xs" c="cyan.9">
          {t('reports.prefill.badge', {
            value: formatNumber(prefill.value, decimals),
            source: inLanguage(prefill.sourceLabel, i18n.language),
            date: formatDate(prefill.asOf),
          })}
        </Text>
      </Group>
      {changed && !readOnly && (
        <TextInput
          size="sm"
          label={t('reports.prefill.note')}
          description={t('reports.prefill.noteHint')}
          withAsterisk
          maxLength={2000}
          value={note}
          onChange={(e) => onNote(e.currentTarget.value)}
          error={error}
          maw={560}
          data-testid="prefill-note"
        />
      )}
      {changed && readOnly && (
        <Text size="xs" c="orange.8" data-testid="prefill-changed">
          {prefill.note
            ? t('reports.prefill.changedWithNote', { note: prefill.note })
            : t('reports.prefill.changed')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The report with its editing state: the values as being typed, the notes of changed system figures, the
 * version they started from (a save on an older version is refused: someone else changed it).
 */
function ReportEditor({
  report,
  onReplace,
  reload,
}: {
  report: Report;
  onReplace: (r: Report) => void;
  reload: () => Promise<Report | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const scope = reportScope(session.data);
  const form = report.form.definition;
  const [base, setBase] = useState(() => ({
    version: report.version,
    values: asValues(report.values),
    notes: notesOf(report),
  }));
  const [values, setValues] = useState<Values>(base.values);
  const [notes, setNotes] = useState<Record<string, string>>(base.notes);
  const [dialog, setDialog] = useState<ReportAction | null>(null);

  const resetFrom = (r: Report) => {
    const next = { version: r.version, values: asValues(r.values), notes: notesOf(r) };
    setBase(next);
    setValues(next.values);
    setNotes(next.notes);
    onReplace(r);
  };

  const editable = report.abilities.edit;
  const changed = useMemo(() => new Set(changedPrefill(values, report.prefill)), [values, report.prefill]);
  const dirty = editable && (!same(values, base.values) || !same(notes, base.notes));
  const problems = useMemo(() => placeProblems(report.problems, form), [report.problems, form]);
  const comments = useMemo(() => placeComments(report.comments, form), [report.comments, form]);
  const prefillBy = useMemo(() => new Map(report.prefill.map((p) => [p.field, p])), [report.prefill]);
  const changeNotes = () =>
    Object.fromEntries([...changed].filter((f) => notes[f]?.trim()).map((f) => [f, notes[f]!.trim()]));

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reportKeys.mine }),
      queryClient.invalidateQueries({ queryKey: ['reports', 'round'] }),
      queryClient.invalidateQueries({ queryKey: ['reports', 'rounds'] }),
      queryClient.invalidateQueries({ queryKey: ['work'] }),
    ]);

  const save = useMutation({
    mutationFn: () => saveReport(report.id, { version: base.version, values, changeNotes: changeNotes() }),
    onSuccess: async (r) => {
      resetFrom(r);
      notifications.show({
        color: 'green',
        message: t('reports.report.saved'),
        'data-testid': 'report-saved',
      });
      await invalidate();
    },
  });
  const refresh = useMutation({
    mutationFn: async () => {
      let version = base.version;
      if (dirty)
        version = (await saveReport(report.id, { version, values, changeNotes: changeNotes() })).version;
      return refreshPrefill(report.id, version);
    },
    onSuccess: async (r) => {
      resetFrom(r);
      notifications.show({ color: 'green', message: t('reports.prefill.refreshed') });
      await invalidate();
    },
  });
  const act = useMutation({
    mutationFn: async (input: ReportActionInput): Promise<ActionResult> => {
      let version = base.version;
      // What is on the screen is what is sent: unsaved edits are saved first.
      if (input.action === 'submit' && dirty) {
        const saved = await saveReport(report.id, { version, values, changeNotes: changeNotes() });
        resetFrom(saved);
        version = saved.version;
      }
      return actOnReport(report.id, { ...input, version });
    },
    onSuccess: async (r, input) => {
      const { next, ...rest } = r;
      resetFrom(rest);
      setDialog(null);
      const who = next ? inLanguage(next, i18n.language).replace(/[.\s]+$/, '') : null;
      const done = t(`reports.done.${input.action}`);
      notifications.show({
        color: input.action === 'return' ? 'orange' : 'green',
        title: who ? done : undefined,
        message: who ? t('workflow.next', { who }) : done,
        'data-testid': 'report-action-done',
      });
      await invalidate();
    },
  });

  const lastError = (save.error ?? refresh.error ?? (dialog ? null : act.error)) as unknown;
  const fieldErrors = useMemo(() => detailsByField(lastError), [lastError]);
  const onReload = async () => {
    save.reset();
    refresh.reset();
    act.reset();
    const r = await reload();
    if (r) resetFrom(r);
  };

  const allowed = ACTION_ORDER.filter((a) => (report.work.allowedActions as string[]).includes(a));
  const anyButton = editable || report.abilities.refreshPrefill || allowed.length > 0;
  const busy = save.isPending || refresh.isPending || act.isPending;
  const run = (input: ReportActionInput) => act.mutate(input);

  return (
    <>
      <LeaveGuard dirty={dirty} />
      <ReturnedNotice report={report} />
      <Stack gap="sm" mb="md">
        {!editable && report.status === 'draft' && (
          <Alert color="gray" data-testid="report-draft-readonly">
            {t('reports.report.draftReadOnly')}
          </Alert>
        )}
        <ProblemSummary form={form} placed={problems} problems={report.problems} />
        <RefusalAlert form={form} error={lastError} onReload={() => void onReload()} />
      </Stack>
      <FormRenderer
        form={form}
        values={values}
        evaluated={report.evaluated}
        readOnly={!editable}
        onChange={(key, v) => setValues((prev) => ({ ...prev, [key]: v }))}
        problems={problems}
        comments={comments}
        dirty={dirty}
        fieldErrors={new Map([...fieldErrors].filter(([k]) => !changed.has(k)))}
        extra={(field) => {
          const p = prefillBy.get(field.key);
          if (!p) return null;
          return (
            <PrefillInfo
              prefill={p}
              field={field}
              changed={editable ? changed.has(field.key) : p.changed}
              note={notes[field.key] ?? ''}
              onNote={(v) => setNotes((prev) => ({ ...prev, [field.key]: v }))}
              readOnly={!editable}
              error={fieldErrors.get(field.key)}
            />
          );
        }}
      />
      {anyButton && (
        <Paper
          withBorder
          shadow="md"
          p="sm"
          mt="lg"
          radius="md"
          style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
          data-testid="report-actions"
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs" wrap="wrap">
              {allowed.includes('submit') && (
                <Button
                  leftSection={<IconSend size={16} aria-hidden />}
                  disabled={busy}
                  onClick={() => setDialog('submit')}
                  data-testid="report-submit"
                >
                  {t('reports.actions.submit')}
                </Button>
              )}
              {allowed.includes('accept') && (
                <Button
                  color="green"
                  leftSection={<IconCheck size={16} aria-hidden />}
                  disabled={busy}
                  onClick={() => setDialog('accept')}
                  data-testid="report-accept"
                >
                  {t('reports.actions.accept')}
                </Button>
              )}
              {allowed.includes('return') && (
                <Button
                  color="orange"
                  leftSection={<IconArrowBackUp size={16} aria-hidden />}
                  disabled={busy}
                  onClick={() => setDialog('return')}
                  data-testid="report-return"
                >
                  {t('reports.actions.return')}
                </Button>
              )}
              {allowed.includes('extend') && (
                <Button
                  variant="light"
                  color="teal"
                  leftSection={<IconCalendarPlus size={16} aria-hidden />}
                  disabled={busy}
                  onClick={() => setDialog('extend')}
                  data-testid="report-extend"
                >
                  {t('reports.actions.extend')}
                </Button>
              )}
              {editable && (
                <Button
                  variant={allowed.includes('submit') ? 'light' : 'filled'}
                  leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                  loading={save.isPending}
                  disabled={!dirty || (busy && !save.isPending)}
                  onClick={() => save.mutate()}
                  data-testid="report-save"
                >
                  {t('reports.actions.save')}
                </Button>
              )}
              {report.abilities.refreshPrefill && report.prefill.length > 0 && (
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={16} aria-hidden />}
                  loading={refresh.isPending}
                  disabled={busy && !refresh.isPending}
                  onClick={() => refresh.mutate()}
                  data-testid="report-refresh-prefill"
                >
                  {t('reports.prefill.refresh')}
                </Button>
              )}
            </Group>
            <Stack gap={0}>
              <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} data-testid="report-dirty">
                {dirty ? t('reports.report.unsaved') : editable ? t('reports.report.allSaved') : ''}
              </Text>
              {editable && !allowed.includes('submit') && (
                <Text size="xs" c="dimmed" visibleFrom="sm" data-testid="report-leader-submits">
                  {t('reports.report.focalPointHint')}
                </Text>
              )}
            </Stack>
          </Group>
        </Paper>
      )}
      {!anyButton && scope.unitPeople && report.status === 'draft' && (
        <Text size="sm" c="dimmed" mt="md">
          {t('reports.report.leaderSubmits')}
        </Text>
      )}

      <ConfirmModal
        opened={dialog === 'submit'}
        onClose={() => setDialog(null)}
        title={t('reports.actions.submit')}
        message={t('reports.submit.confirm', { owner: report.owner.name })}
        confirmLabel={t('reports.actions.submit')}
        loading={act.isPending}
        onConfirm={() => run({ action: 'submit', version: base.version })}
        testId="report-submit"
      >
        {dirty && <Text size="sm">{t('reports.submit.savesFirst')}</Text>}
        {problems.errors > 0 && !dirty && (
          <Alert color="red" p="xs">
            {t('reports.submit.hasErrors', { count: problems.errors })}
          </Alert>
        )}
        {dialog === 'submit' && (
          <RefusalAlert form={form} error={act.error} onReload={() => void onReload()} />
        )}
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'accept'}
        onClose={() => setDialog(null)}
        title={t('reports.actions.accept')}
        message={t('reports.accept.confirm', { unit: report.memberName ?? report.unit.name })}
        confirmLabel={t('reports.actions.accept')}
        color="green"
        loading={act.isPending}
        onConfirm={() => run({ action: 'accept', version: base.version })}
        testId="report-accept"
      >
        {dialog === 'accept' && (
          <RefusalAlert form={form} error={act.error} onReload={() => void onReload()} />
        )}
      </ConfirmModal>
      {dialog === 'return' && (
        <ReturnModal
          report={report}
          opened
          onClose={() => setDialog(null)}
          pending={act.isPending}
          error={act.error}
          onSubmit={({ reason, comments: list }: { reason: string; comments: Comment[] }) =>
            run({ action: 'return', version: base.version, reason, comments: list })
          }
        />
      )}
      {dialog === 'extend' && (
        <ExtendModal
          report={report}
          opened
          onClose={() => setDialog(null)}
          pending={act.isPending}
          error={act.error}
          onSubmit={({ newDueDate, reason }) =>
            run({ action: 'extend', version: base.version, newDueDate, reason })
          }
        />
      )}
    </>
  );
}

/**
 * One unit's report for one period: its deadline and status, why it came back, the form to fill in section
 * by section (figures prefilled from the system with their source; a change needs a note), what is still
 * wrong, and the steps the server allows: save the draft, refresh the system's figures, send it (the
 * leader), or — for the standing agency — accept, return with comments, or extend the deadline.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { reportId = '' } = useParams({ strict: false });
  const queryClient = useQueryClient();
  const session = useSession();
  const scope = reportScope(session.data);
  // The server words the problems in the reader's language: refetch when it changes.
  const key = [...reportKeys.report(reportId), i18n.language] as const;
  const report = useQuery({
    queryKey: key,
    queryFn: () => getReport(reportId),
    refetchOnWindowFocus: false,
  });

  if (report.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (report.isError || !report.data) return <ErrorAlert error={report.error} />;
  const r = report.data;
  const period = inLanguage(r.period.label, i18n.language);
  return (
    <>
      {scope.ownerUnitId ? (
        <Anchor
          size="sm"
          renderRoot={(props) => (
            <Link to="/reports/rounds/$roundId" params={{ roundId: r.roundId }} {...props} />
          )}
          mb="xs"
          display="inline-flex"
          style={{ alignItems: 'center', gap: 4 }}
        >
          <IconArrowLeft size={14} aria-hidden /> {t('reports.report.backToRound', { period })}
        </Anchor>
      ) : (
        <Anchor
          size="sm"
          renderRoot={(props) => <Link to="/reports" {...props} />}
          mb="xs"
          display="inline-flex"
          style={{ alignItems: 'center', gap: 4 }}
        >
          <IconArrowLeft size={14} aria-hidden /> {t('reports.backToList')}
        </Anchor>
      )}
      <PageHeader
        title={
          <span data-testid="report-heading">
            {t('reports.report.heading', { unit: r.memberName ?? r.unit.name, period })}
          </span>
        }
        documentTitle={t('reports.report.heading', { unit: r.memberName ?? r.unit.name, period })}
        description={`${inLanguage(r.form.definition.name, i18n.language)} · ${t('reports.report.sentTo', { owner: r.owner.name })}`}
      />
      <ReportFacts report={r} />
      <ReportEditor
        key={r.id}
        report={r}
        onReplace={(next) => queryClient.setQueryData(key, next)}
        reload={async () => (await report.refetch()).data}
      />
    </>
  );
}
