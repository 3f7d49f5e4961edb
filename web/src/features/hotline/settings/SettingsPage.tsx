import { Alert, Button, Center, Loader, Tabs } from '@mantine/core';
import { IconCategory, IconClockHour4, IconList, IconLock, IconRoute } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { toQueryString } from '../../../lib/api';
import { CategoriesPanel, PHONE } from './CategoriesPanel';
import { RoutesPanel } from './RoutesPanel';
import { RulesPanel } from './RulesPanel';
import { getSettings, settingsKeys } from './settingsApi';

const TABS = ['categories', 'routes', 'rules'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: unknown): v is Tab => typeof v === 'string' && (TABS as readonly string[]).includes(v);

const ICONS = { categories: IconCategory, routes: IconRoute, rules: IconClockHour4 } as const;

/**
 * The hotline's settings (issue 14): its categories, the routing table that suggests a handling unit, and
 * the deadline rules as dated versions. Everyone who works with the hotline reads them; the server's
 * `abilities.manage` (the standing agency, administrators) decides whether the buttons to change them show.
 * The open tab lives in the address (`?tab=`), so a reload or a shared link lands on it.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const tab: Tab = isTab(search.tab) ? search.tab : 'categories';
  const settings = useQuery({ queryKey: settingsKeys.all, queryFn: getSettings });
  const data = settings.data;
  const manage = !!data?.abilities.manage;
  // On a phone the three tabs keep one line without their icons.
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });

  return (
    <div data-testid="hotline-settings-page">
      <PageHeader
        title={t('hotlineSettings.title')}
        description={t('hotlineSettings.description')}
        actions={
          <Button
            variant="default"
            leftSection={<IconList size={16} aria-hidden />}
            renderRoot={(props) => <Link to="/hotline" {...props} />}
          >
            {t('hotlineSettings.backToList')}
          </Button>
        }
      />
      {settings.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={settings.error} />
      {data && (
        <>
          {!manage && (
            <Alert
              color="gray"
              variant="light"
              icon={<IconLock size={18} aria-hidden />}
              mb="md"
              data-testid="settings-read-only"
            >
              {t('hotlineSettings.readOnly')}
            </Alert>
          )}
          <Tabs
            value={tab}
            onChange={(v) =>
              void navigate({
                href: `/hotline/settings${toQueryString({ tab: v && v !== 'categories' ? v : undefined })}`,
                replace: true,
              })
            }
            keepMounted={false}
          >
            <Tabs.List mb="md" aria-label={t('hotlineSettings.tabs.label')}>
              {TABS.map((key) => {
                const Icon = ICONS[key];
                return (
                  <Tabs.Tab
                    key={key}
                    value={key}
                    leftSection={phone ? undefined : <Icon size={16} aria-hidden />}
                    data-testid={`settings-tab-${key}`}
                  >
                    {t(`hotlineSettings.tabs.${key}`)}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            <Tabs.Panel value="categories">
              <CategoriesPanel settings={data} manage={manage} onReload={() => settings.refetch()} />
            </Tabs.Panel>
            <Tabs.Panel value="routes">
              <RoutesPanel settings={data} manage={manage} />
            </Tabs.Panel>
            <Tabs.Panel value="rules">
              <RulesPanel settings={data} manage={manage} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </div>
  );
}
