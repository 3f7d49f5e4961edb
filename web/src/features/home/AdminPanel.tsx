import { Badge, Card, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { AdminPanel as AdminData } from './api';
import { InAppLink } from '../../components/InAppLink';

function Health({
  ok,
  warn = false,
  title,
  children,
  testId,
}: {
  ok: boolean;
  /** Not a failure, but not set up either (e.g. no mail server). */
  warn?: boolean;
  title: string;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId} data-ok={ok}>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={ok ? 'green' : warn ? 'yellow' : 'red'} size="md" radius="xl">
          {ok ? <IconCircleCheck size={16} aria-hidden /> : <IconAlertTriangle size={16} aria-hidden />}
        </ThemeIcon>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {children}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** The administrator's first question: is the system healthy, and what is left to set up (each with where to fix it). */
export function AdminPanel({ admin }: { admin: AdminData }) {
  const { t } = useTranslation();
  const { database, worker, imports, mail } = admin.health;
  const problems = admin.setup.filter((s) => s.severity === 'problem').length;
  return (
    <Card withBorder padding="md" radius="md" data-testid="panel-admin">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {t('homePage.admin.title')}
        </Title>
        <Group gap={6}>
          {problems > 0 && (
            <Badge color="red" size="lg">
              {t('homePage.admin.problems', { count: problems })}
            </Badge>
          )}
          <Badge
            color={admin.setup.length ? 'yellow' : 'green'}
            variant="light"
            size="lg"
            data-testid="panel-admin-count"
          >
            {t('homePage.admin.setupCount', { count: admin.setup.length })}
          </Badge>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" mb="md">
        <Health ok={database.upToDate} title={t('homePage.admin.database')} testId="health-database">
          {t(`homePage.admin.engine.${database.engine}`)} ·{' '}
          {t('homePage.admin.migrations', {
            applied: formatNumber(database.migrations.applied),
            expected: formatNumber(database.migrations.expected),
          })}
        </Health>
        <Health
          ok={!worker.stalled && worker.failed === 0 && worker.intervalSeconds > 0}
          title={t('homePage.admin.worker')}
          testId="health-worker"
        >
          {worker.intervalSeconds > 0
            ? t('homePage.admin.workerEvery', { seconds: formatNumber(worker.intervalSeconds) })
            : t('homePage.admin.workerOff')}
          {' · '}
          {t('homePage.admin.jobs', {
            pending: formatNumber(worker.pending),
            failed: formatNumber(worker.failed),
          })}
          {worker.lastFailureAt &&
            ` · ${t('homePage.admin.lastFailure', { at: formatDateTime(worker.lastFailureAt) })}`}
        </Health>
        <Health ok={imports.failed === 0} title={t('homePage.admin.imports')} testId="health-imports">
          {imports.failed === 0
            ? t('homePage.admin.importsOk')
            : t('homePage.admin.importsFailed', { count: imports.failed })}
        </Health>
        <Health ok={mail.configured} warn title={t('homePage.admin.mail')} testId="health-mail">
          {mail.configured ? t('homePage.admin.mailOn') : t('homePage.admin.mailOff')}
        </Health>
      </SimpleGrid>
      <Title order={3} size="h5" mb="xs">
        {t('homePage.admin.setupTitle')}
      </Title>
      {admin.setup.length === 0 ? (
        <Text size="sm" data-testid="setup-none">
          {t('homePage.admin.setupNone')}
        </Text>
      ) : (
        <List
          spacing="xs"
          size="sm"
          center
          icon={null}
          listStyleType="none"
          styles={{ itemWrapper: { width: '100%' } }}
        >
          {admin.setup.map((s) => (
            <List.Item key={`${s.id}-${s.params.code ?? ''}`} data-testid="setup-item" data-id={s.id}>
              <Group gap={8} wrap="nowrap" align="flex-start">
                <ThemeIcon
                  variant="light"
                  color={s.severity === 'problem' ? 'red' : 'yellow'}
                  size="sm"
                  radius="xl"
                  mt={2}
                >
                  {s.severity === 'problem' ? (
                    <IconAlertTriangle size={12} aria-hidden />
                  ) : (
                    <IconTool size={12} aria-hidden />
                  )}
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm">
                    {t(`homePage.setup.${s.id}`, {
                      ...s.params,
                      count: s.count ?? 0,
                      n: formatNumber(s.count ?? 0),
                      total: formatNumber(Number(s.params.total ?? 0)),
                      since: s.params.since ? formatDateTime(String(s.params.since)) : '',
                    })}
                  </Text>
                  {s.link && (
                    <InAppLink to={s.link} size="sm">
                      {t(`homePage.setupFix.${s.id}`)}
                    </InAppLink>
                  )}
                </div>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
