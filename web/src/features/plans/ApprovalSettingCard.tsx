import { Card, Group, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../../lib/session';
import { getApproval, planKeys, setApproval } from './api';

function UnitApproval({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setting = useQuery({ queryKey: planKeys.approval(unitId), queryFn: () => getApproval(unitId) });
  const save = useMutation({
    mutationFn: (on: boolean) => setApproval(unitId, { requireApproval: on, version: setting.data!.version }),
    onSuccess: async (s) => {
      queryClient.setQueryData(planKeys.approval(unitId), s);
      notifications.show({
        color: 'green',
        message: s.requireApproval ? t('plans.approval.on') : t('plans.approval.off'),
      });
      await queryClient.invalidateQueries({ queryKey: ['plans', 'tasks'] });
    },
  });
  if (!setting.data?.abilities.edit) return null;
  return (
    <>
      {save.isError && <ErrorAlert error={save.error} />}
      <Switch
        checked={setting.data.requireApproval}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
        disabled={save.isPending}
        label={t('plans.approval.label')}
        description={t('plans.approval.help')}
        data-testid="approval-switch"
      />
    </>
  );
}

/** For a unit's leader: whether the staff's progress updates wait for the leader before the province sees them. */
export function ApprovalSettingCard() {
  const { t } = useTranslation();
  const session = useSession();
  const units = [
    ...new Set((session.data?.grants ?? []).filter((g) => g.role === 'unit_leader').map((g) => g.unitId)),
  ];
  if (!units.length) return null;
  return (
    <Card withBorder padding="md" mb="md" data-testid="approval-card">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('plans.approval.title')}</Text>
      </Group>
      {units.map((u) => (
        <UnitApproval key={u} unitId={u} />
      ))}
    </Card>
  );
}
