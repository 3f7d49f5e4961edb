import { Alert, Badge, Button, Group, List, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconLock,
  IconPencil,
  IconPlayerPlay,
  IconPlayerStop,
  IconPrinter,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { closeSurvey, openSurvey, surveyKeys, type Survey } from './api';
import { kindLabel, periodText, StatusBadge } from './labels';
import { quotaText } from './model/format';
import { SettingsModal } from './SettingsModal';

/** Why the survey cannot be opened yet, in words; null when it can. */
export function openBlocker(t: ReturnType<typeof useTranslation>['t'], s: Survey): string | null {
  if (s.problems.length > 0) return t('surveys.open.blockedProblems', { count: s.problems.length });
  if (s.targetList.length === 0) return t('surveys.open.blockedTargets');
  return null;
}

/** Open or close, asked first (what it means for respondents), with the version read (409 when stale). */
function StatusChange({
  s,
  action,
  onClose,
}: {
  s: Survey;
  action: 'open' | 'close' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => (action === 'open' ? openSurvey(s.id, s.version) : closeSurvey(s.id, s.version)),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t(`surveys.${action}.done`) });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      close();
    },
  });
  const close = () => {
    run.reset();
    onClose();
  };
  const stale = run.error instanceof ApiError && run.error.isStale;
  if (!action) return null;
  return (
    <Modal opened onClose={close} title={t(`surveys.${action}.title`)} centered size="md">
      <Stack gap="sm" data-testid={`survey-${action}-modal`}>
        <Text size="sm">{t(`surveys.${action}.lead`, { title: s.title })}</Text>
        <List size="sm" spacing={4}>
          {action === 'open' ? (
            <>
              <List.Item>{t('surveys.open.links', { count: s.targetList.length })}</List.Item>
              <List.Item>{t('surveys.open.frozen', { n: s.current.number })}</List.Item>
            </>
          ) : (
            <>
              <List.Item>{t('surveys.close.noMore')}</List.Item>
              <List.Item>{t('surveys.close.addresses')}</List.Item>
            </>
          )}
        </List>
        <ErrorAlert
          error={run.error}
          onReload={
            stale
              ? () => {
                  close();
                  void queryClient.invalidateQueries({ queryKey: surveyKeys.one(s.id) });
                }
              : undefined
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={action === 'open' ? 'green' : 'red'}
            loading={run.isPending}
            onClick={() => run.mutate()}
            data-testid={`survey-${action}-confirm`}
          >
            {t(`surveys.${action}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The survey's header: title, status, kind, period, responses against the quota; the office's actions — edit the
 * settings, open (disabled with the reason while the questionnaire has problems or no target is set), close, the
 * posters.
 */
export function SurveyHeader({ s }: { s: Survey }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<'open' | 'close' | null>(null);
  const [editing, setEditing] = useState(false);
  const blocker = openBlocker(t, s);
  const showOpen = s.status === 'draft' && (s.abilities.open || s.abilities.edit);
  return (
    <>
      <PageHeader
        title={s.title}
        documentTitle={s.title}
        description={
          <Group gap={6} wrap="wrap" component="span">
            <StatusBadge status={s.status} />
            <Badge variant="outline" color="gray" tt="none" size="sm">
              {kindLabel(t, s.kind)}
            </Badge>
            <Badge variant="light" color="gray" tt="none" size="sm">
              {t('surveys.versionN', { n: s.current.number })}
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
            <Text span size="sm" c="dimmed">
              {periodText(t, s.opensOn, s.closesOn)} · {t('surveys.responses')}:{' '}
              {quotaText(s.responses, s.quota)}
              {s.parYear ? ` · ${t('surveys.parYearBadge', { year: s.parYear })}` : ''}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/surveys" {...props} />}
            >
              {t('surveys.back')}
            </Button>
            {s.targetList.length > 0 && (
              <Button
                variant="default"
                leftSection={<IconPrinter size={16} aria-hidden />}
                renderRoot={(props) => <Link to="/surveys/$id/posters" params={{ id: s.id }} {...props} />}
                data-testid="survey-posters-link"
              >
                {t('surveys.posters.link')}
              </Button>
            )}
            {s.abilities.edit && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
                data-testid="survey-edit"
              >
                {t('surveys.settings.button')}
              </Button>
            )}
            {showOpen && (
              <Tooltip label={blocker} disabled={!blocker} multiline maw={320} withArrow>
                {/* A disabled button gets no pointer events: the wrapper carries the tooltip. */}
                <span>
                  <Button
                    color="green"
                    leftSection={<IconPlayerPlay size={16} aria-hidden />}
                    disabled={!!blocker || !s.abilities.open}
                    onClick={() => setAction('open')}
                    data-testid="survey-open"
                  >
                    {t('surveys.open.button')}
                  </Button>
                </span>
              </Tooltip>
            )}
            {s.status === 'open' && s.abilities.close && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconPlayerStop size={16} aria-hidden />}
                onClick={() => setAction('close')}
                data-testid="survey-close"
              >
                {t('surveys.close.button')}
              </Button>
            )}
          </>
        }
      />
      {showOpen && blocker && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          mb="md"
          data-testid="survey-open-blocked"
        >
          <Text size="sm">{blocker}</Text>
          {s.problems.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('surveys.open.seeQuestionnaire', { n: formatNumber(s.problems.length) })}
            </Text>
          )}
        </Alert>
      )}
      <StatusChange s={s} action={action} onClose={() => setAction(null)} />
      {editing && <SettingsModal s={s} onClose={() => setEditing(false)} />}
    </>
  );
}
