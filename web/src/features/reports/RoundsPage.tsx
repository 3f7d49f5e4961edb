import { Anchor, Badge, Button, Card, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClipboardList, IconPlus, IconTemplate } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, isoDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import {
  inLanguage,
  listForms,
  listRounds,
  myReports,
  reportKeys,
  type MyReport,
  type RoundSummary,
} from './api';
import { Deadline, LateBadge, OverdueBadge, ReportStatusBadge } from './badges';
import { OpenRoundModal } from './OpenRoundModal';
import { usePeriodLabel } from './periodLabel';
import { RatesBar } from './rates';
import { reportScope } from './scope';

/** Still owed after its deadline (draft or returned, the deadline passed). */
const isOverdue = (r: Pick<MyReport, 'status' | 'dueDate'>, today: string) =>
  (r.status === 'draft' || r.status === 'returned') && r.dueDate < today;

function MyReportCard({ report }: { report: MyReport }) {
  const { t, i18n } = useTranslation();
  const periodLabel = usePeriodLabel();
  const overdue = isOverdue(report, isoDate());
  return (
    <Paper withBorder radius="md" p="md" data-testid="my-report" data-status={report.status}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={700} size="lg">
            {periodLabel(report.periodKey)}
          </Text>
          <Group gap={6}>
            <ReportStatusBadge status={report.status} />
            {report.late && <LateBadge />}
            {overdue && <OverdueBadge />}
          </Group>
        </Group>
        <Anchor
          fw={600}
          style={{ overflowWrap: 'anywhere' }}
          renderRoot={(props) => <Link to="/reports/$reportId" params={{ reportId: report.id }} {...props} />}
          data-testid="my-report-link"
        >
          {inLanguage(report.title, i18n.language)}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('reports.dueOn')}{' '}
          <Deadline date={report.dueDate} extended={false} reason={null} overdue={overdue} />
          {report.firstSubmittedOn && (
            <> · {t('reports.sentOn', { date: formatDate(report.firstSubmittedOn) })}</>
          )}
        </Text>
      </Stack>
    </Paper>
  );
}

function MyReports() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: reportKeys.mine, queryFn: myReports });
  return (
    <section aria-labelledby="my-reports-title">
      <Title order={2} size="h4" mb="sm" id="my-reports-title">
        {t('reports.mine.title')}
      </Title>
      {mine.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {mine.isError && <ErrorAlert error={mine.error} />}
      {mine.data && mine.data.items.length === 0 && (
        <Text c="dimmed" data-testid="my-reports-empty">
          {t('reports.mine.empty')}
        </Text>
      )}
      <Stack gap="sm" data-testid="my-reports">
        {mine.data?.items.map((r) => (
          <MyReportCard key={r.id} report={r} />
        ))}
      </Stack>
    </section>
  );
}

function RoundCard({ round }: { round: RoundSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="round-card" data-period={round.periodKey}>
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Anchor
            fw={700}
            size="lg"
            renderRoot={(props) => (
              <Link to="/reports/rounds/$roundId" params={{ roundId: round.id }} {...props} />
            )}
            data-testid="round-link"
          >
            {inLanguage(round.periodLabel, i18n.language)}
          </Anchor>
          <Badge color={round.status === 'open' ? 'blue' : 'gray'} variant="light">
            {t(`reports.roundStatus.${round.status}`)}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {inLanguage(round.formName, i18n.language)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('reports.window', { from: formatDate(round.windowFrom), to: formatDate(round.windowTo) })} ·{' '}
          {t('reports.dueOn')} {formatDate(round.dueDate)}
        </Text>
        <RatesBar rates={round.rates} testId="round-rates" />
      </Stack>
    </Paper>
  );
}

function Rounds({ ownerUnitId, onOpen }: { ownerUnitId: string; onOpen: (can: boolean) => void }) {
  const { t } = useTranslation();
  const rounds = useQuery({
    queryKey: reportKeys.rounds(ownerUnitId),
    queryFn: () => listRounds(ownerUnitId),
  });
  const canOpen = !!rounds.data?.abilities.open;
  return (
    <section aria-labelledby="rounds-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="rounds-title">
          {t('reports.rounds.title')}
        </Title>
        {canOpen && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => onOpen(true)}
            data-testid="round-open"
          >
            {t('reports.rounds.open')}
          </Button>
        )}
      </Group>
      {rounds.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {rounds.isError && <ErrorAlert error={rounds.error} />}
      {rounds.data && rounds.data.items.length === 0 && (
        <Text c="dimmed" data-testid="rounds-empty">
          {t('reports.rounds.empty')}
        </Text>
      )}
      <Stack gap="sm" data-testid="rounds">
        {rounds.data?.items.map((r) => (
          <RoundCard key={r.id} round={r} />
        ))}
      </Stack>
    </section>
  );
}

/**
 * The reports landing: a unit's people see their unit's reports (what is owed, overdue in red); the
 * standing agency and the committee see the province's rounds with their progress, and those who may
 * open a round or keep the forms find those here.
 */
export function RoundsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const scope = reportScope(session.data);
  const forms = useQuery({ queryKey: reportKeys.forms, queryFn: listForms, staleTime: 60_000 });
  const [opening, setOpening] = useState(false);
  const owner = scope.ownerUnitId;
  // The same query as the list's (shared cache): the dialog starts after the latest round.
  const rounds = useQuery({
    queryKey: reportKeys.rounds(owner ?? ''),
    queryFn: () => listRounds(owner!),
    enabled: !!owner,
  });
  if (session.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  const design = !!forms.data?.abilities.design;
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          design && (
            <>
              <Button
                variant="default"
                leftSection={<IconTemplate size={16} aria-hidden />}
                renderRoot={(props) => <Link to="/reports/forms" {...props} />}
                data-testid="reports-forms-link"
              >
                {t('reports.links.forms')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconClipboardList size={16} aria-hidden />}
                renderRoot={(props) => <Link to="/reports/assignments" {...props} />}
                data-testid="reports-assignments-link"
              >
                {t('reports.links.assignments')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="xl">
        {scope.unitPeople && <MyReports />}
        {scope.ownerUnitId && <Rounds ownerUnitId={scope.ownerUnitId} onOpen={setOpening} />}
        {!scope.unitPeople && !scope.ownerUnitId && (
          <Card withBorder padding="lg">
            <Text c="dimmed">{t('reports.nothing')}</Text>
          </Card>
        )}
      </Stack>
      {scope.ownerUnitId && opening && (
        <OpenRoundModal
          opened={opening}
          onClose={() => setOpening(false)}
          ownerUnitId={scope.ownerUnitId}
          forms={forms.data?.items ?? []}
          rounds={rounds.data?.items ?? []}
        />
      )}
    </>
  );
}
