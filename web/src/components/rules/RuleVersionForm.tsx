/**
 * What every form of a new rule version has (the hotline's deadlines, the inspections' numbers): the draft and
 * the problems on its fields (`useRuleVersionDraft`), and the frame (`RuleVersionFormShell`) — the day it applies
 * from (today or later), its name, the rules' own fields (the page's), its sources in both languages, a note,
 * what went wrong, Cancel and Save. The numbers' rules are the server's: each problem it finds is said under its
 * field; a version already from that day (409) is said under the date.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../../lib/api';
import { formatDate, isoDate } from '../../lib/format';
import { DateField } from '../DateField';
import { ErrorAlert } from '../ErrorAlert';
import { BasisEditor, FormSection, useFocusFirstInvalid } from './RuleParts';
import type { FieldMessage, VersionDraftHead } from './ruleVersions';

/** Fields side by side keep their boxes on one line, whatever the length of their labels and hints. */
export const ALIGN_INPUTS = { alignItems: 'end' } as const;

export type { VersionDraftHead } from './ruleVersions';

export type RuleVersionDraft<D extends VersionDraftHead> = {
  draft: D;
  /** Changes the draft and clears the problems of the fields named in `clear` (and the form's own). */
  update: (patch: Partial<D>, clear: string[]) => void;
  /** The problem to show under a field, in the reader's language. */
  message: (field: string) => string | undefined;
  /** Problems are shown on the fields (the form's alert then says to check them). */
  placed: boolean;
  /** The failed save whose problems are on the fields (not repeated as a whole). */
  placedError: unknown;
  formRef: RefObject<HTMLFormElement | null>;
  /** Marks the fields still empty as required (true when there are any: do not save). */
  refuseMissing: (missing: readonly string[]) => boolean;
  /** A refused save: 409 under the date, 400's problems on their fields. */
  onSaveError: (error: unknown) => void;
};

/**
 * A version's draft and the problems on its fields. `texts` holds the form's texts (`dateTaken` with `{{date}}`),
 * `problems` the words of the page's own messages (`required`, `invalid`, …); `place` puts the server's 400
 * details on the fields (`placeProblems` with the page's paths).
 */
export function useRuleVersionDraft<D extends VersionDraftHead>(
  initial: () => D,
  options: {
    texts: string;
    problems: string;
    place: (details: readonly FieldError[], code: string) => Map<string, FieldMessage>;
  },
): RuleVersionDraft<D> {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<Map<string, FieldMessage>>(new Map());
  const [placedError, setPlacedError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save (a field left empty, or the server's problems), the first field marked comes into view
  // with the focus.
  const refuse = useFocusFirstInvalid(formRef);

  const update = (patch: Partial<D>, clear: string[]) => {
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
    return 'text' in m ? m.text : t(`${options.problems}.${m.key}`, m.values ?? {});
  };
  const refuseMissing = (missing: readonly string[]) => {
    if (!missing.length) {
      setErrors(new Map());
      return false;
    }
    setErrors(new Map(missing.map((f) => [f, { key: 'required' }])));
    refuse();
    return true;
  };
  const onSaveError = (e: unknown) => {
    // A version already from that day, or the problems the server names: said under their fields.
    if (!(e instanceof ApiError)) return;
    if (e.status === 409) {
      const date = formatDate(draft.validFrom);
      setErrors(new Map([['validFrom', { text: t(`${options.texts}.dateTaken`, { date }) }]]));
      setPlacedError(e);
      refuse();
    } else if (e.status === 400 && e.details.length) {
      setErrors(options.place(e.details, e.code));
      setPlacedError(e);
      refuse();
    }
  };
  return {
    draft,
    update,
    message,
    placed: errors.size > 0,
    placedError,
    formRef,
    refuseMissing,
    onSaveError,
  };
}

/**
 * The frame of a new version's form: title and lead, the date and the name, the page's fields (`children`), the
 * sources, the note, what went wrong and the buttons. The texts are the page's, under `texts` (`title`, `lead`,
 * `validFrom`, `validFromHint`, `version`, `versionHint`, `versionPlaceholder`, `basis`, `basisHint`, `basisVi`,
 * `basisEn`, `removeBasis`, `addBasis`, `note`, `save`); `checkFields` says to check the fields marked.
 */
export function RuleVersionFormShell<D extends VersionDraftHead>({
  form,
  texts,
  checkFields,
  noteMaxLength,
  error,
  saving,
  onSubmit,
  onCancel,
  children,
}: {
  form: RuleVersionDraft<D>;
  texts: string;
  checkFields: string;
  noteMaxLength: number;
  /** The save's error, if any. */
  error: unknown;
  saving: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { draft, update, message, placed } = form;
  const F = (k: string) => t(`${texts}.${k}`);
  const rulesChecked = error instanceof ApiError && error.code === 'RULES_INVALID';
  return (
    <Card withBorder padding="lg" data-testid="rule-form">
      <form
        ref={form.formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
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
              onChange={(v) => update({ validFrom: v } as Partial<D>, ['validFrom'])}
              minDate={isoDate()}
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
              onChange={(e) => update({ version: e.currentTarget.value } as Partial<D>, ['version'])}
              error={message('version')}
              data-testid="rule-version-name-input"
            />
          </SimpleGrid>

          {children}

          <FormSection title={F('basis')}>
            <Text size="xs" c="dimmed">
              {F('basisHint')}
            </Text>
            <BasisEditor
              basis={draft.basis}
              onChange={(basis) => update({ basis } as Partial<D>, ['basis'])}
              error={message('basis')}
              texts={texts}
            />
          </FormSection>

          <Textarea
            label={F('note')}
            autosize
            minRows={2}
            maxLength={noteMaxLength}
            value={draft.note}
            onChange={(e) => update({ note: e.currentTarget.value } as Partial<D>, ['note'])}
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
                checkFields,
                message('form'),
              ]
                .filter(Boolean)
                .join(' ')}
            </Alert>
          ) : (
            error !== form.placedError && <ErrorAlert error={error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="rule-save">
              {F('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
