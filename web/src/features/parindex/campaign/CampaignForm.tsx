import { Anchor, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { DecisionHint, DecisionSelect } from '../../../components/DecisionSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { ApiError } from '../../../lib/api';
import {
  createCampaign,
  listFrameworks,
  parKeys,
  updateCampaign,
  type Campaign,
  type FrameworkSummary,
  type UnitGroup,
} from './api';
import { DEADLINE_KEYS, GROUPS, type DeadlineKey } from './labels';

type Values = {
  year: number;
  title: string;
  frameworks: Record<UnitGroup, string | null>;
  selfDeadline: string | null;
  appraisal1Deadline: string | null;
  explanationDeadline: string | null;
  appraisal2Deadline: string | null;
  remediationBelow: number | string;
  documentId: string | null;
  resultDocumentId: string | null;
  note: string;
};

/** The paths of the form a server detail may name (`frameworkIds.commune` → the commune group's picker). */
const fieldPath = (field: string): string | null => {
  if (field.startsWith('frameworkIds.')) return `frameworks.${field.slice('frameworkIds.'.length)}`;
  if (field === 'frameworkIds') return 'frameworks';
  const known = [
    'year',
    'title',
    'remediationBelow',
    'documentId',
    'resultDocumentId',
    'note',
    ...DEADLINE_KEYS,
  ];
  return known.includes(field) ? field : null;
};

/** The published versions of a year's frameworks for one group, newest first. */
const publishedOf = (items: readonly FrameworkSummary[], group: UnitGroup) =>
  items.filter((f) => f.unitGroup === group && f.status === 'published').sort((a, b) => b.number - a.number);

/**
 * The office's form of a year's campaign (create, or edit with its version): the year, the title, a published
 * framework of that year per group of units, the four deadlines, the remediation threshold, the launching document
 * and a note. The server checks everything again; its messages go under the fields they name.
 */
export function CampaignForm({
  opened,
  onClose,
  year: initialYear,
  campaign,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  /** The year a new campaign starts with. */
  year: number;
  /** The campaign being edited (absent: a new one). */
  campaign?: Campaign;
  onSaved?: (c: Campaign) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const editing = !!campaign;
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** The title a new campaign is given: its year and the groups it scores (followed while not typed over). */
  const defaultTitle = (y: number, groups: readonly UnitGroup[] = ['department', 'commune']) =>
    t(`parCampaign.form.defaultTitle.${titleKey(groups)}`, { year: y });
  const isDefaultTitle = (title: string, y: number) =>
    TITLE_KEYS.some((k) => title === t(`parCampaign.form.defaultTitle.${k}`, { year: y }));

  const initial = (): Values => {
    const frameworks = { department: null, commune: null, other: null } as Record<UnitGroup, string | null>;
    for (const f of campaign?.frameworks ?? []) frameworks[f.group] = f.id;
    return {
      year: campaign?.year ?? initialYear,
      title: campaign?.title ?? defaultTitle(initialYear),
      frameworks,
      selfDeadline: campaign?.selfDeadline ?? null,
      appraisal1Deadline: campaign?.appraisal1Deadline ?? null,
      explanationDeadline: campaign?.explanationDeadline ?? null,
      appraisal2Deadline: campaign?.appraisal2Deadline ?? null,
      remediationBelow: campaign?.remediationBelow ?? 70,
      documentId: campaign?.document?.id ?? null,
      resultDocumentId: campaign?.resultDocument?.id ?? null,
      note: campaign?.note ?? '',
    };
  };

  const form = useForm<Values>({
    initialValues: initial(),
    validate: {
      title: (v) => (v.trim() ? null : t('common.required')),
      year: (v) => (Number.isInteger(v) && v >= 2000 && v <= 2100 ? null : t('parCampaign.form.yearInvalid')),
      selfDeadline: (v) => (v ? null : t('common.required')),
      appraisal1Deadline: (v) => (v ? null : t('common.required')),
      explanationDeadline: (v) => (v ? null : t('common.required')),
      appraisal2Deadline: (v) => (v ? null : t('common.required')),
      remediationBelow: (v) =>
        typeof v === 'number' && v >= 0 && v <= 100 ? null : t('parCampaign.form.thresholdInvalid'),
      frameworks: (v) => (Object.values(v).some(Boolean) ? null : t('parCampaign.form.frameworksRequired')),
    },
  });

  // A fresh form each time the dialog opens (the campaign as it now stands, or the year chosen on the page).
  useEffect(() => {
    if (!opened) return;
    const v = initial();
    form.setInitialValues(v);
    form.setValues(v);
    form.clearErrors();
    setError(null);
    // Only when the dialog opens.
  }, [opened]);

  const year = form.values.year;
  const frameworks = useQuery({
    queryKey: parKeys.frameworks(year),
    queryFn: () => listFrameworks(year),
    enabled: opened && year >= 2000 && year <= 2100,
    staleTime: 30_000,
  });

  // A new campaign starts with the newest published version of each group (once per year shown).
  const defaultedFor = useRef<number | null>(null);
  useEffect(() => {
    if (editing || !opened || !frameworks.data || defaultedFor.current === year) return;
    defaultedFor.current = year;
    const next = { ...form.values.frameworks };
    for (const g of GROUPS) next[g] = publishedOf(frameworks.data.frameworks, g)[0]?.id ?? null;
    form.setFieldValue('frameworks', next);
  }, [editing, opened, frameworks.data, year, form]);
  useEffect(() => {
    if (!opened) defaultedFor.current = null;
  }, [opened]);
  // The default title follows the groups chosen (a campaign of the departments alone is not "and the communes").
  const groupsKey = chosenGroups(form.values.frameworks).join(',');
  useEffect(() => {
    if (editing || !opened || !isDefaultTitle(form.values.title, year)) return;
    const next = defaultTitle(year, chosenGroups(form.values.frameworks));
    if (next !== form.values.title) form.setFieldValue('title', next);
    // When the groups chosen change.
  }, [groupsKey]);

  // Once units are scoring, the frameworks stay as chosen (the server refuses a change).
  const frameworksFixed = !!campaign && campaign.stage !== 'preparing';

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    const frameworkIds = Object.fromEntries(
      GROUPS.flatMap((g) => (v.frameworks[g] ? [[g, v.frameworks[g]]] : [])),
    );
    const body = {
      title: v.title.trim(),
      frameworkIds,
      selfDeadline: v.selfDeadline!,
      appraisal1Deadline: v.appraisal1Deadline!,
      explanationDeadline: v.explanationDeadline!,
      appraisal2Deadline: v.appraisal2Deadline!,
      remediationBelow: Number(v.remediationBelow),
      documentId: v.documentId,
      note: v.note.trim(),
    };
    try {
      const saved = campaign
        ? await updateCampaign(campaign.id, {
            ...body,
            version: campaign.version,
            resultDocumentId: v.resultDocumentId,
          })
        : await createCampaign({ ...body, year: v.year });
      qc.setQueryData(parKeys.campaign(saved.id), saved);
      await qc.invalidateQueries({ queryKey: parKeys.campaigns });
      // A deadline moved may have locked the units' assessments (the list under the header shows them).
      if (campaign) await qc.invalidateQueries({ queryKey: [...parKeys.campaign(saved.id), 'assessments'] });
      notifications.show({
        color: 'green',
        message: editing
          ? t('parCampaign.form.updated')
          : t('parCampaign.form.created', { year: saved.year }),
      });
      onSaved?.(saved);
      onClose();
    } catch (e) {
      if (e instanceof ApiError)
        for (const d of e.details) {
          const path = fieldPath(d.field);
          if (path) form.setFieldError(path, d.message);
        }
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const dateProps = (key: DeadlineKey) => ({
    label: t(`parCampaign.deadlines.${key}`),
    description: t(`parCampaign.form.deadlineHelp.${key}`),
    withAsterisk: true,
    value: form.values[key],
    onChange: (v: string | null) => form.setFieldValue(key, v),
    error: form.errors[key],
    'data-testid': `campaign-${key}`,
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={editing ? t('parCampaign.form.editTitle') : t('parCampaign.form.createTitle', { year })}
      onSubmit={form.onSubmit(submit)}
      saving={saving}
      submitLabel={editing ? t('common.save') : t('parCampaign.form.create')}
      size="xl"
      testId="campaign-form"
      submitTestId="campaign-form-submit"
    >
      {!editing && (
        <NumberInput
          label={t('parCampaign.form.year')}
          description={t('parCampaign.form.yearHelp')}
          withAsterisk
          min={2000}
          max={2100}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          styles={{ wrapper: { maxWidth: 160 } }}
          value={form.values.year}
          onChange={(v) => {
            const y = typeof v === 'number' ? v : Number(v);
            if (isDefaultTitle(form.values.title, form.values.year))
              form.setFieldValue('title', defaultTitle(y, chosenGroups(form.values.frameworks)));
            form.setFieldValue('year', y);
          }}
          error={form.errors.year}
          data-testid="campaign-year"
        />
      )}
      <Textarea
        label={t('parCampaign.form.title')}
        withAsterisk
        autosize
        minRows={1}
        maxLength={300}
        {...form.getInputProps('title')}
        data-testid="campaign-title"
      />

      <Stack gap={6}>
        <Title order={3} size="h6">
          {t('parCampaign.form.frameworks')}
        </Title>
        <Text size="xs" c="dimmed">
          {frameworksFixed
            ? t('parCampaign.form.frameworksFixed')
            : t('parCampaign.form.frameworksHelp', { year })}
        </Text>
        {form.errors.frameworks && (
          <Text size="sm" c="red.7" role="alert" data-testid="campaign-frameworks-error">
            {form.errors.frameworks}
          </Text>
        )}
        {GROUPS.map((g) =>
          frameworksFixed ? (
            <FixedFramework key={g} group={g} campaign={campaign!} />
          ) : (
            <FrameworkPicker
              key={g}
              group={g}
              year={year}
              items={frameworks.data?.frameworks}
              loading={frameworks.isLoading}
              value={form.values.frameworks[g]}
              onChange={(v) => {
                form.setFieldValue(`frameworks.${g}`, v);
                form.clearFieldError('frameworks');
              }}
              error={form.errors[`frameworks.${g}`]}
            />
          ),
        )}
        {!frameworksFixed &&
          frameworks.data &&
          GROUPS.some((g) => publishedOf(frameworks.data.frameworks, g).length === 0) && (
            <Text size="sm">
              <Anchor component={Link} to="/par/frameworks" size="sm" data-testid="campaign-open-frameworks">
                {t('parCampaign.form.openFrameworks', { year })}
              </Anchor>
            </Text>
          )}
        {frameworks.isError && <ErrorAlert error={frameworks.error} />}
      </Stack>

      <Stack gap={6}>
        <Title order={3} size="h6">
          {t('parCampaign.form.deadlines')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('parCampaign.form.deadlinesHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {DEADLINE_KEYS.map((k) => (
            <DateField key={k} {...dateProps(k)} />
          ))}
        </SimpleGrid>
      </Stack>

      <NumberInput
        label={t('parCampaign.form.threshold')}
        description={t('parCampaign.form.thresholdHelp')}
        withAsterisk
        min={0}
        max={100}
        decimalScale={2}
        decimalSeparator=","
        allowedDecimalSeparators={[',', '.']}
        allowNegative={false}
        hideControls
        inputMode="decimal"
        rightSection={
          <Text size="sm" c="dimmed" pr="xs">
            %
          </Text>
        }
        rightSectionPointerEvents="none"
        styles={{ wrapper: { maxWidth: 200 } }}
        {...form.getInputProps('remediationBelow')}
        data-testid="campaign-threshold"
      />
      <Stack gap={4}>
        <DecisionSelect
          label={t('parCampaign.form.document')}
          description={t('parCampaign.form.documentHelp')}
          value={form.values.documentId}
          onChange={(v) => form.setFieldValue('documentId', v)}
          error={form.errors.documentId}
          data-testid="campaign-document"
        />
        <DecisionHint />
      </Stack>
      {editing &&
        (campaign.stage === 'appraisal_2' || campaign.stage === 'finalised' || !!campaign.resultDocument) && (
          <DecisionSelect
            label={t('parCampaign.form.resultDocument')}
            description={t('parCampaign.form.resultDocumentHelp')}
            value={form.values.resultDocumentId}
            onChange={(v) => form.setFieldValue('resultDocumentId', v)}
            error={form.errors.resultDocumentId}
            data-testid="campaign-result-document"
          />
        )}
      <Textarea
        label={t('parCampaign.form.note')}
        autosize
        minRows={2}
        maxLength={4000}
        {...form.getInputProps('note')}
        data-testid="campaign-note"
      />
      <ErrorAlert
        error={error}
        onReload={() => {
          void qc.invalidateQueries({ queryKey: parKeys.all });
          onClose();
        }}
      />
    </FormModal>
  );
}

/** One group's framework: a published version of the year, or why there is none and where to make one. */
function FrameworkPicker({
  group,
  year,
  items,
  loading,
  value,
  onChange,
  error,
}: {
  group: UnitGroup;
  year: number;
  items: readonly FrameworkSummary[] | undefined;
  loading: boolean;
  value: string | null;
  onChange: (v: string | null) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const published = useMemo(() => publishedOf(items ?? [], group), [items, group]);
  const drafts = (items ?? []).filter((f) => f.unitGroup === group && f.status === 'draft').length;
  const label = t(`parCampaign.groups.${group}`);
  if (!loading && items && published.length === 0)
    return (
      <Stack gap={2} data-testid={`campaign-framework-${group}`} data-empty="true">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {drafts > 0
            ? t('parCampaign.form.onlyDrafts', { year, count: drafts })
            : t('parCampaign.form.noFramework', { year })}
        </Text>
        {typeof error === 'string' && (
          <Text size="xs" c="red.7">
            {error}
          </Text>
        )}
      </Stack>
    );
  return (
    <Select
      label={label}
      placeholder={loading ? t('common.loading') : t('parCampaign.form.frameworkNone')}
      clearable
      data={published.map((f) => ({
        value: f.id,
        label: t('parCampaign.form.frameworkOption', { title: f.title, number: f.number }),
      }))}
      value={value}
      onChange={onChange}
      error={typeof error === 'string' ? error : undefined}
      comboboxProps={{ withinPortal: true }}
      data-testid={`campaign-framework-${group}`}
    />
  );
}

/** A group's framework once units are scoring against it (no longer changed). */
function FixedFramework({ group, campaign }: { group: UnitGroup; campaign: Campaign }) {
  const { t } = useTranslation();
  const f = campaign.frameworks.find((x) => x.group === group);
  return (
    <Stack gap={0} data-testid={`campaign-framework-${group}`}>
      <Text size="sm" fw={500}>
        {t(`parCampaign.groups.${group}`)}
      </Text>
      <Text size="sm" c={f ? undefined : 'dimmed'}>
        {f
          ? t('parCampaign.form.frameworkOption', { title: f.title, number: f.number })
          : t('parCampaign.form.groupNotScored')}
      </Text>
    </Stack>
  );
}

const TITLE_KEYS = ['all', 'department', 'commune', 'units'] as const;
const chosenGroups = (f: Record<UnitGroup, string | null>): UnitGroup[] => GROUPS.filter((g) => !!f[g]);
function titleKey(groups: readonly UnitGroup[]): (typeof TITLE_KEYS)[number] {
  const key = [...groups].sort().join(',');
  if (key === 'department') return 'department';
  if (key === 'commune') return 'commune';
  if (key === 'commune,department' || key === '') return 'all';
  return 'units';
}
