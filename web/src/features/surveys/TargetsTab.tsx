import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  CopyButton,
  Group,
  List,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconInfoCircle, IconPlus, IconPrinter, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LeaveGuard } from '../../components/LeaveGuard';
import { ScrollCue } from '../../components/table';
import { UnitSelect } from '../../components/UnitSelect';
import { ApiError } from '../../lib/api';
import { formatNumber, unitsDayOfYear } from '../../lib/format';
import {
  getSampleSize,
  saveTargets,
  surveyKeys,
  TARGET_GROUPS,
  type Survey,
  type Target,
  type TargetGroup,
} from './api';
import { groupLabel } from './labels';
import { marginFromPercent, progressPercent, quotaText, sampleSizeOf } from './model/format';
import { newUid } from './model/definition';

type Row = {
  uid: string;
  unitId: string | null;
  group: TargetGroup;
  population: number | null;
  quota: number | null;
  /** The stored target (progress, link, invitations) when the row is one. */
  stored: Target | null;
};

const rowsOf = (targets: readonly Target[]): Row[] =>
  targets.map((x) => ({
    uid: newUid(),
    unitId: x.unit.id,
    group: x.targetGroup,
    population: x.population,
    quota: x.quota,
    stored: x,
  }));

/** The stored target of a unit and group (its progress and link stay with the row while it is edited). */
const storedFor = (targets: readonly Target[], unitId: string | null, group: TargetGroup) =>
  targets.find((x) => x.unit.id === unitId && x.targetGroup === group) ?? null;

/** The server's helper: n = N / (1 + N·e²) for a population and margin, asked as they are typed. */
function SampleSizeHelper({
  marginPercent,
  onMargin,
}: {
  marginPercent: number | string;
  onMargin: (v: number | string) => void;
}) {
  const { t } = useTranslation();
  const [population, setPopulation] = useState<number | string>(10_000);
  const margin = marginFromPercent(marginPercent);
  const [asked] = useDebouncedValue(
    typeof population === 'number' && margin !== null ? { population, margin } : null,
    300,
  );
  const answer = useQuery({
    queryKey: surveyKeys.sampleSize(asked?.population ?? 0, asked?.margin ?? 0),
    queryFn: () => getSampleSize(asked!.population, asked!.margin),
    enabled: !!asked,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  return (
    <Card withBorder padding="md" data-testid="sample-size-helper">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('surveys.targets.sample.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('surveys.targets.sample.lead')}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NumberInput
            label={t('surveys.targets.sample.population')}
            value={population}
            onChange={setPopulation}
            min={0}
            max={100_000_000}
            allowDecimal={false}
            thousandSeparator="."
            decimalSeparator=","
            w={180}
            data-testid="sample-size-population"
          />
          <NumberInput
            label={t('surveys.targets.sample.margin')}
            value={marginPercent}
            onChange={onMargin}
            min={1}
            max={20}
            step={0.5}
            decimalScale={1}
            decimalSeparator=","
            suffix="%"
            w={120}
            error={margin === null ? t('surveys.targets.sample.marginRange') : undefined}
            data-testid="sample-size-margin"
          />
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('surveys.targets.sample.result')}
            </Text>
            <Text size="xl" fw={700} data-testid="sample-size-result">
              {answer.data ? formatNumber(answer.data.sampleSize) : '—'}
            </Text>
          </Stack>
        </Group>
        <ErrorAlert error={answer.error} />
      </Stack>
    </Card>
  );
}

/**
 * Targets and quotas (tab "Đơn vị và chỉ tiêu"): one row per unit × respondent group with the population served
 * and the quota (by default the sample size n = N / (1 + N·e²)); the responses received against it (live while the
 * survey is open), its public link and its QR poster. The office edits the list (`abilities.manageTargets`) and saves
 * it whole with the version read.
 */
export function TargetsTab({ s, onReload }: { s: Survey; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canEdit = s.abilities.manageTargets;
  const [rows, setRowsState] = useState<Row[]>(() => rowsOf(s.targetList));
  const [dirty, setDirty] = useState(false);
  const [marginPercent, setMarginPercent] = useState<number | string>(5);
  const [tried, setTried] = useState(false);
  const start = useRef({ targets: JSON.stringify(s.targetList.map((x) => x.id)), version: s.version });
  const margin = marginFromPercent(marginPercent) ?? 0.05;
  const T = (k: string, v?: Record<string, unknown>) => t(`surveys.targets.${k}`, v ?? {});

  // Not being edited: the rows follow the server (progress refreshed every 30 s while open).
  const [seen, setSeen] = useState(s.targetList);
  if (seen !== s.targetList) {
    setSeen(s.targetList);
    if (!dirty) setRowsState(rowsOf(s.targetList));
  }
  const setRows = (next: Row[]) => {
    setRowsState(next);
    setDirty(true);
  };
  const update = (uid: string, patch: Partial<Row>) =>
    setRows(rows.map((r) => (r.uid === uid ? { ...r, ...patch } : r)));

  const duplicates = new Set(
    rows
      .map((r) => `${r.unitId}|${r.group}`)
      .filter((k, i, all) => !k.startsWith('null') && all.indexOf(k) !== i),
  );
  const invalid = rows.some((r) => !r.unitId) || duplicates.size > 0;

  const save = useMutation({
    mutationFn: () => {
      const sameTargets = JSON.stringify(s.targetList.map((x) => x.id)) === start.current.targets;
      return saveTargets(s.id, {
        version: sameTargets ? s.version : start.current.version,
        margin,
        targets: rows.map((r) => ({
          unitId: r.unitId!,
          targetGroup: r.group,
          population: r.population,
          quota: r.quota,
        })),
      });
    },
    onSuccess: async (saved) => {
      setDirty(false);
      setTried(false);
      if (saved && typeof saved === 'object' && 'targetList' in saved) {
        start.current = {
          targets: JSON.stringify(saved.targetList.map((x) => x.id)),
          version: saved.version,
        };
        setRowsState(rowsOf(saved.targetList));
        setSeen(saved.targetList);
      }
      notifications.show({ color: 'green', message: T('saved') });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    },
  });
  const stale = save.error instanceof ApiError && save.error.isStale;
  const asOf = unitsDayOfYear(s.year);

  const fillQuotas = () =>
    setRows(
      rows.map((r) =>
        r.population !== null && r.population > 0 && r.quota === null
          ? { ...r, quota: sampleSizeOf(r.population, margin) }
          : r,
      ),
    );
  const totalQuota = rows.reduce(
    (n, r) => n + (r.quota ?? (r.population ? sampleSizeOf(r.population, margin) : 0)),
    0,
  );
  const totalResponses = rows.reduce((n, r) => n + (r.stored?.responses ?? 0), 0);

  return (
    <Stack gap="md" data-testid="targets-tab">
      {canEdit && <LeaveGuard dirty={dirty} />}
      <Text size="sm" c="dimmed" maw={860}>
        {T('lead')}
      </Text>
      {canEdit && <SampleSizeHelper marginPercent={marginPercent} onMargin={setMarginPercent} />}
      {rows.length === 0 && !canEdit && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          {T('none')}
        </Alert>
      )}
      {(rows.length > 0 || canEdit) && (
        <ScrollCue minWidth={canEdit ? 1320 : 1000} label={T('tableLabel')} testId="targets-scroll">
          <Table striped verticalSpacing="xs" data-testid="targets-table">
            <Table.Thead>
              <Table.Tr>
                {/* Wide enough for a unit's whole name ("Văn phòng UBND tỉnh", "Phường Vinh Hưng"). */}
                <Table.Th miw={280}>{T('unit')}</Table.Th>
                <Table.Th w={150}>{T('group')}</Table.Th>
                <Table.Th w={140} ta="right">
                  {T('population')}
                </Table.Th>
                <Table.Th w={140} ta="right">
                  {T('quota')}
                </Table.Th>
                <Table.Th w={180}>{T('progress')}</Table.Th>
                <Table.Th w={110} ta="right">
                  {T('invitations')}
                </Table.Th>
                <Table.Th w={200}>{T('link')}</Table.Th>
                {canEdit && <Table.Th w={44} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const stored = r.stored;
                const suggested = r.population ? sampleSizeOf(r.population, margin) : null;
                const percent = stored ? progressPercent(stored.responses, stored.quota) : null;
                const dup = duplicates.has(`${r.unitId}|${r.group}`);
                return (
                  <Table.Tr key={r.uid} data-testid="target-row">
                    <Table.Td>
                      {canEdit ? (
                        <UnitSelect
                          aria-label={T('unit')}
                          value={r.unitId}
                          onChange={(unitId) =>
                            update(r.uid, { unitId, stored: storedFor(s.targetList, unitId, r.group) })
                          }
                          asOf={asOf}
                          scope="province"
                          size="xs"
                          error={tried && !r.unitId ? T('unitRequired') : dup ? T('duplicate') : undefined}
                          data-testid="target-unit"
                        />
                      ) : (
                        <Text size="sm">{stored?.unit.name}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canEdit ? (
                        <Select
                          aria-label={T('group')}
                          size="xs"
                          data={TARGET_GROUPS.map((g) => ({ value: g, label: groupLabel(t, g) }))}
                          value={r.group}
                          onChange={(g) =>
                            g &&
                            update(r.uid, {
                              group: g as TargetGroup,
                              stored: storedFor(s.targetList, r.unitId, g as TargetGroup),
                            })
                          }
                          allowDeselect={false}
                          comboboxProps={{ withinPortal: true }}
                          data-testid="target-group"
                        />
                      ) : (
                        <Text size="sm">{groupLabel(t, r.group)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {canEdit ? (
                        <NumberInput
                          aria-label={T('population')}
                          size="xs"
                          value={r.population ?? ''}
                          onChange={(v) => update(r.uid, { population: typeof v === 'number' ? v : null })}
                          min={0}
                          allowDecimal={false}
                          thousandSeparator="."
                          decimalSeparator=","
                          data-testid="target-population"
                        />
                      ) : (
                        <Text size="sm">{formatNumber(r.population)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {canEdit ? (
                        <NumberInput
                          aria-label={T('quota')}
                          size="xs"
                          value={r.quota ?? ''}
                          placeholder={suggested !== null ? formatNumber(suggested) : undefined}
                          description={r.quota === null && suggested !== null ? T('quotaDefault') : undefined}
                          onChange={(v) => update(r.uid, { quota: typeof v === 'number' ? v : null })}
                          min={0}
                          allowDecimal={false}
                          thousandSeparator="."
                          decimalSeparator=","
                          data-testid="target-quota"
                        />
                      ) : (
                        <Text size="sm">{formatNumber(r.quota)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {stored ? (
                        <Stack gap={2}>
                          <Text size="xs" data-testid="target-progress">
                            {quotaText(stored.responses, stored.quota)}
                          </Text>
                          {percent !== null && (
                            <Progress
                              value={percent}
                              size="sm"
                              color={percent >= 100 ? 'green' : 'blue'}
                              aria-label={T('progressOf', { unit: stored.unit.name })}
                            />
                          )}
                        </Stack>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {T('notSaved')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="xs">
                        {stored
                          ? T('invitationCounts', {
                              sent: formatNumber(stored.invitations.sent),
                              used: formatNumber(stored.invitations.used),
                            })
                          : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {stored && (
                        <Group gap={4} wrap="nowrap">
                          <Anchor
                            href={stored.publicUrl}
                            target="_blank"
                            rel="noreferrer"
                            size="xs"
                            style={{ wordBreak: 'break-all' }}
                            data-testid="target-link"
                          >
                            {stored.publicUrl}
                          </Anchor>
                          <CopyButton value={stored.publicUrl}>
                            {({ copied, copy }) => (
                              <Tooltip label={copied ? T('copied') : T('copy')} withArrow>
                                <ActionIcon
                                  variant="subtle"
                                  color={copied ? 'teal' : 'gray'}
                                  onClick={copy}
                                  aria-label={T('copy')}
                                >
                                  {copied ? (
                                    <IconCheck size={14} aria-hidden />
                                  ) : (
                                    <IconCopy size={14} aria-hidden />
                                  )}
                                </ActionIcon>
                              </Tooltip>
                            )}
                          </CopyButton>
                        </Group>
                      )}
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => setRows(rows.filter((x) => x.uid !== r.uid))}
                          aria-label={T('remove')}
                          title={T('remove')}
                          data-testid="target-remove"
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollCue>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Text size="sm" data-testid="targets-total">
          {T('total', {
            targets: formatNumber(rows.length),
            quota: formatNumber(totalQuota),
            responses: formatNumber(totalResponses),
          })}
        </Text>
        {s.targetList.length > 0 && (
          <Group justify="flex-end">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPrinter size={14} aria-hidden />}
              renderRoot={(props) => <Link to="/surveys/$id/posters" params={{ id: s.id }} {...props} />}
              data-testid="targets-posters"
            >
              {t('surveys.posters.link')}
            </Button>
          </Group>
        )}
      </SimpleGrid>
      {canEdit && (
        <Group gap="sm" wrap="wrap">
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              setRows([
                ...rows,
                {
                  uid: newUid(),
                  unitId: null,
                  group: 'citizen',
                  population: null,
                  quota: null,
                  stored: null,
                },
              ])
            }
            data-testid="target-add"
          >
            {T('add')}
          </Button>
          <Button variant="subtle" size="xs" onClick={fillQuotas} data-testid="target-fill-quotas">
            {T('fillQuotas', { margin: formatNumber(margin * 100, 1) })}
          </Button>
          <Button
            ml="auto"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => {
              setTried(true);
              if (!invalid) save.mutate();
            }}
            data-testid="targets-save"
          >
            {T('save')}
          </Button>
        </Group>
      )}
      {canEdit && tried && invalid && (
        <Text size="sm" c="red.8" role="alert">
          {T('fixRows')}
        </Text>
      )}
      <ErrorAlert error={save.error} onReload={stale ? onReload : undefined} />
      {save.error instanceof ApiError && save.error.details.length > 0 && (
        <List size="sm" c="red.8" data-testid="targets-problems">
          {save.error.details.map((d, i) => {
            const row = /^targets\[(\d+)\]/.exec(d.field);
            return (
              <List.Item key={`${d.field}-${i}`}>
                {row ? `${T('rowN', { n: Number(row[1]) + 1 })}: ${d.message}` : d.message}
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}
