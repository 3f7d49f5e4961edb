import { Card, Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { Rates } from './api';

/** A share as shown: within 0–100 (one report per expected unit, so never above), one decimal. */
export function shownRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return `${formatNumber(Math.min(100, Math.max(0, rate)), 1)}%`;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.min(100, (part / whole) * 100) : 0);

/**
 * The round's progress in one bar (accepted, then submitted and awaiting review) and one line:
 * "Đã gửi 9/13 · đúng hạn 7 · đã tiếp nhận 6".
 */
export function RatesBar({ rates, testId = 'rates-bar' }: { rates: Rates; testId?: string }) {
  const { t } = useTranslation();
  const waiting = Math.max(0, rates.submitted - rates.accepted);
  return (
    <Stack gap={4} data-testid={testId}>
      <Progress.Root size="lg" aria-hidden>
        <Tooltip label={t('reports.rates.acceptedN', { count: rates.accepted })}>
          <Progress.Section value={share(rates.accepted, rates.expected)} color="green" />
        </Tooltip>
        <Tooltip label={t('reports.rates.waitingN', { count: waiting })}>
          <Progress.Section value={share(waiting, rates.expected)} color="blue" />
        </Tooltip>
      </Progress.Root>
      <Text size="sm" data-testid={`${testId}-text`}>
        {t('reports.rates.summary', {
          submitted: formatNumber(rates.submitted),
          expected: formatNumber(rates.expected),
          onTime: formatNumber(rates.onTime),
          accepted: formatNumber(rates.accepted),
        })}
      </Text>
    </Stack>
  );
}

function Figure({
  label,
  value,
  detail,
  color,
  testId,
}: {
  label: string;
  value: string;
  detail: string;
  color?: string;
  testId: string;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} lh={1.2} mt={4} data-testid={`${testId}-value`}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {detail}
      </Text>
    </Card>
  );
}

/** The four figures of a round: expected, submitted, on time, accepted (shares of the expected units). */
export function RateFigures({ rates }: { rates: Rates }) {
  const { t } = useTranslation();
  const of = (n: number) =>
    t('reports.rates.ofExpected', { count: n, expected: formatNumber(rates.expected) });
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="lg">
      <Figure
        label={t('reports.rates.expected')}
        value={formatNumber(rates.expected)}
        detail={t('reports.rates.notSubmittedN', { count: rates.notSubmitted })}
        testId="rate-expected"
      />
      <Figure
        label={t('reports.rates.submitted')}
        value={shownRate(rates.submittedRate)}
        detail={of(rates.submitted)}
        color="blue.7"
        testId="rate-submitted"
      />
      <Figure
        label={t('reports.rates.onTime')}
        value={shownRate(rates.onTimeRate)}
        detail={of(rates.onTime)}
        color="teal.7"
        testId="rate-on-time"
      />
      <Figure
        label={t('reports.rates.accepted')}
        value={shownRate(rates.acceptedRate)}
        detail={of(rates.accepted)}
        color="green.7"
        testId="rate-accepted"
      />
    </SimpleGrid>
  );
}

/** A small "n/m" with a bar, for a row of the by-kind table. */
export function MiniRate({ part, whole, color }: { part: number; whole: number; color?: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={share(part, whole)} size="sm" w={80} color={color} aria-hidden />
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatNumber(part)}/{formatNumber(whole)}
      </Text>
    </Group>
  );
}
