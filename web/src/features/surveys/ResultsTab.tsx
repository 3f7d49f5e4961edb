import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEyeOff, IconFileSpreadsheet, IconFlag, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScrollCue } from '../../components/table';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate, formatNumber, unitsDayOfYear } from '../../lib/format';
import {
  CHANNELS,
  FLAG_KINDS,
  getFlags,
  getResults,
  RESULTS_BY,
  responsesXlsxHref,
  surveyKeys,
  type Channel,
  type ItemDistribution,
  type ResultCell,
  type ResultGroup,
  type Results,
  type ResultsBy,
  type ResultsQuery,
  type Survey,
} from './api';
import { channelLabel, textIn } from './labels';
import { formatInterval, sharePercent } from './model/format';

const ResultsChart = lazy(() => import('./ResultsChart').then((m) => ({ default: m.ResultsChart })));

const PHONE = '(max-width: 48em)';
/** The colours of a distribution's parts, from the lowest point to the highest (then the others). */
const SCALE_COLORS = ['red.6', 'orange.5', 'gray.5', 'teal.5', 'green.7'];
const OTHER_COLORS = ['blue.5', 'grape.5', 'cyan.5', 'indigo.5', 'pink.5', 'lime.6', 'yellow.6', 'violet.5'];

/** One cell of the table: the value and interval, its respondents; suppressed cells say why nothing is shown. */
function Cell({ cell, min }: { cell: ResultCell | undefined; min: number }) {
  const { t } = useTranslation();
  if (!cell) return <Text size="sm">—</Text>;
  if (cell.suppressed)
    return (
      <Tooltip label={t('surveys.results.suppressedHint', { min })} multiline maw={280} withArrow>
        <Group gap={4} wrap="nowrap" tabIndex={0} data-testid="results-suppressed">
          <IconEyeOff size={14} aria-hidden />
          <Text size="xs" c="dimmed">
            {t('surveys.results.suppressed', { min })}
          </Text>
        </Group>
      </Tooltip>
    );
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {formatInterval(cell.value, cell.interval)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('surveys.results.respondents', { n: formatNumber(cell.respondents) })}
      </Text>
    </Stack>
  );
}

/** A group's label: units and channels by name, months as mm/yyyy, the whole survey as such. */
function groupName(t: ReturnType<typeof useTranslation>['t'], lang: string, by: ResultsBy, g: ResultGroup) {
  if (by === 'channel' && g.key && (CHANNELS as string[]).includes(g.key))
    return channelLabel(t, g.key as Channel);
  if (by === 'month' && g.key && /^\d{4}-\d{2}$/.test(g.key)) return `${g.key.slice(5)}/${g.key.slice(0, 4)}`;
  return textIn(g.label, lang) || t('surveys.results.allGroup');
}

function IndexTable({ r, lang }: { r: Results; lang: string }) {
  const { t } = useTranslation();
  const columns = r.total.cells.map((c) => ({ index: c.index, name: textIn(c.name, lang) }));
  const rows = r.by === 'all' ? [] : r.groups;
  return (
    <ScrollCue
      minWidth={Math.max(560, 200 + columns.length * 150)}
      label={t('surveys.results.tableLabel')}
      testId="results-scroll"
    >
      <Table striped verticalSpacing="xs" data-testid="results-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`surveys.results.byHeader.${r.by}`)}</Table.Th>
            <Table.Th ta="right">{t('surveys.results.responses')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.index}>{c.name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((g) => (
            <Table.Tr key={g.key ?? 'all'} data-testid="results-row">
              <Table.Td fw={500}>{groupName(t, lang, r.by, g)}</Table.Td>
              <Table.Td ta="right">{formatNumber(g.responses)}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.index}>
                  <Cell cell={g.cells.find((x) => x.index === c.index)} min={r.minGroupSize} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr data-testid="results-total" style={{ fontWeight: 600 }}>
            <Table.Td fw={700}>{t('surveys.results.total')}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.total.responses)}</Table.Td>
            {columns.map((c) => (
              <Table.Td key={c.index}>
                <Cell cell={r.total.cells.find((x) => x.index === c.index)} min={r.minGroupSize} />
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

/** A question's answers as one stacked bar (each part its share) with the counts written beside. */
function Distribution({ item, lang, min }: { item: ItemDistribution; lang: string; min: number }) {
  const { t } = useTranslation();
  const scale = item.kind === 'likert5' || item.kind === 'matrix';
  const total = item.counts.reduce((n, c) => n + c.count, 0);
  const color = (value: string, k: number) =>
    scale && /^[1-5]$/.test(value)
      ? SCALE_COLORS[Number(value) - 1]!
      : scale
        ? 'gray.3'
        : OTHER_COLORS[k % OTHER_COLORS.length]!;
  const suppressed = item.answered > 0 && item.answered < min;
  return (
    <Stack gap={4} data-testid="results-item" data-code={item.code}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={500}>
          <Badge variant="light" color="gray" tt="none" size="xs" mr={6}>
            {item.code}
          </Badge>
          {textIn(item.text, lang)}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('surveys.results.answered', { n: formatNumber(item.answered) })}
          {item.mean !== null ? ` · ${t('surveys.results.mean', { mean: formatNumber(item.mean, 2) })}` : ''}
        </Text>
      </Group>
      {suppressed || total === 0 ? (
        <Text size="xs" c="dimmed">
          {suppressed ? t('surveys.results.suppressed', { min }) : t('surveys.results.noAnswers')}
        </Text>
      ) : (
        <>
          <div
            style={{
              display: 'flex',
              height: 14,
              borderRadius: 4,
              overflow: 'hidden',
              background: 'var(--mantine-color-gray-1)',
            }}
            aria-hidden
          >
            {item.counts.map((c, k) =>
              c.count > 0 ? (
                <div
                  key={c.value}
                  style={{
                    width: `${(c.count / total) * 100}%`,
                    background: `var(--mantine-color-${color(c.value, k).replace('.', '-')})`,
                  }}
                  title={`${textIn(c.label, lang)}: ${formatNumber(c.count)}`}
                />
              ) : null,
            )}
          </div>
          <Group gap="sm" wrap="wrap">
            {item.counts.map((c, k) => (
              <Group key={c.value} gap={4} wrap="nowrap">
                <span
                  style={{
                    width: 10,
                    height: 10,
                    borderRadius: 2,
                    display: 'inline-block',
                    background: `var(--mantine-color-${color(c.value, k).replace('.', '-')})`,
                  }}
                  aria-hidden
                />
                <Text size="xs">
                  {textIn(c.label, lang)}: {formatNumber(c.count)} ({sharePercent(c.count, total) || '0%'})
                </Text>
              </Group>
            ))}
          </Group>
        </>
      )}
    </Stack>
  );
}

function FlagsCard({ s, counts }: { s: Survey; counts: Results['flags'] }) {
  const { t, i18n } = useTranslation();
  // The flags one by one are the office's (the same people who export the answers); others see the counts.
  const office = s.abilities.export;
  const flags = useQuery({
    queryKey: surveyKeys.flags(s.id),
    queryFn: () => getFlags(s.id),
    enabled: office,
  });
  const items = flags.data?.items ?? [];
  return (
    <Card withBorder padding="md" data-testid="results-flags">
      <Stack gap="xs">
        <Group gap="xs">
          <IconFlag size={18} aria-hidden />
          <Title order={3} size="h5">
            {t('surveys.results.flags.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('surveys.results.flags.lead')}
        </Text>
        <Group gap="lg" wrap="wrap">
          {FLAG_KINDS.map((k) => (
            <Stack key={k} gap={0}>
              <Text size="xs" c="dimmed">
                {t(`surveys.results.flags.kinds.${k}`)}
              </Text>
              <Text fw={700} data-testid={`results-flag-count-${k}`}>
                {formatNumber(counts[k])}
              </Text>
            </Stack>
          ))}
        </Group>
        <ErrorAlert error={flags.error} />
        {items.length > 0 && (
          <ScrollCue minWidth={760} label={t('surveys.results.flags.title')} testId="results-flags-scroll">
            <Table striped verticalSpacing={4} fz="sm" data-testid="results-flags-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('surveys.results.flags.kind')}</Table.Th>
                  <Table.Th ta="right">{t('surveys.results.flags.responses')}</Table.Th>
                  <Table.Th>{t('surveys.targets.unit')}</Table.Th>
                  <Table.Th>{t('surveys.results.channel')}</Table.Th>
                  <Table.Th>{t('surveys.results.flags.day')}</Table.Th>
                  <Table.Th>{t('surveys.results.flags.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f, k) => (
                  <Table.Tr key={k} data-testid="results-flag-row">
                    <Table.Td>{t(`surveys.results.flags.kinds.${f.kind}`)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(f.responses)}</Table.Td>
                    <Table.Td>{f.unit}</Table.Td>
                    <Table.Td>{channelLabel(t, f.channel)}</Table.Td>
                    <Table.Td>{formatDate(f.day)}</Table.Td>
                    <Table.Td>{textIn(f.message, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollCue>
        )}
        {office && flags.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('surveys.results.flags.none')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('surveys.results.flags.nothingDropped')}
        </Text>
      </Stack>
    </Card>
  );
}

/**
 * Results (tab "Kết quả"): an index configuration; a comparison by unit, channel or month, or the whole survey;
 * filters (unit, channel, dates). A table of the indices with their 95% intervals and respondents — cells with too
 * few answers suppressed, and said so —, a light bar chart of one index, the answers to each question, the
 * duplicate-pattern flags (nothing dropped), the anonymised answers as a workbook (`abilities.export`).
 */
export function ResultsTab({ s, initialUnitId = null }: { s: Survey; initialUnitId?: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const [by, setBy] = useState<ResultsBy>('unit');
  const [config, setConfig] = useState<string | null>(null);
  // A link from elsewhere (a PAR Index criterion scored from this survey) opens on its unit.
  const [unitId, setUnitId] = useState<string | null>(initialUnitId);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [chartIndex, setChartIndex] = useState<string | null>(null);
  const query: ResultsQuery = {
    by,
    ...(config ? { config } : {}),
    ...(unitId ? { unitId } : {}),
    ...(channel ? { channel } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const results = useQuery({
    queryKey: surveyKeys.results(s.id, query),
    queryFn: () => getResults(s.id, query),
    placeholderData: keepPreviousData,
    refetchInterval: s.status === 'open' ? 60_000 : false,
  });
  const r = results.data;
  const cells = r?.total.cells ?? [];
  // The overall index (the config's last cell) by default.
  const chosen = cells.find((c) => c.index === chartIndex) ?? cells[cells.length - 1];
  const chartRows =
    r && chosen && r.by !== 'all'
      ? r.groups.flatMap((g) => {
          const cell = g.cells.find((c) => c.index === chosen.index);
          return cell && !cell.suppressed && cell.value !== null
            ? [{ label: groupName(t, lang, r.by, g), value: cell.value }]
            : [];
        })
      : [];
  const datesWrong = !!from && !!to && to < from;

  return (
    <Stack gap="md" data-testid="results-tab">
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group gap="md" align="flex-end" wrap="wrap">
            <Select
              label={t('surveys.results.config')}
              data={(r?.configs ?? []).map((c) => ({ value: c.key, label: textIn(c.name, lang) }))}
              value={config ?? r?.config.key ?? null}
              onChange={setConfig}
              allowDeselect={false}
              w={phone ? '100%' : 320}
              comboboxProps={{ withinPortal: true }}
              data-testid="results-config"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="results-by-label">
                {t('surveys.results.by')}
              </Text>
              <SegmentedControl
                aria-labelledby="results-by-label"
                value={by}
                onChange={(v) => setBy(v as ResultsBy)}
                data={RESULTS_BY.map((b) => ({ value: b, label: t(`surveys.results.byOption.${b}`) }))}
                orientation={phone ? 'vertical' : 'horizontal'}
                data-testid="results-by"
              />
            </Stack>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <UnitSelect
              label={t('surveys.results.unit')}
              value={unitId}
              onChange={setUnitId}
              asOf={unitsDayOfYear(s.year)}
              scope="province"
              data-testid="results-unit"
            />
            <Select
              label={t('surveys.results.channel')}
              data={CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
              value={channel}
              onChange={(v) => setChannel(v as Channel | null)}
              clearable
              placeholder={t('common.all')}
              comboboxProps={{ withinPortal: true }}
              data-testid="results-channel"
            />
            <DateField
              label={t('surveys.results.from')}
              value={from}
              onChange={setFrom}
              data-testid="results-from"
            />
            <DateField
              label={t('surveys.results.to')}
              value={to}
              onChange={setTo}
              error={datesWrong ? t('surveys.create.datesOrder') : undefined}
              data-testid="results-to"
            />
          </SimpleGrid>
          {s.abilities.export && (
            <Button
              component="a"
              href={responsesXlsxHref(s.id)}
              download
              variant="default"
              size="xs"
              leftSection={<IconFileSpreadsheet size={14} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
              data-testid="results-export"
            >
              {t('surveys.results.export')}
            </Button>
          )}
        </Stack>
      </Card>

      {results.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={results.error} />
      {r && (
        <>
          {r.config && (
            <Text size="sm" c="dimmed">
              {t('surveys.results.lead', {
                config: textIn(r.config.name, lang),
                n: formatNumber(r.total.responses),
              })}
            </Text>
          )}
          {r.total.responses === 0 ? (
            <Alert
              color="gray"
              variant="light"
              icon={<IconInfoCircle size={18} aria-hidden />}
              data-testid="results-empty"
            >
              {t('surveys.results.none')}
            </Alert>
          ) : (
            <>
              <IndexTable r={r} lang={lang} />
              <Text size="xs" c="dimmed" data-testid="results-suppression-note">
                {t('surveys.results.suppressionNote', { min: r.minGroupSize })}
              </Text>
              {chartRows.length > 1 && chosen && (
                <Card withBorder padding="md">
                  <Stack gap="xs">
                    <Group justify="space-between" gap="sm" wrap="wrap">
                      <Title order={3} size="h5">
                        {t('surveys.results.chartTitle')}
                      </Title>
                      <Select
                        aria-label={t('surveys.results.chartIndex')}
                        data={cells.map((c) => ({ value: c.index, label: textIn(c.name, lang) }))}
                        value={chosen.index}
                        onChange={setChartIndex}
                        allowDeselect={false}
                        w={phone ? '100%' : 300}
                        size="xs"
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Group>
                    <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
                      <ResultsChart rows={chartRows} indexName={textIn(chosen.name, lang)} phone={phone} />
                    </Suspense>
                  </Stack>
                </Card>
              )}
              {r.items.length > 0 && (
                <Card withBorder padding="md" data-testid="results-items">
                  <Stack gap="md">
                    <Title order={3} size="h5">
                      {t('surveys.results.itemsTitle')}
                    </Title>
                    {r.items.map((item) => (
                      <Distribution key={item.code} item={item} lang={lang} min={r.minGroupSize} />
                    ))}
                  </Stack>
                </Card>
              )}
            </>
          )}
          <FlagsCard s={s} counts={r.flags} />
        </>
      )}
    </Stack>
  );
}
