import {
  Alert,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber, sortVi } from '../../lib/format';
import { orNull } from '../../lib/forms';
import { inLanguage, openRound, previewRound, reportKeys, type FormSummary, type RoundSummary } from './api';
import {
  nextPeriod,
  parsePeriodKey,
  PERIOD_TYPES,
  periodAt,
  periodKeyOf,
  periodsInYear,
  romanQuarter,
  type Period,
  type PeriodType,
} from './period';

/** Where the dialog starts: the form of the latest round and the period after it (else this quarter). */
function starting(
  forms: readonly FormSummary[],
  rounds: readonly RoundSummary[],
): { formKey: string | null; period: Period } {
  const latest = rounds.find((r) => forms.some((f) => f.key === r.formKey));
  const p = latest ? parsePeriodKey(latest.periodKey) : null;
  return {
    formKey: latest?.formKey ?? forms[0]?.key ?? null,
    period: p ? nextPeriod(p) : periodAt('quarter'),
  };
}

/**
 * Opening a round: the officer picks a published form and a period; the server says what the round would
 * pin (data window, deadline, the rules and their legal basis, how many units must report, or that it is
 * open already) before it is confirmed.
 */
export function OpenRoundModal({
  opened,
  onClose,
  ownerUnitId,
  forms,
  rounds,
}: {
  opened: boolean;
  onClose: () => void;
  ownerUnitId: string;
  forms: readonly FormSummary[];
  /** The owner's rounds, latest first (the dialog starts after the latest). */
  rounds: readonly RoundSummary[];
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Rounds are opened on the published forms units report on (members report to a session instead).
  const published = useMemo(
    () =>
      sortVi(
        forms.filter((f) => f.latestPublished && f.subject === 'unit'),
        (f) => inLanguage(f.name, i18n.language),
      ),
    [forms, i18n.language],
  );
  const [start] = useState(() => starting(published, rounds));
  const [formKey, setFormKey] = useState<string | null>(start.formKey);
  const chosenForm = formKey ?? published[0]?.key ?? null;
  const [type, setType] = useState<PeriodType>(start.period.type);
  const [year, setYear] = useState(start.period.year);
  const [index, setIndex] = useState(start.period.index);
  const [note, setNote] = useState('');
  const periodKey = periodKeyOf({ type, year, index: Math.min(index, periodsInYear(type)) });

  const preview = useQuery({
    queryKey: reportKeys.preview(chosenForm ?? '', ownerUnitId, periodKey ?? ''),
    queryFn: () => previewRound({ formKey: chosenForm!, ownerUnitId, periodKey: periodKey! }),
    enabled: opened && !!chosenForm && !!periodKey,
    placeholderData: keepPreviousData,
  });
  const open = useMutation({
    mutationFn: () =>
      openRound({ formKey: chosenForm!, ownerUnitId, periodKey: periodKey!, note: orNull(note) }),
    onSuccess: async (round) => {
      notifications.show({
        color: 'green',
        message: t('reports.open.done', {
          period: inLanguage(round.periodLabel, i18n.language),
          count: round.rates.expected,
        }),
        'data-testid': 'round-opened',
      });
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
      onClose();
      void navigate({ to: '/reports/rounds/$roundId', params: { roundId: round.id } });
    },
  });

  const thisYear = new Date().getFullYear();
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, year])]
    .sort()
    .map((y) => ({ value: String(y), label: String(y) }));
  const indexOptions = Array.from({ length: periodsInYear(type) }, (_, i) => ({
    value: String(i + 1),
    label:
      type === 'quarter'
        ? t('reports.open.quarterN', { roman: romanQuarter(i + 1) })
        : type === 'half'
          ? t(`reports.open.half${i + 1}`)
          : t('reports.open.monthN', { index: i + 1 }),
  }));
  const p = preview.data;
  const ready = !!p && !p.exists && p.expected > 0 && !preview.isFetching;

  return (
    <Modal opened={opened} onClose={onClose} title={t('reports.open.title')} size="lg" centered>
      <Stack gap="sm" data-testid="round-open-form">
        <Select
          label={t('reports.open.form')}
          data={published.map((f) => ({ value: f.key, label: inLanguage(f.name, i18n.language) }))}
          value={chosenForm}
          onChange={(v) => v && setFormKey(v)}
          allowDeselect={false}
          withAsterisk
          comboboxProps={{ withinPortal: true }}
          data-testid="round-open-form-select"
        />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('reports.open.periodType')}
            data={PERIOD_TYPES.map((pt) => ({ value: pt, label: t(`reports.period.types.${pt}`) }))}
            value={type}
            onChange={(v) => {
              if (!v) return;
              const next = v as PeriodType;
              setType(next);
              setIndex(periodAt(next).index);
            }}
            allowDeselect={false}
            miw={160}
            comboboxProps={{ withinPortal: true }}
            data-testid="round-open-type"
          />
          <Select
            label={t('reports.open.year')}
            data={years}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            miw={110}
            comboboxProps={{ withinPortal: true }}
            data-testid="round-open-year"
          />
          {periodsInYear(type) > 1 && (
            <Select
              label={t('reports.open.period')}
              data={indexOptions}
              value={String(index)}
              onChange={(v) => v && setIndex(Number(v))}
              allowDeselect={false}
              miw={160}
              comboboxProps={{ withinPortal: true }}
              data-testid="round-open-index"
            />
          )}
        </Group>

        <Paper withBorder p="sm" radius="md" bg="gray.0" data-testid="round-preview">
          {preview.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
          {preview.isError && <ErrorAlert error={preview.error} />}
          {p && (
            <Stack gap={6}>
              <Text fw={700}>{inLanguage(p.periodLabel, i18n.language)}</Text>
              <Text size="sm">
                <strong>{t('reports.open.window')}:</strong> {formatDate(p.windowFrom)} –{' '}
                {formatDate(p.windowTo)}
              </Text>
              <Text size="sm">
                <strong>{t('reports.open.due')}:</strong> {formatDate(p.dueDate)}
              </Text>
              <Text size="sm" data-testid="round-preview-expected">
                <strong>
                  {t('reports.open.expectedN', { count: p.expected, n: formatNumber(p.expected) })}
                </strong>
              </Text>
              {p.rules.basis.length > 0 && (
                <div>
                  <Text size="xs" c="dimmed">
                    {t('reports.open.basis')}
                  </Text>
                  <List size="xs" spacing={2}>
                    {p.rules.basis.map((b) => (
                      <List.Item key={b}>{b}</List.Item>
                    ))}
                  </List>
                </div>
              )}
              {p.exists && (
                <Alert
                  color="yellow"
                  icon={<IconInfoCircle size={18} aria-hidden />}
                  data-testid="round-preview-exists"
                >
                  {t('reports.open.exists')}
                </Alert>
              )}
              {!p.exists && p.expected === 0 && (
                <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />}>
                  {t('reports.open.nobody')}
                </Alert>
              )}
            </Stack>
          )}
        </Paper>

        <Textarea
          label={t('reports.open.note')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {open.isError && <ErrorAlert error={open.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!ready}
            loading={open.isPending}
            onClick={() => open.mutate()}
            data-testid="round-open-confirm"
          >
            {t('reports.open.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
