import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Menu,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconChevronDown,
  IconDeviceFloppy,
  IconEye,
  IconFileSpreadsheet,
  IconFileTypeDocx,
  IconListSearch,
  IconRefresh,
  IconReportAnalytics,
  IconFileCertificate,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatNumber, sortVi } from '../../lib/format';
import {
  consolidate,
  docxUrl,
  getConsolidation,
  getRound,
  inLanguage,
  reportKeys,
  saveConsolidation,
  xlsxUrl,
  type Consolidation,
  type Figure,
  type RoundDetail,
} from './api';
import { ConfirmModal } from './ConfirmModal';
import { LeaveGuard } from '../../components/LeaveGuard';
import { FormRenderer } from './form/FormRenderer';
import { formatFigure } from './form/fields/format';
import { changedFigures, placeProblems, type Field, type Values } from './form/model';
import { detailsByField, ProblemSummary, RefusalAlert } from './form/ProblemSummary';
import { IssueModal } from './IssueModal';
import { TraceModal } from './TraceModal';

// The preview (and the docx-preview library it loads) is fetched only when opened.
const DocxPreviewModal = lazy(() =>
  import('../../components/DocxPreviewModal').then((m) => ({ default: m.DocxPreviewModal })),
);

const asValues = (v: unknown): Values =>
  v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Values) } : {};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isNotFound = (e: unknown) => e instanceof ApiError && e.status === 404;

/** Under a consolidated field: how many units it comes from, their figures, and the note a change needs. */
function FigureInfo({
  field,
  figure,
  changed,
  note,
  onNote,
  readOnly,
  error,
  onTrace,
}: {
  field: Field;
  figure: Figure;
  changed: boolean;
  note: string;
  onNote: (v: string) => void;
  readOnly: boolean;
  error?: string;
  onTrace: () => void;
}) {
  const { t } = useTranslation();
  const numeric = field.type === 'number' || field.type === 'percent';
  return (
    <Stack gap={4} mt={6} data-testid="figure-info" data-changed={changed || undefined}>
      <Group gap={6} wrap="wrap">
        <IconListSearch size={14} color="var(--mantine-color-indigo-7)" aria-hidden />
        <Text size="xs" c="indigo.8">
          {t('reports.cons.fromUnits', { count: figure.reported })}
        </Text>
        <Anchor component="button" type="button" size="xs" onClick={onTrace} data-testid="figure-trace">
          {t('reports.cons.viewSources')}
        </Anchor>
      </Group>
      {changed && numeric && (
        <Text size="xs" c="orange.8">
          {t('reports.cons.consolidatedWas', {
            value:
              figure.value === null
                ? t('reports.cons.noFigure')
                : formatFigure(figure.value, field.decimals, { percent: field.type === 'percent' }),
          })}
        </Text>
      )}
      {changed && !readOnly && (
        <TextInput
          size="sm"
          label={t('reports.cons.note')}
          withAsterisk
          maxLength={2000}
          value={note}
          onChange={(e) => onNote(e.currentTarget.value)}
          error={error}
          maw={560}
          data-testid="figure-note"
        />
      )}
      {changed && readOnly && note && (
        <Text size="xs" c="orange.8">
          {t('reports.cons.noteShown', { note })}
        </Text>
      )}
    </Stack>
  );
}

function Downloads({ roundId, onPreview }: { roundId: string; onPreview: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconFileTypeDocx size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            data-testid="cons-docx"
          >
            {t('reports.cons.downloadDocx')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('reports.cons.issuerLabel')}</Menu.Label>
          <Menu.Item
            component="a"
            href={docxUrl(roundId, 'province')}
            download
            data-testid="cons-docx-province"
          >
            {t('reports.cons.issuer.province')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={docxUrl(roundId, 'committee')}
            download
            data-testid="cons-docx-committee"
          >
            {t('reports.cons.issuer.committee')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button
        variant="default"
        component="a"
        href={xlsxUrl(roundId)}
        download
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        data-testid="cons-xlsx"
      >
        {t('reports.cons.downloadXlsx')}
      </Button>
      <Button
        variant="light"
        leftSection={<IconEye size={16} aria-hidden />}
        onClick={onPreview}
        data-testid="cons-preview"
      >
        {t('reports.cons.preview')}
      </Button>
    </Group>
  );
}

/** The province's draft with its editing state (the values and notes, and the version they started from). */
function ConsolidationEditor({
  data,
  onReplace,
  reload,
}: {
  data: Consolidation;
  onReplace: (c: Consolidation) => void;
  reload: () => Promise<Consolidation | undefined>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = data.form.definition;
  const [base, setBase] = useState(() => ({
    version: data.version,
    values: asValues(data.values),
    notes: { ...data.changeNotes },
  }));
  const [values, setValues] = useState<Values>(base.values);
  const [notes, setNotes] = useState<Record<string, string>>(base.notes);
  const [tracing, setTracing] = useState<Field | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [confirmRecompute, setConfirmRecompute] = useState(false);

  const resetFrom = (c: Consolidation) => {
    const next = { version: c.version, values: asValues(c.values), notes: { ...c.changeNotes } };
    setBase(next);
    setValues(next.values);
    setNotes(next.notes);
    onReplace(c);
  };
  const editable = data.abilities.edit;
  const [issuing, setIssuing] = useState(false);
  const dirty = editable && (!same(values, base.values) || !same(notes, base.notes));
  const problems = useMemo(() => placeProblems(data.problems, form), [data.problems, form]);

  const save = useMutation({
    mutationFn: () =>
      saveConsolidation(data.roundId, {
        version: base.version,
        values,
        changeNotes: Object.fromEntries(
          Object.entries(notes)
            .filter(([, v]) => v.trim())
            .map(([k, v]) => [k, v.trim()]),
        ),
      }),
    onSuccess: (c) => {
      resetFrom(c);
      notifications.show({ color: 'green', message: t('reports.cons.saved'), 'data-testid': 'cons-saved' });
    },
  });
  const recompute = useMutation({
    mutationFn: () => consolidate(data.roundId),
    onSuccess: async (c) => {
      setConfirmRecompute(false);
      resetFrom(c);
      notifications.show({
        color: 'green',
        message: t('reports.cons.recomputed', { count: c.units.submitted }),
        'data-testid': 'cons-recomputed',
      });
      await queryClient.invalidateQueries({ queryKey: ['reports', 'trace', data.roundId] });
    },
  });
  const error = save.error ?? (confirmRecompute ? null : recompute.error);
  const fieldErrors = useMemo(() => detailsByField(error), [error]);
  // The figures changed by hand (each needs a note), and any other the server named as needing one.
  const changed = useMemo(
    () =>
      new Set([
        ...changedFigures(values, base.values, data.figures, form),
        ...[...fieldErrors.keys()].filter((k) => k in data.figures),
      ]),
    [values, base.values, data.figures, form, fieldErrors],
  );
  const onReload = async () => {
    save.reset();
    recompute.reset();
    const c = await reload();
    if (c) resetFrom(c);
  };
  const notSubmitted = sortVi(data.units.notSubmitted, (u) => u.unitName);

  return (
    <>
      <LeaveGuard dirty={dirty} />
      <Card withBorder padding="md" mb="md" data-testid="cons-info">
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
            <Stack gap={2}>
              <Text size="sm" data-testid="cons-basis">
                {t('reports.cons.basis', {
                  count: data.units.submitted,
                  n: formatNumber(data.units.submitted),
                  at: formatDateTime(data.computedAt),
                })}
              </Text>
              {notSubmitted.length > 0 && (
                <Text size="sm" c="orange.8" data-testid="cons-not-submitted">
                  {t('reports.cons.notSubmitted', { count: notSubmitted.length })}{' '}
                  {notSubmitted.map((u) => u.unitName).join(', ')}
                </Text>
              )}
            </Stack>
            <Downloads roundId={data.roundId} onPreview={() => setPreviewing(true)} />
          </Group>
        </Stack>
      </Card>
      <Stack gap="sm" mb="md">
        {data.documentId && (
          <Alert color="gray" data-testid="cons-issued">
            {t('reports.cons.issued')}{' '}
            <Anchor component={Link} to={`/documents/${data.documentId}`} size="sm">
              {t('reports.issue.open')}
            </Anchor>
          </Alert>
        )}
        {editable && !dirty && (
          <Group>
            <Button
              color="green"
              leftSection={<IconFileCertificate size={16} aria-hidden />}
              onClick={() => setIssuing(true)}
              data-testid="cons-issue"
            >
              {t('reports.issue.title')}
            </Button>
          </Group>
        )}
        <IssueModal
          data={data}
          opened={issuing}
          onClose={() => setIssuing(false)}
          onIssued={(c) => {
            onReplace(c);
            void queryClient.invalidateQueries({ queryKey: reportKeys.all });
          }}
        />
        {data.stale && (
          <Alert color="yellow" title={t('reports.cons.staleTitle')} data-testid="cons-stale">
            <Text size="sm">{t('reports.cons.stale')}</Text>
            {editable && (
              <Button
                mt="xs"
                size="xs"
                color="yellow"
                variant="white"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={() => (dirty ? setConfirmRecompute(true) : recompute.mutate())}
                loading={recompute.isPending}
              >
                {t('reports.cons.recompute')}
              </Button>
            )}
          </Alert>
        )}
        <ProblemSummary form={form} placed={problems} problems={data.problems} draft />
        <RefusalAlert form={form} error={error} onReload={() => void onReload()} />
      </Stack>
      <FormRenderer
        form={form}
        values={values}
        evaluated={data.evaluated}
        readOnly={!editable}
        onChange={(key, v) => setValues((prev) => ({ ...prev, [key]: v }))}
        problems={problems}
        dirty={dirty}
        fieldErrors={new Map([...fieldErrors].filter(([k]) => !changed.has(k)))}
        extra={(field) => {
          const figure = data.figures[field.key];
          if (!figure) return null;
          return (
            <FigureInfo
              field={field}
              figure={figure}
              changed={changed.has(field.key)}
              note={notes[field.key] ?? ''}
              onNote={(v) => setNotes((prev) => ({ ...prev, [field.key]: v }))}
              readOnly={!editable}
              error={fieldErrors.get(field.key)}
              onTrace={() => setTracing(field)}
            />
          );
        }}
      />
      {editable && (
        <Paper
          withBorder
          shadow="md"
          p="sm"
          mt="lg"
          radius="md"
          style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
          data-testid="cons-actions"
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs">
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                loading={save.isPending}
                disabled={!dirty}
                onClick={() => save.mutate()}
                data-testid="cons-save"
              >
                {t('reports.cons.save')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={recompute.isPending}
                onClick={() => (dirty ? setConfirmRecompute(true) : recompute.mutate())}
                data-testid="cons-recompute"
              >
                {t('reports.cons.recompute')}
              </Button>
            </Group>
            <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'}>
              {dirty ? t('reports.report.unsaved') : t('reports.report.allSaved')}
            </Text>
          </Group>
        </Paper>
      )}
      <TraceModal roundId={data.roundId} field={tracing} onClose={() => setTracing(null)} />
      <ConfirmModal
        opened={confirmRecompute}
        onClose={() => setConfirmRecompute(false)}
        title={t('reports.cons.recompute')}
        message={t('reports.cons.recomputeLoses')}
        confirmLabel={t('reports.cons.recompute')}
        color="orange"
        loading={recompute.isPending}
        onConfirm={() => recompute.mutate()}
        testId="cons-recompute"
      >
        {confirmRecompute && recompute.isError && <ErrorAlert error={recompute.error} />}
      </ConfirmModal>
      {previewing && (
        <Suspense
          fallback={
            <Center>
              <Loader size="sm" />
            </Center>
          }
        >
          <DocxPreviewModal
            title={t('reports.cons.previewTitle')}
            choices={(['province', 'committee'] as const).map((issuer) => ({
              value: issuer,
              label: t(`reports.cons.issuer.${issuer}`),
              url: docxUrl(data.roundId, issuer),
            }))}
            opened={previewing}
            onClose={() => setPreviewing(false)}
          />
        </Suspense>
      )}
    </>
  );
}

/** No draft yet: who may consolidate does it here (the round's submitted reports), the others are told. */
function NoDraft({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => consolidate(round.id),
    onSuccess: async (c) => {
      notifications.show({
        color: 'green',
        message: t('reports.cons.recomputed', { count: c.units.submitted }),
        'data-testid': 'cons-recomputed',
      });
      await queryClient.invalidateQueries({ queryKey: reportKeys.consolidation(round.id) });
    },
  });
  return (
    <Card withBorder padding="lg" data-testid="cons-none">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{t('reports.cons.none')}</Text>
        <Text size="sm" c="dimmed">
          {t('reports.cons.noneDetail', {
            submitted: round.rates.submitted,
            expected: round.rates.expected,
            count: round.rates.notSubmitted,
          })}
        </Text>
        {run.isError && <ErrorAlert error={run.error} />}
        {round.abilities.consolidate && (
          <Button
            leftSection={<IconReportAnalytics size={16} aria-hidden />}
            loading={run.isPending}
            disabled={round.rates.submitted === 0}
            onClick={() => run.mutate()}
            data-testid="cons-run"
          >
            {t('reports.cons.run')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The province's report for a round, consolidated from the units' submitted reports: written on the
 * provincial form, each consolidated figure traced to the units behind it, edited by the standing agency
 * (a changed figure needs a note), recomputed when reports came in since, downloaded as .docx (the issuer's
 * layout) and .xlsx, and previewed in the browser.
 */
export function ConsolidationPage() {
  const { t, i18n } = useTranslation();
  const { roundId = '' } = useParams({ strict: false });
  const queryClient = useQueryClient();
  const round = useQuery({ queryKey: reportKeys.round(roundId), queryFn: () => getRound(roundId) });
  const key = [...reportKeys.consolidation(roundId), i18n.language] as const;
  const cons = useQuery({
    queryKey: key,
    queryFn: () => getConsolidation(roundId),
    retry: (n, e) => !isNotFound(e) && n < 2,
    refetchOnWindowFocus: false,
  });

  if (round.isLoading || cons.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (round.isError || !round.data) return <ErrorAlert error={round.error} />;
  const r = round.data;
  const period = inLanguage(r.periodLabel, i18n.language);
  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/reports/rounds/$roundId" params={{ roundId }} {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('reports.report.backToRound', { period })}
      </Anchor>
      <PageHeader
        title={<span data-testid="cons-heading">{t('reports.cons.title', { period })}</span>}
        documentTitle={t('reports.cons.title', { period })}
        description={
          cons.data ? inLanguage(cons.data.title, i18n.language) : inLanguage(r.formName, i18n.language)
        }
      />
      {cons.isError && isNotFound(cons.error) && <NoDraft round={r} />}
      {cons.isError && !isNotFound(cons.error) && <ErrorAlert error={cons.error} />}
      {cons.data && (
        <ConsolidationEditor
          key={roundId}
          data={cons.data}
          onReplace={(c) => queryClient.setQueryData(key, c)}
          reload={async () => (await cons.refetch()).data}
        />
      )}
    </>
  );
}
