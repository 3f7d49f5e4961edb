import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Loader,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { DocxPreviewModal } from '../../../components/DocxPreviewModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, isoDate } from '../../../lib/format';
import {
  conclusionDocxUrl,
  getConclusion,
  inspectionKeys,
  issueConclusion,
  minutesDocxUrl,
  saveConclusion,
  type Conclusion,
} from '../api';
import { Recommendations } from '../inspection/Recommendations';

type DraftRec = { text: string; unitId: string; dueDate: string | null; findingIds: string[] };
type Issuer = 'team' | 'standing_agency' | 'province';

/**
 * The conclusion of an inspection (`/inspections/$id/conclusion`): the head drafts the summary and the numbered
 * recommendations (text, unit responsible, due date defaulting from the rules, the findings answered) and what the
 * minutes say; previews the minutes and the notice as Word shows them; issues them ("Ban hành"). Once issued: the
 * documents' numbers and links, and the recommendations with their status and timing.
 */
export function ConclusionPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery({ queryKey: inspectionKeys.conclusion(id), queryFn: () => getConclusion(id) });
  if (q.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const c = q.data!;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('inspections.conclusion.title', { unit: c.unit.name })}
        description={
          <Anchor component={Link} to={`/inspections/${id}`} size="sm">
            ← {c.unit.name}
          </Anchor>
        }
      />
      {c.status === 'concluded' ? <Issued c={c} /> : <Draft c={c} />}
    </Stack>
  );
}

function Issued({ c }: { c: Conclusion }) {
  const { t } = useTranslation();
  const docs = [
    [t('inspections.page.minutes'), c.documents.minutes],
    [t('inspections.page.notice'), c.documents.conclusion],
  ] as const;
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md" data-testid="conclusion-issued">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('inspections.conclusion.issued')}
          </Title>
          {docs.map(([label, d]) =>
            d ? (
              <Text size="sm" key={label}>
                {label}:{' '}
                <Anchor component={Link} to={`/documents/${d.id}`} data-testid="issued-document">
                  {d.numberSymbol}
                </Anchor>{' '}
                ({formatDate(d.issuedOn)})
              </Text>
            ) : null,
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.summary}
          </Text>
        </Stack>
      </Card>
      <Recommendations inspectionId={c.inspectionId} />
    </Stack>
  );
}

function Draft({ c }: { c: Conclusion }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [summary, setSummary] = useState(c.summary);
  const [recs, setRecs] = useState<DraftRec[]>(
    c.recommendations.map((r) => ({
      text: r.text,
      unitId: r.unitId,
      dueDate: r.dueDate,
      findingIds: r.findingIds,
    })),
  );
  const [place, setPlace] = useState(c.minutes.place);
  const [reps, setReps] = useState(c.minutes.representatives);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [dirty, setDirty] = useState(false);
  useEffect(() => setSaved(false), [summary, recs, place, reps]);
  const editable = c.abilities.draft;
  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveConclusion(c.inspectionId, {
        version: c.version,
        summary,
        recommendations: recs,
        minutes: { place, representatives: reps.filter((r) => r.name.trim()) },
      });
      await qc.invalidateQueries({ queryKey: inspectionKeys.conclusion(c.inspectionId) });
      setSaved(true);
      setDirty(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const reload = () => {
    void qc.resetQueries({ queryKey: inspectionKeys.conclusion(c.inspectionId) });
  };
  const updateRec = (n: number, patch: Partial<DraftRec>) =>
    touch(setRecs)(recs.map((r, k) => (k === n ? { ...r, ...patch } : r)));
  const units = c.units.map((u) => ({ value: u.id, label: u.name }));
  const findingLabel = (f: Conclusion['findings'][number]) =>
    `${f.result ? t(`inspections.results.${f.result}`) : '—'} · ${i18n.language.startsWith('en') ? f.text.en || f.text.vi : f.text.vi}`;
  const findings = c.findings.map((f) => ({ value: f.id, label: findingLabel(f) }));
  const numbers = [
    { value: 'minutes', label: t('inspections.page.minutes'), url: minutesDocxUrl(c.inspectionId) },
    { value: 'conclusion', label: t('inspections.page.notice'), url: conclusionDocxUrl(c.inspectionId) },
  ];

  if (c.status !== 'minutes_signed')
    return (
      <Alert color="gray" variant="light">
        {t('inspections.conclusion.notReady')}
      </Alert>
    );
  return (
    <Stack gap="md">
      {!editable && (
        <Alert color="gray" variant="light">
          {t('inspections.conclusion.readOnly')}
        </Alert>
      )}
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Textarea
            label={t('inspections.conclusion.summary')}
            description={t('inspections.conclusion.summaryHint')}
            value={summary}
            onChange={(e) => touch(setSummary)(e.currentTarget.value)}
            autosize
            minRows={4}
            readOnly={!editable}
            data-testid="conclusion-summary"
          />
          <TextInput
            label={t('inspections.conclusion.place')}
            value={place}
            onChange={(e) => touch(setPlace)(e.currentTarget.value)}
            readOnly={!editable}
            data-testid="conclusion-place"
          />
          <Text size="sm" fw={500}>
            {t('inspections.conclusion.representatives')}
          </Text>
          {reps.map((r, n) => (
            <Group key={n} gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('inspections.conclusion.repName')}
                placeholder={t('inspections.conclusion.repName')}
                value={r.name}
                onChange={(e) =>
                  touch(setReps)(reps.map((x, k) => (k === n ? { ...x, name: e.currentTarget.value } : x)))
                }
                readOnly={!editable}
                data-testid="rep-name"
              />
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('inspections.conclusion.repPosition')}
                placeholder={t('inspections.conclusion.repPosition')}
                value={r.position}
                onChange={(e) =>
                  touch(setReps)(
                    reps.map((x, k) => (k === n ? { ...x, position: e.currentTarget.value } : x)),
                  )
                }
                readOnly={!editable}
              />
              {editable && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('inspections.plan.removeMember')}
                  onClick={() => touch(setReps)(reps.filter((_, k) => k !== n))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {editable && (
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => touch(setReps)([...reps, { name: '', position: '' }])}
                data-testid="rep-add"
              >
                {t('inspections.conclusion.addRepresentative')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>

      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('inspections.conclusion.recommendations')}
          </Title>
          {recs.map((r, n) => (
            <Card key={n} withBorder radius="sm" padding="sm" data-testid="draft-recommendation">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>{t('inspections.recs.number', { number: n + 1 })}</Text>
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('inspections.conclusion.removeRecommendation')}
                      onClick={() => touch(setRecs)(recs.filter((_, k) => k !== n))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
                <Textarea
                  label={t('inspections.conclusion.text')}
                  value={r.text}
                  onChange={(e) => updateRec(n, { text: e.currentTarget.value })}
                  autosize
                  minRows={2}
                  readOnly={!editable}
                  data-testid="rec-text"
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    label={t('inspections.conclusion.unit')}
                    data={units}
                    value={r.unitId}
                    onChange={(v) => v && updateRec(n, { unitId: v })}
                    allowDeselect={false}
                    readOnly={!editable}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <DateField
                    label={t('inspections.conclusion.due')}
                    description={t('inspections.conclusion.dueDefault', {
                      date: formatDate(c.rules.defaultDueDate),
                      days: c.rules.workingDays,
                    })}
                    value={r.dueDate}
                    onChange={(v) => updateRec(n, { dueDate: v })}
                    readOnly={!editable}
                  />
                </SimpleGrid>
                <MultiSelect
                  label={t('inspections.conclusion.findings')}
                  data={findings}
                  value={r.findingIds}
                  onChange={(v) => updateRec(n, { findingIds: v })}
                  readOnly={!editable}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="rec-findings"
                />
              </Stack>
            </Card>
          ))}
          {editable && (
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  touch(setRecs)([...recs, { text: '', unitId: c.unit.id, dueDate: null, findingIds: [] }])
                }
                data-testid="rec-add"
              >
                {t('inspections.conclusion.addRecommendation')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>

      {c.problems.length > 0 && !dirty && (
        <Alert
          color="yellow"
          variant="light"
          title={t('inspections.conclusion.problems')}
          data-testid="conclusion-problems"
        >
          <List size="sm">
            {c.problems.map((p) => (
              <List.Item key={p.field + p.message}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ErrorAlert error={error} onReload={reload} />
      <Group
        gap="sm"
        wrap="wrap"
        style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', paddingBlock: 8 }}
      >
        {editable && (
          <Button size="md" onClick={save} loading={busy} data-testid="conclusion-save">
            {t('inspections.conclusion.save')}
          </Button>
        )}
        {saved && (
          <Text size="sm" c="green.8" data-testid="conclusion-saved">
            {t('inspections.conclusion.saved')}
          </Text>
        )}
        <Button
          size="md"
          variant="default"
          onClick={() => setPreview('minutes')}
          disabled={dirty}
          data-testid="preview-minutes"
        >
          {t('inspections.conclusion.previewMinutes')}
        </Button>
        <Button
          size="md"
          variant="default"
          onClick={() => setPreview('conclusion')}
          disabled={dirty}
          data-testid="preview-conclusion"
        >
          {t('inspections.conclusion.previewConclusion')}
        </Button>
        {c.abilities.issue && (
          <Button
            size="md"
            color="green"
            onClick={() => setIssuing(true)}
            disabled={dirty || c.problems.length > 0}
            data-testid="conclusion-issue"
          >
            {t('inspections.conclusion.issue')}
          </Button>
        )}
      </Group>
      <DocxPreviewModal
        choices={numbers}
        initial={preview ?? undefined}
        title={t('inspections.conclusion.previewTitle')}
        opened={!!preview}
        onClose={() => setPreview(null)}
      />
      <IssueModal c={c} opened={issuing} onClose={() => setIssuing(false)} />
    </Stack>
  );
}

function IssueModal({ c, opened, onClose }: { c: Conclusion; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [issuedOn, setIssuedOn] = useState<string | null>(isoDate());
  const [issuer, setIssuer] = useState<Issuer>('team');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await issueConclusion(c.inspectionId, { version: c.version, issuedOn: issuedOn ?? undefined, issuer });
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('inspections.conclusion.issueTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('inspections.conclusion.issueConfirm')}</Text>
        <DateField
          label={t('inspections.conclusion.issuedOn')}
          value={issuedOn}
          onChange={setIssuedOn}
          required
        />
        <Select
          label={t('inspections.conclusion.issuer')}
          data={(['team', 'standing_agency', 'province'] as const).map((v) => ({
            value: v,
            label: t(`inspections.conclusion.issuers.${v}`),
          }))}
          value={issuer}
          onChange={(v) => v && setIssuer(v as Issuer)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button color="green" onClick={submit} loading={busy} data-testid="issue-confirm">
            {t('inspections.conclusion.issue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
