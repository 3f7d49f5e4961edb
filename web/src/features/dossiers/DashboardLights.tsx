import { Box, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRate, type Light, type Threshold } from './dashboardApi';

const COLOR: Record<NonNullable<Light>, string> = {
  green: 'var(--mantine-color-green-6)',
  amber: 'var(--mantine-color-yellow-5)',
  red: 'var(--mantine-color-red-6)',
};

/** A traffic light with its meaning in words (colour is never the only signal). */
export function LightDot({ light }: { light: Light }) {
  const { t } = useTranslation();
  const label = t(`dossiers.light.${light ?? 'none'}`);
  return (
    <Tooltip label={label}>
      <Box
        component="span"
        role="img"
        aria-label={label}
        data-light={light ?? 'none'}
        style={{
          display: 'inline-block',
          width: 12,
          height: 12,
          borderRadius: '50%',
          flex: 'none',
          background: light ? COLOR[light] : 'var(--mantine-color-gray-3)',
        }}
      />
    </Tooltip>
  );
}

/** The thresholds the lights use (data from the server, defaults unless configured). */
export function LightLegend({ thresholds }: { thresholds: Threshold[] }) {
  const { t, i18n } = useTranslation();
  const pct = (v: number) => formatRate(v, i18n.language);
  return (
    <Box data-testid="dossiers-legend" mt="sm">
      <Group gap="md" mb={4}>
        {(['green', 'amber', 'red'] as const).map((l) => (
          <Group key={l} gap={4}>
            <LightDot light={l} />
            <Text size="xs">{t(`dossiers.light.${l}`)}</Text>
          </Group>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {thresholds
          .map((th) =>
            t(th.direction === 'higher' ? 'dossiers.legend.higher' : 'dossiers.legend.lower', {
              name: t(`dossiers.kpi.${th.key}`),
              green: pct(th.green),
              amber: pct(th.amber),
            }),
          )
          .join(' · ')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('dossiers.legend.source')}
      </Text>
    </Box>
  );
}
