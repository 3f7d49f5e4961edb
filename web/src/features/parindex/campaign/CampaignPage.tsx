import { Alert, Badge, Button, Card, Center, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatNumber } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { getCampaign, listCampaigns, parKeys, type Campaign } from './api';
import { CampaignForm } from './CampaignForm';
import { CampaignHeader } from './CampaignHeader';
import { CouncilCard, useFieldNames } from './CouncilCard';
import { AWAITING_COUNCIL, APPRAISAL_STAGES } from './labels';
import { MyUnitCards } from './MyUnitCards';
import { UnitsTable, type StatusFilter } from './UnitsTable';

const thisYear = () => new Date().getFullYear();

/**
 * The PAR Index section's landing page (`/par`): the year's campaign. A year selector (the newest campaign's by
 * default); no campaign yet — an empty state, and the office's "create"; otherwise the campaign's stages and
 * deadlines, the units with their progress and the appraisal council. What leads depends on the reader: a unit's
 * focal point or leader sees their own unit's card first; a council member, the units awaiting the council.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: parKeys.campaigns, queryFn: listCampaigns });
  const [chosen, setChosen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const campaigns = useMemo(() => list.data?.campaigns ?? [], [list.data]);
  const canCreate = !!list.data?.canCreate;
  const year = chosen ?? campaigns[0]?.year ?? thisYear();
  const summary = campaigns.find((c) => c.year === year);
  const years = useMemo(() => {
    const set = new Set<number>([...campaigns.map((c) => c.year), thisYear(), year]);
    if (canCreate) set.add(thisYear() + 1);
    return [...set].sort((a, b) => b - a).map(String);
  }, [campaigns, canCreate, year]);

  return (
    <Stack gap="md" data-testid="par-campaign-page">
      <PageHeader
        title={t('parCampaign.title')}
        description={t('parCampaign.description')}
        actions={
          <Select
            label={t('parCampaign.year')}
            data={years}
            value={String(year)}
            onChange={(v) => v && setChosen(Number(v))}
            w={120}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="par-year"
          />
        }
      />
      {list.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && !summary && (
        <Card withBorder radius="md" padding="lg" data-testid="par-no-campaign">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h4">
              {t('parCampaign.empty.title', { year })}
            </Title>
            <Text size="sm" c="dimmed" maw={720}>
              {canCreate ? t('parCampaign.empty.office') : t('parCampaign.empty.others')}
            </Text>
            {canCreate && (
              <Button
                size="md"
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => setCreating(true)}
                data-testid="par-campaign-create"
              >
                {t('parCampaign.empty.create', { year })}
              </Button>
            )}
          </Stack>
        </Card>
      )}
      {summary && <CampaignView id={summary.id} />}
      {canCreate && (
        <CampaignForm
          opened={creating}
          onClose={() => setCreating(false)}
          year={year}
          onSaved={(c) => setChosen(c.year)}
        />
      )}
    </Stack>
  );
}

/** One campaign, arranged for the reader. */
function CampaignView({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const q = useQuery({
    queryKey: parKeys.campaign(id),
    queryFn: () => getCampaign(id),
    // While the computed criteria are being read in the background, look again until they are in.
    refetchInterval: (query) => (query.state.data?.computation.pending ? 4_000 : false),
  });
  const c = q.data;
  const me = session.data?.user.id;
  // How the page is arranged is the server's word on the caller's relation to the campaign.
  const provinceWide = !!c?.viewer.provinceWide;
  const ownUnitIds = useMemo(() => new Set(c?.viewer.ownUnitIds ?? []), [c]);
  const unitSide = !!c?.viewer.unitSide;
  // The council's members start from the units waiting for them; everyone else from every unit.
  const [status, setStatus] = useState<StatusFilter>('');
  const [statusTouched, setStatusTouched] = useState(false);
  const councilFirst = !!c?.viewer.council && APPRAISAL_STAGES.includes(c.stage);
  useEffect(() => {
    if (!statusTouched) setStatus(councilFirst ? 'awaiting' : '');
  }, [councilFirst, statusTouched]);
  const pickStatus = (s: StatusFilter) => {
    setStatusTouched(true);
    setStatus(s);
  };

  if (q.isLoading || session.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!c) return null;

  const unitsTitle =
    councilFirst && status === 'awaiting'
      ? t('parCampaign.units.titleAwaiting')
      : t('parCampaign.units.title');
  return (
    <Stack gap="md">
      {unitSide && <MyUnitCards campaign={c} ownUnitIds={ownUnitIds} />}
      {c.viewer.council && <CouncilRoleNote campaign={c} />}
      <CampaignHeader campaign={c} onStatus={provinceWide ? (s) => pickStatus(s) : undefined} />
      {provinceWide && <UnitsTable campaign={c} status={status} onStatus={pickStatus} title={unitsTitle} />}
      <CouncilCard campaign={c} me={me} />
    </Stack>
  );
}

/** A council member's place: their role, the fields they appraise, how many units wait for the council. */
function CouncilRoleNote({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const names = useFieldNames(c);
  const m = c.viewer.council;
  if (!m) return null;
  const waiting = AWAITING_COUNCIL.reduce((n, s) => n + (c.counts.byStatus[s] ?? 0), 0);
  const fields = m.fieldCodes.length
    ? m.fieldCodes.map((code) => names.get(code) ?? code).join('; ')
    : t('parCampaign.council.allFields');
  return (
    <Alert
      variant="light"
      color="blue"
      icon={<IconInfoCircle size={18} aria-hidden />}
      title={t('parCampaign.councilNote.title', { role: t(`parCampaign.council.roles.${m.role}`) })}
      data-testid="par-council-note"
    >
      <Stack gap={4}>
        <Text size="sm">{t('parCampaign.councilNote.fields', { fields })}</Text>
        <Group gap="xs">
          <Text size="sm">{t('parCampaign.councilNote.waiting')}</Text>
          <Badge variant="filled" color={waiting > 0 ? 'blue' : 'gray'}>
            {formatNumber(waiting)}
          </Badge>
        </Group>
      </Stack>
    </Alert>
  );
}
