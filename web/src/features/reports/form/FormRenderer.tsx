import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type {
  CommentsPlaced,
  Field,
  FormDefinition,
  ProblemsPlaced,
  Section,
  Subsection,
  Values,
} from './model';
import { ChoiceField } from './fields/ChoiceField';
import { ComputedField } from './fields/ComputedField';
import { errorNode, ReviewerComments, Warnings } from './fields/FieldMessages';
import { NarrativeField } from './fields/NarrativeField';
import { NumberField } from './fields/NumberField';
import { TableField } from './fields/TableField';
import { useLocalText } from './language';

/** The element a field's place in the page has (the error summary scrolls to it). */
export const fieldAnchor = (key: string) => `rf-${key}`;
export const fieldInputId = (key: string) => `rf-input-${key}`;
export const sectionAnchor = (key: string) => `rs-${key}`;

/** Scrolls to a field and puts the focus in it. */
export function goToField(key: string) {
  const box = document.getElementById(fieldAnchor(key));
  box?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const input = document.getElementById(fieldInputId(key));
  (input ?? box)?.focus({ preventScroll: true });
}

/** Scrolls to a section's heading. */
export function goToSection(key: string) {
  document.getElementById(sectionAnchor(key))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

export type FormRendererProps = {
  form: FormDefinition;
  /** What is being edited (raw values). */
  values: Values;
  /** The server's normalised values with the computed fields (shown when read, and for computed fields). */
  evaluated: Values;
  readOnly: boolean;
  onChange: (key: string, value: unknown) => void;
  problems: ProblemsPlaced;
  comments?: CommentsPlaced;
  /** More under a field: the system's figure and the note for a change, a consolidated figure's sources… */
  extra?: (field: Field) => ReactNode;
  /** Messages of a refused save or submission, by field (the server's `details`). */
  fieldErrors?: ReadonlyMap<string, string>;
  /** There are unsaved edits: computed figures follow them once saved. */
  dirty?: boolean;
};

function FieldBlock({ field, p }: { field: Field; p: FormRendererProps }) {
  const text = useLocalText();
  const problems = p.problems.byField.get(field.key) ?? [];
  const error = errorNode(problems, p.fieldErrors?.get(field.key));
  const description = field.help ? text(field.help) : undefined;
  const inputId = fieldInputId(field.key);
  const common = {
    value: p.readOnly ? p.evaluated[field.key] : p.values[field.key],
    onChange: (v: unknown) => p.onChange(field.key, v),
    readOnly: p.readOnly,
    description,
    error,
    inputId,
  };
  let input: ReactNode;
  switch (field.type) {
    case 'number':
    case 'percent':
      input = <NumberField field={field} {...common} />;
      break;
    case 'narrative':
      input = <NarrativeField field={field} {...common} />;
      break;
    case 'choice':
      input = <ChoiceField field={field} {...common} />;
      break;
    case 'table':
      input = <TableField field={field} {...common} />;
      break;
    case 'computed':
      input = (
        <ComputedField
          field={field}
          value={p.evaluated[field.key]}
          stale={!!p.dirty}
          inputId={inputId}
          error={error}
        />
      );
      break;
  }
  return (
    <Box
      id={fieldAnchor(field.key)}
      style={{ scrollMarginTop: 80 }}
      data-testid="report-field"
      data-field={field.key}
      data-invalid={error ? true : undefined}
    >
      {input}
      <Warnings problems={problems} />
      {p.extra?.(field)}
      <ReviewerComments comments={p.comments?.byField.get(field.key) ?? []} />
    </Box>
  );
}

function Heading({
  part,
  order,
  comments,
}: {
  part: Section | Subsection;
  order: 2 | 3;
  comments: readonly string[];
}) {
  const text = useLocalText();
  return (
    <div>
      <Title
        order={order}
        size={order === 2 ? 'h4' : 'h5'}
        id={sectionAnchor(part.key)}
        style={{ scrollMarginTop: 80 }}
      >
        {part.numbering ? `${part.numbering} ` : ''}
        {text(part.title)}
      </Title>
      {part.help && (
        <Text size="sm" c="dimmed" mt={2}>
          {text(part.help)}
        </Text>
      )}
      <ReviewerComments comments={comments} testId="section-comment" />
    </div>
  );
}

/**
 * A report form rendered section by section ("I.", then "1.", …): each field with its label, help, required
 * mark and input (or its value when read), its problems and the reviewer's comments next to it; computed
 * figures shown read-only without their formulas. Shared by the unit report and the province's draft.
 */
export function FormRenderer(props: FormRendererProps) {
  const comments = props.comments;
  return (
    <Stack gap="lg" data-testid="report-form">
      {props.form.sections.map((section) => (
        <Paper
          key={section.key}
          withBorder
          radius="md"
          p={{ base: 'sm', sm: 'lg' }}
          data-testid="report-section"
        >
          <Stack gap="md">
            <Heading part={section} order={2} comments={comments?.bySection.get(section.key) ?? []} />
            {section.fields.map((f) => (
              <FieldBlock key={f.key} field={f} p={props} />
            ))}
            {section.subsections.map((sub) => (
              <Stack key={sub.key} gap="md" pl={{ base: 0, sm: 'md' }}>
                <Heading part={sub} order={3} comments={comments?.bySection.get(sub.key) ?? []} />
                {sub.fields.map((f) => (
                  <FieldBlock key={f.key} field={f} p={props} />
                ))}
              </Stack>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
