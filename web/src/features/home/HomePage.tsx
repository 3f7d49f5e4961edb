import { Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../../lib/session';
import { AdminPanel } from './AdminPanel';
import { HotlinePanel } from './HotlinePanel';
import { InspectionsPanel } from './InspectionsPanel';
import { ParIndexPanel } from './ParIndexPanel';
import { getHome, homeKeys, type Panel } from './api';
import { ComingPanel } from './ComingPanel';
import { FollowingPanel } from './FollowingPanel';
import { ProvincePanel } from './ProvincePanel';
import { WorkQueuePanel } from './WorkQueuePanel';

/**
 * The landing page of every role, answering its first question at the top: a unit's focal point or
 * leader — what the unit owes and what is overdue; the standing agency — what awaits verification;
 * committee members — how the units they follow and the province are doing; administrators — system
 * health and set-up; roles whose module is still to come — what it will be and what to use meanwhile.
 * The server decides which panels a user gets and in which order (`GET /api/home`).
 */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data;
  useEffect(() => {
    document.title = `${t('nav.home')} · ${t('app.shortName')}`;
  }, [t]);
  const home = useQuery({ queryKey: homeKeys.home, queryFn: getHome, enabled: !!me });
  if (!me) return null;
  const data = home.data;

  const panel = (p: Panel) => {
    switch (p) {
      case 'owed':
      case 'review':
        return <WorkQueuePanel key={p} view={p} />;
      case 'following':
        return <FollowingPanel key={p} />;
      case 'province':
        return data?.province ? (
          <ProvincePanel key={p} province={data.province} overview={data.overview} />
        ) : null;
      case 'admin':
        return data?.admin ? <AdminPanel key={p} admin={data.admin} /> : null;
      case 'hotline':
        return data?.hotline ? <HotlinePanel key={p} hotline={data.hotline} /> : null;
      case 'inspections':
        return data?.inspections ? <InspectionsPanel key={p} inspections={data.inspections} /> : null;
      case 'parindex':
        return data?.parindex ? <ParIndexPanel key={p} parindex={data.parindex} /> : null;
      case 'coming':
        return <ComingPanel key={p} coming={data?.coming ?? []} />;
    }
  };

  return (
    <Stack gap="md">
      <Card withBorder padding="md" radius="md">
        <Title order={1} size="h3" data-testid="welcome">
          {t('home.welcome', { name: me.user.fullName })}
        </Title>
        {data && (
          <Group gap={6} mt={6} data-testid="home-units">
            {data.units.length === 0 && (
              <Text size="sm" c="dimmed" data-testid="home-no-roles">
                {/* A member recorded by name and linked to an account follows units without any role. */}
                {data.panels.includes('following') ? t('home.followsOnly') : t('home.noRoles')}
              </Text>
            )}
            {data.units.map((u) =>
              u.roles.map((r) => (
                <Badge key={`${u.id}:${r}`} variant="light" radius="sm" size="lg" tt="none" fw={500}>
                  {t('homePage.unitRole', { unit: u.name, role: t(`roles.${r}`) })}
                </Badge>
              )),
            )}
          </Group>
        )}
      </Card>
      {home.isLoading && <Loader aria-label={t('common.loading')} />}
      {home.isError && <ErrorAlert error={home.error} />}
      {data?.panels.map(panel)}
    </Stack>
  );
}
