/** The rules of a draft (expression, messages, severity) and its general properties (name, description, basis). */
import { Button, Card, Code, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Problem } from './api';
import { freshKey, moveItem, removeItem, replaceItem, type Draft, type Rule } from './outline';
import {
  BilingualInput,
  MoveButtons,
  OptionalBilingual,
  ProblemNotes,
  RemoveButton,
  useLocal,
} from './parts';

export function RulesEditor({
  rules,
  onChange,
  problemsOf,
  localOf,
}: {
  rules: readonly Rule[];
  onChange: (rules: Rule[]) => void;
  /** The server's problems about a rule (by its key). */
  problemsOf: (key: string) => readonly Problem[];
  /** What is malformed in the rule at an index, as sentences. */
  localOf: (index: number) => readonly string[];
}) {
  const { t } = useTranslation();
  const local = useLocal();
  return (
    <Stack gap="sm" data-testid="rules-editor">
      <Text size="sm" c="dimmed">
        {t('reportsDesigner.rulesHint')} <Code>a &lt;= b</Code> <Code>a + b = c</Code>{' '}
        <Code>a &gt; 0 or b = 0</Code>
      </Text>
      {rules.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('reportsDesigner.noRules')}
        </Text>
      )}
      {rules.map((r, i) => {
        const what = local(r.message) || t('reportsDesigner.ruleN', { n: i + 1 });
        return (
          <Card key={i} id={`designer-rule-${i}`} withBorder padding="sm" data-testid="rule-row">
            <Group justify="space-between" wrap="nowrap" mb="xs">
              <Text size="sm" fw={600}>
                {t('reportsDesigner.ruleN', { n: i + 1 })}{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  · {t('reportsDesigner.key')} {r.key}
                </Text>
              </Text>
              <Group gap={2} wrap="nowrap">
                <MoveButtons
                  what={what}
                  canUp={i > 0}
                  canDown={i < rules.length - 1}
                  onMove={(d) => onChange(moveItem(rules, i, d))}
                />
                <RemoveButton
                  what={what}
                  question={t('reportsDesigner.removeRuleQuestion')}
                  onRemove={() => onChange(removeItem(rules, i))}
                />
              </Group>
            </Group>
            <Stack gap="sm">
              <ProblemNotes problems={problemsOf(r.key)} local={localOf(i)} />
              <Textarea
                label={t('reportsDesigner.expression')}
                description={t('reportsDesigner.expressionHint')}
                withAsterisk
                autosize
                minRows={1}
                maxRows={6}
                value={r.expression}
                onChange={(e) => onChange(replaceItem(rules, i, { ...r, expression: e.currentTarget.value }))}
                spellCheck={false}
                autoCapitalize="off"
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                data-testid="rule-expression"
              />
              <BilingualInput
                label={t('reportsDesigner.ruleMessage')}
                value={r.message}
                required
                error
                multiline
                onChange={(message) => onChange(replaceItem(rules, i, { ...r, message }))}
                testId="rule-message"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('reportsDesigner.severityLabel')}
                </Text>
                <SegmentedControl
                  data={[
                    { value: 'error', label: t('reportsDesigner.severity.error') },
                    { value: 'warning', label: t('reportsDesigner.severity.warning') },
                  ]}
                  value={r.severity}
                  onChange={(v) => onChange(replaceItem(rules, i, { ...r, severity: v as Rule['severity'] }))}
                />
                <Text size="xs" c="dimmed">
                  {r.severity === 'warning'
                    ? t('reportsDesigner.severityHint.warning')
                    : t('reportsDesigner.severityHint.error')}
                </Text>
              </Stack>
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            onChange([
              ...rules,
              {
                key: freshKey(
                  'rule',
                  rules.map((r) => r.key),
                ),
                expression: '',
                message: { vi: '', en: '' },
                severity: 'error',
              },
            ])
          }
          data-testid="rule-add"
        >
          {t('reportsDesigner.addRule')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The form's name, what it is for, and its legal sources (one a line). */
export function GeneralEditor({
  draft,
  onChange,
  nameMissing,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  nameMissing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="general-editor">
      <BilingualInput
        label={t('reportsDesigner.formName')}
        value={draft.name}
        required
        error={nameMissing}
        multiline
        onChange={(name) => onChange({ ...draft, name })}
        testId="form-name"
      />
      <OptionalBilingual
        label={t('reportsDesigner.description')}
        value={draft.description}
        onChange={(description) => {
          const next = { ...draft, description };
          if (!description) delete next.description;
          onChange(next);
        }}
      />
      <Textarea
        label={t('reportsDesigner.legalBasis')}
        description={t('reportsDesigner.legalBasisHint')}
        autosize
        minRows={3}
        maxRows={12}
        value={draft.legalBasis.join('\n')}
        onChange={(e) =>
          onChange({
            ...draft,
            legalBasis: e.currentTarget.value.split('\n').map((l) => l.slice(0, 500)),
          })
        }
        onBlur={() =>
          onChange({ ...draft, legalBasis: draft.legalBasis.map((l) => l.trim()).filter(Boolean) })
        }
      />
    </Stack>
  );
}
