/**
 * A form version read only: its outline of sections and fields, each with its type, whether it is required,
 * its unit, limits, formula, how it is consolidated (in words) and the rules — what a published version is.
 */
import { Badge, Card, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { FormDefinition, Problem } from './api';
import { placeProblems, type Column, type Field, type LocalText } from './outline';
import { Fact, ProblemNotes, useLocal } from './parts';

/** The words of a field or column type. */
export const typeWord = (t: TFunction, type: string) =>
  t(`reportsDesigner.types.${type}`, { defaultValue: t('reportsDesigner.types.other') });
export const aggregateWord = (t: TFunction, aggregate: string) =>
  t(`reportsDesigner.aggregates.${aggregate}`, { defaultValue: t('reportsDesigner.aggregates.none') });
/** Where a prefilled figure comes from, in words (never the source's id). */
export const prefillWord = (t: TFunction, source: string) =>
  t(`reportsDesigner.prefillSources.${source}`, { defaultValue: t('reportsDesigner.prefillSources.other') });

function range(t: TFunction, min: number | undefined, max: number | undefined) {
  if (min === undefined && max === undefined) return null;
  if (min !== undefined && max !== undefined)
    return t('reportsDesigner.rangeBoth', { min: formatNumber(min, 6), max: formatNumber(max, 6) });
  if (min !== undefined) return t('reportsDesigner.rangeMin', { min: formatNumber(min, 6) });
  return t('reportsDesigner.rangeMax', { max: formatNumber(max!, 6) });
}

/** The facts of a number, percent or text column, or of a field of those types. */
function NumberFacts({
  item,
  labelOf,
}: {
  item: {
    type: string;
    unit?: LocalText | undefined;
    min?: number | undefined;
    max?: number | undefined;
    decimals?: number;
    aggregate: string;
    weight?: string | undefined;
  };
  labelOf: (key: string) => string;
}) {
  const { t } = useTranslation();
  const local = useLocal();
  const limits = range(t, item.min, item.max);
  return (
    <>
      {item.unit && <Fact label={t('reportsDesigner.unit')}>{local(item.unit)}</Fact>}
      {limits && <Fact label={t('reportsDesigner.limits')}>{limits}</Fact>}
      {item.decimals !== undefined && (
        <Fact label={t('reportsDesigner.decimals')}>
          {item.decimals === 0 ? t('reportsDesigner.wholeNumbers') : item.decimals}
        </Fact>
      )}
      <Fact label={t('reportsDesigner.aggregate')}>
        {aggregateWord(t, item.aggregate)}
        {item.aggregate === 'weighted_average' && item.weight
          ? ` — ${t('reportsDesigner.weightedBy', { weight: labelOf(item.weight) })}`
          : ''}
      </Fact>
    </>
  );
}

function ColumnLine({ column, table }: { column: Column; table: Field & { type: 'table' } }) {
  const { t } = useTranslation();
  const local = useLocal();
  const colLabel = (key: string) => local(table.columns.find((c) => c.key === key)?.label) || key;
  return (
    <List.Item>
      <Text size="sm" fw={500} span>
        {local(column.label)}
      </Text>{' '}
      <Text size="xs" c="dimmed" span>
        ({typeWord(t, column.type)}
        {column.required ? `, ${t('reportsDesigner.requiredLower')}` : ''}) · {t('reportsDesigner.key')}{' '}
        {column.key}
      </Text>
      <Stack gap={0} pl="sm">
        {(column.type === 'number' || column.type === 'percent') && (
          <NumberFacts item={column} labelOf={colLabel} />
        )}
        {column.type === 'text' && (
          <Fact label={t('reportsDesigner.aggregate')}>{aggregateWord(t, column.aggregate)}</Fact>
        )}
        {column.type === 'choice' && (
          <>
            <Fact
              label={column.multiple ? t('reportsDesigner.optionsMultiple') : t('reportsDesigner.options')}
            >
              {column.options.map((o) => local(o.label)).join('; ')}
            </Fact>
            <Fact label={t('reportsDesigner.aggregate')}>{aggregateWord(t, column.aggregate)}</Fact>
          </>
        )}
      </Stack>
    </List.Item>
  );
}

/** One field of the outline, read only. */
export function FieldView({
  field,
  labelOf,
  problems = [],
}: {
  field: Field;
  labelOf: (key: string) => string;
  problems?: readonly Problem[];
}) {
  const { t } = useTranslation();
  const local = useLocal();
  return (
    <Stack
      gap={4}
      py="xs"
      data-testid="field-view"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group gap="xs" wrap="wrap" align="baseline">
        <Text fw={600} size="sm" style={{ flex: '1 1 16rem', minWidth: 0 }}>
          {local(field.label)}
          {'required' in field && field.required && (
            <Text span c="red" aria-label={t('reportsDesigner.required')}>
              {' '}
              *
            </Text>
          )}
        </Text>
        <Group gap={4}>
          <Badge variant="light" color="indigo" size="sm">
            {typeWord(t, field.type)}
          </Badge>
          {'required' in field && field.required && (
            <Badge variant="light" color="red" size="sm">
              {t('reportsDesigner.required')}
            </Badge>
          )}
          {'prefill' in field && field.prefill && (
            <Badge
              variant="light"
              color="teal"
              size="sm"
              leftSection={<IconDatabase size={12} aria-hidden />}
            >
              {t('reportsDesigner.prefilled')}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('reportsDesigner.key')} <Code>{field.key}</Code>
      </Text>
      {field.help && (
        <Text size="xs" c="dimmed" fs="italic">
          {local(field.help)}
        </Text>
      )}
      <Stack gap={0}>
        {'prefill' in field && field.prefill && (
          <Fact label={t('reportsDesigner.prefilled')}>{prefillWord(t, field.prefill)}</Fact>
        )}
        {field.type === 'narrative' && (
          <>
            <Fact label={t('reportsDesigner.maxLength')}>{formatNumber(field.maxLength)}</Fact>
            <Fact label={t('reportsDesigner.aggregate')}>{aggregateWord(t, field.aggregate)}</Fact>
          </>
        )}
        {(field.type === 'number' || field.type === 'percent') && (
          <NumberFacts item={field} labelOf={labelOf} />
        )}
        {field.type === 'choice' && (
          <>
            <Fact
              label={field.multiple ? t('reportsDesigner.optionsMultiple') : t('reportsDesigner.options')}
            >
              {field.options.map((o) => local(o.label)).join('; ')}
            </Fact>
            <Fact label={t('reportsDesigner.aggregate')}>{aggregateWord(t, field.aggregate)}</Fact>
          </>
        )}
        {field.type === 'computed' && (
          <>
            <Fact label={t('reportsDesigner.formula')}>
              <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{field.formula}</Code>
            </Fact>
            <Fact label={t('reportsDesigner.result')}>{typeWord(t, field.result)}</Fact>
            <NumberFacts item={field} labelOf={labelOf} />
          </>
        )}
        {field.type === 'table' && (
          <>
            <Fact label={t('reportsDesigner.columns')}>{field.columns.length}</Fact>
            <List size="sm" spacing={4} withPadding>
              {field.columns.map((c) => (
                <ColumnLine key={c.key} column={c} table={field} />
              ))}
            </List>
            {field.fixedRows ? (
              <Fact label={t('reportsDesigner.fixedRows')}>
                {field.fixedRows.map((r) => local(r.label)).join('; ')}
              </Fact>
            ) : (
              <Fact label={t('reportsDesigner.freeRows')}>
                {field.minRows !== undefined || field.maxRows !== undefined
                  ? range(t, field.minRows, field.maxRows)
                  : t('reportsDesigner.freeRowsAny')}
              </Fact>
            )}
            <Fact label={t('reportsDesigner.aggregate')}>{aggregateWord(t, field.aggregate)}</Fact>
          </>
        )}
      </Stack>
      <ProblemNotes problems={problems} />
    </Stack>
  );
}

/** The form's rules, read only. */
export function RulesView({
  rules,
  problems,
}: {
  rules: FormDefinition['rules'];
  problems?: ReturnType<typeof placeProblems>;
}) {
  const { t } = useTranslation();
  const local = useLocal();
  if (!rules.length)
    return (
      <Text c="dimmed" size="sm">
        {t('reportsDesigner.noRules')}
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="rules-view">
      {rules.map((r) => (
        <Card key={r.key} withBorder padding="sm">
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" fw={500} style={{ flex: '1 1 16rem' }}>
                {local(r.message)}
              </Text>
              <Badge color={r.severity === 'warning' ? 'yellow' : 'red'} variant="light" size="sm">
                {t(`reportsDesigner.severity.${r.severity}`)}
              </Badge>
            </Group>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {r.expression}
            </Code>
            <ProblemNotes problems={problems?.byRule.get(r.key) ?? []} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** A whole form version, read only (a published version, or a draft its reader may not edit). */
export function FormOutlineView({
  definition,
  problems = [],
}: {
  definition: FormDefinition;
  problems?: readonly Problem[];
}) {
  const { t } = useTranslation();
  const local = useLocal();
  const placed = placeProblems(
    problems,
    definition.rules.map((r) => r.key),
  );
  const labels = new Map<string, string>();
  for (const s of definition.sections)
    for (const f of [...s.fields, ...s.subsections.flatMap((x) => x.fields)])
      labels.set(f.key, local(f.label));
  const labelOf = (key: string) => labels.get(key) ?? key;
  const fieldsOf = (fields: readonly Field[]) =>
    fields.map((f) => (
      <FieldView key={f.key} field={f} labelOf={labelOf} problems={placed.byField.get(f.key)} />
    ));
  return (
    <Stack gap="lg" data-testid="form-outline-view">
      {placed.general.length > 0 && <ProblemNotes problems={placed.general} />}
      {(definition.description || definition.legalBasis.length > 0) && (
        <Card withBorder padding="md">
          <Stack gap="xs">
            {definition.description && <Text size="sm">{local(definition.description)}</Text>}
            {definition.legalBasis.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('reportsDesigner.legalBasis')}
                </Text>
                <List size="sm" spacing={2}>
                  {definition.legalBasis.map((b) => (
                    <List.Item key={b}>{b}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Card>
      )}
      {definition.sections.map((s) => (
        <Card key={s.key} withBorder padding="md" data-testid="section-view">
          <Title order={2} size="h5" mb="xs">
            {s.numbering ? `${s.numbering} ` : ''}
            {local(s.title)}
          </Title>
          {s.help && (
            <Text size="xs" c="dimmed" mb="xs">
              {local(s.help)}
            </Text>
          )}
          {fieldsOf(s.fields)}
          {s.subsections.map((sub) => (
            <Stack key={sub.key} gap={0} mt="sm" pl={{ base: 'xs', sm: 'md' }}>
              <Title order={3} size="h6" mb={4}>
                {sub.numbering ? `${sub.numbering} ` : ''}
                {local(sub.title)}
              </Title>
              {sub.help && (
                <Text size="xs" c="dimmed" mb={4}>
                  {local(sub.help)}
                </Text>
              )}
              {fieldsOf(sub.fields)}
            </Stack>
          ))}
        </Card>
      ))}
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('reportsDesigner.rules')}
        </Title>
        <RulesView rules={definition.rules} problems={placed} />
      </Stack>
    </Stack>
  );
}
