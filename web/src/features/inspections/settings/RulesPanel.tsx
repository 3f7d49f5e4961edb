import { Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BasisList, Fact, FormSection } from '../../../components/rules/RuleParts';
import {
  ALIGN_INPUTS,
  RuleVersionFormShell,
  useRuleVersionDraft,
} from '../../../components/rules/RuleVersionForm';
import { RuleVersionList } from '../../../components/rules/RuleVersionList';
import { byDateDesc, isShippedDefault } from '../../../components/rules/ruleVersions';
import { formatDate, formatNumber } from '../../../lib/format';
import { addRuleVersion, inspectionSettingsKeys } from './settingsApi';
import {
  missingRuleFields,
  placeInspectionRuleProblems,
  RULE_NUMBERS,
  RULE_SECTIONS,
  ruleShown,
  rulesDraftFrom,
  rulesFromDraft,
  type InspectionRulesDraft,
  type RuleSection,
  type RuleUnit,
} from './settingsModel';
import type { InspectionRules, RuleVersion, Rules } from './types';

const R = 'inspectionSettings.rules';

/** A number with its unit, in the reader's words ("20 ngày làm việc", "90%", "20 hồ sơ"). */
function useSayValue() {
  const { t } = useTranslation();
  return (unit: RuleUnit, value: number) =>
    unit === 'percent'
      ? t(`${R}.values.percent`, { value: formatNumber(value) })
      : t(`${R}.values.${unit}`, { count: value });
}

/** One version's numbers by section, each with where it comes from, its sources and note. */
function RulesSummary({ version }: { version: RuleVersion }) {
  const { t } = useTranslation();
  const say = useSayValue();
  const sectionHint = (s: RuleSection) => (s === 'signals' ? t(`${R}.signalsHint`) : null);
  return (
    <Stack gap="md">
      {RULE_SECTIONS.map((section) => (
        <FormSection key={section} title={t(`${R}.sections.${section}`)}>
          {sectionHint(section) && (
            <Text size="xs" c="dimmed">
              {sectionHint(section)}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
            {RULE_NUMBERS.filter((r) => r.section === section).map((r) => (
              <Fact
                key={r.field}
                label={t(`${R}.labels.${r.field}`)}
                value={say(r.unit, ruleShown(version.rules, r.field))}
                hint={t(`${R}.hints.${r.field}`)}
                testId={`rule-value-${r.field}`}
              />
            ))}
          </SimpleGrid>
        </FormSection>
      ))}
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t(`${R}.labels.basis`)}
        </Text>
        <BasisList basis={version.rules.basis} />
      </Stack>
      {version.note && !isShippedDefault(version) && (
        <Fact label={t(`${R}.labels.note`)} value={version.note} testId="rule-note" />
      )}
    </Stack>
  );
}

/**
 * A new version of the inspection rules from a day on: the numbers of the version in force to start from, each
 * with its unit and where it comes from (law, the province's plan, practice); shares typed as percentages.
 */
function RuleVersionForm({ from, onDone }: { from: InspectionRules; onDone: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRuleVersionDraft<InspectionRulesDraft>(() => rulesDraftFrom(from, null), {
    texts: `${R}.form`,
    problems: `${R}.problems`,
    place: placeInspectionRuleProblems,
  });
  const { draft, update, message } = form;
  const vietnamese = !i18n.language.startsWith('en');

  const save = useMutation({
    mutationFn: () => addRuleVersion(rulesFromDraft(draft)),
    onSuccess: (v) => {
      notifications.show({
        color: 'green',
        message: t(`${R}.form.saved`, { date: formatDate(v.validFrom) }),
      });
      void queryClient.invalidateQueries({ queryKey: inspectionSettingsKeys.rules });
      onDone(v.id);
    },
    onError: form.onSaveError,
  });
  const submit = () => {
    if (form.refuseMissing(missingRuleFields(draft))) return;
    save.mutate();
  };

  return (
    <RuleVersionFormShell
      form={form}
      texts={`${R}.form`}
      checkFields={t('inspectionSettings.checkFields')}
      noteMaxLength={2000}
      error={save.error}
      saving={save.isPending}
      onSubmit={submit}
      onCancel={() => onDone(null)}
    >
      {RULE_SECTIONS.map((section) => {
        const hint = section === 'signals' ? t(`${R}.signalsHint`) : null;
        return (
          <FormSection key={section} title={t(`${R}.sections.${section}`)}>
            {hint && (
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={ALIGN_INPUTS}>
              {RULE_NUMBERS.filter((r) => r.section === section).map((r) => {
                const percent = r.unit === 'percent';
                return (
                  <NumberInput
                    key={r.field}
                    label={t(`${R}.labels.${r.field}`)}
                    description={t(`${R}.hints.${r.field}`)}
                    withAsterisk
                    value={draft[r.field]}
                    onChange={(v) =>
                      update({ [r.field]: v === '' ? '' : Number(v) } as Partial<InspectionRulesDraft>, [
                        r.field,
                      ])
                    }
                    allowDecimal={percent}
                    decimalScale={percent ? 2 : undefined}
                    decimalSeparator={vietnamese ? ',' : '.'}
                    allowNegative={false}
                    clampBehavior="none"
                    rightSection={
                      <Text size="xs" c="dimmed" pr="sm" style={{ whiteSpace: 'nowrap' }}>
                        {t(`${R}.units.${r.unit}`)}
                      </Text>
                    }
                    rightSectionWidth={percent ? 40 : 120}
                    rightSectionPointerEvents="none"
                    error={message(r.field)}
                    data-testid={`rule-input-${r.field}`}
                  />
                );
              })}
            </SimpleGrid>
          </FormSection>
        );
      })}
    </RuleVersionFormShell>
  );
}

/**
 * The inspection rules as dated versions, the latest first: the one in force open, upcoming and replaced ones
 * with their dates and sources; the standing agency adds a version from a day on (concluded inspections keep
 * theirs).
 */
export function RulesPanel({ rules }: { rules: Rules }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const versions = byDateDesc(rules.versions);
  const current = versions.find((v) => v.id === rules.currentId) ?? versions[0];
  const [open, setOpen] = useState<string[]>(() => (current ? [current.id] : []));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={700}>
          {t(`${R}.intro`)}
        </Text>
        {rules.abilities.manage && !adding && current && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="rules-add"
          >
            {t(`${R}.add`)}
          </Button>
        )}
      </Group>
      {adding && current && (
        <RuleVersionForm
          from={current.rules}
          onDone={(id) => {
            setAdding(false);
            if (id) setOpen((o) => [...new Set([...o, id])]);
          }}
        />
      )}
      <Title order={2} size="h4">
        {t(`${R}.historyTitle`)}
      </Title>
      <RuleVersionList
        versions={versions}
        currentId={rules.currentId}
        open={open}
        onOpenChange={setOpen}
        texts={R}
      >
        {(v) => <RulesSummary version={v} />}
      </RuleVersionList>
    </Stack>
  );
}
