import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileSpreadsheet,
  IconFileWord,
  IconFlag,
  IconSearch,
  IconSignature,
} from '@tabler/icons-react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocxPreviewModal } from '../../../components/DocxPreviewModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError, toQueryString } from '../../../lib/api';
import { formatDate, formatNumber } from '../../../lib/format';
import { frameworkKeys, getFramework, type Framework } from '../frameworks/api';
import { nameIn } from '../frameworks/labels';
import {
  getCampaign,
  getResults,
  listCampaigns,
  resultKeys,
  resultsDocxHref,
  resultsXlsxHref,
  signOff,
  type Campaign,
  type ResultRow,
  type Results,
} from './api';
import { GroupResults, type Naming } from './GroupResults';
import { byGroup, matches, tiedRows } from './resultsModel';

/** Narrower than this, a unit is a card. */
const PHONE = '(max-width: 48em)';

/** Field and grade names from the campaign's frameworks (the results carry codes). */
function useNaming(frameworks: Partial<Record<string, Framework>>): Naming {
  const { t, i18n } = useTranslation();
  return useMemo((): Naming => {
    const fieldNames = new Map<string, Map<string, { vi: string; en: string }>>();
    const bandNames = new Map<string, Map<string, { vi: string; en: string }>>();
    for (const [group, f] of Object.entries(frameworks)) {
      if (!f) continue;
      fieldNames.set(group, new Map(f.tree.fields.map((x) => [x.code, x.name])));
      bandNames.set(group, new Map(f.gradeBands.map((b) => [b.code, b.name])));
    }
    return {
      field: (row, code) => {
        const name = fieldNames.get(row.group)?.get(code);
        return name ? nameIn(name, i18n.language) : t('parResults.breakdown.field', { code });
      },
      grade: (row) => {
        // The server names the grade; when it has only the code, the framework's band (or chidao's defaults) name it.
        if (row.gradeName.vi && row.gradeName.vi !== row.grade) return nameIn(row.gradeName, i18n.language);
        const band = bandNames.get(row.group)?.get(row.grade);
        if (band) return nameIn(band, i18n.language);
        return t(`parResults.gradeCodes.${row.grade.toLowerCase()}`, {
          defaultValue: row.grade.length <= 2 ? row.grade : '—',
        });
      },
    };
  }, [frameworks, t, i18n.language]);
}

/** The council signs off: the results frozen, the campaign finalised; the server's refusal said as it comes. */
function SignOffModal({
  campaign,
  units,
  opened,
  onClose,
}: {
  campaign: Campaign;
  units: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const S = (k: string, v?: Record<string, unknown>) => t(`parResults.signOff.${k}`, v ?? {});
  const run = useMutation({
    mutationFn: () => signOff(campaign.id, campaign.version),
    onSuccess: async (results: Results) => {
      queryClient.setQueryData(resultKeys.results(campaign.id), results);
      notifications.show({ color: 'green', message: S('done', { year: campaign.year }) });
      await queryClient.invalidateQueries({ queryKey: resultKeys.all });
      onClose();
    },
  });
  const error = run.error;
  const stale = error instanceof ApiError && error.isStale;
  const close = () => {
    run.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={S('title', { year: campaign.year })} centered size="md">
      <Stack gap="sm" data-testid="results-sign-off-modal">
        <Text size="sm">{S('lead', { count: units })}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{S('frozen')}</List.Item>
          <List.Item>{S('stage')}</List.Item>
          <List.Item>{S('publish')}</List.Item>
        </List>
        <ErrorAlert
          error={error}
          title={error && !stale ? S('refused') : undefined}
          onReload={
            stale
              ? () => {
                  close();
                  void queryClient.invalidateQueries({ queryKey: resultKeys.all });
                }
              : undefined
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            leftSection={<IconSignature size={16} aria-hidden />}
            loading={run.isPending}
            onClick={() => run.mutate()}
            data-testid="results-sign-off-confirm"
          >
            {S('confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Provisional or signed off, and as of when. */
function StatusBanner({ campaign, results }: { campaign: Campaign | undefined; results: Results }) {
  const { t } = useTranslation();
  if (results.provisional)
    return (
      <Alert
        color="yellow"
        icon={<IconAlertTriangle size={20} aria-hidden />}
        title={t('parResults.provisional.title')}
        data-testid="results-provisional"
      >
        <Text size="sm">
          {t('parResults.provisional.lead', {
            date: formatDate(results.asOf),
            stage: campaign ? t(`parResults.stages.${campaign.stage}`) : '',
          })}
        </Text>
      </Alert>
    );
  return (
    <Alert color="green" icon={<IconCircleCheck size={20} aria-hidden />} data-testid="results-final">
      <Text size="sm">
        {campaign?.signedOffAt
          ? t('parResults.final.signedOn', { date: formatDate(campaign.signedOffAt) })
          : t('parResults.final.signed')}
        {campaign?.publishedAt
          ? ` ${t('parResults.final.publishedOn', { date: formatDate(campaign.publishedAt) })}`
          : ''}
      </Text>
    </Alert>
  );
}

/**
 * The PAR Index results of a year (`/par/results`, issue 16): the campaign picked by its year (`?year=`), a banner
 * while they are provisional, and per unit group the ranking — rank (ties share one), unit, points, index, grade,
 * change from last year, each field's points on demand — sortable, searchable by unit name (accents ignored), the
 * units below the campaign's remediation threshold marked, and a bar chart. The council's chair or the office signs
 * them off (from the campaign's `abilities.signOff`); once signed, the Excel table and the decision's annex (DOCX,
 * previewed) download.
 */
export function ResultsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const [query, setQuery] = useState('');
  const [signing, setSigning] = useState(false);
  const [docx, setDocx] = useState(false);

  const campaigns = useQuery({ queryKey: resultKeys.campaigns, queryFn: listCampaigns });
  const list = useMemo(
    () => [...(campaigns.data?.campaigns ?? [])].sort((a, b) => b.year - a.year),
    [campaigns.data],
  );
  const picked = list.find((c) => String(c.year) === String(search.year)) ?? list[0];
  const id = picked?.id ?? '';
  const campaign = useQuery({
    queryKey: resultKeys.campaign(id),
    queryFn: () => getCampaign(id),
    enabled: !!id,
  });
  const results = useQuery({
    queryKey: resultKeys.results(id),
    queryFn: () => getResults(id),
    enabled: !!id,
  });
  const frameworkRefs = campaign.data?.frameworks ?? picked?.frameworks ?? [];
  // The frameworks name the fields and grades; one plain object, structurally shared, so it changes only with them.
  const frameworks = useQueries({
    queries: frameworkRefs.map((f) => ({
      queryKey: frameworkKeys.one(f.id),
      queryFn: () => getFramework(f.id),
      staleTime: 5 * 60_000,
    })),
    combine: (qs) => {
      const out: Partial<Record<string, Framework>> = {};
      frameworkRefs.forEach((ref, i) => {
        const data = qs[i]?.data;
        if (data) out[ref.group] = data;
      });
      return out;
    },
  });
  const naming = useNaming(frameworks);

  const c = campaign.data;
  const r = results.data;
  const rows = r?.rows ?? [];
  const threshold = c && c.remediationBelow > 0 ? c.remediationBelow : null;
  const groups = useMemo(() => byGroup(rows), [rows]);
  const tied = useMemo(() => tiedRows(rows), [rows]);
  const shownOf = (groupRows: ResultRow[]) =>
    query.trim() ? groupRows.filter((x) => matches(x, query)) : groupRows;
  const final = r ? !r.provisional : false;

  const pickYear = (year: string | null) =>
    year && void navigate({ href: `/par/results${toQueryString({ year })}`, replace: true });

  return (
    <div data-testid="par-results-page">
      <PageHeader
        title={picked ? t('parResults.titleYear', { year: picked.year }) : t('parResults.title')}
        documentTitle={t('parResults.title')}
        description={t('parResults.description')}
        actions={
          <>
            {list.length > 0 && (
              <Select
                aria-label={t('parResults.pickCampaign')}
                data={list.map((x) => ({
                  value: String(x.year),
                  label: t('parResults.campaignOption', { year: x.year }),
                }))}
                value={picked ? String(picked.year) : null}
                onChange={pickYear}
                allowDeselect={false}
                w={200}
                data-testid="results-year"
              />
            )}
            {c?.abilities.signOff && (
              <Button
                leftSection={<IconSignature size={16} aria-hidden />}
                onClick={() => setSigning(true)}
                data-testid="results-sign-off"
              >
                {t('parResults.signOff.button')}
              </Button>
            )}
            {final && picked && (
              <>
                <Button
                  variant="default"
                  component="a"
                  href={resultsXlsxHref(picked.id)}
                  download
                  leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                  data-testid="results-xlsx"
                >
                  {t('parResults.xlsx')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconFileWord size={16} aria-hidden />}
                  onClick={() => setDocx(true)}
                  data-testid="results-docx"
                >
                  {t('parResults.docx')}
                </Button>
              </>
            )}
          </>
        }
      />

      {(campaigns.isLoading || (!!id && (campaign.isLoading || results.isLoading))) && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={campaigns.error ?? campaign.error ?? results.error} />

      {campaigns.data && list.length === 0 && (
        <Card withBorder padding="lg" data-testid="results-no-campaign">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('parResults.noCampaign.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {campaigns.data.canCreate
                ? t('parResults.noCampaign.office')
                : t('parResults.noCampaign.reader')}
            </Text>
            {campaigns.data.canCreate && (
              <Anchor size="sm" renderRoot={(props) => <Link to="/par" {...props} />}>
                {t('parResults.noCampaign.open')}
              </Anchor>
            )}
          </Stack>
        </Card>
      )}

      {r && (
        <Stack gap="lg">
          {rows.length === 0 ? (
            <Card withBorder padding="lg" data-testid="results-empty">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {c && c.stage !== 'published' && r.provisional
                    ? t('parResults.empty.notYetTitle')
                    : t('parResults.empty.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {c && c.stage === 'preparing'
                    ? t('parResults.empty.preparing')
                    : c && c.stage !== 'published'
                      ? t('parResults.empty.notYet')
                      : t('parResults.empty.none')}
                </Text>
              </Stack>
            </Card>
          ) : (
            <>
              <StatusBanner campaign={c} results={r} />
              <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
                <TextInput
                  label={t('parResults.search')}
                  placeholder={t('parResults.searchPlaceholder')}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  value={query}
                  onChange={(e) => setQuery(e.currentTarget.value)}
                  w={phone ? '100%' : 340}
                  data-testid="results-search"
                />
                {threshold !== null && (
                  <Group gap={6} wrap="nowrap" maw={560}>
                    <IconFlag
                      size={16}
                      color="var(--mantine-color-red-7)"
                      aria-hidden
                      style={{ flexShrink: 0 }}
                    />
                    <Text size="sm" c="dimmed" data-testid="results-threshold">
                      {t('parResults.below.legend', { n: formatNumber(threshold, 2) })}
                    </Text>
                  </Group>
                )}
              </Group>
              {groups.map((g) => (
                <GroupResults
                  key={`${id}-${g.group}`}
                  group={g.group}
                  rows={shownOf(g.rows)}
                  allRows={g.rows}
                  tied={tied}
                  threshold={threshold}
                  naming={naming}
                  phone={phone}
                  searching={!!query.trim()}
                />
              ))}
              <Text size="xs" c="dimmed">
                {t('parResults.method')}
              </Text>
            </>
          )}
        </Stack>
      )}

      {c && (
        <SignOffModal
          campaign={c}
          units={rows.length}
          opened={signing}
          onClose={() => {
            setSigning(false);
            void queryClient.invalidateQueries({ queryKey: resultKeys.campaign(c.id) });
          }}
        />
      )}
      {picked && final && (
        <DocxPreviewModal
          opened={docx}
          onClose={() => setDocx(false)}
          title={t('parResults.docxTitle', { year: picked.year })}
          choices={[{ value: 'decision', label: t('parResults.docx'), url: resultsDocxHref(picked.id) }]}
        />
      )}
    </div>
  );
}
