import { ScrollCue } from '../../components/table';
import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime, formatNumber, isoDate } from '../../lib/format';
import type { LightKey } from './dashboardApi';
import { ProblemList } from './ProblemList';
import {
  addSettingsVersion,
  getSettings,
  settingsKeys,
  type DossierSettings,
  type Qd766Group,
  type RulesVersion,
  type ThresholdRule,
} from './settingsApi';

type DraftThreshold = ThresholdRule & { greenPct: number | ''; amberPct: number | '' };
type Draft = {
  effectiveFrom: string | null;
  note: string;
  legalBasis: string;
  thresholds: DraftThreshold[];
  groups: Qd766Group[];
};

const toPct = (v: number) => Math.round(v * 10000) / 100;
const fromPct = (v: number | '') => (v === '' ? NaN : Math.round(Number(v) * 100) / 10000);

const draftOf = (v: RulesVersion): Draft => ({
  effectiveFrom: isoDate(),
  note: '',
  legalBasis: '',
  thresholds: v.thresholds.map((t) => ({ ...t, greenPct: toPct(t.green), amberPct: toPct(t.amber) })),
  groups: structuredClone(v.qd766.groups),
});

/** Vietnamese number entry everywhere (1.234,5), as the rest of the application shows numbers. */
const NUMBER_PROPS = { decimalSeparator: ',', thousandSeparator: '.', hideControls: true } as const;

function ConfirmedBadge({ confirmed }: { confirmed: boolean }) {
  const { t } = useTranslation();
  return confirmed ? (
    <Badge color="green" variant="light" size="sm">
      {t('dossiersSettings.confirmed')}
    </Badge>
  ) : (
    <Badge color="orange" variant="light" size="sm" data-testid="settings-unconfirmed">
      {t('dossiersSettings.unconfirmed')}
    </Badge>
  );
}

function ThresholdTable({
  draft,
  onChange,
  readOnly,
}: {
  draft: Draft;
  onChange: (thresholds: DraftThreshold[]) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<DraftThreshold>) =>
    onChange(draft.thresholds.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <ScrollCue minWidth={820}>
      <Table striped verticalSpacing={6} data-testid="settings-thresholds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossiersSettings.indicator')}</Table.Th>
            <Table.Th>{t('dossiersSettings.direction')}</Table.Th>
            <Table.Th w={130}>{t('dossiersSettings.green')}</Table.Th>
            <Table.Th w={130}>{t('dossiersSettings.amber')}</Table.Th>
            <Table.Th>{t('dossiersSettings.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.thresholds.map((row, i) => {
            const name = t(`dossiers.kpi.${row.key}`);
            const g = Number(row.greenPct);
            const a = Number(row.amberPct);
            const wrongOrder =
              row.greenPct !== '' && row.amberPct !== '' && (row.direction === 'higher' ? a > g : a < g);
            return (
              <Table.Tr key={row.key} data-testid={`threshold-${row.key}`}>
                <Table.Td fw={500}>{name}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`dossiersSettings.${row.direction}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    {...NUMBER_PROPS}
                    aria-label={t('dossiersSettings.greenOf', { name })}
                    value={row.greenPct}
                    onChange={(v) => set(i, { greenPct: v === '' ? '' : Number(v) })}
                    min={0}
                    max={100}
                    decimalScale={2}
                    suffix="%"
                    disabled={readOnly}
                    data-testid={`threshold-${row.key}-green`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    {...NUMBER_PROPS}
                    aria-label={t('dossiersSettings.amberOf', { name })}
                    value={row.amberPct}
                    onChange={(v) => set(i, { amberPct: v === '' ? '' : Number(v) })}
                    min={0}
                    max={100}
                    decimalScale={2}
                    suffix="%"
                    disabled={readOnly}
                    error={
                      wrongOrder
                        ? t(
                            row.direction === 'higher'
                              ? 'dossiersSettings.amberAbove'
                              : 'dossiersSettings.amberBelow',
                          )
                        : undefined
                    }
                    data-testid={`threshold-${row.key}-amber`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('dossiersSettings.sourceOf', { name })}
                    placeholder={t('dossiersSettings.sourceDefault')}
                    value={row.source ?? ''}
                    onChange={(e) => set(i, { source: e.currentTarget.value || null })}
                    disabled={readOnly}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

function WeightsTable({
  draft,
  catalogue,
  onChange,
  readOnly,
}: {
  draft: Draft;
  /** Every criterion the server can score, with its group: a group offers those it does not hold yet. */
  catalogue: DossierSettings['criteria'];
  onChange: (groups: Qd766Group[]) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const offered = (g: Qd766Group) =>
    catalogue.filter((c) => c.group === g.key && !g.criteria.some((x) => x.key === c.key));
  const removable = (key: string) => catalogue.some((c) => c.key === key && !c.shipped);
  const addCriterion = (gi: number, key: string | null) => {
    const found = catalogue.find((c) => c.key === key);
    if (!found) return;
    setGroup(gi, {
      criteria: [
        ...draft.groups[gi]!.criteria,
        {
          key: found.key,
          weight: 1,
          confirmed: false,
          formulaConfirmed: found.formulaConfirmed,
          source: found.source,
        },
      ],
    });
  };
  const setGroup = (gi: number, patch: Partial<Qd766Group>) =>
    onChange(draft.groups.map((g, j) => (j === gi ? { ...g, ...patch } : g)));
  const setCriterion = (gi: number, ci: number, patch: Partial<Qd766Group['criteria'][number]>) =>
    setGroup(gi, {
      criteria: draft.groups[gi]!.criteria.map((c, j) => (j === ci ? { ...c, ...patch } : c)),
    });
  const sum = draft.groups.reduce((n, g) => n + (Number.isFinite(g.max) ? g.max : 0), 0);
  return (
    <Stack gap="xs">
      <ScrollCue minWidth={820}>
        <Table verticalSpacing={6} data-testid="settings-weights">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dossiersSettings.groupOrCriterion')}</Table.Th>
              <Table.Th w={140}>{t('dossiersSettings.max')}</Table.Th>
              <Table.Th w={140}>{t('dossiersSettings.weight')}</Table.Th>
              <Table.Th>{t('dossiersSettings.status')}</Table.Th>
              <Table.Th>{t('dossiersSettings.markConfirmed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.groups.map((g, gi) => [
              <Table.Tr key={g.key} bg="gray.0" data-testid={`group-${g.key}`}>
                <Table.Td fw={600}>{t(`dossiersSettings.group.${g.key}`)}</Table.Td>
                <Table.Td>
                  <NumberInput
                    {...NUMBER_PROPS}
                    aria-label={t('dossiersSettings.maxOf', { name: t(`dossiersSettings.group.${g.key}`) })}
                    value={g.max}
                    onChange={(v) => setGroup(gi, { max: v === '' ? NaN : Number(v) })}
                    min={0}
                    max={100}
                    decimalScale={2}
                    disabled={readOnly}
                    data-testid={`group-${g.key}-max`}
                  />
                </Table.Td>
                <Table.Td />
                <Table.Td>
                  <ConfirmedBadge confirmed={g.confirmed} />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('dossiersSettings.markConfirmedOf', {
                      name: t(`dossiersSettings.group.${g.key}`),
                    })}
                    checked={g.confirmed}
                    onChange={(e) => setGroup(gi, { confirmed: e.currentTarget.checked })}
                    disabled={readOnly}
                  />
                </Table.Td>
              </Table.Tr>,
              ...g.criteria.map((c, ci) => (
                <Table.Tr key={`${g.key}.${c.key}`} data-testid={`criterion-${c.key}`}>
                  <Table.Td pl="xl">
                    <Text size="sm">{t(`dossiersSettings.criterion.${c.key}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`dossiersSettings.criterionSource.${c.source}`)}
                      {c.formulaConfirmed ? '' : ` · ${t('dossiersSettings.formulaUnconfirmed')}`}
                    </Text>
                    {!readOnly && removable(c.key) && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-xs"
                        px={0}
                        onClick={() => setGroup(gi, { criteria: g.criteria.filter((_, j) => j !== ci) })}
                        data-testid={`criterion-${c.key}-remove`}
                      >
                        {t('dossiersSettings.removeCriterion')}
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td />
                  <Table.Td>
                    <NumberInput
                      {...NUMBER_PROPS}
                      aria-label={t('dossiersSettings.weightOf', {
                        name: t(`dossiersSettings.criterion.${c.key}`),
                      })}
                      value={c.weight}
                      onChange={(v) => setCriterion(gi, ci, { weight: v === '' ? NaN : Number(v) })}
                      min={0}
                      decimalScale={3}
                      disabled={readOnly}
                      data-testid={`criterion-${c.key}-weight`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ConfirmedBadge confirmed={c.confirmed} />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('dossiersSettings.markConfirmedOf', {
                        name: t(`dossiersSettings.criterion.${c.key}`),
                      })}
                      checked={c.confirmed}
                      onChange={(e) => setCriterion(gi, ci, { confirmed: e.currentTarget.checked })}
                      disabled={readOnly}
                    />
                  </Table.Td>
                </Table.Tr>
              )),
              ...(!readOnly && offered(g).length
                ? [
                    <Table.Tr key={`${g.key}.add`}>
                      <Table.Td pl="xl" colSpan={5}>
                        <Select
                          size="xs"
                          maw={420}
                          placeholder={t('dossiersSettings.addCriterion')}
                          aria-label={t('dossiersSettings.addCriterionTo', {
                            name: t(`dossiersSettings.group.${g.key}`),
                          })}
                          data={offered(g).map((c) => ({
                            value: c.key,
                            label: t(`dossiersSettings.criterion.${c.key}`),
                          }))}
                          value={null}
                          onChange={(v) => addCriterion(gi, v)}
                          data-testid={`group-${g.key}-add`}
                        />
                      </Table.Td>
                    </Table.Tr>,
                  ]
                : []),
            ])}
          </Table.Tbody>
        </Table>
      </ScrollCue>
      <Text size="sm" c={Math.abs(sum - 100) > 1e-9 ? 'red' : 'dimmed'} data-testid="settings-max-sum">
        {t('dossiersSettings.maxSum', { sum: formatNumber(sum) })}
      </Text>
    </Stack>
  );
}

function History({ settings }: { settings: DossierSettings }) {
  const { t } = useTranslation();
  const rows = [...settings.history, settings.defaults];
  return (
    <ScrollCue minWidth={860}>
      <Table striped data-testid="settings-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossiersSettings.version')}</Table.Th>
            <Table.Th>{t('dossiersSettings.effectiveFrom')}</Table.Th>
            <Table.Th>{t('dossiersSettings.note')}</Table.Th>
            <Table.Th>{t('dossiersSettings.legalBasis')}</Table.Th>
            <Table.Th>{t('dossiersSettings.by')}</Table.Th>
            <Table.Th>{t('common.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((v) => (
            <Table.Tr key={v.version} data-testid="settings-history-row" data-version={v.version}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {v.isDefault
                      ? t('dossiersSettings.defaults')
                      : t('common.versionN', { version: v.version })}
                  </Text>
                  {v.version === settings.current.version && (
                    <Badge color="green" size="sm" variant="light" data-testid="settings-in-force">
                      {t('dossiersSettings.inForce')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{formatDate(v.effectiveFrom)}</Table.Td>
              <Table.Td>{v.note ?? t('dossiersSettings.defaultsNote')}</Table.Td>
              <Table.Td>{v.legalBasis ?? '—'}</Table.Td>
              <Table.Td>{v.createdBy?.name ?? '—'}</Table.Td>
              <Table.Td>{v.createdAt ? formatDateTime(v.createdAt) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

function Editor({ settings }: { settings: DossierSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(settings);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings.current));
  const readOnly = !settings.abilities.create;
  const save = useMutation({
    mutationFn: () =>
      addSettingsVersion({
        version: base.latestVersion,
        effectiveFrom: draft.effectiveFrom ?? '',
        note: draft.note.trim(),
        legalBasis: draft.legalBasis.trim() || null,
        thresholds: draft.thresholds.map((row) => ({
          key: row.key as LightKey,
          green: fromPct(row.greenPct),
          amber: fromPct(row.amberPct),
          source: row.source?.trim() || null,
        })),
        qd766: {
          groups: draft.groups.map((g) => ({
            key: g.key,
            max: g.max,
            confirmed: g.confirmed,
            criteria: g.criteria.map((c) => ({ key: c.key, weight: c.weight, confirmed: c.confirmed })),
          })),
        },
      }),
    onSuccess: (v) => {
      notifications.show({
        color: 'green',
        message: t('dossiersSettings.saved', { version: v.version, date: formatDate(v.effectiveFrom) }),
      });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'breakdown'] });
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'trend'] });
    },
  });
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: settingsKeys.all, queryFn: getSettings });
    setBase(fresh);
    setDraft(draftOf(fresh.current));
    save.reset();
  };
  const canSave = !!draft.effectiveFrom && draft.note.trim().length > 0;
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('dossiersSettings.thresholdsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('dossiersSettings.thresholdsHint')}
          </Text>
          <ThresholdTable
            draft={draft}
            onChange={(thresholds) => setDraft((d) => ({ ...d, thresholds }))}
            readOnly={readOnly}
          />
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('dossiersSettings.weightsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('dossiersSettings.weightsHint', { basis: settings.current.qd766.basis })}
          </Text>
          {draft.groups.some((g) => !g.confirmed || g.criteria.some((c) => !c.confirmed)) && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('dossiersSettings.unconfirmedNote')}
            </Alert>
          )}
          <WeightsTable
            draft={draft}
            catalogue={settings.criteria}
            onChange={(groups) => setDraft((d) => ({ ...d, groups }))}
            readOnly={readOnly}
          />
        </Stack>
      </Card>
      {!readOnly && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('dossiersSettings.saveTitle')}
            </Title>
            <Group align="flex-start" gap="md" wrap="wrap">
              <DateField
                label={t('dossiersSettings.effectiveFrom')}
                required
                value={draft.effectiveFrom}
                onChange={(v) => setDraft((d) => ({ ...d, effectiveFrom: v }))}
                w={200}
                data-testid="settings-effective-from"
              />
              <Textarea
                label={t('dossiersSettings.note')}
                required
                autosize
                minRows={2}
                value={draft.note}
                onChange={(e) => setDraft((d) => ({ ...d, note: e.currentTarget.value }))}
                style={{ flex: 1, minWidth: 280 }}
                data-testid="settings-note"
              />
              <Textarea
                label={t('dossiersSettings.legalBasis')}
                description={t('dossiersSettings.legalBasisHint')}
                autosize
                minRows={2}
                value={draft.legalBasis}
                onChange={(e) => setDraft((d) => ({ ...d, legalBasis: e.currentTarget.value }))}
                style={{ flex: 1, minWidth: 280 }}
                data-testid="settings-legal-basis"
              />
            </Group>
            <ErrorAlert error={save.error} onReload={() => void reload()} />
            <ProblemList error={save.error} />
            <Group>
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                disabled={!canSave}
                loading={save.isPending}
                onClick={() => save.mutate()}
                data-testid="settings-save"
              >
                {t('dossiersSettings.save')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('dossiersSettings.saveHint')}
              </Text>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

/** "Ngưỡng đánh giá và trọng số QĐ 766": the dossier rules as versioned data, with their history. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: settingsKeys.all, queryFn: getSettings });
  const s = settings.data;
  return (
    <>
      <PageHeader title={t('dossiersSettings.title')} description={t('dossiersSettings.description')} />
      {settings.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={settings.error} />
      {s && (
        <Stack gap="lg">
          <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="settings-current">
            {s.current.isDefault
              ? t('dossiersSettings.currentDefault')
              : t('dossiersSettings.current', {
                  version: s.current.version,
                  date: formatDate(s.current.effectiveFrom),
                })}
          </Alert>
          <Editor key={s.latestVersion} settings={s} />
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('dossiersSettings.historyTitle')}
            </Title>
            <History settings={s} />
          </Stack>
        </Stack>
      )}
    </>
  );
}
