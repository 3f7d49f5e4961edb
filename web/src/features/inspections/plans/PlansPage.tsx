import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError } from '../../../lib/api';
import { formatDate, sortVi } from '../../../lib/format';
import {
  getPlan,
  getProgress,
  inspectionKeys,
  listInspections,
  listPlans,
  updatePlan,
  type InspectionSummary,
  type Plan,
} from '../api';
import { Bar, StatusBadge, dateRange } from '../labels';
import { CreatePlanModal, EditPlanModal, PlanInspectionModal } from './PlanModals';
import { TeamCard } from './TeamCard';

const thisYear = () => new Date().getFullYear();

/**
 * The section's landing page (`/inspections`): the year's plan — its units, content areas, form, dates, status and
 * team, its documents and progress — and the inspections of the year. The standing agency creates and edits the
 * plan, its units and team, and approves it; every button comes from the server's abilities.
 */
export function PlansPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const plans = useQuery({
    queryKey: inspectionKeys.plans(year),
    queryFn: () => listPlans(year),
    retry: (n, e) => !(e instanceof ApiError && e.status === 403) && n < 2,
  });
  const planId = plans.data?.items[0]?.id;
  const list = useQuery({
    queryKey: inspectionKeys.list({ year }),
    queryFn: () => listInspections({ year, limit: 500 }),
  });
  const [creating, setCreating] = useState(false);
  const forbidden = plans.error instanceof ApiError && plans.error.status === 403;
  const years = [thisYear() + 1, thisYear(), thisYear() - 1, thisYear() - 2].map(String);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('inspections.title')}
        description={t('inspections.description')}
        actions={
          <Select
            aria-label={t('inspections.year')}
            data={years}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            w={110}
            allowDeselect={false}
            data-testid="plan-year"
          />
        }
      />
      {plans.isLoading && <Loader aria-label={t('common.loading')} />}
      {plans.isError && !forbidden && <ErrorAlert error={plans.error} />}
      {plans.data && !planId && (
        <Card withBorder radius="md" padding="md">
          <Group justify="space-between">
            <Text c="dimmed" data-testid="no-plan">
              {t('inspections.noPlan', { year })}
            </Text>
            {plans.data.abilities.create && (
              <Button onClick={() => setCreating(true)} data-testid="plan-create">
                {t('inspections.plan.create', { year })}
              </Button>
            )}
          </Group>
        </Card>
      )}
      {planId && <PlanView id={planId} />}
      <OtherInspections
        year={year}
        items={(list.data?.items ?? []).filter((i) => !planId || i.planId !== planId)}
        loading={list.isLoading}
        error={list.error}
        planShown={!!planId}
      />
      <CreatePlanModal year={year} opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function PlanView({ id }: { id: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const plan = useQuery({ queryKey: inspectionKeys.plan(id), queryFn: () => getPlan(id) });
  const progress = useQuery({ queryKey: inspectionKeys.progress(id), queryFn: () => getProgress(id) });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<InspectionSummary | null>(null);
  const [editingPlan, setEditingPlan] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setError(null), [id]);
  if (plan.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  const p = plan.data!;
  const reload = () => {
    setError(null);
    void qc.invalidateQueries({ queryKey: inspectionKeys.all });
  };
  const approve = async () => {
    try {
      await updatePlan(p.id, { version: p.version, status: 'approved' });
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const rows = sortVi(p.inspections, (i) => i.unit.name);
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md" data-testid="plan-card">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <div style={{ minWidth: 0, flex: '1 1 260px' }}>
              <Title order={2} size="h4" data-testid="plan-title">
                {p.title}
              </Title>
              {p.note && (
                <Text size="sm" c="dimmed">
                  {p.note}
                </Text>
              )}
            </div>
            <Group gap="xs">
              <StatusBadge status={p.status} ns="planStatus" />
              {p.abilities.update && (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setEditingPlan(true)}
                  data-testid="plan-edit"
                >
                  {t('inspections.plan.editPlan')}
                </Button>
              )}
              {p.abilities.update && p.status === 'draft' && (
                <ConfirmButton
                  title={t('inspections.plan.approve')}
                  message={t('inspections.plan.approveConfirm')}
                  confirmLabel={t('inspections.plan.approve')}
                  onConfirm={approve}
                  color="green"
                  data-testid="plan-approve"
                >
                  {t('inspections.plan.approve')}
                </ConfirmButton>
              )}
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <DocLine label={t('inspections.plan.document')} doc={p.document} testId="plan-document-link" />
            <DocLine
              label={t('inspections.plan.teamDecision')}
              doc={p.teamDecision}
              testId="plan-team-decision-link"
            />
          </SimpleGrid>
          <ErrorAlert error={error} onReload={reload} />
        </Stack>
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TeamCard plan={p} />
        <Card withBorder radius="md" padding="md" data-testid="plan-progress">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('inspections.plan.progress')}
            </Title>
            {progress.data && (
              <>
                <Bar
                  label={t('inspections.plan.progressAll', {
                    inspected: progress.data.inspected,
                    planned: progress.data.planned,
                  })}
                  done={progress.data.inspected}
                  total={progress.data.planned}
                />
                <Text size="sm" fw={600} mt="xs">
                  {t('inspections.plan.byArea')}
                </Text>
                {progress.data.byArea.map((r) => (
                  <Bar
                    key={r.area}
                    label={t(`inspections.areas.${r.area}`)}
                    done={r.inspected}
                    total={r.planned}
                  />
                ))}
                <Text size="sm" fw={600} mt="xs">
                  {t('inspections.plan.byKind')}
                </Text>
                {progress.data.byUnitKind.map((r) => (
                  <Bar
                    key={r.kind}
                    label={t(`unitKinds.${r.kind}`, r.kind)}
                    done={r.inspected}
                    total={r.planned}
                  />
                ))}
              </>
            )}
          </Stack>
        </Card>
      </SimpleGrid>

      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('inspections.plan.inspections', { count: rows.length })}
            </Title>
            {p.abilities.addInspections && (
              <Button onClick={() => setAdding(true)} data-testid="plan-add-unit">
                {t('inspections.plan.addUnit')}
              </Button>
            )}
          </Group>
          {rows.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('inspections.plan.noInspections')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" data-testid="plan-inspections">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('inspections.plan.unit')}</Table.Th>
                    <Table.Th>{t('inspections.plan.areas')}</Table.Th>
                    <Table.Th>{t('inspections.plan.form')}</Table.Th>
                    <Table.Th>{t('inspections.plan.dates')}</Table.Th>
                    <Table.Th>{t('inspections.list.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((i) => (
                    <Table.Tr key={i.id} data-testid="plan-inspection-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/inspections/${i.id}`} fw={500}>
                          {i.unit.name}
                        </Anchor>
                        {i.head && (
                          <Text size="xs" c="dimmed">
                            {t('inspections.list.head')}: {i.head.fullName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {i.areas.map((a) => (
                            <Badge key={a} size="sm" variant="outline" tt="none" fw={500}>
                              {t(`inspections.areas.${a}`)}
                            </Badge>
                          ))}
                          {i.customItemCount > 0 && (
                            <Badge
                              size="sm"
                              variant="outline"
                              color="gray"
                              tt="none"
                              fw={500}
                              data-testid="plan-custom-items"
                            >
                              {t('inspections.plan.customItemCount', { count: i.customItemCount })}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{t(`inspections.forms.${i.form}`)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {dateRange(i.plannedFrom, i.plannedTo)}
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={i.status} />
                      </Table.Td>
                      <Table.Td>
                        {p.abilities.addInspections && i.status === 'planned' && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => setEditing(i)}
                            data-testid="plan-edit-unit"
                          >
                            {t('inspections.plan.edit')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
      <EditPlanModal plan={p} opened={editingPlan} onClose={() => setEditingPlan(false)} />
      <PlanInspectionModal plan={p} opened={adding} onClose={() => setAdding(false)} />
      <PlanInspectionModal plan={p} editing={editing} opened={!!editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/** One of the plan's documents, as a link to it in the register (number/symbol, date, title). */
function DocLine({ label, doc, testId }: { label: string; doc: Plan['document']; testId: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {doc ? (
        <Anchor
          size="sm"
          renderRoot={(props) => (
            <Link to="/documents/$documentId" params={{ documentId: doc.id }} {...props} />
          )}
          data-testid={testId}
        >
          {doc.numberSymbol} ({formatDate(doc.issuedOn)}) — {doc.title}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          {t('inspections.plan.noDocument')}
        </Text>
      )}
    </div>
  );
}

/** The year's inspections outside the plan shown (surprise, re-inspections), or all those the caller may see. */
function OtherInspections({
  year,
  items,
  loading,
  error,
  planShown,
}: {
  year: number;
  items: InspectionSummary[];
  loading: boolean;
  error: unknown;
  planShown: boolean;
}) {
  const { t } = useTranslation();
  if (loading) return null;
  if (error) return <ErrorAlert error={error} />;
  if (planShown && items.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('inspections.list.title', { year })}
        </Title>
        {items.length === 0 ? (
          <Alert color="gray" variant="light">
            {t('inspections.list.empty')}
          </Alert>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="inspection-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inspections.list.unit')}</Table.Th>
                  <Table.Th>{t('inspections.list.kind')}</Table.Th>
                  <Table.Th>{t('inspections.list.dates')}</Table.Th>
                  <Table.Th>{t('inspections.list.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sortVi(items, (i) => i.unit.name).map((i) => (
                  <Table.Tr key={i.id} data-testid="inspection-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/inspections/${i.id}`} fw={500}>
                        {i.unit.name}
                      </Anchor>
                      {i.mine && (
                        <Badge ml={6} size="xs" variant="light" tt="none">
                          {t('inspections.list.mine')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`inspections.kinds.${i.kind}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {dateRange(i.plannedFrom, i.plannedTo)}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={i.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
