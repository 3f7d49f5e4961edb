import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { accentInsensitiveFilter } from '../../../components/UnitSelect';
import { inLanguage } from '../../../components/workflow/work';
import { ApiError } from '../../../lib/api';
import { formatDate, isoDate, sortVi } from '../../../lib/format';
import { addRuleVersion, settingsKeys } from './settingsApi';
import {
  draftFrom,
  missingFields,
  placeRuleProblems,
  rulesFromDraft,
  type Days,
  type FieldMessage,
  type RulesDraft,
} from './settingsModel';
import type { Settings, SlaRules } from './types';

type DaysField =
  | 'triageWithinWorkingDays'
  | 'forwardWithinWorkingDays'
  | 'answerDefault'
  | 'withinAuthority'
  | 'behaviour'
  | 'statusUpdateEveryWorkingDays'
  | 'dueSoonWorkingDays'
  | 'maxExtensionWorkingDays';

/** Fields side by side keep their boxes on one line, whatever the length of their labels and hints. */
const ALIGN_INPUTS = { alignItems: 'end' } as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider label={title} labelPosition="left" styles={{ label: { fontWeight: 600, fontSize: 14 } }} />
      {children}
    </Stack>
  );
}

/**
 * A new version of the deadline rules: its date (today or later), a name, every number in working days (the
 * version in force's to start from), deadlines by category, its sources in both languages and a note. The
 * numbers' rules are the server's: each problem it finds is said under its field.
 */
export function RuleVersionForm({
  from,
  settings,
  onDone,
}: {
  /** The version in force: the form starts from its numbers and sources. */
  from: SlaRules;
  settings: Settings;
  /** Closed: with the new version's id once saved, null when cancelled. */
  onDone: (id: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RulesDraft>(() => draftFrom(from, null));
  const [errors, setErrors] = useState<Map<string, FieldMessage>>(new Map());
  /** The failed save whose problems are on the fields (not repeated as a whole). */
  const [placedError, setPlacedError] = useState<unknown>(null);
  const today = isoDate();
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save (a field left empty, or the server's problems), the first field marked comes into view
  // with the focus.
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);

  const update = (patch: Partial<RulesDraft>, clear: string[]) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      if (!clear.some((f) => e.has(f)) && !e.has('form')) return e;
      const next = new Map(e);
      for (const f of [...clear, 'form']) next.delete(f);
      return next;
    });
  };
  const message = (field: string): string | undefined => {
    const m = errors.get(field);
    if (!m) return undefined;
    return 'text' in m ? m.text : t(`hotlineSettings.rules.problems.${m.key}`, m.values ?? {});
  };

  const save = useMutation({
    mutationFn: () => addRuleVersion(rulesFromDraft(draft)),
    onSuccess: (v) => {
      notifications.show({
        color: 'green',
        message: t('hotlineSettings.rules.form.saved', { date: formatDate(v.validFrom) }),
      });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.all });
      onDone(v.id);
    },
    onError: (e) => {
      // A version already from that day, or the problems the server names: said under their fields.
      if (!(e instanceof ApiError)) return;
      if (e.status === 409) {
        const date = formatDate(draft.validFrom);
        setErrors(new Map([['validFrom', { text: t('hotlineSettings.rules.form.dateTaken', { date }) }]]));
        setPlacedError(e);
        setRefused((n) => n + 1);
      } else if (e.status === 400 && e.details.length) {
        setErrors(placeRuleProblems(e.details, e.code));
        setPlacedError(e);
        setRefused((n) => n + 1);
      }
    },
  });

  const submit = () => {
    const missing = missingFields(draft);
    if (missing.length) {
      setErrors(new Map(missing.map((f) => [f, { key: 'required' }])));
      setRefused((n) => n + 1);
      return;
    }
    setErrors(new Map());
    save.mutate();
  };

  const categoryOptions = useMemo(
    () =>
      sortVi(
        settings.categories
          .filter((c) => c.active || draft.byCategory.some((row) => row.key === c.key))
          .map((c) => ({ value: c.key, label: inLanguage(c.name, i18n.language) })),
        (o) => o.label,
      ),
    [settings.categories, draft.byCategory, i18n.language],
  );

  const unit = (
    <Text size="xs" c="dimmed" pr="sm" style={{ whiteSpace: 'nowrap' }}>
      {t('hotlineSettings.rules.form.unit')}
    </Text>
  );
  const days = (field: DaysField, label: string, description?: string, required = true) => (
    <NumberInput
      label={label}
      description={description}
      withAsterisk={required}
      value={draft[field]}
      onChange={(v) => update({ [field]: v === '' ? '' : Number(v) } as Partial<RulesDraft>, [field])}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      rightSection={unit}
      rightSectionWidth={110}
      rightSectionPointerEvents="none"
      error={message(field)}
      data-testid={`rule-input-${field}`}
    />
  );
  const F = (k: string) => t(`hotlineSettings.rules.form.${k}`);

  const setBasis = (i: number, patch: Partial<{ vi: string; en: string }>) =>
    update({ basis: draft.basis.map((b, j) => (j === i ? { ...b, ...patch } : b)) }, ['basis']);
  const setRow = (i: number, patch: Partial<{ key: string | null; days: Days }>) => {
    const old = draft.byCategory[i];
    update({ byCategory: draft.byCategory.map((r, j) => (j === i ? { ...r, ...patch } : r)) }, [
      'byCategory',
      `byCategory.${i}`,
      ...(old?.key ? [`byCategory.${old.key}`] : []),
    ]);
  };

  const error = save.error;
  const placed = errors.size > 0;
  const rulesChecked = error instanceof ApiError && error.code === 'RULES_INVALID';
  return (
    <Card withBorder padding="lg" data-testid="rule-form">
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h4">
              {F('title')}
            </Title>
            <Text size="sm" c="dimmed">
              {F('lead')}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={ALIGN_INPUTS}>
            <DateField
              label={F('validFrom')}
              description={F('validFromHint')}
              withAsterisk
              value={draft.validFrom}
              onChange={(v) => update({ validFrom: v }, ['validFrom'])}
              minDate={today}
              error={message('validFrom')}
              data-testid="rule-valid-from"
            />
            <TextInput
              label={F('version')}
              description={F('versionHint')}
              placeholder={F('versionPlaceholder')}
              withAsterisk
              maxLength={60}
              value={draft.version}
              onChange={(e) => update({ version: e.currentTarget.value }, ['version'])}
              error={message('version')}
              data-testid="rule-version-name-input"
            />
          </SimpleGrid>

          <Section title={F('sectionIntake')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={ALIGN_INPUTS}>
              {days('triageWithinWorkingDays', F('triage'), F('triageHint'))}
              {days('forwardWithinWorkingDays', F('forward'), F('forwardHint'))}
            </SimpleGrid>
          </Section>

          <Section title={F('sectionAnswer')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={ALIGN_INPUTS}>
              {days('answerDefault', F('answerDefault'), F('answerDefaultHint'))}
              {days('withinAuthority', F('withinAuthority'), F('optionalHint'), false)}
              {days('behaviour', F('behaviour'), F('optionalHint'), false)}
            </SimpleGrid>
            <Stack gap={6} data-testid="rule-by-category-rows">
              <Text size="sm" fw={600}>
                {F('byCategory')}
              </Text>
              <Text size="xs" c="dimmed">
                {F('byCategoryHint')}
              </Text>
              {draft.byCategory.map((row, i) => (
                <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-testid="rule-by-category-row">
                  <Select
                    aria-label={t('hotlineSettings.rules.form.categoryN', { n: i + 1 })}
                    placeholder={F('category')}
                    searchable
                    filter={accentInsensitiveFilter}
                    data={categoryOptions.map((o) => ({
                      ...o,
                      disabled: draft.byCategory.some((r, j) => j !== i && r.key === o.value),
                    }))}
                    value={row.key}
                    onChange={(v) => setRow(i, { key: v })}
                    error={!row.key ? message(`byCategory.${i}`) : undefined}
                    comboboxProps={{ withinPortal: true }}
                    style={{ flex: '1 1 240px', minWidth: 0 }}
                    data-testid="rule-by-category-select"
                  />
                  <NumberInput
                    aria-label={t('hotlineSettings.rules.form.daysN', { n: i + 1 })}
                    value={row.days}
                    onChange={(v) => setRow(i, { days: v === '' ? '' : Number(v) })}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="none"
                    rightSection={unit}
                    rightSectionWidth={110}
                    rightSectionPointerEvents="none"
                    w={180}
                    error={
                      (row.key ? message(`byCategory.${i}`) : undefined) ??
                      (row.key ? message(`byCategory.${row.key}`) : undefined)
                    }
                    data-testid="rule-by-category-days"
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mt={2}
                    aria-label={t('hotlineSettings.rules.form.removeCategory', { n: i + 1 })}
                    onClick={() =>
                      update({ byCategory: draft.byCategory.filter((_, j) => j !== i) }, ['byCategory'])
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              {message('byCategory') && (
                <Text size="xs" c="red">
                  {message('byCategory')}
                </Text>
              )}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => update({ byCategory: [...draft.byCategory, { key: null, days: '' }] }, [])}
                  data-testid="rule-by-category-add"
                >
                  {F('addCategory')}
                </Button>
              </Group>
            </Stack>
          </Section>

          <Section title={F('sectionFollow')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={ALIGN_INPUTS}>
              {days('statusUpdateEveryWorkingDays', F('statusUpdate'))}
              {days('dueSoonWorkingDays', F('dueSoon'))}
              {days('maxExtensionWorkingDays', F('maxExtension'))}
            </SimpleGrid>
          </Section>

          <Section title={F('basis')}>
            <Text size="xs" c="dimmed">
              {F('basisHint')}
            </Text>
            {draft.basis.map((b, i) => (
              <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="rule-basis-row">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1, minWidth: 0 }}>
                  <Textarea
                    label={t('hotlineSettings.rules.form.basisVi', { n: i + 1 })}
                    autosize
                    minRows={2}
                    value={b.vi}
                    onChange={(e) => setBasis(i, { vi: e.currentTarget.value })}
                    data-testid="rule-basis-vi"
                  />
                  <Textarea
                    label={t('hotlineSettings.rules.form.basisEn', { n: i + 1 })}
                    autosize
                    minRows={2}
                    value={b.en}
                    onChange={(e) => setBasis(i, { en: e.currentTarget.value })}
                    data-testid="rule-basis-en"
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mt={24}
                  aria-label={t('hotlineSettings.rules.form.removeBasis', { n: i + 1 })}
                  onClick={() => update({ basis: draft.basis.filter((_, j) => j !== i) }, ['basis'])}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {message('basis') && (
              <Text size="xs" c="red" data-testid="rule-basis-error">
                {message('basis')}
              </Text>
            )}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => update({ basis: [...draft.basis, { vi: '', en: '' }] }, ['basis'])}
                data-testid="rule-basis-add"
              >
                {F('addBasis')}
              </Button>
            </Group>
          </Section>

          <Textarea
            label={F('note')}
            autosize
            minRows={2}
            maxLength={500}
            value={draft.note}
            onChange={(e) => update({ note: e.currentTarget.value }, ['note'])}
            error={message('note')}
            data-testid="rule-note-input"
          />

          {placed ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              role="alert"
              data-testid="rule-form-problems"
            >
              {[
                // The rules' own check counts its problems ("… có 2 điểm chưa hợp lệ"); a shape problem's
                // message names an internal path, so it is not repeated here.
                rulesChecked ? error.message : null,
                t('hotlineSettings.checkFields'),
                message('form'),
              ]
                .filter(Boolean)
                .join(' ')}
            </Alert>
          ) : (
            error !== placedError && <ErrorAlert error={error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="rule-save">
              {F('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
