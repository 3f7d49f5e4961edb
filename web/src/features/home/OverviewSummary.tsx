import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { Overview } from './api';
import { formatFigureChange, formatFigureValue, VERDICT_COLOR } from '../../components/figure-format';
import { InAppLink } from '../../components/InAppLink';
import { inLanguage } from '../../components/workflow/work';

type Figure = Overview['figures'][number];

const pick = inLanguage;
const valueOf = (f: Figure) => formatFigureValue(f.def.unit, f.current.value);

function Change({ f }: { f: Figure }) {
  const { t } = useTranslation();
  if (f.change === null || !f.verdict)
    return (
      <Text size="xs" c="dimmed">
        {t('homePage.overview.noChange')}
      </Text>
    );
  const Icon = f.change > 0 ? IconArrowUpRight : f.change < 0 ? IconArrowDownRight : IconArrowRight;
  return (
    <Group gap={4} wrap="nowrap" data-testid="overview-change" data-verdict={f.verdict}>
      <Icon size={14} aria-hidden />
      <Text size="xs" c={VERDICT_COLOR[f.verdict]} fw={600}>
        {formatFigureChange(f.def.unit, f.change)}
        {f.def.unit === 'percent' ? ` ${t('homePage.overview.points')}` : ''} ·{' '}
        {t(`homePage.overview.verdict.${f.verdict}`)}
      </Text>
    </Group>
  );
}

/**
 * The province dashboard's summary on the landing page (issue 18): the current quarter's key figures with their
 * change since the previous quarter, and the units where work is most overdue — with the way to the full overview.
 * Numbers only (no chart library on the landing page).
 */
export function OverviewSummary({ overview }: { overview: Overview }) {
  const { t, i18n } = useTranslation();
  const s = overview.stuck;
  return (
    <Stack gap="xs" mb="md" data-testid="province-overview">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>
          {t('homePage.overview.window', {
            period: pick(overview.period.label, i18n.language),
            from: formatDate(overview.period.from),
            to: formatDate(overview.period.to),
          })}
        </Text>
        <InAppLink to={overview.link} fw={600} data-testid="overview-open">
          {t('homePage.overview.open')}
        </InAppLink>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs">
        {overview.figures.map((f) => (
          <Paper key={f.def.key} withBorder radius="md" p="xs" data-testid={`overview-${f.def.key}`}>
            <Text size="xs" c="dimmed" lh={1.3} lineClamp={2}>
              {pick(f.def.label, i18n.language)}
            </Text>
            <Text fz={20} fw={700} c={f.current.value === null ? 'dimmed' : undefined}>
              {valueOf(f) ?? t('homePage.overview.noData')}
            </Text>
            {f.current.numerator !== null && f.current.denominator !== null && f.def.unit !== 'count' && (
              <Text size="xs" c="dimmed">
                {formatNumber(f.current.numerator)}/{formatNumber(f.current.denominator)}
              </Text>
            )}
            <Change f={f} />
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder radius="md" p="xs" data-testid="overview-stuck">
        <Text size="sm" fw={600} mb={4}>
          {t('homePage.overview.stuck', { count: s.overdueTotal, units: s.unitCount })}
        </Text>
        <Group gap="xs">
          {s.units.map((u) => (
            <InAppLink
              key={u.unit.id}
              to={`/province/drill?what=overdue&unit=${u.unit.id}`}
              size="sm"
              data-testid="overview-stuck-unit"
            >
              <Badge
                variant="light"
                color="red"
                size="lg"
                style={{ cursor: 'pointer', textTransform: 'none' }}
              >
                {u.unit.name}: {formatNumber(u.total)}
              </Badge>
            </InAppLink>
          ))}
          {s.units.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('homePage.overview.noOverdue')}
            </Text>
          )}
        </Group>
      </Paper>
    </Stack>
  );
}
