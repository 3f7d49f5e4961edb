import {
  ActionIcon,
  AppShell,
  Avatar,
  Burger,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { navEntries } from '../features';
import type { NavEntry } from './feature';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { api } from '../lib/api';
import { storeSession, useSession } from '../lib/session';

type Section = NavEntry;

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(() => close(), [pathname, close]);

  if (session.isLoading) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={session.error} />
      </Center>
    );
  }
  if (!session.data) return null;

  const me = session.data;
  // The server lists the sections this user sees, in order; each feature says where its entries live.
  const visible = me.navigation.flatMap((id) => navEntries.filter((e) => e.id === id));

  const logout = async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      storeSession(queryClient, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      await navigate({ to: '/login' });
    }
  };

  const skipToContent = (e: React.MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const main = document.getElementById('main-content');
    main?.focus();
    main?.scrollIntoView();
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a className="skip-link" href="#main-content" onClick={skipToContent} data-testid="skip-link">
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('layout.closeMenu') : t('layout.openMenu')}
            />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Text fw={700} size="lg" c="red.9" data-testid="app-name" visibleFrom="sm">
                {t('app.name')}
              </Text>
              <Text fw={700} size="lg" c="red.9" hiddenFrom="sm">
                {t('app.shortName')}
              </Text>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton
                  aria-label={t('layout.accountMenu', { name: me.user.fullName })}
                  data-testid="user-menu"
                  visibleFrom="xs"
                >
                  <Group gap={6} wrap="nowrap">
                    {/* A person icon, not initials: the button's name ("Tài khoản: …") must hold all its visible
                        text (WCAG 2.5.3), and initials are not part of it. */}
                    <Avatar size="sm" color="red" radius="xl" aria-hidden />
                    <Text size="sm" fw={500} visibleFrom="md">
                      {me.user.fullName}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.user.email}</Menu.Label>
                {me.navigation.includes('profile') && (
                  <Menu.Item
                    leftSection={<IconUserCircle size={16} aria-hidden />}
                    onClick={() => void navigate({ to: '/profile' })}
                  >
                    {t('nav.profile')}
                  </Menu.Item>
                )}
                <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
                  {t('auth.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => void logout()}
              data-testid="logout"
              visibleFrom="sm"
            >
              {t('auth.logout')}
            </Button>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => void logout()}
              aria-label={t('auth.logout')}
              title={t('auth.logout')}
              hiddenFrom="sm"
              data-testid="logout-compact"
            >
              <IconLogout size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('layout.mainNavigation')} component="nav">
        <AppShell.Section grow component={ScrollArea}>
          {visible.map((s) => {
            const matches = (x: Section) =>
              x.exact ? pathname === x.to : pathname === x.to || pathname.startsWith(`${x.to}/`);
            // The most specific entry is the active one (a section's page, not the section too).
            const active =
              matches(s) && !visible.some((o) => o !== s && o.to.length > s.to.length && matches(o));
            // The router's link marks itself current on its sub-paths too: not when they have entries.
            const hasPages = visible.some((o) => o.sub && o.to.startsWith(`${s.to}/`));
            const IconCmp = s.icon;
            return (
              <NavLink
                key={s.id}
                label={t(`nav.${s.id.replace('.', '_')}`)}
                leftSection={<IconCmp size={s.sub ? 16 : 18} aria-hidden />}
                pl={s.sub ? 'xl' : undefined}
                active={active}
                aria-current={active ? 'page' : undefined}
                data-testid={`nav-${s.id}`}
                renderRoot={(props) => (
                  <Link to={s.to as '/'} activeOptions={hasPages ? { exact: true } : undefined} {...props} />
                )}
                mb={2}
              />
            );
          })}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="xs">
            {t('app.tagline')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
