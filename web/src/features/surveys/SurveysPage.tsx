import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { toQueryString } from '../../lib/api';
import { sortVi } from '../../lib/format';
import { listSurveys, surveyKeys, type SurveySummary } from './api';
import { CreateSurveyModal } from './CreateSurveyModal';
import { kindLabel, periodText, StatusBadge } from './labels';
import { progressPercent, quotaText } from './model/format';

function SurveyCard({ s }: { s: SurveySummary }) {
  const { t } = useTranslation();
  const percent = progressPercent(s.responses, s.quota);
  return (
    <Card withBorder padding="md" radius="md" data-testid="survey-card" data-status={s.status}>
      <Stack gap="xs">
        <Anchor
          fw={600}
          renderRoot={(props) => <Link to="/surveys/$id" params={{ id: s.id }} {...props} />}
          data-testid="survey-card-title"
        >
          {s.title}
        </Anchor>
        <Group gap={6} wrap="wrap">
          <StatusBadge status={s.status} />
          <Badge variant="outline" color="gray" tt="none" size="sm">
            {kindLabel(t, s.kind)}
          </Badge>
          {s.anonymous && (
            <Badge
              variant="light"
              color="teal"
              tt="none"
              size="sm"
              leftSection={<IconLock size={12} aria-hidden />}
            >
              {t('surveys.anonymousBadge')}
            </Badge>
          )}
          {s.parYear && (
            <Badge variant="light" color="grape" tt="none" size="sm">
              {t('surveys.parYearBadge', { year: s.parYear })}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {periodText(t, s.opensOn, s.closesOn)}
        </Text>
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('surveys.responses')}</Text>
            <Text size="sm" fw={500} data-testid="survey-card-responses">
              {quotaText(s.responses, s.quota)}
            </Text>
          </Group>
          {percent !== null && (
            <Progress
              value={percent}
              color={percent >= 100 ? 'green' : 'blue'}
              aria-label={t('surveys.progressOf', { title: s.title })}
            />
          )}
          <Text size="xs" c="dimmed">
            {t('surveys.targetsCount', { count: s.targets })}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}

/**
 * The surveys of a year (`/surveys`, issue 17): each with its status, kind, period and responses against its quota;
 * "Tạo khảo sát" for the office (the server's `abilities.create`). With none yet, what a survey is for and how to
 * start.
 */
export function SurveysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const thisYear = new Date().getFullYear();
  const year =
    Number.isInteger(Number(search.year)) && Number(search.year) >= 2000 ? Number(search.year) : thisYear;
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: surveyKeys.list(year), queryFn: () => listSurveys(year) });
  const data = list.data;
  const items = sortVi(
    data?.items ?? [],
    (s) => `${['open', 'draft', 'closed'].indexOf(s.status)} ${s.title}`,
  );
  const canCreate = data?.abilities.create ?? false;

  const pickYear = (v: number | string) => {
    if (typeof v === 'number' && v >= 2000 && v <= 2100)
      void navigate({
        href: `/surveys${toQueryString({ year: v === thisYear ? undefined : v })}`,
        replace: true,
      });
  };

  return (
    <div data-testid="surveys-page">
      <PageHeader
        title={t('surveys.title')}
        description={t('surveys.description')}
        actions={
          <>
            <NumberInput
              aria-label={t('surveys.year')}
              value={year}
              onChange={pickYear}
              min={2000}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              w={110}
              data-testid="surveys-year"
            />
            {canCreate && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
                data-testid="survey-create"
              >
                {t('surveys.create.button')}
              </Button>
            )}
          </>
        }
      />
      {list.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={list.error} />
      {data && items.length === 0 && (
        <Card withBorder padding="lg" data-testid="surveys-empty">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('surveys.empty.title', { year })}
            </Title>
            <Text size="sm">{t('surveys.empty.what')}</Text>
            <List size="sm" spacing={2}>
              <List.Item>{t('surveys.empty.sipas')}</List.Item>
              <List.Item>{t('surveys.empty.ddci')}</List.Item>
              <List.Item>{t('surveys.empty.par')}</List.Item>
            </List>
            <Text size="sm" c="dimmed">
              {canCreate ? t('surveys.empty.office') : t('surveys.empty.reader')}
            </Text>
            {canCreate && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
                style={{ alignSelf: 'flex-start' }}
                data-testid="survey-create-empty"
              >
                {t('surveys.create.button')}
              </Button>
            )}
          </Stack>
        </Card>
      )}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" data-testid="surveys-list">
          {items.map((s) => (
            <SurveyCard key={s.id} s={s} />
          ))}
        </SimpleGrid>
      )}
      {canCreate && <CreateSurveyModal opened={creating} year={year} onClose={() => setCreating(false)} />}
    </div>
  );
}
