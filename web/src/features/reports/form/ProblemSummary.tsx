import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import { fieldAnchor, goToField } from './FormRenderer';
import { fieldMap, type FormDefinition, type ProblemsPlaced } from './model';

type Line = { field: string | null; message: string; key: string };

function Lines({ form, lines, testId }: { form: FormDefinition; lines: readonly Line[]; testId: string }) {
  const fields = fieldMap(form);
  return (
    <List size="sm" spacing={2} mt={4} data-testid={testId}>
      {lines.map((l) => {
        const placed = l.field ? fields.get(l.field) : undefined;
        // The server's sentence names the field already; its place in the form leads it, and it links there.
        return (
          <List.Item key={l.key}>
            {placed ? (
              <Anchor
                href={`#${fieldAnchor(placed.field.key)}`}
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  goToField(placed.field.key);
                }}
                data-testid={`${testId}-link`}
              >
                {placed.numbering ? `${placed.numbering} — ` : ''}
                {l.message}
              </Anchor>
            ) : (
              l.message
            )}
          </List.Item>
        );
      })}
    </List>
  );
}

/**
 * What is still wrong with the values, at the top of the form: "Còn 3 lỗi", each a link that scrolls to its
 * field; then the warnings (they do not block sending).
 */
export function ProblemSummary({
  form,
  placed,
  problems,
  max = 12,
  draft = false,
}: {
  form: FormDefinition;
  placed: ProblemsPlaced;
  problems: readonly { key: string; field: string | null; severity: string; message: string }[];
  max?: number;
  /** The province's draft (nothing is "sent"): the title says so. */
  draft?: boolean;
}) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity !== 'warning');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const lines = (list: typeof problems) =>
    list
      .slice(0, max)
      .map((p, i) => ({ field: p.field, message: p.message, key: `${i}-${p.key}-${p.field}` }));
  return (
    <>
      {errors.length > 0 && (
        <Alert
          color="red"
          icon={<IconCircleX size={18} aria-hidden />}
          title={t(draft ? 'reports.form.draftErrorsLeft' : 'reports.form.errorsLeft', {
            count: placed.errors,
          })}
          data-testid="problem-summary"
        >
          <Lines form={form} lines={lines(errors)} testId="problem-summary-item" />
          {errors.length > max && (
            <Text size="sm" c="dimmed" mt={4}>
              {t('reports.form.andMore', { count: errors.length - max })}
            </Text>
          )}
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t(draft ? 'reports.form.draftWarningsLeft' : 'reports.form.warningsLeft', {
            count: placed.warnings,
          })}
          data-testid="warning-summary"
        >
          <Lines form={form} lines={lines(warnings)} testId="warning-summary-item" />
        </Alert>
      )}
    </>
  );
}

/**
 * A refused save or step: the server's sentence and, when it names fields, each as a link to the field
 * (never the field's key); a stale version offers to reload.
 */
export function RefusalAlert({
  form,
  error,
  onReload,
}: {
  form: FormDefinition;
  error: unknown;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!(error instanceof ApiError) || error.details.length === 0 || error.isStale)
    return <ErrorAlert error={error} onReload={onReload} />;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={t('common.errorTitle')}
      role="alert"
      data-testid="error-alert"
    >
      <Text size="sm">{error.message}</Text>
      <Lines
        form={form}
        lines={error.details.map((d, i) => ({ field: d.field, message: d.message, key: `${i}-${d.field}` }))}
        testId="refusal-item"
      />
    </Alert>
  );
}

/** The server's per-field messages of a refused request, by field key. */
export function detailsByField(error: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (error instanceof ApiError)
    for (const d of error.details) if (!map.has(d.field)) map.set(d.field, d.message);
  return map;
}
