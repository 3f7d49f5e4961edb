import { ActionIcon, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormSection as Section } from '../../../components/rules/RuleParts';
import {
  ALIGN_INPUTS,
  RuleVersionFormShell,
  useRuleVersionDraft,
} from '../../../components/rules/RuleVersionForm';
import { accentInsensitiveFilter } from '../../../components/UnitSelect';
import { inLanguage } from '../../../components/workflow/work';
import { formatDate, sortVi } from '../../../lib/format';
import { addRuleVersion, settingsKeys } from './settingsApi';
import {
  draftFrom,
  missingFields,
  placeRuleProblems,
  rulesFromDraft,
  type Days,
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

/**
 * A new version of the deadline rules: its date (today or later), a name, every number in working days (the
 * version in force's to start from), deadlines by category, its sources in both languages and a note. The
 * numbers' rules are the server's: each problem it finds is said under its field. (The date, the name, the
 * sources, the note and the buttons are every rule version's: components/rules/RuleVersionForm.tsx.)
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
  const form = useRuleVersionDraft<RulesDraft>(() => draftFrom(from, null), {
    texts: 'hotlineSettings.rules.form',
    problems: 'hotlineSettings.rules.problems',
    place: placeRuleProblems,
  });
  const { draft, update, message } = form;

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
    onError: form.onSaveError,
  });

  const submit = () => {
    if (form.refuseMissing(missingFields(draft))) return;
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

  const setRow = (i: number, patch: Partial<{ key: string | null; days: Days }>) => {
    const old = draft.byCategory[i];
    update({ byCategory: draft.byCategory.map((r, j) => (j === i ? { ...r, ...patch } : r)) }, [
      'byCategory',
      `byCategory.${i}`,
      ...(old?.key ? [`byCategory.${old.key}`] : []),
    ]);
  };

  return (
    <RuleVersionFormShell
      form={form}
      texts="hotlineSettings.rules.form"
      checkFields={t('hotlineSettings.checkFields')}
      noteMaxLength={500}
      error={save.error}
      saving={save.isPending}
      onSubmit={submit}
      onCancel={() => onDone(null)}
    >
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
    </RuleVersionFormShell>
  );
}
