import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { Home } from './api';
import { InAppLink } from '../../components/InAppLink';

type Panel = NonNullable<Home['parindex']>;

const GRADE_COLORS: Record<string, string> = { tot: 'green', kha: 'blue', trung_binh: 'yellow', yeu: 'red' };

/**
 * The PAR Index on an appraiser's (and the standing agency's) landing page: where the newest campaign stands and
 * what awaits the council, the latest published results, and whether next year's criteria are ready.
 */
export function ParIndexPanel({ parindex: p }: { parindex: Panel }) {
  const { t } = useTranslation();
  const c = p.campaign;
  const groups = [...new Set(p.results?.top.map((r) => r.group) ?? [])];
  return (
    <Card withBorder padding="md" radius="md" data-testid="panel-parindex">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('homePage.parindex.title')}
          </Title>
          <InAppLink to={p.link} size="sm">
            {t('homePage.parindex.open')}
          </InAppLink>
        </Group>
        {c ? (
          <Paper withBorder radius="md" p="sm" data-testid="parindex-campaign">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <InAppLink to="/par" fw={600} size="sm">
                  {c.title}
                </InAppLink>
                <Text size="xs" c="dimmed">
                  {t(`homePage.parindex.stage.${c.stage}`)}
                  {c.deadline
                    ? ` · ${t('homePage.parindex.deadline', { date: formatDate(c.deadline) })}`
                    : ''}
                  {' · '}
                  {t('homePage.parindex.units', { count: c.units, n: formatNumber(c.units) })}
                </Text>
                {c.councilRole && (
                  <Text size="xs" mt={2}>
                    {t(`homePage.parindex.seat.${c.councilRole}`)}
                  </Text>
                )}
              </div>
              {c.awaitingCouncil > 0 && (
                <Badge color="orange" variant="filled" size="lg" data-testid="parindex-awaiting">
                  {t('homePage.parindex.awaiting', { n: formatNumber(c.awaitingCouncil) })}
                </Badge>
              )}
            </Group>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            {t('homePage.parindex.noCampaign')}
          </Text>
        )}
        {p.nextYear.frameworks === 0 && (c === null || c.stage === 'published') && (
          <Paper withBorder radius="md" p="sm" bg="yellow.0" data-testid="parindex-next-year">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">{t('homePage.parindex.nextYear', { year: p.nextYear.year })}</Text>
              {p.office && (
                <InAppLink to="/par/frameworks" size="sm" fw={600}>
                  {t('homePage.parindex.prepare', { year: p.nextYear.year })}
                </InAppLink>
              )}
            </Group>
          </Paper>
        )}
        {p.results && (
          <div data-testid="parindex-results">
            <Group justify="space-between" mb={6}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('homePage.parindex.results', { year: p.results.year })}
              </Text>
              <InAppLink to="/par/results" size="xs">
                {t('homePage.parindex.allResults')}
              </InAppLink>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: groups.length > 1 ? 2 : 1 }} spacing="sm">
              {groups.map((g) => (
                <Paper key={g} withBorder radius="md" p="sm">
                  <Text size="xs" fw={600} mb={4}>
                    {t(`homePage.parindex.group.${g}`)}
                  </Text>
                  {p
                    .results!.top.filter((r) => r.group === g)
                    .map((r, i) => (
                      <Group key={`${g}-${i}`} justify="space-between" gap="xs" wrap="nowrap">
                        <Text size="sm" truncate>
                          {r.rank}. {r.unitName}
                        </Text>
                        <Badge variant="light" color={GRADE_COLORS[r.grade] ?? 'gray'}>
                          {formatNumber(r.percent, 2)}%
                        </Badge>
                      </Group>
                    ))}
                </Paper>
              ))}
            </SimpleGrid>
            {p.results.below > 0 && (
              <Text size="xs" c="red.9" mt={6}>
                {t('homePage.parindex.below', {
                  n: formatNumber(p.results.below),
                  threshold: formatNumber(p.results.remediationBelow),
                })}
              </Text>
            )}
          </div>
        )}
      </Stack>
    </Card>
  );
}
