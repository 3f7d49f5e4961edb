import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  Select,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications as toast } from '@mantine/notifications';
import { IconBell, IconCheck, IconChecks, IconInfoCircle, IconMail } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { applyServerErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import {
  getInbox,
  getPreferences,
  getReminderRule,
  keys,
  markAllRead,
  markRead,
  savePreferences,
  saveReminderRule,
  type EmailPreference,
  type NotificationItem,
  type ReminderRule,
  type ReminderRuleState,
} from './api';

const PAGE_SIZE = 20;

/** My inbox, how I receive e-mail, and the deadline reminder rule (editable by administrators). */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('inbox');
  return (
    <>
      <PageHeader title={t('notifications.title')} description={t('notifications.description')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="inbox" leftSection={<IconBell size={16} aria-hidden />} data-testid="tab-inbox">
            {t('notifications.tabs.inbox')}
          </Tabs.Tab>
          <Tabs.Tab
            value="preferences"
            leftSection={<IconMail size={16} aria-hidden />}
            data-testid="tab-preferences"
          >
            {t('notifications.tabs.preferences')}
          </Tabs.Tab>
          <Tabs.Tab
            value="rule"
            leftSection={<IconInfoCircle size={16} aria-hidden />}
            data-testid="tab-rule"
          >
            {t('notifications.tabs.rule')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox">
          <Inbox />
        </Tabs.Panel>
        <Tabs.Panel value="preferences">
          <PreferencesCard />
        </Tabs.Panel>
        <Tabs.Panel value="rule">
          <RuleCard />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Inbox() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<'all' | 'unread'>('unread');
  const [page, setPage] = useState(1);
  const inbox = useQuery({
    queryKey: keys.list(filter, page, i18n.language),
    queryFn: () => getInbox(filter, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    refetchInterval: 60_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.all });
  const read = useMutation({ mutationFn: markRead, onSuccess: refresh });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: async (r) => {
      await refresh();
      toast.show({ color: 'green', message: t('notifications.inbox.allRead', { count: r.updated }) });
    },
  });

  const open = async (n: NotificationItem) => {
    if (!n.readAt) await read.mutateAsync(n.id).catch(() => {});
    // Only paths of this application (the server refuses others; never follow `//host`).
    if (n.link && n.link.startsWith('/') && !n.link.startsWith('//')) await navigate({ href: n.link });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={filter}
          onChange={(v) => {
            setFilter(v as 'all' | 'unread');
            setPage(1);
          }}
          data={[
            { value: 'unread', label: t('notifications.inbox.unread') },
            { value: 'all', label: t('notifications.inbox.all') },
          ]}
          data-testid="inbox-filter"
        />
        <Button
          variant="light"
          leftSection={<IconChecks size={16} aria-hidden />}
          onClick={() => readAll.mutate()}
          loading={readAll.isPending}
          disabled={!inbox.data?.unread}
          data-testid="mark-all-read"
        >
          {t('notifications.inbox.markAllRead')}
        </Button>
      </Group>
      {inbox.isError && <ErrorAlert error={inbox.error} />}
      {read.isError && <ErrorAlert error={read.error} />}
      {inbox.data && inbox.data.items.length === 0 && (
        <Card withBorder data-testid="inbox-empty">
          <Text c="dimmed">
            {filter === 'unread' ? t('notifications.inbox.noneUnread') : t('notifications.inbox.none')}
          </Text>
        </Card>
      )}
      <Stack gap="xs" data-testid="inbox-list">
        {inbox.data?.items.map((n) => (
          <Card
            key={n.id}
            withBorder
            padding="sm"
            data-testid="notification-item"
            data-read={n.readAt ? 'yes' : 'no'}
            style={n.readAt ? undefined : { borderLeft: '4px solid var(--mantine-color-red-7)' }}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <UnstyledButton
                onClick={() => void open(n)}
                style={{ flex: 1 }}
                data-testid="notification-open"
              >
                <Group gap="xs" wrap="wrap">
                  <Text fw={n.readAt ? 500 : 700}>{n.title}</Text>
                  <KindBadge kind={n.kind} />
                </Group>
                {n.body && (
                  <Text size="sm" mt={2}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed" mt={4}>
                  {formatDateTime(n.createdAt)}
                  {n.emailedAt ? ` · ${t('notifications.inbox.emailed')}` : ''}
                  {n.readAt ? ` · ${t('notifications.inbox.readAt', { at: formatDateTime(n.readAt) })}` : ''}
                </Text>
              </UnstyledButton>
              {!n.readAt && (
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconCheck size={14} aria-hidden />}
                  onClick={() => read.mutate(n.id)}
                  data-testid="mark-read"
                >
                  {t('notifications.inbox.markRead')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      {inbox.data && inbox.data.total > 0 && (
        <Pager total={inbox.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      )}
    </Stack>
  );
}

const KIND_COLORS: Record<string, string> = {
  task_overdue: 'red',
  task_due_today: 'orange',
  task_due_soon: 'yellow',
  task_returned: 'grape',
  task_verified: 'green',
  task_reported: 'blue',
};

function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const known = kind in KIND_COLORS;
  return (
    <Badge size="sm" variant="light" color={KIND_COLORS[kind] ?? 'gray'}>
      {known ? t(`notifications.kinds.${kind}`) : t('notifications.kinds.other')}
    </Badge>
  );
}

const HOURS = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, '0')}:00`,
}));

function PreferencesCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: keys.preferences, queryFn: getPreferences });
  const form = useForm({ initialValues: { email: 'digest' as EmailPreference, digestHour: '7' } });
  const data = prefs.data;
  useEffect(() => {
    if (data) form.setValues({ email: data.email, digestHour: String(data.digestHour) });
  }, [data]);
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      savePreferences({ email: v.email, digestHour: Number(v.digestHour), version: data?.version ?? 0 }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.preferences, saved);
      toast.show({ color: 'green', message: t('notifications.preferences.saved') });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  if (prefs.isError) return <ErrorAlert error={prefs.error} />;
  if (!data) return null;
  return (
    <Card withBorder maw={640}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="preferences-form">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('notifications.preferences.title')}
          </Title>
          {!data.emailConfigured && (
            <Alert
              color="yellow"
              icon={<IconInfoCircle size={18} aria-hidden />}
              data-testid="email-off-server"
            >
              {t('notifications.preferences.notConfigured')}
            </Alert>
          )}
          <Text size="sm">{t('notifications.preferences.address', { address: data.address })}</Text>
          <Radio.Group {...form.getInputProps('email')} label={t('notifications.preferences.email')}>
            <Stack gap="xs" mt="xs">
              <Radio
                value="immediate"
                label={t('notifications.preferences.immediate')}
                description={t('notifications.preferences.immediateHelp')}
                data-testid="pref-immediate"
              />
              <Radio
                value="digest"
                label={t('notifications.preferences.digest')}
                description={t('notifications.preferences.digestHelp')}
                data-testid="pref-digest"
              />
              <Radio
                value="off"
                label={t('notifications.preferences.off')}
                description={t('notifications.preferences.offHelp')}
                data-testid="pref-off"
              />
            </Stack>
          </Radio.Group>
          <Select
            label={t('notifications.preferences.digestHour')}
            description={t('notifications.preferences.digestHourHelp')}
            data={HOURS}
            allowDeselect={false}
            disabled={form.values.email !== 'digest'}
            maw={220}
            data-testid="pref-hour"
            {...form.getInputProps('digestHour')}
          />
          {save.isError && <ErrorAlert error={save.error} onReload={() => void prefs.refetch()} />}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="preferences-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function describeRule(t: (k: string, o?: Record<string, unknown>) => string, rule: ReminderRule) {
  const before = rule.beforeDueWorkingDays.length
    ? t('notifications.rule.before', { days: rule.beforeDueWorkingDays.join(', ') })
    : t('notifications.rule.noBefore');
  const every = t(
    rule.overdueEvery.unit === 'working_days'
      ? 'notifications.rule.everyWorking'
      : 'notifications.rule.everyCalendar',
    { count: rule.overdueEvery.count },
  );
  const max =
    rule.maxOverdueReminders === null
      ? t('notifications.rule.noMax')
      : t('notifications.rule.max', { count: rule.maxOverdueReminders });
  return [before, t('notifications.rule.onDay'), every, max];
}

function RuleCard() {
  const { t } = useTranslation();
  const state = useQuery({ queryKey: keys.rule, queryFn: getReminderRule });
  if (state.isError) return <ErrorAlert error={state.error} />;
  if (!state.data) return null;
  return (
    <Stack gap="md" maw={720}>
      <Card withBorder data-testid="rule-card">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('notifications.rule.title')}
            </Title>
            <Badge variant="light" color={state.data.isDefault ? 'gray' : 'blue'}>
              {state.data.isDefault
                ? t('notifications.rule.default')
                : t('notifications.rule.version', {
                    version: state.data.version,
                    at: formatDateTime(state.data.updatedAt),
                  })}
            </Badge>
          </Group>
          {describeRule(t, state.data.rule).map((line) => (
            <Text key={line} size="sm">
              • {line}
            </Text>
          ))}
          <Text size="sm" c="dimmed">
            {t('notifications.rule.recipients', {
              roles: state.data.recipientRoles.map((r) => t(`roles.${r}`)).join(', '),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('notifications.rule.basis')}
          </Text>
        </Stack>
      </Card>
      {state.data.abilities.update && <RuleEditor state={state.data} />}
    </Stack>
  );
}

function RuleEditor({ state }: { state: ReminderRuleState }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      before: state.rule.beforeDueWorkingDays.join(', '),
      count: state.rule.overdueEvery.count as number | string,
      unit: state.rule.overdueEvery.unit as string,
      max: (state.rule.maxOverdueReminders ?? '') as number | string,
    },
    validate: {
      before: (v) =>
        v.trim() === '' || /^\s*\d+(\s*,\s*\d+)*\s*$/.test(v) ? null : t('notifications.rule.beforeInvalid'),
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      saveReminderRule(
        {
          beforeDueWorkingDays: v.before.trim() ? v.before.split(',').map((s) => Number(s.trim())) : [],
          overdueEvery: {
            count: Number(v.count),
            unit: v.unit === 'calendar_days' ? 'calendar_days' : 'working_days',
          },
          maxOverdueReminders: v.max === '' ? null : Number(v.max),
        },
        state.version,
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.rule, saved);
      toast.show({ color: 'green', message: t('notifications.rule.saved') });
    },
  });
  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="rule-form">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('notifications.rule.edit')}
          </Title>
          <TextInput
            label={t('notifications.rule.beforeLabel')}
            description={t('notifications.rule.beforeHelp')}
            data-testid="rule-before"
            {...form.getInputProps('before')}
          />
          <Group align="flex-end" wrap="wrap">
            <NumberInput
              label={t('notifications.rule.everyLabel')}
              min={1}
              max={60}
              allowDecimal={false}
              w={160}
              data-testid="rule-count"
              {...form.getInputProps('count')}
            />
            <Select
              data={[
                { value: 'working_days', label: t('notifications.rule.workingDays') },
                { value: 'calendar_days', label: t('notifications.rule.calendarDays') },
              ]}
              allowDeselect={false}
              w={200}
              aria-label={t('notifications.rule.unitLabel')}
              {...form.getInputProps('unit')}
            />
          </Group>
          <NumberInput
            label={t('notifications.rule.maxLabel')}
            description={t('notifications.rule.maxHelp')}
            min={0}
            max={1000}
            allowDecimal={false}
            w={260}
            {...form.getInputProps('max')}
          />
          {save.isError && (
            <ErrorAlert
              error={save.error}
              showDetails
              onReload={() => void queryClient.invalidateQueries({ queryKey: keys.rule })}
            />
          )}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="rule-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
