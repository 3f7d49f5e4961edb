import { Stack, Text, Textarea } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { narrativeParagraphs, type FieldOf } from '../model';
import { useLocalText } from '../language';
import { ReadOnlyValue } from './ReadOnlyValue';
import type { FieldInputProps } from './types';

/** A narrative's paragraphs with their bold and italic runs, as text (never markup). */
export function NarrativeText({ text }: { text: string }) {
  return (
    <Stack gap={6}>
      {narrativeParagraphs(text).map((runs, i) => (
        <Text key={i} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {runs.map((r, j) => (
            <Fragment key={j}>
              {r.bold && r.italic ? (
                <strong>
                  <em>{r.text}</em>
                </strong>
              ) : r.bold ? (
                <strong>{r.text}</strong>
              ) : r.italic ? (
                <em>{r.text}</em>
              ) : (
                r.text
              )}
            </Fragment>
          ))}
        </Text>
      ))}
    </Stack>
  );
}

/** A narrative: a growing text box (one paragraph per line, **đậm** and *nghiêng* work), read as paragraphs. */
export function NarrativeField({
  field,
  value,
  onChange,
  readOnly,
  description,
  error,
  inputId,
}: FieldInputProps<FieldOf<'narrative'>>) {
  const { t } = useTranslation();
  const text = useLocalText();
  const label = text(field.label);
  const current = typeof value === 'string' ? value : '';
  if (readOnly)
    return (
      <ReadOnlyValue
        label={label}
        description={description}
        error={error}
        empty={!current.trim()}
        inputId={inputId}
      >
        <NarrativeText text={current} />
      </ReadOnlyValue>
    );
  return (
    <Textarea
      id={inputId}
      label={label}
      description={
        <>
          {description}
          {description ? ' ' : ''}
          {t('reports.form.narrativeHint')}
        </>
      }
      error={error}
      withAsterisk={field.required}
      autosize
      minRows={3}
      maxRows={18}
      maxLength={field.maxLength}
      value={current}
      onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
      data-testid="field-narrative"
    />
  );
}
