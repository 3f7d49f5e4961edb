import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
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
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import {
  councilCandidates,
  getFramework,
  parKeys,
  putCouncilMember,
  removeCouncilMember,
  type Campaign,
  type Candidate,
  type CouncilMember,
  type CouncilRole,
} from './api';
import { COUNCIL_ROLES, fieldNames } from './labels';

/** The names of the campaign's fields ("1" → "1. Công tác chỉ đạo…"), read from its frameworks. */
export function useFieldNames(campaign: Campaign): Map<string, string> {
  const { i18n } = useTranslation();
  const frameworks = useQueries({
    queries: campaign.frameworks.map((f) => ({
      queryKey: parKeys.framework(f.id),
      queryFn: () => getFramework(f.id),
      staleTime: 10 * 60_000,
    })),
  });
  const loaded = frameworks.flatMap((q) => (q.data ? [q.data] : []));
  const key = loaded.map((f) => f.id).join('|');
  // Recomputed when another framework arrives (`key` names the loaded ones) or the language changes.
  return useMemo(() => fieldNames(loaded, i18n.language), [key, i18n.language]);
}

/** "Lĩnh vực 1, 3" or "Tất cả lĩnh vực", each field with its name in the tooltip of the badge. */
function FieldBadges({ codes, names }: { codes: readonly string[]; names: Map<string, string> }) {
  const { t } = useTranslation();
  if (codes.length === 0)
    return (
      <Badge variant="light" color="gray" tt="none" size="sm">
        {t('parCampaign.council.allFields')}
      </Badge>
    );
  return (
    <Group gap={4}>
      {codes.map((c) => (
        <Tooltip key={c} label={names.get(c) ?? c} withinPortal multiline maw={320}>
          <Badge variant="light" tt="none" size="sm" tabIndex={0} aria-label={names.get(c) ?? c}>
            {t('parCampaign.council.field', { code: c })}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/**
 * The appraisal council: the chair first, each member with position, unit, role and the fields they appraise. The
 * office adds a member (searched on the server as one types), changes a member's role and fields, removes one.
 */
export function CouncilCard({ campaign: c, me }: { campaign: Campaign; me: string | undefined }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const names = useFieldNames(c);
  const [editing, setEditing] = useState<CouncilMember | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canEdit = c.abilities.council;
  const remove = async (m: CouncilMember) => {
    setError(null);
    try {
      const next = await removeCouncilMember(c.id, m.userId);
      qc.setQueryData(parKeys.campaign(c.id), next);
      notifications.show({ color: 'green', message: t('parCampaign.council.removed', { name: m.fullName }) });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="par-council">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('parCampaign.council.title')}
          </Title>
          {canEdit && (
            <Button
              variant="light"
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={() => setEditing('new')}
              data-testid="council-add"
            >
              {t('parCampaign.council.add')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('parCampaign.council.help')}
        </Text>
        {c.council.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="council-empty">
            {canEdit ? t('parCampaign.council.emptyOffice') : t('parCampaign.council.empty')}
          </Text>
        ) : (
          <Stack gap={0}>
            {c.council.map((m) => (
              <Group
                key={m.userId}
                justify="space-between"
                align="flex-start"
                wrap="nowrap"
                py="xs"
                style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                data-testid="council-member"
                data-role={m.role}
              >
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>
                      {m.fullName}
                    </Text>
                    <Badge
                      variant={m.role === 'chair' ? 'filled' : 'light'}
                      color={m.role === 'chair' ? 'blue' : m.role === 'secretary' ? 'teal' : 'gray'}
                      tt="none"
                      size="sm"
                    >
                      {t(`parCampaign.council.roles.${m.role}`)}
                    </Badge>
                    {m.userId === me && (
                      <Badge variant="outline" tt="none" size="sm">
                        {t('parCampaign.council.you')}
                      </Badge>
                    )}
                  </Group>
                  {(m.position || m.unitName) && (
                    <Text size="xs" c="dimmed">
                      {[m.position, m.unitName].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                  <FieldBadges codes={m.fieldCodes} names={names} />
                </Stack>
                {canEdit && (
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('parCampaign.council.edit', { name: m.fullName })}>
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-label={t('parCampaign.council.edit', { name: m.fullName })}
                        onClick={() => setEditing(m)}
                        data-testid="council-edit"
                      >
                        <IconPencil size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <ConfirmButton
                      variant="subtle"
                      size="compact-md"
                      px={8}
                      aria-label={t('parCampaign.council.remove', { name: m.fullName })}
                      title={t('parCampaign.council.removeTitle')}
                      message={t('parCampaign.council.removeConfirm', { name: m.fullName })}
                      confirmLabel={t('parCampaign.council.removeButton')}
                      onConfirm={() => remove(m)}
                      data-testid="council-remove"
                    >
                      <IconTrash size={18} aria-hidden />
                    </ConfirmButton>
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        )}
        <ErrorAlert error={error} />
      </Stack>
      {canEdit && (
        <MemberModal
          campaign={c}
          member={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
          names={names}
        />
      )}
    </Card>
  );
}

/** Options come ranked from the server: nothing is filtered here. */
const serverFiltered: OptionsFilter = ({ options }) => options;
const MORE = 'more:type-to-narrow';

/** Add a member (the person searched on the server), or change a member's role and fields. */
function MemberModal({
  campaign: c,
  member,
  opened,
  onClose,
  names,
}: {
  campaign: Campaign;
  member: CouncilMember | null;
  opened: boolean;
  onClose: () => void;
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Candidate | null>(null);
  const [role, setRole] = useState<CouncilRole>('member');
  const [all, setAll] = useState(true);
  const [fields, setFields] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setSearch('');
    setPicked(null);
    setRole(member?.role ?? 'member');
    setAll(!member || member.fieldCodes.length === 0);
    setFields(member?.fieldCodes ?? []);
    setError(null);
  }, [opened, member]);

  const [q] = useDebouncedValue(picked && search === picked.fullName ? '' : search.trim(), 250);
  const found = useQuery({
    queryKey: parKeys.candidates(c.id, q),
    queryFn: () => councilCandidates(c.id, q),
    enabled: opened && !member,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const { data, byId } = useMemo(() => {
    const items = found.data?.items ?? [];
    const byId = new Map(items.map((x) => [x.id, x]));
    if (picked) byId.set(picked.id, picked);
    const shown = picked && !items.some((x) => x.id === picked.id) ? [picked, ...items] : items;
    const data: ComboboxItem[] = shown.map((x) => ({ value: x.id, label: x.fullName }));
    const total = found.data?.total ?? 0;
    if (total > items.length)
      data.push({
        value: MORE,
        label: t('parCampaign.council.more', { shown: items.length, total }),
        disabled: true,
      });
    return { data, byId };
  }, [found.data, picked, t]);

  const renderOption = ({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) => {
    const x = byId.get(option.value);
    if (!x)
      return (
        <Text size="xs" c="dimmed" fs="italic">
          {option.label}
        </Text>
      );
    const details = [x.position, x.unitName].filter(Boolean).join(' · ');
    return (
      <Stack gap={0} data-testid="council-candidate">
        <Text size="sm">{x.fullName}</Text>
        {details && (
          <Text size="xs" c="dimmed">
            {details}
          </Text>
        )}
      </Stack>
    );
  };

  const userId = member?.userId ?? picked?.id ?? null;
  const submit = async () => {
    if (!userId) return;
    setBusy(true);
    setError(null);
    try {
      const next = await putCouncilMember(c.id, { userId, role, fieldCodes: all ? [] : fields });
      qc.setQueryData(parKeys.campaign(c.id), next);
      notifications.show({
        color: 'green',
        message: member
          ? t('parCampaign.council.updated', { name: member.fullName })
          : t('parCampaign.council.added', { name: picked?.fullName ?? '' }),
      });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const chair = c.council.find((m) => m.role === 'chair' && m.userId !== member?.userId);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        member ? t('parCampaign.council.editTitle', { name: member.fullName }) : t('parCampaign.council.add')
      }
      size="lg"
      centered
    >
      <Stack gap="sm">
        {!member && (
          <Select
            label={t('parCampaign.council.person')}
            description={t('parCampaign.council.personHelp')}
            placeholder={t('parCampaign.council.searchPlaceholder')}
            withAsterisk
            searchable
            clearable
            data={data}
            value={picked?.id ?? null}
            searchValue={search}
            onSearchChange={setSearch}
            onChange={(v) => setPicked(v && v !== MORE ? (byId.get(v) ?? null) : null)}
            filter={serverFiltered}
            renderOption={renderOption}
            nothingFoundMessage={found.isFetching ? t('common.loading') : t('parCampaign.council.nobody')}
            comboboxProps={{ withinPortal: true }}
            maxDropdownHeight={340}
            data-testid="council-person"
          />
        )}
        {picked && (picked.position || picked.unitName) && (
          <Text size="xs" c="dimmed">
            {[picked.position, picked.unitName].filter(Boolean).join(' · ')}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="council-role-label">
            {t('parCampaign.council.role')}
          </Text>
          <SegmentedControl
            value={role}
            onChange={(v) => setRole(v as CouncilRole)}
            data={COUNCIL_ROLES.map((r) => ({ value: r, label: t(`parCampaign.council.roles.${r}`) }))}
            aria-labelledby="council-role-label"
            data-testid="council-role"
          />
          {role === 'chair' && chair && (
            <Text size="xs" c="orange.8">
              {t('parCampaign.council.chairTaken', { name: chair.fullName })}
            </Text>
          )}
        </Stack>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('parCampaign.council.fields')}
          </Text>
          <Checkbox
            label={t('parCampaign.council.allFieldsLong')}
            checked={all}
            onChange={(e) => setAll(e.currentTarget.checked)}
            data-testid="council-all-fields"
          />
          {!all &&
            (names.size === 0 ? (
              <Text size="sm" c="dimmed">
                {t('parCampaign.council.noFields')}
              </Text>
            ) : (
              <Checkbox.Group value={fields} onChange={setFields} data-testid="council-fields">
                <Stack gap={6} pl="md">
                  {[...names.entries()].map(([code, name]) => (
                    <Checkbox key={code} value={code} label={name} />
                  ))}
                </Stack>
              </Checkbox.Group>
            ))}
        </Stack>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={busy}
            disabled={!userId || (!all && fields.length === 0)}
            data-testid="council-save"
          >
            {member ? t('common.save') : t('parCampaign.council.addButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
