import {
  Alert,
  Anchor,
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
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconCopy,
  IconDownload,
  IconEye,
  IconFileImport,
  IconSparkles,
  IconTemplate,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, formatNumber } from '../../../lib/format';
import {
  frameworkKeys,
  frameworkXlsxHref,
  listFrameworks,
  UNIT_GROUPS,
  type FrameworkSummary,
  type ShippedFramework,
  type UnitGroup,
} from './api';
import { CreateModal, type CreateSource } from './CreateModal';
import { ImportModal } from './ImportModal';
import { missingThisYear } from './pageModel';
import { basedOnText, CountsLine, groupLabel, nameIn, points, StatusBadge, titleIn } from './labels';

/** Narrower than this, the filters stack. */
const PHONE = '(max-width: 48em)';

/** One version: what it holds, where it comes from, who uses it, and what the office may do with it. */
function VersionCard({ f, onCopy }: { f: FrameworkSummary; onCopy: (f: FrameworkSummary) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      data-testid="framework-card"
      data-year={f.year}
      data-group={f.unitGroup}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Anchor
              fw={600}
              renderRoot={(props) => <Link to="/par/frameworks/$id" params={{ id: f.id }} {...props} />}
              data-testid="framework-title"
            >
              {titleIn(f, i18n.language)}
            </Anchor>
            <Group gap={6} wrap="wrap">
              <Badge variant="light" tt="none" size="sm" data-testid="framework-number">
                {t('parFrameworks.versionN', { number: f.number })}
              </Badge>
              <StatusBadge status={f.status} />
              {f.latest && (
                <Badge variant="filled" color="blue" tt="none" size="sm" data-testid="framework-latest">
                  {t('parFrameworks.latest')}
                </Badge>
              )}
              {f.shipped && (
                <Badge variant="outline" color="gray" tt="none" size="sm">
                  {t('parFrameworks.fromShipped')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
        <CountsLine counts={f.counts} />
        <Text size="sm">
          {f.surveyPoints > 0
            ? t('parFrameworks.maxWithSurvey', { max: points(f.maxPoints), survey: points(f.surveyPoints) })
            : t('parFrameworks.max', { max: points(f.maxPoints) })}
          {f.computedItems > 0 && (
            <Text span size="sm" c="dimmed">
              {' · '}
              {t('parFrameworks.computedItems', { count: f.computedItems })}
            </Text>
          )}
        </Text>
        {f.unconfirmed > 0 && (
          <Tooltip label={t('parFrameworks.unconfirmedHint')} multiline maw={360} withArrow>
            <Badge
              color="orange"
              variant="light"
              tt="none"
              leftSection={<IconAlertTriangle size={12} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
              tabIndex={0}
              data-testid="framework-unconfirmed"
            >
              {t('parFrameworks.unconfirmed', { count: f.unconfirmed })}
            </Badge>
          </Tooltip>
        )}
        {f.basedOn && (
          <Text size="sm" c="dimmed">
            <Anchor
              size="sm"
              renderRoot={(props) => (
                <Link to="/par/frameworks/$id" params={{ id: f.basedOn!.id }} {...props} />
              )}
            >
              {basedOnText(t, f)}
            </Anchor>
          </Text>
        )}
        <Text size="sm" c={f.usedBy.length ? undefined : 'dimmed'} data-testid="framework-used-by">
          {f.usedBy.length
            ? t('parFrameworks.usedBy', { campaigns: f.usedBy.map((c) => c.title).join('; ') })
            : t('parFrameworks.unused')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('parFrameworks.updatedOn', { date: formatDate(f.updatedAt) })}
        </Text>
        <Group gap="xs" mt={4} wrap="wrap">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconEye size={14} aria-hidden />}
            renderRoot={(props) => <Link to="/par/frameworks/$id" params={{ id: f.id }} {...props} />}
          >
            {t('parFrameworks.open')}
          </Button>
          <Button
            size="xs"
            variant="default"
            component="a"
            href={frameworkXlsxHref(f.id)}
            download
            leftSection={<IconDownload size={14} aria-hidden />}
            data-testid="framework-xlsx"
          >
            {t('parFrameworks.xlsx')}
          </Button>
          {f.abilities.copy && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconCopy size={14} aria-hidden />}
              onClick={() => onCopy(f)}
              data-testid="framework-copy"
            >
              {t('parFrameworks.copyTo', { year: f.year + 1 })}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The sets chidao ships (templates): what each holds, and "Tạo từ bộ mẫu" for the office. */
function ShippedList({
  shipped,
  canCreate,
  onUse,
}: {
  shipped: readonly ShippedFramework[];
  canCreate: boolean;
  onUse: (s: ShippedFramework) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!shipped.length) return null;
  return (
    <Stack gap="sm" mt="xl" data-testid="framework-shipped">
      <Stack gap={2}>
        <Title order={2} size="h4">
          {t('parFrameworks.shipped.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('parFrameworks.shipped.lead')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {shipped.map((s) => (
          <Card key={s.key} withBorder padding="md" radius="md" data-testid="framework-shipped-card">
            <Stack gap="xs">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconTemplate size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text fw={600}>{nameIn(s.title, i18n.language)}</Text>
              </Group>
              <Group gap={6}>
                <Badge variant="light" color="gray" tt="none" size="sm">
                  {groupLabel(t, s.unitGroup)}
                </Badge>
                <Badge variant="light" color="gray" tt="none" size="sm">
                  {t('parFrameworks.shipped.since', { year: s.firstYear })}
                </Badge>
              </Group>
              <CountsLine counts={s.counts} />
              <Text size="sm">{t('parFrameworks.max', { max: points(s.maxPoints) })}</Text>
              {s.legalBasis && (
                <Text size="xs" c="dimmed">
                  {t('parFrameworks.legalBasisShort', { basis: s.legalBasis })}
                </Text>
              )}
              {canCreate && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconSparkles size={14} aria-hidden />}
                  onClick={() => onUse(s)}
                  style={{ alignSelf: 'flex-start' }}
                  data-testid="framework-from-shipped"
                >
                  {t('parFrameworks.shipped.use')}
                </Button>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/**
 * The criteria frameworks of the PAR Index (`/par/frameworks`, issue 16): every version, by year then unit group,
 * with its counts, points, status and use; the sets chidao ships as templates. The office (`canCreate`) copies a
 * year's set forward — the first thing to do in a new year, so it is offered on top when this year has none —,
 * starts from a template, or imports a workbook; each opens the new draft.
 */
export function FrameworksPage() {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const list = useQuery({ queryKey: frameworkKeys.list, queryFn: () => listFrameworks() });
  const [yearFilter, setYearFilter] = useState<string | null>(null);
  const [groupFilter, setGroupFilter] = useState<'all' | UnitGroup>('all');
  const [create, setCreate] = useState<{ source: CreateSource; year: number } | null>(null);
  const [importing, setImporting] = useState(false);
  const data = list.data;
  const frameworks = useMemo(() => data?.frameworks ?? [], [data]);
  const canCreate = data?.canCreate ?? false;

  const years = useMemo(
    () => [...new Set(frameworks.map((f) => f.year))].sort((a, b) => b - a),
    [frameworks],
  );
  const shown = frameworks.filter(
    (f) =>
      (yearFilter === null || f.year === Number(yearFilter)) &&
      (groupFilter === 'all' || f.unitGroup === groupFilter),
  );
  const byYear = years
    .map((year) => ({
      year,
      groups: UNIT_GROUPS.map((group) => ({
        group,
        versions: shown
          .filter((f) => f.year === year && f.unitGroup === group)
          .sort((a, b) => b.number - a.number),
      })).filter((g) => g.versions.length),
    }))
    .filter((y) => y.groups.length);
  const missing = canCreate ? missingThisYear(frameworks, thisYear) : [];
  const copy = (framework: FrameworkSummary, year = framework.year + 1) =>
    setCreate({ source: { kind: 'copy', framework }, year });

  return (
    <div data-testid="par-frameworks-page">
      <PageHeader
        title={t('parFrameworks.title')}
        description={t('parFrameworks.description')}
        actions={
          canCreate && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setImporting(true)}
              data-testid="framework-import"
            >
              {t('parFrameworks.import.button')}
            </Button>
          )
        }
      />
      {list.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={list.error} />
      {data && (
        <>
          {missing.length > 0 && (
            <Alert
              color="blue"
              variant="light"
              icon={<IconCopy size={20} aria-hidden />}
              title={t('parFrameworks.missing.title', { year: thisYear })}
              mb="md"
              data-testid="framework-missing-year"
            >
              <Stack gap="sm">
                <Text size="sm">{t('parFrameworks.missing.lead', { year: thisYear })}</Text>
                {missing.map(({ group, from }) => (
                  <Group key={group} gap="sm" wrap="wrap" data-group={group}>
                    <Button
                      onClick={() => copy(from, thisYear)}
                      leftSection={<IconCopy size={16} aria-hidden />}
                      data-testid="framework-copy-forward"
                    >
                      {t('parFrameworks.missing.action', {
                        year: thisYear,
                        from: from.year,
                        group: groupLabel(t, group),
                      })}
                    </Button>
                    <Text size="sm" c="dimmed">
                      {t('parFrameworks.missing.source', {
                        title: titleIn(from, i18n.language),
                        number: from.number,
                      })}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Alert>
          )}

          {frameworks.length === 0 ? (
            <Card withBorder padding="lg" data-testid="frameworks-empty">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('parFrameworks.empty.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {canCreate ? t('parFrameworks.empty.office') : t('parFrameworks.empty.reader')}
                </Text>
              </Stack>
            </Card>
          ) : (
            <>
              <Text size="sm" c="dimmed" maw={820} mb="sm">
                {t('parFrameworks.intro')}
              </Text>
              <Group gap="md" mb="md" align="flex-end" wrap="wrap">
                <Select
                  label={t('parFrameworks.filters.year')}
                  data={years.map(String)}
                  value={yearFilter}
                  onChange={setYearFilter}
                  placeholder={t('parFrameworks.filters.allYears')}
                  clearable
                  w={160}
                  data-testid="frameworks-year"
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="frameworks-group-label">
                    {t('parFrameworks.filters.group')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="frameworks-group-label"
                    orientation={phone ? 'vertical' : 'horizontal'}
                    value={groupFilter}
                    onChange={(v) => setGroupFilter(v as 'all' | UnitGroup)}
                    data={[
                      { value: 'all', label: t('parFrameworks.filters.allGroups') },
                      ...UNIT_GROUPS.map((g) => ({ value: g, label: groupLabel(t, g) })),
                    ]}
                    data-testid="frameworks-group"
                  />
                </Stack>
              </Group>
              {byYear.length === 0 && (
                <Text c="dimmed" size="sm" data-testid="frameworks-none-shown">
                  {t('parFrameworks.filters.none')}
                </Text>
              )}
              <Stack gap="xl">
                {byYear.map(({ year, groups }) => (
                  <Stack key={year} gap="md" data-testid="frameworks-year-section" data-year={year}>
                    <Title order={2} size="h3">
                      {t('parFrameworks.yearHeading', { year })}
                    </Title>
                    {groups.map(({ group, versions }) => (
                      <Stack key={group} gap="xs">
                        <Group gap="xs">
                          <Title order={3} size="h5">
                            {groupLabel(t, group)}
                          </Title>
                          <Text size="sm" c="dimmed">
                            {t('parFrameworks.versions', {
                              count: versions.length,
                              n: formatNumber(versions.length),
                            })}
                          </Text>
                        </Group>
                        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                          {versions.map((f) => (
                            <VersionCard key={f.id} f={f} onCopy={copy} />
                          ))}
                        </SimpleGrid>
                      </Stack>
                    ))}
                  </Stack>
                ))}
              </Stack>
            </>
          )}

          <ShippedList
            shipped={data.shipped}
            canCreate={canCreate}
            onUse={(shipped) => setCreate({ source: { kind: 'shipped', shipped }, year: thisYear })}
          />
        </>
      )}
      <CreateModal
        source={create?.source ?? null}
        year={create?.year ?? thisYear}
        existing={frameworks}
        onClose={() => setCreate(null)}
      />
      {canCreate && <ImportModal opened={importing} onClose={() => setImporting(false)} year={thisYear} />}
    </div>
  );
}
