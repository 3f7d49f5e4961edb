import { Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { Overview, PlanFigures, Province, Ratio } from './api';
import { OverviewSummary } from './OverviewSummary';
import { InAppLink } from '../../components/InAppLink';

const pct = (r: Ratio) => (r.value == null ? null : `${formatNumber(r.value * 100, 1)}%`);

function Figure({
  label,
  value,
  detail,
  link,
  linkLabel,
  tone,
  testId,
}: {
  label: string;
  value: string;
  detail?: string | undefined;
  link: string;
  linkLabel: string;
  tone?: 'bad' | 'good' | undefined;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Stack gap={2} h="100%" justify="space-between">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text fz={26} fw={700} c={tone === 'bad' ? 'red.9' : tone === 'good' ? 'teal.9' : undefined}>
            {value}
          </Text>
          {detail && (
            <Text size="xs" c="dimmed">
              {detail}
            </Text>
          )}
        </div>
        <InAppLink to={link} size="xs" mt={4}>
          {linkLabel}
        </InAppLink>
      </Stack>
    </Paper>
  );
}

function PlanFiguresRow({ plan }: { plan: PlanFigures }) {
  const { t } = useTranslation();
  return (
    <>
      <Figure
        testId="figure-plan-completion"
        label={t('homePage.province.completion', { year: plan.year })}
        value={plan.completionPct == null ? '—' : `${formatNumber(plan.completionPct, 1)}%`}
        detail={t('homePage.province.verifiedOf', {
          verified: formatNumber(plan.verified),
          total: formatNumber(plan.total),
        })}
        link={plan.link}
        linkLabel={t('homePage.province.openDashboard')}
      />
      <Figure
        testId="figure-plan-overdue"
        label={t('homePage.province.overdueTasks', { year: plan.year })}
        value={formatNumber(plan.overdue)}
        detail={t('homePage.province.overdueDetail')}
        tone={plan.overdue > 0 ? 'bad' : 'good'}
        link={plan.link}
        linkLabel={t('homePage.province.openDashboard')}
      />
    </>
  );
}

/**
 * The province's key figures: the province overview's summary of the current quarter (issue 18: key figures with
 * their change, where work is stuck, the way to `/province`), then the year's — each with the page that explains it.
 */
export function ProvincePanel({ province, overview }: { province: Province; overview: Overview | null }) {
  const { t } = useTranslation();
  const d = province.dossiers;
  return (
    <Card withBorder padding="md" radius="md" data-testid="panel-province">
      <Title order={2} size="h4" mb={4}>
        {t('homePage.province.title', { year: province.year })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('homePage.province.lead', { date: formatDate(province.asOf) })}
      </Text>
      {overview && <OverviewSummary overview={overview} />}
      {!province.plan && (
        <Paper bg="yellow.0" p="sm" radius="md" mb="sm" data-testid="province-no-plan">
          <Text size="sm">
            {t('homePage.province.noPlan', { year: province.year })}{' '}
            {province.latestPlan && t('homePage.province.latestPlan', { year: province.latestPlan.year })}
          </Text>
          <InAppLink to={province.plansLink} size="sm">
            {t('homePage.province.openPlans')}
          </InAppLink>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
        {(province.plan ?? province.latestPlan) && (
          <PlanFiguresRow plan={(province.plan ?? province.latestPlan)!} />
        )}
        {province.pilots && (
          <Figure
            testId="figure-pilots-overdue"
            label={t('homePage.province.pilotsOverdue', { year: province.pilots.year })}
            value={formatNumber(province.pilots.overdue)}
            detail={t('homePage.province.pilotsDetail', {
              verified: formatNumber(province.pilots.verified),
              total: formatNumber(province.pilots.total),
            })}
            tone={province.pilots.overdue > 0 ? 'bad' : 'good'}
            link={province.pilots.link}
            linkLabel={t('homePage.province.openPilots')}
          />
        )}
        {d && (
          <Figure
            testId="figure-dossiers"
            label={t('homePage.province.dossiersOnTime', { year: province.year })}
            value={pct(d.onTimeRate) ?? '—'}
            detail={
              d.toProcess > 0
                ? t('homePage.province.dossiersDetail', {
                    online: pct(d.onlineRate) ?? '—',
                    total: formatNumber(d.toProcess),
                  })
                : t('homePage.province.noDossiers', { from: formatDate(d.from), to: formatDate(d.to) })
            }
            link={d.link}
            linkLabel={t('homePage.province.openDossiers')}
          />
        )}
      </SimpleGrid>
      {!province.pilots && (
        <Group mt="xs">
          <Text size="xs" c="dimmed">
            {t('homePage.province.noPilots')}
          </Text>
        </Group>
      )}
    </Card>
  );
}
