import {
  Alert,
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
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { UnitSelect } from '../../../components/UnitSelect';
import { formatDate, formatNumber } from '../../../lib/format';
import {
  createSurprise,
  getProposals,
  inspectionKeys,
  type Area,
  type Form,
  type Proposals,
  type SurpriseInput,
} from '../api';
import { AreasField, FormField } from './PlanModals';

type Seed = {
  source: SurpriseInput['source'];
  unitId: string | null;
  reason: string;
  escalationId?: string;
  signalKey?: string;
};

const share = (v: number) => `${formatNumber(v * 100, 1)}%`;

/**
 * Surprise inspections (`/inspections/proposals`): the hotline's open escalations and the data signals (each with
 * its figure and threshold), each turned into a surprise inspection with its reason; or one created by hand.
 */
export function ProposalsPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: inspectionKeys.proposals, queryFn: getProposals });
  const [seed, setSeed] = useState<Seed | null>(null);
  const p = q.data;
  const fmt = (s: Proposals['signals'][number], v: number) =>
    s.kind === 'overdue_recommendations' ? formatNumber(v) : share(v);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('inspections.proposals.title')}
        description={t('inspections.proposals.description')}
        actions={
          p?.abilities.create && (
            <Button
              onClick={() => setSeed({ source: 'hand', unitId: null, reason: '' })}
              data-testid="surprise-by-hand"
            >
              {t('inspections.proposals.createByHand')}
            </Button>
          )
        }
      />
      {q.isLoading && <Loader aria-label={t('common.loading')} />}
      {q.isError && <ErrorAlert error={q.error} />}
      {p && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Title order={2} size="h5">
                {t('inspections.proposals.escalations', { count: p.escalations.length })}
              </Title>
              {p.escalations.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('inspections.proposals.none')}
                </Text>
              )}
              {p.escalations.map((e) => (
                <Card key={e.id} withBorder radius="sm" padding="sm" data-testid="escalation">
                  <Stack gap={4}>
                    <Group gap={6}>
                      <Badge variant="light" tt="none">
                        {t('inspections.proposals.case', { code: e.caseCode })}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {formatDate(e.createdAt)}
                      </Text>
                    </Group>
                    <Anchor component={Link} to={`/hotline/${e.caseId}`} size="sm" fw={500}>
                      {e.caseTitle}
                    </Anchor>
                    {e.unit && <Text size="sm">{e.unit.name}</Text>}
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {e.reason}
                    </Text>
                    {p.abilities.create && (
                      <Group>
                        <Button
                          size="compact-md"
                          onClick={() =>
                            setSeed({
                              source: 'hotline',
                              unitId: e.unit?.id ?? null,
                              reason: e.reason,
                              escalationId: e.id,
                            })
                          }
                          data-testid="escalation-create"
                        >
                          {t('inspections.proposals.create')}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Card>
              ))}
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Title order={2} size="h5">
                {t('inspections.proposals.signals', { count: p.signals.length })}
              </Title>
              {p.signals.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('inspections.proposals.none')}
                </Text>
              )}
              {p.signals.map((s) => (
                <Card key={s.key} withBorder radius="sm" padding="sm" data-testid="signal">
                  <Stack gap={4}>
                    <Text size="sm" fw={500}>
                      {s.unit.name}
                    </Text>
                    <Text size="sm">
                      {t(`inspections.proposals.signalKinds.${s.kind}`)} ({s.year})
                    </Text>
                    <Text size="sm" c="red.8">
                      {t('inspections.proposals.figure', {
                        figure: fmt(s, s.figure),
                        threshold: fmt(s, s.threshold),
                      })}
                      {s.numerator !== null &&
                        s.denominator !== null &&
                        ` (${formatNumber(s.numerator)}/${formatNumber(s.denominator)})`}
                    </Text>
                    {p.abilities.create && (
                      <Group>
                        <Button
                          size="compact-md"
                          variant="light"
                          onClick={() =>
                            setSeed({
                              source: 'signal',
                              unitId: s.unit.id,
                              reason: `${t(`inspections.proposals.signalKinds.${s.kind}`)}: ${t('inspections.proposals.figure', { figure: fmt(s, s.figure), threshold: fmt(s, s.threshold) })}`,
                              signalKey: s.key,
                            })
                          }
                          data-testid="signal-create"
                        >
                          {t('inspections.proposals.create')}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Card>
              ))}
            </Stack>
          </Card>
        </SimpleGrid>
      )}
      <SurpriseModal seed={seed} onClose={() => setSeed(null)} />
    </Stack>
  );
}

function SurpriseModal({ seed, onClose }: { seed: Seed | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [areas, setAreas] = useState<Area[]>([]);
  const [form, setForm] = useState<Form>('on_site');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!seed) return;
    setUnitId(seed.unitId);
    setReason(seed.reason);
    setAreas([]);
    setError(null);
  }, [seed]);
  const submit = async () => {
    if (!seed) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createSurprise({
        unitId: unitId!,
        areas,
        form,
        plannedFrom: from!,
        plannedTo: to!,
        reason,
        source: seed.source,
        escalationId: seed.escalationId,
        signalKey: seed.signalKey,
      });
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
      onClose();
      await navigate({ to: '/inspections/$id', params: { id: created.id } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={!!seed} onClose={onClose} title={t('inspections.proposals.createTitle')} size="lg">
      <Stack gap="sm">
        {seed?.source !== 'hand' && seed && (
          <Alert variant="light">{t(`inspections.sources.${seed.source}`)}</Alert>
        )}
        <UnitSelect
          label={t('inspections.plan.unit')}
          value={unitId}
          onChange={setUnitId}
          scope="province"
          required
          readOnly={seed?.source === 'signal'}
          data-testid="surprise-unit"
        />
        <Textarea
          label={t('inspections.proposals.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reason.trim() ? undefined : t('inspections.proposals.reasonRequired')}
          required
          autosize
          minRows={2}
          data-testid="surprise-reason"
        />
        <AreasField value={areas} onChange={setAreas} />
        <FormField value={form} onChange={setForm} />
        <SimpleGrid cols={2}>
          <DateField
            label={t('inspections.plan.from')}
            value={from}
            onChange={setFrom}
            required
            data-testid="surprise-from"
          />
          <DateField
            label={t('inspections.plan.to')}
            value={to}
            onChange={setTo}
            required
            data-testid="surprise-to"
          />
        </SimpleGrid>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={busy}
            disabled={!unitId || !reason.trim() || !from || !to}
            data-testid="surprise-submit"
          >
            {t('inspections.proposals.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
