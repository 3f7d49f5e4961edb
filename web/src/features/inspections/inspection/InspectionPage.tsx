import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, isoDate } from '../../../lib/format';
import {
  cancelInspection,
  getInspection,
  inspectionKeys,
  reinspect,
  signMinutes,
  startInspection,
  type Inspection,
} from '../api';
import { StatusBadge, dateRange } from '../labels';
import { InspectionContentModal } from '../plans/PlanModals';
import { TeamEditor } from '../plans/TeamCard';
import { Checklist } from './Checklist';
import { Recommendations } from './Recommendations';

type Dialog = 'sign' | 'cancel' | 'reinspect' | 'content' | null;

/**
 * One inspection (`/inspections/$id`), usable on a tablet: the header (unit, kind with its reason and source,
 * dates, status, team), the checklist, the steps the server allows the caller, the conclusion's documents and the
 * recommendations with their remediation.
 */
export function InspectionPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const focus = useRouterState({
    select: (s) => (s.location.search as Record<string, unknown>).recommendation,
  });
  const q = useQuery({ queryKey: inspectionKeys.inspection(id), queryFn: () => getInspection(id) });
  if (q.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const i = q.data!;
  const concluded = i.status === 'concluded';
  return (
    <Stack gap="md">
      <PageHeader
        title={i.unitAsPlanned.name}
        documentTitle={`${i.unitAsPlanned.name} · ${t('inspections.title')}`}
        description={
          <Anchor component={Link} to="/inspections" size="sm">
            ← {t('inspections.page.back')}
          </Anchor>
        }
      />
      <Header inspection={i} />
      {concluded && (
        <Recommendations inspectionId={i.id} focus={typeof focus === 'string' ? focus : undefined} />
      )}
      <Checklist inspection={i} />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function Header({ inspection: i }: { inspection: Inspection }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [addingMember, setAddingMember] = useState(false);
  const en = i18n.language.startsWith('en');
  const can = (a: Inspection['allowedActions'][number]) => i.allowedActions.includes(a);
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const reload = () => {
    setError(null);
    void qc.invalidateQueries({ queryKey: inspectionKeys.all });
  };
  const start = async () => {
    try {
      await startInspection(i.id, i.version);
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const conclusionOpen = i.status === 'minutes_signed' || i.status === 'concluded';
  return (
    <Card withBorder radius="md" padding="md" data-testid="inspection-header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="xs">
            <StatusBadge status={i.status} />
            <Badge variant="outline" tt="none" data-testid="inspection-kind">
              {t(`inspections.kinds.${i.kind}`)}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {t(`inspections.forms.${i.form}`)}
            </Badge>
          </Group>
          <Group gap="xs">
            {can('start') && (
              <Button size="md" onClick={start} data-testid="inspection-start">
                {t('inspections.page.start')}
              </Button>
            )}
            {can('sign_minutes') && (
              <Button size="md" onClick={() => setDialog('sign')} data-testid="inspection-sign">
                {t('inspections.page.signMinutes')}
              </Button>
            )}
            {conclusionOpen && (
              <Button
                size="md"
                variant={i.status === 'minutes_signed' ? 'filled' : 'light'}
                component={Link}
                to={`/inspections/${i.id}/conclusion`}
                data-testid="inspection-conclusion"
              >
                {t('inspections.page.openConclusion')}
              </Button>
            )}
            {can('edit') && (
              <Button
                size="md"
                variant="light"
                onClick={() => setDialog('content')}
                data-testid="inspection-edit"
              >
                {t('inspections.plan.editContent')}
              </Button>
            )}
            {can('reinspect') && (
              <Button
                size="md"
                variant="light"
                onClick={() => setDialog('reinspect')}
                data-testid="inspection-reinspect"
              >
                {t('inspections.page.reinspect')}
              </Button>
            )}
            {can('cancel') && (
              <Button
                size="md"
                variant="subtle"
                color="red"
                onClick={() => setDialog('cancel')}
                data-testid="inspection-cancel"
              >
                {t('inspections.page.cancel')}
              </Button>
            )}
          </Group>
        </Group>
        {i.unit.name !== i.unitAsPlanned.name && (
          <Text size="sm" c="dimmed">
            {t('inspections.page.unitNow', { name: i.unit.name })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Field label={t('inspections.page.dates')}>
            <Text size="sm">{dateRange(i.plannedFrom, i.plannedTo)}</Text>
          </Field>
          {i.conductedOn && (
            <Field label={t('inspections.page.conducted')}>
              <Text size="sm">{formatDate(i.conductedOn)}</Text>
            </Field>
          )}
          {i.plan && (
            <Field label={t('inspections.page.plan')}>
              <Anchor component={Link} to="/inspections" size="sm">
                {i.plan.title}
              </Anchor>
            </Field>
          )}
          <Field label={t('inspections.plan.areas')}>
            <Text size="sm">{i.areas.map((a) => t(`inspections.areas.${a}`)).join('; ') || '—'}</Text>
          </Field>
        </SimpleGrid>
        {i.customItems.length > 0 && (
          <Field label={t('inspections.plan.customItems')}>
            <List size="sm" type="ordered" spacing={2} mt={4} data-testid="inspection-custom-items">
              {i.customItems.map((c) => (
                <List.Item key={c.key}>{en ? c.text.en || c.text.vi : c.text.vi}</List.Item>
              ))}
            </List>
          </Field>
        )}
        {i.kind !== 'planned' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="inspection-reason">
            <Field label={t('inspections.page.reason')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {i.reason || '—'}
              </Text>
            </Field>
            {i.source && (
              <Field label={t('inspections.page.source')}>
                <Text size="sm">{t(`inspections.sources.${i.source}`)}</Text>
              </Field>
            )}
            {i.previous && (
              <Field label={t('inspections.kinds.re_inspection')}>
                <Anchor component={Link} to={`/inspections/${i.previous.id}`} size="sm">
                  {t('inspections.page.previous', {
                    date: formatDate(i.previous.conductedOn ?? i.previous.plannedFrom),
                  })}
                </Anchor>
              </Field>
            )}
          </SimpleGrid>
        )}
        {i.cancelReason && (
          <Field label={t('inspections.page.cancelReason')}>
            <Text size="sm">{i.cancelReason}</Text>
          </Field>
        )}
        <div>
          <Group gap="xs" justify="space-between">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('inspections.page.team')}
            </Text>
            {can('edit_team') && (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => setAddingMember(true)}
                data-testid="inspection-team-add"
              >
                {t('inspections.plan.addMember')}
              </Button>
            )}
          </Group>
          <Box mt={4}>
            <TeamEditor
              owner={{ kind: 'inspection', id: i.id }}
              team={i.team}
              canEdit={can('edit_team')}
              adding={addingMember}
              onAddingChange={setAddingMember}
              testId="inspection-team"
            />
          </Box>
        </div>
        <ErrorAlert error={error} onReload={reload} />
      </Stack>
      <StepDialog
        inspection={i}
        dialog={dialog === 'content' ? null : dialog}
        onClose={() => setDialog(null)}
      />
      <InspectionContentModal inspection={i} opened={dialog === 'content'} onClose={() => setDialog(null)} />
    </Card>
  );
}

/** Sign the minutes (the day inspected), cancel (a reason), re-inspect (dates and a reason). */
function StepDialog({
  inspection: i,
  dialog,
  onClose,
}: {
  inspection: Inspection;
  dialog: Dialog;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [day, setDay] = useState<string | null>(isoDate());
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(null);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (dialog === 'sign') await signMinutes(i.id, i.version, day!);
      if (dialog === 'cancel') await cancelInspection(i.id, i.version, reason);
      if (dialog === 'reinspect') {
        const next = await reinspect(i.id, { plannedFrom: from!, plannedTo: to!, reason });
        await navigate({ to: '/inspections/$id', params: { id: next.id } });
      }
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const title =
    dialog === 'sign'
      ? t('inspections.page.signTitle')
      : dialog === 'cancel'
        ? t('inspections.page.cancelTitle')
        : t('inspections.page.reinspectTitle');
  const ready =
    dialog === 'sign' ? !!day : dialog === 'cancel' ? !!reason.trim() : !!from && !!to && !!reason.trim();
  return (
    <Modal opened={!!dialog} onClose={close} title={title}>
      <Stack gap="sm">
        {dialog === 'sign' && (
          <DateField
            label={t('inspections.page.conductedOn')}
            value={day}
            onChange={setDay}
            required
            data-testid="sign-date"
          />
        )}
        {dialog === 'reinspect' && (
          <SimpleGrid cols={2}>
            <DateField label={t('inspections.plan.from')} value={from} onChange={setFrom} required />
            <DateField label={t('inspections.plan.to')} value={to} onChange={setTo} required />
          </SimpleGrid>
        )}
        {dialog !== 'sign' && (
          <Textarea
            label={dialog === 'cancel' ? t('inspections.page.cancelReason') : t('inspections.page.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            data-testid="step-reason"
          />
        )}
        <ErrorAlert
          error={error}
          onReload={() => {
            void qc.invalidateQueries({ queryKey: inspectionKeys.all });
            close();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('inspections.page.close')}
          </Button>
          <Button
            onClick={submit}
            loading={busy}
            disabled={!ready}
            color={dialog === 'cancel' ? 'red' : undefined}
            data-testid="step-confirm"
          >
            {t('inspections.page.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
