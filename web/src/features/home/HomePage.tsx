import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconCalendar,
  IconFileText,
  IconHistory,
  IconUserCircle,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../components/UnitSelect';
import { api } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { useSession } from '../../lib/session';

type RecentDocument = { id: string; numberSymbol: string; title: string; issuedOn: string; type: string };

const SHORTCUTS: {
  id: string;
  to: '/documents' | '/units' | '/users' | '/audit' | '/calendar' | '/profile';
  icon: Icon;
}[] = [
  { id: 'documents', to: '/documents', icon: IconFileText },
  { id: 'units', to: '/units', icon: IconBuildingCommunity },
  { id: 'users', to: '/users', icon: IconUsers },
  { id: 'audit', to: '/audit', icon: IconHistory },
  { id: 'calendar', to: '/calendar', icon: IconCalendar },
  { id: 'profile', to: '/profile', icon: IconUserCircle },
];

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const units = useUnits();
  const me = session.data;
  useEffect(() => {
    document.title = `${t('nav.home')} · ${t('app.shortName')}`;
  }, [t]);
  const showDocuments = !!me?.navigation.includes('documents');
  const recent = useQuery({
    queryKey: ['documents', 'recent'],
    queryFn: () =>
      api.get<{ items: RecentDocument[]; total: number }>('/api/documents', { query: { limit: 5 } }),
    enabled: showDocuments,
  });
  if (!me) return null;
  const unitName = (id: string | null) =>
    id ? (units.data?.items.find((u) => u.id === id)?.name ?? '…') : '';

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Title order={1} size="h2" data-testid="welcome">
          {t('home.welcome', { name: me.user.fullName })}
        </Title>
        <Text c="dimmed" mt={4}>
          {me.user.unitId ? t('home.yourUnit', { unit: unitName(me.user.unitId) }) : t('home.lead')}
        </Text>
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg" data-testid="my-roles">
          <Title order={2} size="h4" mb="sm">
            {t('home.rolesTitle')}
          </Title>
          {me.grants.length === 0 ? (
            <Text c="dimmed">{t('home.noRoles')}</Text>
          ) : (
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('grants.role')}</Table.Th>
                  <Table.Th>{t('grants.scope')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {me.grants.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>
                      <Badge variant="light">{t(`roles.${g.role}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{unitName(g.unitId)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t('home.rolesHint')}
          </Text>
        </Card>

        {showDocuments && (
          <Card withBorder padding="lg" data-testid="recent-documents">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {t('home.recentDocuments')}
              </Title>
              {recent.data && (
                <Text size="sm" c="dimmed">
                  {t('home.documentsTotal', {
                    count: recent.data.total,
                    total: formatNumber(recent.data.total),
                  })}
                </Text>
              )}
            </Group>
            {recent.isLoading && <Text c="dimmed">{t('common.loading')}</Text>}
            {recent.data?.items.length === 0 && <Text c="dimmed">{t('documents.empty')}</Text>}
            <Stack gap="xs">
              {recent.data?.items.map((d) => (
                <div key={d.id}>
                  <Anchor
                    renderRoot={(props) => (
                      <Link to="/documents/$documentId" params={{ documentId: d.id }} {...props} />
                    )}
                    fw={500}
                    size="sm"
                  >
                    {d.numberSymbol}
                  </Anchor>
                  <Text size="sm" lineClamp={2}>
                    {t(`documentTypes.${d.type}`, { defaultValue: d.type })} · {formatDate(d.issuedOn)} —{' '}
                    {d.title}
                  </Text>
                </div>
              ))}
            </Stack>
          </Card>
        )}
      </SimpleGrid>

      <div>
        <Title order={2} size="h4" mb="sm">
          {t('home.shortcuts')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          {SHORTCUTS.filter((s) => me.navigation.includes(s.id)).map((s) => {
            const IconCmp = s.icon;
            return (
              <Card
                key={s.id}
                withBorder
                padding="md"
                renderRoot={(props) => <Link to={s.to} {...props} />}
                style={{ textDecoration: 'none' }}
                data-testid={`shortcut-${s.id}`}
              >
                <Group wrap="nowrap">
                  <ThemeIcon variant="light" size="lg">
                    <IconCmp size={20} aria-hidden />
                  </ThemeIcon>
                  <div>
                    <Text fw={600}>{t(`nav.${s.id}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`home.shortcut.${s.id}`)}
                    </Text>
                  </div>
                </Group>
              </Card>
            );
          })}
        </SimpleGrid>
      </div>
    </Stack>
  );
}
