import { Alert, Button, Center, Loader, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChecklist, IconClockHour4, IconList, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { toQueryString } from '../../../lib/api';
import { ChecklistsPanel } from './ChecklistsPanel';
import { RulesPanel } from './RulesPanel';
import { getRules, getTemplates, inspectionSettingsKeys } from './settingsApi';

/** Narrower than this, lists are cards and the tabs lose their icons. */
export const PHONE = '(max-width: 48em)';

const TABS = ['checklists', 'rules'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: unknown): v is Tab => typeof v === 'string' && (TABS as readonly string[]).includes(v);
const ICONS = { checklists: IconChecklist, rules: IconClockHour4 } as const;

/**
 * The inspections' settings (issue 15, `/inspections/settings`): the checklist template of each reform area as
 * versions, and the inspections' rules as dated versions. Everyone in the inspections section reads them; the
 * server's `abilities.manage` (the standing agency, administrators) decides whether the buttons to change them
 * show. The open tab lives in the address (`?tab=`), so a reload or a shared link lands on it.
 */
export function InspectionSettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const tab: Tab = isTab(search.tab) ? search.tab : 'checklists';
  const templates = useQuery({ queryKey: inspectionSettingsKeys.templates, queryFn: getTemplates });
  const rules = useQuery({ queryKey: inspectionSettingsKeys.rules, queryFn: getRules });
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const shown = tab === 'checklists' ? templates : rules;
  const abilities = templates.data?.abilities ?? rules.data?.abilities;

  return (
    <div data-testid="inspection-settings-page">
      <PageHeader
        title={t('inspectionSettings.title')}
        description={t('inspectionSettings.description')}
        actions={
          <Button
            variant="default"
            leftSection={<IconList size={16} aria-hidden />}
            renderRoot={(props) => <Link to="/inspections" {...props} />}
          >
            {t('inspectionSettings.backToInspections')}
          </Button>
        }
      />
      {abilities && !abilities.manage && (
        <Alert
          color="gray"
          variant="light"
          icon={<IconLock size={18} aria-hidden />}
          mb="md"
          data-testid="settings-read-only"
        >
          {t('inspectionSettings.readOnly')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({
            href: `/inspections/settings${toQueryString({ tab: v && v !== 'checklists' ? v : undefined })}`,
            replace: true,
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md" aria-label={t('inspectionSettings.tabs.label')}>
          {TABS.map((key) => {
            const Icon = ICONS[key];
            return (
              <Tabs.Tab
                key={key}
                value={key}
                leftSection={phone ? undefined : <Icon size={16} aria-hidden />}
                data-testid={`settings-tab-${key}`}
              >
                {t(`inspectionSettings.tabs.${key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {shown.isLoading && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        <ErrorAlert error={shown.error} />
        <Tabs.Panel value="checklists">
          {templates.data && (
            <ChecklistsPanel templates={templates.data} phone={phone} onReload={() => templates.refetch()} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="rules">{rules.data && <RulesPanel rules={rules.data} />}</Tabs.Panel>
      </Tabs>
    </div>
  );
}
