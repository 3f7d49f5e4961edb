import { Button, Card, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  IconArrowLeft,
  IconChartBar,
  IconEye,
  IconListDetails,
  IconMail,
  IconTargetArrow,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { toQueryString } from '../../lib/api';
import { getSurvey, surveyKeys, type Survey } from './api';
import { Builder } from './builder/Builder';
import { InvitationsTab } from './InvitationsTab';
import { textIn } from './labels';
import { ResultsTab } from './ResultsTab';
import { SurveyHeader } from './SurveyHeader';
import { TargetsTab } from './TargetsTab';

const TABS = ['questionnaire', 'targets', 'invitations', 'results'] as const;
type Tab = (typeof TABS)[number];

/** What the form tells respondents is and is not recorded: the promise, in plain words, where the office sees it. */
function RecordedPanel({ s }: { s: Survey }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="md" mb="md" data-testid="survey-recorded">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <IconEye size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Stack gap={4}>
          <Title order={2} size="h5">
            {t('surveys.recorded.title')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {textIn(s.recorded, i18n.language)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('surveys.recorded.note')}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

function SurveyView({ s, onReload }: { s: Survey; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const tab: Tab = (TABS as readonly string[]).includes(String(search.tab))
    ? (search.tab as Tab)
    : 'questionnaire';
  const pick = (v: string | null) =>
    v &&
    void navigate({
      href: `/surveys/${s.id}${toQueryString({ tab: v === 'questionnaire' ? undefined : v })}`,
      replace: true,
    });
  return (
    <div data-testid="survey-page" data-status={s.status}>
      <SurveyHeader s={s} />
      <RecordedPanel s={s} />
      <Tabs value={tab} onChange={pick} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab
            value="questionnaire"
            leftSection={<IconListDetails size={16} aria-hidden />}
            data-testid="survey-tab-questionnaire"
          >
            {t('surveys.tabs.questionnaire')}
          </Tabs.Tab>
          <Tabs.Tab
            value="targets"
            leftSection={<IconTargetArrow size={16} aria-hidden />}
            data-testid="survey-tab-targets"
          >
            {t('surveys.tabs.targets')}
          </Tabs.Tab>
          <Tabs.Tab
            value="invitations"
            leftSection={<IconMail size={16} aria-hidden />}
            data-testid="survey-tab-invitations"
          >
            {t('surveys.tabs.invitations')}
          </Tabs.Tab>
          {s.abilities.results && (
            <Tabs.Tab
              value="results"
              leftSection={<IconChartBar size={16} aria-hidden />}
              data-testid="survey-tab-results"
            >
              {t('surveys.tabs.results')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="questionnaire">
          {/* Another version (the next one made by a save, or someone else's) starts the builder again. */}
          <Builder key={s.current.id} s={s} onReload={onReload} />
        </Tabs.Panel>
        <Tabs.Panel value="targets">
          <TargetsTab s={s} onReload={onReload} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations">
          <InvitationsTab s={s} />
        </Tabs.Panel>
        {s.abilities.results && (
          <Tabs.Panel value="results">
            <ResultsTab s={s} initialUnitId={typeof search.unitId === 'string' ? search.unitId : null} />
          </Tabs.Panel>
        )}
      </Tabs>
    </div>
  );
}

/**
 * One survey (`/surveys/$id`, issue 17): its header with status and actions, what it records, and four tabs — the
 * questionnaire (builder, versions, workbook), the targets and quotas (with live progress while open), the
 * invitations, the results. Buttons follow the server's `abilities`.
 */
export function SurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams({ strict: false });
  const q = useQuery({
    queryKey: surveyKeys.one(id),
    queryFn: () => getSurvey(id),
    enabled: !!id,
    // Progress against the quotas moves while the survey is open.
    refetchInterval: (query) => (query.state.data?.status === 'open' ? 30_000 : false),
  });
  if (q.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (!q.data)
    return (
      <Stack gap="md">
        <PageHeader title={t('surveys.notFound')} />
        <ErrorAlert error={q.error} />
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          renderRoot={(props) => <Link to="/surveys" {...props} />}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('surveys.back')}
        </Button>
      </Stack>
    );
  return <SurveyView key={q.data.id} s={q.data} onReload={() => void q.refetch()} />;
}
