/**
 * What the public portal publishes (`/portal`): the standing agency switches each dataset on or off — the PAR Index
 * (which published campaigns), the dossier figures (which years, which periods), the committee's plans and the pilot
 * units (which years), the hotline's answers, the open data — with a line saying what the public would see, the
 * licence and the publisher; a button opens the public page in a new tab. The committee reads the same page without
 * the controls. Every control comes from the server's abilities; a stale version offers to reload.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import {
  getPortalSettings,
  portalKeys,
  putPortalSettings,
  type PeriodKind,
  type PortalSettings,
  type PortalSettingsInput,
} from './api';

type Draft = Omit<PortalSettingsInput, 'version'>;

const draftOf = (s: PortalSettings): Draft => ({
  par: { ...s.par, campaignIds: [...s.par.campaignIds] },
  dossiers: { ...s.dossiers, years: [...s.dossiers.years], periodKinds: [...s.dossiers.periodKinds] },
  plan: { ...s.plan, years: [...s.plan.years] },
  pilots: { ...s.pilots, years: [...s.pilots.years] },
  feedback: { ...s.feedback },
  openData: { ...s.openData },
  licence: { ...s.licence },
  publisher: { ...s.publisher },
});

const OPTIONAL_PERIODS: readonly PeriodKind[] = ['half', 'quarter', 'month'];

/** One dataset: its switch, what the public would see, and its choices. */
function Dataset({
  title,
  checked,
  onChange,
  disabled,
  preview,
  children,
  testId,
}: {
  title: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled: boolean;
  preview: string;
  children?: ReactNode;
  testId: string;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Stack gap="xs">
        <Switch
          label={<Text fw={600}>{title}</Text>}
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
          disabled={disabled}
        />
        <Text size="sm" c="dimmed">
          {preview}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}

/** Years as chips (newest first); a chosen year no longer offered stays shown so it can be taken off. */
function YearChips({
  offered,
  value,
  onChange,
  disabled,
  label,
}: {
  offered: readonly number[];
  value: readonly number[];
  onChange: (v: number[]) => void;
  disabled: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const years = [...new Set([...offered, ...value])].sort((a, b) => b - a);
  if (!years.length)
    return (
      <Text size="sm" c="dimmed">
        {t('portal.noYears')}
      </Text>
    );
  return (
    <Stack gap={4}>
      <Text size="sm">{label}</Text>
      <Chip.Group
        multiple
        value={value.map(String)}
        onChange={(v) => onChange(v.map(Number).sort((a, b) => b - a))}
      >
        <Group gap="xs">
          {years.map((y) => (
            <Chip key={y} value={String(y)} size="sm" disabled={disabled}>
              {y}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}

export function PortalPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: portalKeys.settings, queryFn: getPortalSettings });
  const settings = query.data;
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (settings) setDraft(draftOf(settings));
  }, [settings]);
  const save = useMutation({
    mutationFn: () => putPortalSettings({ version: settings!.version, ...draft! }),
    onSuccess: (saved) => {
      queryClient.setQueryData(portalKeys.settings, saved);
      notifications.show({ color: 'green', message: t('common.saved') });
    },
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!settings || !draft) return <Loader aria-label={t('common.loading')} />;
  const editable = settings.abilities.update;
  const locked = !editable || save.isPending;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const p = settings.preview;
  const n = (v: number) => formatNumber(v, 0);
  const fieldError = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;

  return (
    <>
      <PageHeader
        title={t('portal.title')}
        description={t('portal.description', { province: settings.province.name })}
        actions={
          <Button
            component="a"
            href={settings.publicUrl}
            target="_blank"
            rel="noopener"
            variant="light"
            leftSection={<IconExternalLink size={16} aria-hidden />}
            data-testid="open-public-portal"
          >
            {t('portal.openPublic')}
          </Button>
        }
      />
      <Stack gap="md">
        <Alert icon={<IconInfoCircle size={18} aria-hidden />} color="blue" variant="light">
          {t('portal.privacy')}
        </Alert>
        {!editable && (
          <Text size="sm" c="dimmed" data-testid="portal-read-only">
            {t('portal.readOnly')}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {settings.updatedAt
            ? t('portal.updatedAt', { at: formatDateTime(settings.updatedAt) })
            : t('portal.neverSaved')}
        </Text>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Dataset
            testId="dataset-par"
            title={t('portal.par.title')}
            checked={draft.par.published}
            onChange={(v) => set({ par: { ...draft.par, published: v } })}
            disabled={locked}
            preview={
              settings.par.published
                ? t('portal.par.preview', { campaigns: n(p.par.campaigns), units: n(p.par.units) })
                : t('portal.notPublic')
            }
          >
            {settings.options.parCampaigns.length ? (
              <Checkbox.Group
                label={t('portal.par.campaigns')}
                value={draft.par.campaignIds}
                onChange={(v) => set({ par: { ...draft.par, campaignIds: v } })}
                error={fieldError('par.campaignIds.0')}
              >
                <Stack gap={4} mt={4}>
                  {settings.options.parCampaigns.map((c) => (
                    <Checkbox
                      key={c.id}
                      value={c.id}
                      disabled={locked}
                      label={
                        c.publishedOn
                          ? t('portal.par.campaignPublished', {
                              name: c.name,
                              date: formatDate(c.publishedOn),
                            })
                          : c.name
                      }
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('portal.par.none')}
              </Text>
            )}
          </Dataset>

          <Dataset
            testId="dataset-dossiers"
            title={t('portal.dossiers.title')}
            checked={draft.dossiers.published}
            onChange={(v) => set({ dossiers: { ...draft.dossiers, published: v } })}
            disabled={locked}
            preview={
              settings.dossiers.published
                ? t('portal.dossiers.preview', {
                    years: n(p.dossiers.years),
                    units: n(p.dossiers.units),
                    received: n(p.dossiers.received),
                  })
                : t('portal.notPublic')
            }
          >
            <YearChips
              label={t('portal.years')}
              offered={settings.options.dossierYears}
              value={draft.dossiers.years}
              onChange={(years) => set({ dossiers: { ...draft.dossiers, years } })}
              disabled={locked}
            />
            <Checkbox.Group
              label={t('portal.dossiers.periods')}
              description={t('portal.dossiers.periodsHint')}
              value={draft.dossiers.periodKinds.filter((k) => k !== 'year')}
              onChange={(v) =>
                set({ dossiers: { ...draft.dossiers, periodKinds: ['year', ...(v as PeriodKind[])] } })
              }
            >
              <Group gap="md" mt={4}>
                {OPTIONAL_PERIODS.map((k) => (
                  <Checkbox key={k} value={k} label={t(`portal.dossiers.kind.${k}`)} disabled={locked} />
                ))}
              </Group>
            </Checkbox.Group>
          </Dataset>

          <Dataset
            testId="dataset-plan"
            title={t('portal.plan.title')}
            checked={draft.plan.published}
            onChange={(v) => set({ plan: { ...draft.plan, published: v } })}
            disabled={locked}
            preview={
              settings.plan.published
                ? t('portal.plan.preview', { years: n(p.plan.years), tasks: n(p.plan.tasks) })
                : t('portal.notPublic')
            }
          >
            <YearChips
              label={t('portal.years')}
              offered={settings.options.planYears}
              value={draft.plan.years}
              onChange={(years) => set({ plan: { ...draft.plan, years } })}
              disabled={locked}
            />
          </Dataset>

          <Dataset
            testId="dataset-pilots"
            title={t('portal.pilots.title')}
            checked={draft.pilots.published}
            onChange={(v) => set({ pilots: { ...draft.pilots, published: v } })}
            disabled={locked}
            preview={
              settings.pilots.published
                ? t('portal.pilots.preview', {
                    years: n(p.pilots.years),
                    units: n(p.pilots.units),
                    items: n(p.pilots.items),
                  })
                : t('portal.notPublic')
            }
          >
            <YearChips
              label={t('portal.years')}
              offered={settings.options.pilotYears}
              value={draft.pilots.years}
              onChange={(years) => set({ pilots: { ...draft.pilots, years } })}
              disabled={locked}
            />
          </Dataset>

          <Dataset
            testId="dataset-feedback"
            title={t('portal.feedback.title')}
            checked={draft.feedback.published}
            onChange={(v) => set({ feedback: { published: v } })}
            disabled={locked}
            preview={
              settings.feedback.published
                ? t('portal.feedback.preview', { answers: n(p.feedback.answers) })
                : t('portal.notPublic')
            }
          >
            <Text size="sm">{t('portal.feedback.hint')}</Text>
          </Dataset>

          <Dataset
            testId="dataset-open-data"
            title={t('portal.openData.title')}
            checked={draft.openData.published}
            onChange={(v) => set({ openData: { published: v } })}
            disabled={locked}
            preview={
              settings.openData.published
                ? t('portal.openData.preview', { datasets: n(p.openData.datasets) })
                : t('portal.notPublic')
            }
          >
            <Text size="sm">{t('portal.openData.hint')}</Text>
          </Dataset>
        </SimpleGrid>

        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('portal.licence.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('portal.licence.name')}
              value={draft.licence.name}
              onChange={(e) => set({ licence: { ...draft.licence, name: e.currentTarget.value } })}
              disabled={locked}
              required
              error={fieldError('licence.name')}
            />
            <TextInput
              label={t('portal.licence.url')}
              value={draft.licence.url}
              onChange={(e) => set({ licence: { ...draft.licence, url: e.currentTarget.value } })}
              disabled={locked}
              error={fieldError('licence.url')}
            />
          </SimpleGrid>
        </Card>

        <Card withBorder padding="md">
          <Title order={2} size="h4" mb={4}>
            {t('portal.publisher.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('portal.publisher.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(['name', 'address', 'email', 'phone', 'website'] as const).map((k) => (
              <TextInput
                key={k}
                label={t(`portal.publisher.${k}`)}
                value={draft.publisher[k]}
                onChange={(e) => set({ publisher: { ...draft.publisher, [k]: e.currentTarget.value } })}
                disabled={locked}
                error={fieldError(`publisher.${k}`)}
              />
            ))}
          </SimpleGrid>
        </Card>

        <ErrorAlert error={save.error} onReload={() => void query.refetch().then(() => save.reset())} />
        {editable && (
          <Group>
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="portal-save">
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={() => setDraft(draftOf(settings))} disabled={save.isPending}>
              {t('portal.undo')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
