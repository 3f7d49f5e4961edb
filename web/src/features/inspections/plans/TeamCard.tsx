import { ActionIcon, Button, Card, Group, Modal, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCrown, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitSelect, accentInsensitiveFilter } from '../../../components/UnitSelect';
import { sortVi } from '../../../lib/format';
import { getPlan, inspectionKeys, listPlans, putPlanMember, removePlanMember, type Plan } from '../api';
import { MemberLine, teamOrder } from '../labels';

/**
 * The plan's joint team: head first, each with the unit they come from; the standing agency adds and removes
 * members and sets the head (a new head replaces the former, on the server).
 */
export function TeamCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="plan-team">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('inspections.plan.team')}
          </Title>
          {plan.abilities.editTeam && (
            <Button size="compact-sm" variant="light" onClick={() => setAdding(true)} data-testid="team-add">
              {t('inspections.plan.addMember')}
            </Button>
          )}
        </Group>
        {plan.team.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('inspections.plan.teamEmpty')}
          </Text>
        )}
        {teamOrder(plan.team).map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start">
            <MemberLine m={m} />
            {plan.abilities.editTeam && (
              <Group gap={4} wrap="nowrap">
                {m.role !== 'head' && (
                  <Tooltip label={t('inspections.plan.setHead')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('inspections.plan.setHead')}
                      onClick={() =>
                        act(() =>
                          putPlanMember(plan.id, { userId: m.user.id, unitId: m.unit.id, role: 'head' }),
                        )
                      }
                      data-testid="team-set-head"
                    >
                      <IconCrown size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
                <Tooltip label={t('inspections.plan.removeMember')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('inspections.plan.removeMember')}
                    onClick={() => act(() => removePlanMember(plan.id, m.id))}
                    data-testid="team-remove"
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </Group>
        ))}
        <ErrorAlert error={error} />
      </Stack>
      <AddMemberModal plan={plan} opened={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

/** The people who have been on a plan's team: the candidates the office may pick (see the report: no user search). */
function useCandidates(enabled: boolean, plan: Plan) {
  const plans = useQuery({ queryKey: inspectionKeys.plans(), queryFn: () => listPlans(), enabled });
  const others = (plans.data?.items ?? []).filter((p) => p.id !== plan.id).slice(0, 3);
  const details = useQuery({
    queryKey: ['inspections', 'candidates', others.map((p) => p.id)],
    queryFn: () => Promise.all(others.map((p) => getPlan(p.id))),
    enabled: enabled && plans.isSuccess,
  });
  return useMemo(() => {
    const byUser = new Map<string, { userId: string; name: string; unitId: string }>();
    for (const p of [plan, ...(details.data ?? [])])
      for (const m of p.team)
        if (!byUser.has(m.user.id))
          byUser.set(m.user.id, { userId: m.user.id, name: m.user.fullName, unitId: m.unit.id });
    return sortVi([...byUser.values()], (c) => c.name);
  }, [plan, details.data]);
}

function AddMemberModal({ plan, opened, onClose }: { plan: Plan; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const candidates = useCandidates(opened, plan);
  const onTeam = new Set(plan.team.map((m) => m.user.id));
  const [userId, setUserId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [role, setRole] = useState<'head' | 'member'>('member');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      await putPlanMember(plan.id, { userId: userId!, unitId: unitId!, role });
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
      setUserId(null);
      setUnitId(null);
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('inspections.plan.addMember')}>
      <Stack gap="sm">
        <Select
          label={t('inspections.plan.member')}
          description={t('inspections.plan.candidatesHint')}
          searchable
          filter={accentInsensitiveFilter}
          data={candidates
            .filter((c) => !onTeam.has(c.userId))
            .map((c) => ({ value: c.userId, label: c.name }))}
          value={userId}
          onChange={(v) => {
            setUserId(v);
            const c = candidates.find((x) => x.userId === v);
            if (c) setUnitId(c.unitId);
          }}
          comboboxProps={{ withinPortal: true }}
          data-testid="team-user"
        />
        <UnitSelect
          label={t('inspections.plan.memberUnit')}
          value={unitId}
          onChange={setUnitId}
          scope="province"
          data-testid="team-unit"
        />
        <Select
          label={t('inspections.plan.role')}
          data={(['member', 'head'] as const).map((r) => ({
            value: r,
            label: t(`inspections.teamRole.${r}`),
          }))}
          value={role}
          onChange={(v) => setRole((v as 'head' | 'member') ?? 'member')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="team-role"
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button onClick={submit} disabled={!userId || !unitId} data-testid="team-add-submit">
            {t('inspections.plan.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
