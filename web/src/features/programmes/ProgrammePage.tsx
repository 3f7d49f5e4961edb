/**
 * One reform programme (issue 18, item 0): its document, period, goals and committee; each target with its status per
 * year as coloured chips (the reasoning in a tooltip and in the expanded row, with where each value came from and its
 * evidence, and a small chart of the values against the milestones); the committee's yearly plans under it with
 * their completion; its review reports. The standing agency edits the programme and targets, enters values with
 * evidence and opens the review report. On a phone the targets table becomes cards.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconFileText, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../lib/format';
import {
  evidenceHref,
  getProgramme,
  openReview,
  programmeKeys,
  type Programme,
  type Target,
  type TargetYear,
} from './api';
import { HeadlineBadge, pick, STATUS_COLORS, SummaryChips, YearChip } from './labels';
import { formatMeasure, reasoning, reasonParams } from './reasoning';
import { ProgrammeModal } from './ProgrammeModal';
import { TargetModal } from './TargetModal';
import { ValueModal } from './ValueModal';

const TargetChart = lazy(() => import('./TargetChart').then((m) => ({ default: m.TargetChart })));

type Dialog =
  | { kind: 'programme' }
  | { kind: 'target'; target?: Target }
  | { kind: 'value'; target: Target; year: number }
  | { kind: 'review' }
  | null;

export function ProgrammePage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams({ strict: false });
  const phone = useMediaQuery('(max-width: 48em)');
  const [dialog, setDialog] = useState<Dialog>(null);
  const q = useQuery({ queryKey: programmeKeys.one(programmeId), queryFn: () => getProgramme(programmeId) });
  if (q.isLoading) return <Loader />;
  if (q.isError || !q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const edit = p.abilities.update;
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title={p.title}
        description={`${t(`programmes.kind.${p.kind}`)} · ${p.fromYear}–${p.toYear} · ${p.committee.name}`}
        actions={
          edit && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setDialog({ kind: 'programme' })}
              >
                {t('programmes.editProgramme')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFileText size={16} />}
                onClick={() => setDialog({ kind: 'review' })}
                data-testid="review-open"
              >
                {t('programmes.review.open')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('programmes.document')}
              </Text>
              {p.document ? (
                <Anchor
                  renderRoot={(props) => (
                    <Link to="/documents/$documentId" params={{ documentId: p.document!.id }} {...props} />
                  )}
                >
                  {p.document.numberSymbol} ({formatDate(p.document.issuedOn)}) — {p.document.title}
                </Anchor>
              ) : (
                <Text>—</Text>
              )}
              <Text size="sm" c="dimmed" mt="xs">
                {t('programmes.statusLabel')}
              </Text>
              <Group gap="xs">
                <Badge variant="light">{t(`programmes.programmeStatus.${p.status}`)}</Badge>
                <Text size="sm" c="dimmed">
                  {t(`programmes.toleranceSentence.${p.toleranceKind}`, {
                    value: formatNumber(p.toleranceValue, 2),
                  })}
                </Text>
              </Group>
            </Stack>
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {p.toYear < p.currentYear
                  ? t('programmes.summaryTitleEnded', { year: p.toYear })
                  : t('programmes.summaryTitle', { year: p.currentYear })}
              </Text>
              <SummaryChips summary={p.summary} />
            </Stack>
          </SimpleGrid>
          {p.goals && (
            <>
              <Text size="sm" c="dimmed" mt="sm">
                {t('programmes.goals')}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{p.goals}</Text>
            </>
          )}
          {p.note && (
            <Text size="xs" c="dimmed" mt="sm" data-testid="programme-note">
              {p.note}
            </Text>
          )}
        </Card>

        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t('programmes.targets')}
            </Title>
            {edit && (
              <Button
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setDialog({ kind: 'target' })}
                data-testid="target-new"
              >
                {t('programmes.addTarget')}
              </Button>
            )}
          </Group>
          <Legend />
          {!p.targets.length && <Text c="dimmed">{t('programmes.noTargets')}</Text>}
          {phone ? (
            p.targets.map((target) => (
              <TargetCard key={target.id} p={p} target={target} onDialog={setDialog} />
            ))
          ) : (
            <Table data-testid="targets-table" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={28} />
                  <Table.Th>{t('programmes.targetName')}</Table.Th>
                  <Table.Th>{t('programmes.baseline')}</Table.Th>
                  <Table.Th>{t('programmes.finalValue')}</Table.Th>
                  <Table.Th>{t('programmes.byYear')}</Table.Th>
                  <Table.Th>{t('programmes.standing')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.targets.map((target) => (
                  <TargetRow key={target.id} p={p} target={target} onDialog={setDialog} />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>

        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('programmes.plans')}
          </Title>
          {!p.plans.length ? (
            <Text c="dimmed">{t('programmes.noPlans')}</Text>
          ) : (
            <>
              <Text size="xs" c="dimmed">
                {t('programmes.plansNote')}
              </Text>
              <Table.ScrollContainer minWidth={480}>
                <Table data-testid="plans-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('programmes.year')}</Table.Th>
                      <Table.Th>{t('programmes.plan')}</Table.Th>
                      <Table.Th ta="right">{t('programmes.tasks')}</Table.Th>
                      <Table.Th ta="right">{t('programmes.tasksDone')}</Table.Th>
                      <Table.Th ta="right">{t('programmes.completion')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.plans.map((plan) => (
                      <Table.Tr key={plan.id}>
                        <Table.Td>{plan.year}</Table.Td>
                        <Table.Td>
                          <Anchor
                            renderRoot={(props) => (
                              <Link to="/plans/$planId" params={{ planId: plan.id }} {...props} />
                            )}
                          >
                            {plan.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">{formatNumber(plan.total, 0)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(plan.verified, 0)}</Table.Td>
                        <Table.Td ta="right">
                          {plan.completionPct === null ? '—' : `${formatNumber(plan.completionPct, 1)}%`}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Stack>

        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('programmes.review.title')}
          </Title>
          {!p.reviews.length ? (
            <Text c="dimmed">{t('programmes.review.none')}</Text>
          ) : (
            p.reviews.map((r) => (
              <Anchor
                key={r.id}
                renderRoot={(props) => (
                  <Link to="/reports/rounds/$roundId" params={{ roundId: r.roundId }} {...props} />
                )}
              >
                {t(`programmes.review.kind.${r.kind}`)} {r.year} —{' '}
                {t('programmes.review.openedOn', { date: formatDate(r.createdAt) })}
              </Anchor>
            ))
          )}
        </Stack>
      </Stack>

      {dialog?.kind === 'programme' && (
        <ProgrammeModal onClose={close} programme={p} committees={[]} currentYear={p.currentYear} />
      )}
      {dialog?.kind === 'target' && <TargetModal onClose={close} programme={p} target={dialog.target} />}
      {dialog?.kind === 'value' && (
        <ValueModal onClose={close} programme={p} target={dialog.target} initialYear={dialog.year} />
      )}
      {dialog?.kind === 'review' && <ReviewModal onClose={close} p={p} />}
    </>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      {(['achieved', 'missed', 'on_track', 'at_risk', 'off_track', 'no_data'] as const).map((s) => (
        <Badge key={s} size="xs" variant="light" color={STATUS_COLORS[s]}>
          {t(`programmes.status.${s}`)}
        </Badge>
      ))}
      <Text size="xs" c="dimmed">
        {t('programmes.legendHint')}
      </Text>
    </Group>
  );
}

function TargetNameCell({ target }: { target: Target }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={600} size="sm">
        {target.name}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`programmes.areas.${target.area}`)} ·{' '}
        {target.figure
          ? t('programmes.boundTo', { figure: pick(target.figure.label, i18n.language) })
          : t('programmes.byHand')}
      </Text>
    </Stack>
  );
}

function baselineText(t: ReturnType<typeof useTranslation>['t'], target: Target) {
  if (target.baselineValue === null) return '—';
  const v = formatMeasure(t, target.baselineValue, target.measure);
  return target.baselineYear ? t('programmes.baselineIn', { value: v, year: target.baselineYear }) : v;
}

function finalText(t: ReturnType<typeof useTranslation>['t'], target: Target, p: Programme) {
  return `${t(`programmes.comparisonSign.${target.comparison}`)} ${formatMeasure(t, target.finalValue, target.measure)} (${p.toYear})`;
}

function TargetRow({ p, target, onDialog }: { p: Programme; target: Target; onDialog: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table.Tr data-testid="target-row">
        <Table.Td>
          <UnstyledButton
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={open ? t('programmes.collapse') : t('programmes.expand')}
          >
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </UnstyledButton>
        </Table.Td>
        <Table.Td>
          <TargetNameCell target={target} />
        </Table.Td>
        <Table.Td>
          <Text size="sm">{baselineText(t, target)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{finalText(t, target, p)}</Text>
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="wrap">
            {target.years.map((y) => (
              <YearChip key={y.year} target={target} year={y} />
            ))}
          </Group>
        </Table.Td>
        <Table.Td>
          <HeadlineBadge status={target.headline.status} />
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <TargetDetails p={p} target={target} onDialog={onDialog} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function TargetCard({
  p,
  target,
  onDialog,
}: {
  p: Programme;
  target: Target;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="sm" data-testid="target-card">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <TargetNameCell target={target} />
          <HeadlineBadge status={target.headline.status} />
        </Group>
        <Text size="sm">
          {t('programmes.baseline')}: {baselineText(t, target)} · {t('programmes.finalValue')}:{' '}
          {finalText(t, target, p)}
        </Text>
        <Group gap={4} wrap="wrap">
          {target.years.map((y) => (
            <YearChip key={y.year} target={target} year={y} />
          ))}
        </Group>
        <Button variant="subtle" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('programmes.collapse') : t('programmes.expand')}
        </Button>
        {open && <TargetDetails p={p} target={target} onDialog={onDialog} />}
      </Stack>
    </Card>
  );
}

function SourceText({ p, target, y }: { p: Programme; target: Target; y: TargetYear }) {
  const { t } = useTranslation();
  if (y.source === 'computed')
    return (
      <Text size="sm">
        {t('programmes.source.computed')}
        {y.computed?.numerator !== null && y.computed?.denominator !== null && y.computed
          ? ` (${formatNumber(y.computed.numerator, 0)}/${formatNumber(y.computed.denominator, 0)})`
          : ''}
      </Text>
    );
  if (y.source === 'manual' && y.manual)
    return (
      <Stack gap={0}>
        <Text size="sm">
          {t('programmes.source.manual')}
          {y.manual.measuredOn
            ? ` — ${t('programmes.measuredOn', { date: formatDate(y.manual.measuredOn) })}`
            : ''}
        </Text>
        {y.manual.evidenceFile && (
          <Anchor size="xs" href={evidenceHref(p.id, target.id, y.manual.evidenceFile.id)}>
            {y.manual.evidenceFile.name}
          </Anchor>
        )}
        {y.manual.evidenceDocument && (
          <Anchor
            size="xs"
            renderRoot={(props) => (
              <Link
                to="/documents/$documentId"
                params={{ documentId: y.manual!.evidenceDocument!.id }}
                {...props}
              />
            )}
          >
            {y.manual.evidenceDocument.numberSymbol} — {y.manual.evidenceDocument.title}
          </Anchor>
        )}
      </Stack>
    );
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

function TargetDetails({
  p,
  target,
  onDialog,
}: {
  p: Programme;
  target: Target;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const edit = p.abilities.update;
  const enterable = target.years.filter((y) => y.year <= p.currentYear && y.source !== 'computed');
  return (
    <Stack gap="sm" data-testid="target-details">
      {edit && (
        <Group gap="xs">
          {enterable.length > 0 && (
            <Button
              size="xs"
              variant="light"
              onClick={() => onDialog({ kind: 'value', target, year: enterable.at(-1)!.year })}
              data-testid="value-enter"
            >
              {t('programmes.enterValue')}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => onDialog({ kind: 'target', target })}>
            {t('programmes.editTarget')}
          </Button>
        </Group>
      )}
      {target.note && (
        <Text size="xs" c="dimmed">
          {target.note}
        </Text>
      )}
      {phone ? (
        <Stack gap={6}>
          {target.years.map((y) => (
            <Card key={y.year} withBorder padding="xs">
              <Text size="sm" fw={600}>
                {y.year}
              </Text>
              <Text size="sm">{reasoning(t, target, y)}</Text>
              <SourceText p={p} target={target} y={y} />
            </Card>
          ))}
        </Stack>
      ) : (
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programmes.year')}</Table.Th>
              <Table.Th>{t('programmes.milestone')}</Table.Th>
              <Table.Th>{t('programmes.achievedValue')}</Table.Th>
              <Table.Th>{t('programmes.reasonTitle')}</Table.Th>
              <Table.Th>{t('programmes.sourceTitle')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {target.years.map((y) => (
              <Table.Tr key={y.year}>
                <Table.Td>{y.year}</Table.Td>
                <Table.Td>{formatMeasure(t, y.milestone, target.measure)}</Table.Td>
                <Table.Td>{formatMeasure(t, y.value, target.measure)}</Table.Td>
                <Table.Td>{t(`programmes.reason.${y.status}`, reasonParams(t, target, y))}</Table.Td>
                <Table.Td>
                  <SourceText p={p} target={target} y={y} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Suspense fallback={<Loader size="sm" />}>
        <TargetChart target={target} />
      </Suspense>
    </Stack>
  );
}

function ReviewModal({ onClose, p }: { onClose: () => void; p: Programme }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const lastYear = Math.min(p.toYear, p.currentYear);
  const years = Array.from({ length: Math.max(0, lastYear - p.fromYear + 1) }, (_, i) => p.fromYear + i);
  const [kind, setKind] = useState<'midterm' | 'final'>(p.toYear <= p.currentYear ? 'final' : 'midterm');
  const [year, setYear] = useState(lastYear);
  const open = useMutation({
    mutationFn: () => openReview(p.id, { kind, year }),
    onSuccess: async (r) => {
      notifications.show({ color: 'green', message: t('programmes.review.opened') });
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      onClose();
      void navigate({ to: '/reports/rounds/$roundId', params: { roundId: r.roundId } });
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('programmes.review.open')} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('programmes.review.help')}
        </Text>
        <SimpleGrid cols={2}>
          <Select
            label={t('programmes.review.kindLabel')}
            data={[
              { value: 'midterm', label: t('programmes.review.kind.midterm') },
              { value: 'final', label: t('programmes.review.kind.final') },
            ]}
            value={kind}
            onChange={(v) => v && setKind(v as 'midterm' | 'final')}
            allowDeselect={false}
          />
          <Select
            label={t('programmes.year')}
            data={years.map(String)}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
          />
        </SimpleGrid>
        {open.isError && <ErrorAlert error={open.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => open.mutate()}
            loading={open.isPending}
            disabled={!years.length}
            data-testid="review-submit"
          >
            {t('programmes.review.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
