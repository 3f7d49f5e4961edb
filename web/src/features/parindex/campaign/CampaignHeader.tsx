import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import {
  advanceCampaign,
  parKeys,
  requestComputation,
  type AssessmentStatus,
  type Campaign,
  type CampaignStage,
} from './api';
import { CampaignForm } from './CampaignForm';
import { StageTrack } from './StageTrack';
import { AssessmentStatusBadge, GROUPS, STAGE_DEADLINE, STATUSES, textIn } from './labels';

/** Narrower than this, the stages are listed top to bottom. */
const NARROW = '(max-width: 48em)';

/**
 * The campaign's header: its title, the seven stages with their deadlines (the current one explained in a line),
 * the units by status (each count filters the list), what it uses (frameworks, threshold, documents) and — for
 * the office — "Sửa" and the move to the next stage (disabled with the server's reason when it cannot happen yet).
 */
export function CampaignHeader({
  campaign: c,
  onStatus,
}: {
  campaign: Campaign;
  /** A status count was clicked: the list shows those units. */
  onStatus?: (status: AssessmentStatus) => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(NARROW, false, { getInitialValueInEffect: false });
  const [editing, setEditing] = useState(false);
  const stageDate = (s: CampaignStage) => {
    const key = STAGE_DEADLINE[s];
    if (key) return t('parCampaign.header.until', { date: formatDate(c[key]) });
    if (s === 'published' && c.publishedAt) return formatDate(c.publishedAt);
    if (s === 'finalised' && c.signedOffAt)
      return t('parCampaign.header.signedOff', { date: formatDate(c.signedOffAt) });
    return undefined;
  };
  const counted = STATUSES.filter((s) => (c.counts.byStatus[s] ?? 0) > 0);
  return (
    <Card withBorder radius="md" padding="md" data-testid="campaign-header" data-stage={c.stage}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Title order={2} size="h4" data-testid="campaign-title">
              {c.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('parCampaign.header.stageNow', { stage: t(`parCampaign.stages.${c.stage}`) })}{' '}
              {t(`parCampaign.stageHelp.${c.stage}`)}
            </Text>
          </Stack>
          {c.abilities.update && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
              data-testid="campaign-edit"
            >
              {t('parCampaign.header.edit')}
            </Button>
          )}
        </Group>

        <StageTrack stage={c.stage} dateOf={stageDate} vertical={narrow} />

        {c.abilities.advance && <AdvanceControl campaign={c} />}

        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {c.counts.units > 0
              ? t('parCampaign.header.units', { count: c.counts.units, n: formatNumber(c.counts.units) })
              : c.stage === 'preparing'
                ? t('parCampaign.header.noUnitsYet')
                : t('parCampaign.header.noUnits')}
          </Text>
          {counted.length > 0 && (
            <Group gap="xs" data-testid="campaign-counts">
              {counted.map((s) => (
                <UnstyledButton
                  key={s}
                  onClick={onStatus ? () => onStatus(s) : undefined}
                  disabled={!onStatus}
                  aria-label={t('parCampaign.header.countLabel', {
                    status: t(`work.status.${s}`),
                    n: formatNumber(c.counts.byStatus[s]),
                  })}
                  data-testid={`campaign-count-${s}`}
                  style={{ cursor: onStatus ? 'pointer' : 'default', borderRadius: 16 }}
                >
                  <Group gap={4} wrap="nowrap">
                    <AssessmentStatusBadge status={s} testId="campaign-count-status" />
                    <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(c.counts.byStatus[s])}
                    </Text>
                  </Group>
                </UnstyledButton>
              ))}
            </Group>
          )}
        </Stack>

        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Fact label={t('parCampaign.header.frameworks')}>
            {c.frameworks.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('parCampaign.header.noFrameworks')}
              </Text>
            ) : (
              <Stack gap={2}>
                {[...c.frameworks]
                  .sort((x, y) => GROUPS.indexOf(x.group) - GROUPS.indexOf(y.group))
                  .map((f) => (
                    <Text size="sm" key={f.group}>
                      {t(`parCampaign.groups.${f.group}`)}:{' '}
                      <Anchor
                        size="sm"
                        renderRoot={(props) => (
                          <Link to="/par/frameworks/$id" params={{ id: f.id }} {...props} />
                        )}
                      >
                        {t('parCampaign.form.frameworkOption', { title: f.title, number: f.number })}
                      </Anchor>
                    </Text>
                  ))}
              </Stack>
            )}
          </Fact>
          <Fact label={t('parCampaign.header.threshold')}>
            <Text size="sm">
              {t('parCampaign.header.thresholdValue', { percent: formatNumber(c.remediationBelow) })}
            </Text>
          </Fact>
          {c.document && (
            <Fact label={t('parCampaign.form.document')}>
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link to="/documents/$documentId" params={{ documentId: c.document!.id }} {...props} />
                )}
              >
                {c.document.label}
              </Anchor>
            </Fact>
          )}
          {c.resultDocument && (
            <Fact label={t('parCampaign.form.resultDocument')}>
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link
                    to="/documents/$documentId"
                    params={{ documentId: c.resultDocument!.id }}
                    {...props}
                  />
                )}
              >
                {c.resultDocument.label}
              </Anchor>
            </Fact>
          )}
          {(c.abilities.compute || c.computation.at) && (
            <Fact label={t('parCampaign.computation.label')}>
              <ComputationState campaign={c} />
            </Fact>
          )}
          {c.note && (
            <Fact label={t('parCampaign.form.note')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.note}
              </Text>
            </Fact>
          )}
        </SimpleGrid>
        {c.stage === 'published' && (
          <Text size="sm">
            <Anchor component={Link} to="/par/results" size="sm" data-testid="campaign-results-link">
              {t('parCampaign.header.openResults')}
            </Anchor>
          </Text>
        )}
      </Stack>
      {c.abilities.update && (
        <CampaignForm opened={editing} onClose={() => setEditing(false)} year={c.year} campaign={c} />
      )}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {children}
    </div>
  );
}

/**
 * "Chuyển sang bước tiếp theo": what the next stage is and what moving there does (asked before doing it); when the
 * rules do not allow it yet, the button is off and the server's reason says what is missing.
 */
function AdvanceControl({ campaign: c }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const next = c.advance.next;
  if (!next) return null;
  const reason = textIn(c.advance.reason, i18n.language);
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      const moved = await advanceCampaign(c.id, c.version);
      qc.setQueryData(parKeys.campaign(c.id), moved);
      await qc.invalidateQueries({ queryKey: parKeys.all });
      notifications.show({
        color: 'green',
        message: t('parCampaign.advance.done', { stage: t(`parCampaign.stages.${moved.stage}`) }),
      });
      setConfirming(false);
    } catch (e) {
      if (e instanceof ApiError && e.isStale) {
        setConfirming(false);
        await qc.invalidateQueries({ queryKey: parKeys.all });
        notifications.show({
          color: 'yellow',
          title: t('common.staleTitle'),
          message: t('parCampaign.advance.stale'),
        });
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} data-testid="campaign-advance-box">
      <Group gap="sm" wrap="wrap">
        <Button
          rightSection={<IconArrowRight size={16} aria-hidden />}
          disabled={!c.advance.ok}
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
          aria-describedby={!c.advance.ok && reason ? 'campaign-advance-reason' : undefined}
          data-testid="campaign-advance"
        >
          {t('parCampaign.advance.button')}
        </Button>
        <Badge variant="outline" color="gray" tt="none" size="lg">
          {t('parCampaign.advance.next', { stage: t(`parCampaign.stages.${next}`) })}
        </Badge>
      </Group>
      {!c.advance.ok && reason && (
        <Text size="sm" c="orange.8" id="campaign-advance-reason" data-testid="campaign-advance-reason">
          {reason}
        </Text>
      )}
      {!confirming && <ErrorAlert error={error} />}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('parCampaign.advance.confirmTitle', { stage: t(`parCampaign.stages.${next}`) })}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t(`parCampaign.advance.what.${next}`)}</Text>
          <Text size="sm" c="dimmed">
            {t('parCampaign.advance.irreversible')}
          </Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={go} loading={busy} data-testid="campaign-advance-confirm">
              {t('parCampaign.advance.confirm', { stage: t(`parCampaign.stages.${next}`) })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/**
 * The criteria computed from chidao's records: when they were last read, or that they are being read (background
 * work: the page looks again until done); the office may ask for them to be read again now.
 */
function ComputationState({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      qc.setQueryData(parKeys.campaign(c.id), await requestComputation(c.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} align="flex-start" data-testid="campaign-computation">
      {c.computation.pending ? (
        <Group gap={6} wrap="nowrap">
          <Loader size={14} aria-hidden />
          <Text size="sm">{t('parCampaign.computation.pending')}</Text>
        </Group>
      ) : (
        <Text size="sm">
          {c.computation.at
            ? t('parCampaign.computation.at', { at: formatDateTime(c.computation.at) })
            : t('parCampaign.computation.never')}
        </Text>
      )}
      {c.abilities.compute && !c.computation.pending && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => void ask()}
          loading={busy}
          data-testid="campaign-compute"
        >
          {t('parCampaign.computation.again')}
        </Button>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}
