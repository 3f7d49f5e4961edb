import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
  type ComboboxItem,
  type ComboboxLikeRenderOptionInput,
  type OptionsFilter,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCrown, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitSelect } from '../../../components/UnitSelect';
import {
  inspectionKeys,
  putTeamMember,
  removeTeamMember,
  teamCandidates,
  type Plan,
  type TeamCandidate,
  type TeamMember,
  type TeamOwner,
} from '../api';
import { MemberLine, teamOrder } from '../labels';

/** The plan's joint team (copied onto each inspection added afterwards), in its card on the plan page. */
export function TeamCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
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
        {plan.abilities.editTeam && (
          <Text size="xs" c="dimmed">
            {t('inspections.team.planTeamHint')}
          </Text>
        )}
        <TeamEditor
          owner={{ kind: 'plan', id: plan.id }}
          team={plan.team}
          canEdit={plan.abilities.editTeam}
          adding={adding}
          onAddingChange={setAdding}
        />
      </Stack>
    </Card>
  );
}

/**
 * A team — the plan's joint team or one inspection's own —: head first, each member with the unit they come from
 * (and, on an inspection, any conflict of interest); when the server lets the caller edit it, set the head
 * (a new head replaces the former, on the server), remove a member, and add one picked from the server's search.
 */
export function TeamEditor({
  owner,
  team,
  canEdit,
  adding,
  onAddingChange,
  testId,
}: {
  owner: TeamOwner;
  team: readonly TeamMember[];
  canEdit: boolean;
  /** The "add a member" dialog is open (its button is the caller's). */
  adding: boolean;
  onAddingChange: (open: boolean) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
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
    <Stack gap="xs" data-testid={testId}>
      {team.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('inspections.plan.teamEmpty')}
        </Text>
      )}
      {teamOrder(team).map((m) => (
        <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start">
          <MemberLine m={m} />
          {canEdit && (
            <Group gap={4} wrap="nowrap">
              {m.role !== 'head' && (
                <Tooltip label={t('inspections.plan.setHead')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('inspections.plan.setHead')}
                    onClick={() =>
                      act(() => putTeamMember(owner, { userId: m.user.id, unitId: m.unit.id, role: 'head' }))
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
                  onClick={() => act(() => removeTeamMember(owner, m.id))}
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
      {canEdit && (
        <AddMemberModal owner={owner} team={team} opened={adding} onClose={() => onAddingChange(false)} />
      )}
    </Stack>
  );
}

/** The value of the "more people: type to narrow" line at the end of a long list (never selectable). */
const MORE = 'more:type-to-narrow';
/** Options come ranked from the server: nothing is filtered here. */
const serverFiltered: OptionsFilter = ({ options }) => options;

/**
 * The people who could join the team, searched on the server as the user types (debounced; "nguyen" finds
 * Nguyễn): the province's inspectors and standing-agency officials not on the team, in Vietnamese order.
 */
function useCandidates(owner: TeamOwner, search: string, enabled: boolean) {
  const [q] = useDebouncedValue(search.trim(), 250);
  return useQuery({
    queryKey: inspectionKeys.candidates(owner, q),
    queryFn: () => teamCandidates(owner, q),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** "Sở Tư pháp: Là lãnh đạo của đơn vị được kiểm tra; Công tác tại đơn vị được kiểm tra". */
function useConflictText() {
  const { t } = useTranslation();
  return (c: TeamCandidate['conflicts'][number]) =>
    `${c.unit.name}: ${c.reasons.map((r) => t(`inspections.conflicts.${r}`)).join('; ')}`;
}

function AddMemberModal({
  owner,
  team,
  opened,
  onClose,
}: {
  owner: TeamOwner;
  team: readonly TeamMember[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const conflictText = useConflictText();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<TeamCandidate | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [role, setRole] = useState<'head' | 'member'>('member');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setSearch('');
    setPicked(null);
    setUnitId(null);
    setRole('member');
    setError(null);
  }, [opened]);
  // The box shows the chosen person's name: that name is not searched for (the list opens with everyone).
  const found = useCandidates(owner, picked && search === picked.user.fullName ? '' : search, opened);
  const onTeam = useMemo(() => new Set(team.map((m) => m.user.id)), [team]);
  const { data, byId } = useMemo(() => {
    const items = (found.data?.items ?? []).filter((c) => !onTeam.has(c.user.id));
    const byId = new Map(items.map((c) => [c.user.id, c]));
    if (picked) byId.set(picked.user.id, picked);
    const shown = picked && !items.some((c) => c.user.id === picked.user.id) ? [picked, ...items] : items;
    const data: ComboboxItem[] = shown.map((c) => ({ value: c.user.id, label: c.user.fullName }));
    const total = found.data?.total ?? 0;
    if (total > items.length)
      data.push({
        value: MORE,
        label: t('inspections.team.more', { shown: items.length, total }),
        disabled: true,
      });
    return { data, byId };
  }, [found.data, onTeam, picked, t]);

  const renderOption = ({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) => {
    const c = byId.get(option.value);
    if (!c)
      return (
        <Text size="xs" c="dimmed" fs="italic">
          {option.label}
        </Text>
      );
    const details = [c.position, c.unit?.name].filter(Boolean).join(' · ');
    return (
      <Stack gap={0} data-testid="team-candidate">
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{c.user.fullName}</Text>
          {c.conflicts.length > 0 && (
            <Badge
              size="xs"
              color="orange"
              variant="light"
              tt="none"
              leftSection={<IconAlertTriangle size={10} aria-hidden />}
              data-testid="team-candidate-conflict"
            >
              {t('inspections.page.conflict')}
            </Badge>
          )}
        </Group>
        {details && (
          <Text size="xs" c="dimmed">
            {details}
          </Text>
        )}
        {c.conflicts.map((x) => (
          <Text key={x.unit.id} size="xs" c="orange.8">
            {conflictText(x)}
          </Text>
        ))}
      </Stack>
    );
  };

  const submit = async () => {
    if (!picked || !unitId) return;
    setBusy(true);
    setError(null);
    try {
      await putTeamMember(owner, { userId: picked.user.id, unitId, role });
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const conflicts = picked?.conflicts ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('inspections.plan.addMember')}>
      <Stack gap="sm">
        <Select
          label={t('inspections.plan.member')}
          description={t('inspections.plan.candidatesHint')}
          placeholder={t('inspections.team.searchPlaceholder')}
          searchable
          clearable
          data={data}
          value={picked?.user.id ?? null}
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(v) => {
            const c = v && v !== MORE ? (byId.get(v) ?? null) : null;
            setPicked(c);
            setUnitId(c?.unit?.id ?? null);
          }}
          filter={serverFiltered}
          renderOption={renderOption}
          nothingFoundMessage={found.isFetching ? t('common.loading') : t('inspections.team.nobody')}
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={340}
          error={found.isError ? t('inspections.team.loadFailed') : undefined}
          data-testid="team-user"
        />
        {picked && (picked.position || picked.unit) && (
          <Text size="xs" c="dimmed" data-testid="team-user-details">
            {[picked.position, picked.unit?.name].filter(Boolean).join(' · ')}
          </Text>
        )}
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
        {conflicts.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={t('inspections.team.conflictTitle', { name: picked!.user.fullName })}
            data-testid="team-conflict-warning"
          >
            <List size="sm" spacing={2}>
              {conflicts.map((c) => (
                <List.Item key={c.unit.id}>{conflictText(c)}</List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              {t('inspections.team.conflictHint')}
            </Text>
          </Alert>
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={busy}
            disabled={!picked || !unitId}
            color={conflicts.length ? 'orange' : undefined}
            data-testid="team-add-submit"
          >
            {conflicts.length ? t('inspections.team.addAnyway') : t('inspections.plan.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
