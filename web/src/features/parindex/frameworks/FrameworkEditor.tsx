import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle, IconListNumbers, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { LeaveGuard } from '../../../components/LeaveGuard';
import { memo, useMemo, useReducer, useRef, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { DecisionHint, DecisionSelect } from '../../../components/DecisionSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { ApiError } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { frameworkKeys, updateFramework, type Framework } from './api';
import { AdjustmentRow, FieldBlock, GradeRow, NameInput, NumInput, RowProblems } from './EditorRows';
import {
  draftFrom,
  initialState,
  outOfOrder,
  placeProblems,
  reducer,
  rowOrder,
  totalsOf,
  updateBody,
  type Action,
  type AdjustmentKind,
  type Draft,
  type Num,
  type Problems,
} from './frameworkModel';

const pts = (v: number) => formatNumber(v, 2);

/** Moves to the first row the server found a problem with (or to the form's top for the others). */
function focusFirstProblem(
  draft: Draft,
  problems: ReadonlyMap<string, readonly string[]>,
  top: HTMLElement | null,
) {
  const first = rowOrder(draft).find((uid) => problems.has(uid));
  const el = first ? document.querySelector<HTMLElement>(`[data-uid="${first}"]`) : top;
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.querySelector<HTMLElement>('input:not([readonly]), textarea, select')?.focus({ preventScroll: true });
}

/** The issuing document, from the register (a list of every document: kept out of the title's keystrokes). */
const DocumentField = memo(function DocumentField({
  value,
  error,
  dispatch,
}: {
  value: string | null;
  error: string | undefined;
  dispatch: Dispatch<Action>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <DecisionSelect
        label={t('parFrameworks.editor.document')}
        value={value}
        onChange={(documentId) => dispatch({ type: 'meta', patch: { documentId } })}
        error={error}
      />
      <DecisionHint />
    </Stack>
  );
});

/** Title, basis, document and note: memoised, so typing in the tree does not re-render it (nor its document list). */
const MetaCard = memo(function MetaCard({
  meta,
  problems,
  dispatch,
}: {
  meta: Draft['meta'];
  problems: Problems;
  dispatch: Dispatch<Action>;
}) {
  const { t } = useTranslation();
  const E = (k: string) => t(`parFrameworks.editor.${k}`);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {E('general')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <NameInput
            label={E('title')}
            value={meta.title}
            onValue={(title) => dispatch({ type: 'meta', patch: { title } })}
            withAsterisk
            maxLength={300}
            error={problems.get('meta.title')?.join(' ')}
            data-testid="editor-title"
          />
          <NameInput
            label={E('titleEn')}
            value={meta.titleEn}
            onValue={(titleEn) => dispatch({ type: 'meta', patch: { titleEn } })}
            maxLength={300}
            error={problems.get('meta.titleEn')?.join(' ')}
          />
        </SimpleGrid>
        <Textarea
          label={E('legalBasis')}
          description={E('legalBasisHint')}
          value={meta.legalBasis}
          onChange={(e) => dispatch({ type: 'meta', patch: { legalBasis: e.currentTarget.value } })}
          autosize
          minRows={2}
          maxLength={1000}
          error={problems.get('meta.legalBasis')?.join(' ')}
        />
        <DocumentField
          value={meta.documentId}
          error={problems.get('meta.documentId')?.join(' ')}
          dispatch={dispatch}
        />
        <Textarea
          label={E('note')}
          value={meta.note}
          onChange={(e) => dispatch({ type: 'meta', patch: { note: e.currentTarget.value } })}
          autosize
          minRows={2}
          maxLength={4000}
        />
      </Stack>
    </Card>
  );
});

/**
 * The framework's editor (the office, `abilities.update`): title, basis and document, the tree — names, maximums,
 * methods with their data source and formula, guidance, evidence, step, "confirmed"; items added, removed, moved,
 * their codes renumbered or edited — with live sums per criterion, field and in total, the bonus and penalty items
 * and caps, the grade bands and the survey rule. Saved whole with the version read: a version in use (published or
 * used by a campaign) becomes the next version, which then opens. The server's problems are shown under their rows.
 */
export function FrameworkEditor({
  framework,
  onDone,
  onReload,
}: {
  framework: Framework;
  /** Leaves the editor (saved in place, or cancelled). */
  onDone: () => void;
  /** Reloads the framework after someone else saved it (409): the editor then starts again from it. */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(reducer, framework, (f) => initialState(draftFrom(f)));
  const { draft, problems, dirty } = state;
  const totals = useMemo(() => totalsOf(draft.fields), [draft.fields]);
  const [confirming, setConfirming] = useState(false);
  const sent = useRef<Draft | null>(null);
  const top = useRef<HTMLDivElement>(null);
  const inUse = framework.status === 'published' || framework.usedBy.length > 0;
  const E = (k: string, v?: Record<string, unknown>) => t(`parFrameworks.editor.${k}`, v ?? {});

  const save = useMutation({
    mutationFn: (d: Draft) => {
      sent.current = d;
      return updateFramework(framework.id, updateBody(d, framework.version));
    },
    onSuccess: async ({ framework: saved, newVersion }) => {
      setConfirming(false);
      queryClient.setQueryData(frameworkKeys.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.list });
      if (newVersion) {
        notifications.show({
          color: 'blue',
          title: E('newVersionTitle'),
          message: E('newVersion', { n: saved.number }),
          autoClose: 12_000,
        });
        await navigate({ to: '/par/frameworks/$id', params: { id: saved.id } });
        return;
      }
      notifications.show({ color: 'green', message: E('saved') });
      onDone();
    },
    onError: (e) => {
      setConfirming(false);
      if (e instanceof ApiError && e.status === 400 && e.details.length && sent.current) {
        const placed = placeProblems(sent.current, e.details);
        dispatch({ type: 'problems', problems: placed });
        const d = sent.current;
        window.setTimeout(() => focusFirstProblem(d, placed, top.current), 0);
      }
    },
  });

  const submit = () => {
    save.reset();
    if (inUse) setConfirming(true);
    else save.mutate(draft);
  };

  const error = save.error;
  const stale = error instanceof ApiError && error.isStale;
  const placed = error instanceof ApiError && error.status === 400 && error.details.length > 0;
  const general = [...(problems.get('general') ?? []), ...(problems.get('meta.grades') ?? [])];
  const problemCount = [...problems.values()].reduce((s, l) => s + l.length, 0);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // The confirmation's own form (in a portal) bubbles its submit here through React: not ours.
        if (e.target !== e.currentTarget) return;
        submit();
      }}
      data-testid="framework-editor"
    >
      {/* Unsaved changes are not lost to a link, a closed tab or a reload without a word. */}
      <LeaveGuard dirty={dirty} />
      <Stack gap="lg" ref={top}>
        <Alert
          color={inUse ? 'yellow' : 'blue'}
          variant="light"
          icon={<IconInfoCircle size={18} aria-hidden />}
        >
          {inUse ? E('leadInUse', { n: framework.number }) : E('leadDraft', { n: framework.number })}
        </Alert>

        {placed && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            role="alert"
            data-testid="editor-problems"
          >
            <Stack gap={4}>
              <Text size="sm">{(error as ApiError).message}</Text>
              {problemCount > general.length && <Text size="sm">{E('problemsBelow')}</Text>}
              {general.length > 0 && (
                <List size="sm">
                  {general.map((m) => (
                    <List.Item key={m}>{m}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Alert>
        )}
        {!placed && error && (
          <Stack gap={4}>
            <ErrorAlert error={error} onReload={stale ? onReload : undefined} />
            {stale && (
              <Text size="sm" c="dimmed">
                {E('staleLead')}
              </Text>
            )}
          </Stack>
        )}

        <MetaCard meta={draft.meta} problems={problems} dispatch={dispatch} />
        <TreeSection
          fields={draft.fields}
          autoNumber={draft.autoNumber}
          outOfOrder={!draft.autoNumber && outOfOrder(draft)}
          total={totals.scored}
          problems={problems}
          dispatch={dispatch}
        />
        <AdjustmentsSection
          bonus={draft.bonus}
          penalty={draft.penalty}
          bonusCap={draft.meta.bonusCap}
          penaltyCap={draft.meta.penaltyCap}
          codeLocked={draft.autoNumber}
          problems={problems}
          dispatch={dispatch}
        />
        <GradesSection
          grades={draft.grades}
          rescale={draft.meta.rescaleWithoutSurvey}
          problems={problems}
          dispatch={dispatch}
        />
        <Footer
          scored={totals.scored}
          survey={totals.survey}
          declared={totals.declared}
          fields={totals.fields}
          criteria={totals.criteria}
          subs={totals.subs}
          dirty={dirty}
          inUse={inUse}
          saving={save.isPending && !confirming}
          onCancel={onDone}
        />
      </Stack>

      {confirming && (
        <FormModal
          opened
          onClose={() => setConfirming(false)}
          title={E('confirmTitle')}
          onSubmit={() => save.mutate(draft)}
          saving={save.isPending}
          submitLabel={E('saveAsNew')}
          size="md"
          testId="framework-save-dialog"
          submitTestId="framework-save-confirm"
        >
          <Text size="sm">
            {framework.usedBy.length
              ? E('confirmUsed', {
                  n: framework.number,
                  campaigns: framework.usedBy.map((c) => c.title).join('; '),
                })
              : E('confirmPublished', { n: framework.number })}
          </Text>
          <Text size="sm" c="dimmed">
            {E('confirmDraft')}
          </Text>
        </FormModal>
      )}
    </form>
  );
}

type SectionBase = { problems: Problems; dispatch: Dispatch<Action> };

/** The fields, their criteria and sub-criteria; the codes' numbering. */
const TreeSection = memo(function TreeSection({
  fields,
  autoNumber,
  outOfOrder: unordered,
  total,
  problems,
  dispatch,
}: SectionBase & { fields: Draft['fields']; autoNumber: boolean; outOfOrder: boolean; total: number }) {
  const { t } = useTranslation();
  const E = (k: string) => t(`parFrameworks.editor.${k}`);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {E('treeTitle')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {E('treeLead')}
          </Text>
        </Stack>
        <Group gap="sm" wrap="wrap">
          <Switch
            label={E('autoNumber')}
            description={E('autoNumberHint')}
            checked={autoNumber}
            onChange={(e) => dispatch({ type: 'autoNumber', on: e.currentTarget.checked })}
            data-testid="editor-auto-number"
          />
          {unordered && (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconListNumbers size={14} aria-hidden />}
              onClick={() => dispatch({ type: 'renumber' })}
              data-testid="editor-renumber"
            >
              {E('renumber')}
            </Button>
          )}
        </Group>
      </Group>
      {fields.map((f, i) => (
        <FieldBlock
          key={f.uid}
          field={f}
          dispatch={dispatch}
          problems={problems}
          first={i === 0}
          last={i === fields.length - 1}
          codeLocked={autoNumber}
          total={total}
        />
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => dispatch({ type: 'add', at: {} })}
        style={{ alignSelf: 'flex-start' }}
        data-testid="add-field"
      >
        {E('addField')}
      </Button>
    </Stack>
  );
});

/** The bonus and penalty items with the caps of their totals. */
const AdjustmentsSection = memo(function AdjustmentsSection({
  bonus,
  penalty,
  bonusCap,
  penaltyCap,
  codeLocked,
  problems,
  dispatch,
}: SectionBase & {
  bonus: Draft['bonus'];
  penalty: Draft['penalty'];
  bonusCap: Num;
  penaltyCap: Num;
  codeLocked: boolean;
}) {
  const { t } = useTranslation();
  const E = (k: string) => t(`parFrameworks.editor.${k}`);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      {(['bonus', 'penalty'] as const satisfies readonly AdjustmentKind[]).map((kind) => {
        const capKey = kind === 'bonus' ? 'bonusCap' : 'penaltyCap';
        const list = kind === 'bonus' ? bonus : penalty;
        return (
          <Card key={kind} withBorder padding="md" data-testid={`editor-${kind}-section`}>
            <Stack gap="xs">
              <Title order={2} size="h5">
                {t(`parFrameworks.adjustments.${kind}`)}
              </Title>
              <NumInput
                label={E(capKey)}
                value={kind === 'bonus' ? bonusCap : penaltyCap}
                onChange={(v) =>
                  dispatch({ type: 'meta', patch: kind === 'bonus' ? { bonusCap: v } : { penaltyCap: v } })
                }
                w={200}
                error={problems.get(`meta.${capKey}`)?.join(' ')}
              />
              {list.map((a, i) => (
                <AdjustmentRow
                  key={a.uid}
                  kind={kind}
                  item={a}
                  dispatch={dispatch}
                  messages={problems.get(a.uid)}
                  first={i === 0}
                  last={i === list.length - 1}
                  codeLocked={codeLocked}
                />
              ))}
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => dispatch({ type: 'addAdjustment', kind })}
                style={{ alignSelf: 'flex-start' }}
                data-testid={`add-${kind}`}
              >
                {E(`add.${kind}`)}
              </Button>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
});

/** The grade bands and the survey rule. */
const GradesSection = memo(function GradesSection({
  grades,
  rescale,
  problems,
  dispatch,
}: SectionBase & { grades: Draft['grades']; rescale: boolean }) {
  const { t } = useTranslation();
  const E = (k: string) => t(`parFrameworks.editor.${k}`);
  return (
    <Card withBorder padding="md" data-testid="editor-grades">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('parFrameworks.grades.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {E('grades.lead')}
        </Text>
        {grades.map((g) => (
          <GradeRow
            key={g.uid}
            grade={g}
            dispatch={dispatch}
            messages={problems.get(g.uid)}
            removable={grades.length > 1}
          />
        ))}
        <RowProblems messages={problems.get('meta.grades')} />
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => dispatch({ type: 'addGrade' })}
          style={{ alignSelf: 'flex-start' }}
          disabled={grades.length >= 10}
        >
          {E('grades.add')}
        </Button>
        <Switch
          label={E('rescale')}
          description={E('rescaleHint')}
          checked={rescale}
          onChange={(e) =>
            dispatch({ type: 'meta', patch: { rescaleWithoutSurvey: e.currentTarget.checked } })
          }
          data-testid="editor-rescale"
        />
      </Stack>
    </Card>
  );
});

/** Always in sight at the bottom: the live totals, Cancel (asking first when something changed) and Save. */
const Footer = memo(function Footer({
  scored,
  survey,
  declared,
  fields,
  criteria,
  subs,
  dirty,
  inUse,
  saving,
  onCancel,
}: {
  scored: number;
  survey: number;
  declared: number;
  fields: number;
  criteria: number;
  subs: number;
  dirty: boolean;
  inUse: boolean;
  saving: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const E = (k: string, v?: Record<string, unknown>) => t(`parFrameworks.editor.${k}`, v ?? {});
  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      radius="md"
      style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
      data-testid="editor-totals"
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={0}>
          <Text size="sm" fw={600} data-testid="editor-total">
            {survey > 0
              ? E('totalWithSurvey', { max: pts(scored), survey: pts(survey) })
              : E('total', { max: pts(scored) })}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              t('parFrameworks.counts.fields', { count: fields }),
              t('parFrameworks.counts.criteria', { count: criteria }),
              t('parFrameworks.counts.subCriteria', { count: subs }),
            ].join(' · ')}
          </Text>
          {Math.abs(declared - scored) > 0.001 && (
            <Text size="xs" c="orange.8" data-testid="editor-total-mismatch">
              {E('totalDiffers', { declared: pts(declared), max: pts(scored) })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {dirty ? (
            <ConfirmButton
              variant="default"
              color="gray"
              title={E('discardTitle')}
              message={E('discardMessage')}
              confirmLabel={E('discard')}
              onConfirm={onCancel}
              data-testid="editor-cancel"
            >
              {t('common.cancel')}
            </ConfirmButton>
          ) : (
            <Button variant="default" onClick={onCancel} data-testid="editor-cancel">
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={saving} disabled={!dirty} data-testid="editor-save">
            {inUse ? E('saveAsNew') : E('save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
});
