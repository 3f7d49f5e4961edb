import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { listProgrammes, pilotKeys, type PilotUnitCard, type Programme } from './api';
import { EndedUnit, ReportStatusBadge } from './badges';
import { AddPilotUnitModal, CreateProgrammeModal } from './forms';

function UnitCard({ card }: { card: PilotUnitCard }) {
  const { t } = useTranslation();
  const { progress } = card;
  const pct = progress.total ? (progress.verified * 100) / progress.total : 0;
  return (
    <Card withBorder padding="md" data-testid="pilot-card" data-unit={card.unit.name}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Anchor
            fw={600}
            renderRoot={(props) => (
              <Link to="/pilots/units/$pilotUnitId" params={{ pilotUnitId: card.id }} {...props} />
            )}
            data-testid="pilot-card-open"
          >
            {card.unit.name}
          </Anchor>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {t(`unitKinds.${card.unit.kind}`, { defaultValue: card.unit.kind })}
          </Badge>
        </Group>
        <EndedUnit unit={card.unit} compact />
        <Group gap={6} wrap="nowrap">
          <IconUser size={14} aria-hidden />
          <Text size="sm" data-testid="pilot-card-member">
            {card.responsible
              ? `${card.responsible.name}${card.responsible.office ? ` — ${card.responsible.office}` : ''}`
              : t('pilots.noResponsible')}
          </Text>
        </Group>
        <div>
          <Group justify="space-between" mb={2}>
            <Text size="sm">{t('pilots.progress')}</Text>
            <Text size="sm" fw={600} data-testid="pilot-card-progress">
              {t('pilots.verifiedOf', { verified: progress.verified, total: progress.total })}
            </Text>
          </Group>
          <Progress value={pct} color={pct >= 100 ? 'green' : 'blue'} aria-label={t('pilots.progress')} />
        </div>
        <Group gap="xs">
          {progress.overdue > 0 ? (
            <Badge color="red" variant="filled" data-testid="pilot-card-overdue">
              {t('pilots.overdueCount', { count: progress.overdue })}
            </Badge>
          ) : (
            <Badge color="green" variant="light" data-testid="pilot-card-overdue">
              {t('pilots.noOverdue')}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {card.reports.map((r) => (
            <Group gap={4} key={r.kind}>
              <Text size="xs" c="dimmed">
                {t(`pilots.reportKinds.${r.kind}`)}:
              </Text>
              <ReportStatusBadge status={r.status} />
            </Group>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

function ProgrammeSection({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="sm" mb="xl" data-testid="pilot-programme">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h4">
            {t('pilots.programmeTitle', { year: programme.year, committee: programme.committeeName })}
          </Title>
          <Text size="sm" c="dimmed">
            {programme.decision
              ? t('pilots.decision', {
                  symbol: programme.decision.numberSymbol,
                  date: formatDate(programme.decision.issuedOn),
                  title: programme.decision.title,
                })
              : t('pilots.noDecision')}
            {programme.note ? ` · ${programme.note}` : ''}
          </Text>
        </div>
        {programme.abilities.manage && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            variant="light"
            onClick={() => setAdding(true)}
            data-testid="pilot-unit-new"
          >
            {t('pilots.addUnit')}
          </Button>
        )}
      </Group>
      {programme.pilotUnits.length === 0 ? (
        <Text c="dimmed">{t('pilots.noUnits')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="pilot-cards">
          {programme.pilotUnits.map((c) => (
            <UnitCard key={c.id} card={c} />
          ))}
        </SimpleGrid>
      )}
      {programme.abilities.manage && (
        <AddPilotUnitModal programme={programme} opened={adding} onClose={() => setAdding(false)} />
      )}
    </Stack>
  );
}

/** Chỉ đạo điểm: each year's pilot units with their progress; ended units with the units that continue them. */
export function PilotsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: pilotKeys.list(year), queryFn: () => listProgrammes(year) });
  const shownYear = year ?? list.data?.year ?? null;
  const years = [...(list.data?.years ?? [])].sort((a, b) => a - b);

  return (
    <>
      <PageHeader
        title={t('pilots.title')}
        description={t('pilots.description')}
        actions={
          list.data?.abilities.create && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="programme-new"
            >
              {t('pilots.createProgramme')}
            </Button>
          )
        }
      />
      {years.length > 0 && (
        <Group mb="lg" gap="sm">
          <Text size="sm" fw={500} id="pilot-year-label">
            {t('pilots.year')}
          </Text>
          <SegmentedControl
            aria-labelledby="pilot-year-label"
            data={years.map((y) => ({ value: String(y), label: String(y) }))}
            value={shownYear ? String(shownYear) : undefined}
            onChange={(v) => setYear(Number(v))}
            data-testid="pilot-year"
          />
        </Group>
      )}
      {list.isLoading ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data!.items.length === 0 ? (
        <Text c="dimmed" data-testid="pilots-empty">
          {t('pilots.empty')}
        </Text>
      ) : (
        list.data!.items.map((p) => <ProgrammeSection key={p.id} programme={p} />)
      )}
      <CreateProgrammeModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(y) => setYear(y)}
      />
    </>
  );
}
