import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ScrollCue } from '../../components/table';
import { formatNumber } from '../../lib/format';
import { formatRate, type Breakdown } from './dashboardApi';

/**
 * Procedures by online public-service level (NĐ 42/2022/NĐ-CP: toàn trình / một phần / none): the
 * online-submission rate of each level's procedures in the scope and period (restated as the page is), and
 * the province's catalogue by level and publication (QĐ 766 group 1, công khai).
 */
export function DashboardLevels({ b }: { b: Breakdown }) {
  const { t, i18n } = useTranslation();
  const catalogue = new Map(b.catalogue.map((c) => [c.level, c]));
  const order = ['full', 'partial', 'online', 'none'] as const;
  // A split unit's dossiers are shared by weight: a share may be fractional.
  const count = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 1);
  return (
    <Card withBorder padding="lg" mb="md" data-testid="dossiers-levels">
      <Title order={2} size="h4" mb={4}>
        {t('dossiers.levels.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dossiers.levels.hint')}
      </Text>
      <ScrollCue minWidth={720} label={t('dossiers.levels.title')} testId="dossiers-levels-scroll">
        <Table striped verticalSpacing="xs" data-testid="dossiers-levels-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dossiers.levels.level')}</Table.Th>
              <Table.Th ta="right">{t('dossiers.levels.onlineRate')}</Table.Th>
              <Table.Th ta="right">{t('dossiers.levels.onlineOfReceived')}</Table.Th>
              <Table.Th ta="right">{t('dossiers.levels.withDossiers')}</Table.Th>
              <Table.Th ta="right">{t('dossiers.levels.catalogue')}</Table.Th>
              <Table.Th ta="right">{t('dossiers.levels.published')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.map((level) => {
              const l = b.byLevel.find((x) => x.level === level);
              if (!l) return null;
              const c =
                level === 'online'
                  ? [catalogue.get('full'), catalogue.get('partial')].reduce(
                      (n, x) => ({
                        procedures: n.procedures + (x?.procedures ?? 0),
                        published: n.published + (x?.published ?? 0),
                        notPublished: n.notPublished + (x?.notPublished ?? 0),
                        unknown: n.unknown + (x?.unknown ?? 0),
                      }),
                      { procedures: 0, published: 0, notPublished: 0, unknown: 0 },
                    )
                  : catalogue.get(level);
              const strong = level === 'online' ? 700 : undefined;
              return (
                <Table.Tr key={level} data-testid="dossiers-level-row" data-level={level}>
                  <Table.Td fw={strong}>{t(`dossiers.levels.name.${level}`)}</Table.Td>
                  <Table.Td ta="right" fw={strong} data-testid={`dossiers-level-rate-${level}`}>
                    {formatRate(l.onlineRate.value, i18n.language)}
                  </Table.Td>
                  <Table.Td ta="right" fw={strong} style={{ whiteSpace: 'nowrap' }}>
                    {count(l.receivedOnline)} / {count(l.received)}
                  </Table.Td>
                  <Table.Td ta="right" fw={strong}>
                    {formatNumber(l.proceduresWithDossiers)}
                  </Table.Td>
                  <Table.Td ta="right" fw={strong}>
                    {formatNumber(c?.procedures ?? 0)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {c ? (
                      <>
                        <Text size="sm" fw={strong}>
                          {formatNumber(c.published)}
                        </Text>
                        {(c.notPublished > 0 || c.unknown > 0) && (
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {[
                              c.notPublished > 0
                                ? `${formatNumber(c.notPublished)} ${t('dossiers.levels.notPublished').toLowerCase()}`
                                : null,
                              c.unknown > 0
                                ? `${formatNumber(c.unknown)} ${t('dossiers.levels.unknown').toLowerCase()}`
                                : null,
                            ]
                              .filter(Boolean)
                              .join('; ')}
                          </Text>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollCue>
      <Text size="xs" c="dimmed" mt="xs">
        {t('dossiers.levels.catalogueNote')}{' '}
        <Anchor component={Link} to="/dossiers/procedures" size="xs" data-testid="dossiers-procedures-link">
          {t('dossiersProcedures.open')}
        </Anchor>
      </Text>
    </Card>
  );
}
