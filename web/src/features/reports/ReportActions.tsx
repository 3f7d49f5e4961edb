import { ActionIcon, Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { accentInsensitiveFilter } from '../../components/UnitSelect';
import { formatDate } from '../../lib/format';
import type { Report } from './api';
import { useLocalText } from './form/language';
import { numberingOf, type Comment, type FormDefinition } from './form/model';
import { RefusalAlert } from './form/ProblemSummary';

/** The picker's value for "the whole report" (the API's target ''); never a key (keys are a-z0-9_). */
const WHOLE = '(whole)';

/** What a reviewer may comment on: the whole report, a section, a subsection or a field (labelled, never keys). */
export function useCommentTargets(form: FormDefinition) {
  const { t } = useTranslation();
  const text = useLocalText();
  return useMemo(() => {
    const out: { value: string; label: string }[] = [{ value: WHOLE, label: t('reports.return.whole') }];
    for (const s of form.sections) {
      const sn = numberingOf(s);
      out.push({
        value: s.key,
        label: t('reports.return.section', { title: `${sn} ${text(s.title)}`.trim() }),
      });
      for (const f of s.fields) out.push({ value: f.key, label: `${sn} — ${text(f.label)}` });
      for (const sub of s.subsections) {
        const n = numberingOf(s, sub);
        out.push({
          value: sub.key,
          label: t('reports.return.section', { title: `${n} ${text(sub.title)}`.trim() }),
        });
        for (const f of sub.fields) out.push({ value: f.key, label: `${n} — ${text(f.label)}` });
      }
    }
    return out;
  }, [form, t, text]);
}

/**
 * The reviewer returns a report: a reason (required) and, optionally, comments on parts of it — picked
 * from the report's sections and fields, several — that the unit then sees next to what they are about.
 */
export function ReturnModal({
  report,
  opened,
  onClose,
  onSubmit,
  pending,
  error,
}: {
  report: Report;
  opened: boolean;
  onClose: () => void;
  onSubmit: (input: { reason: string; comments: Comment[] }) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const targets = useCommentTargets(report.form.definition);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [comments, setComments] = useState<Comment[]>([]);
  const [target, setTarget] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const labelOf = (key: string) =>
    targets.find((x) => x.value === (key || WHOLE))?.label ?? t('reports.return.whole');
  const targetKey = target && target !== WHOLE ? target : '';
  const add = () => {
    if (!draft.trim()) return;
    setComments([...comments, { target: targetKey, text: draft.trim() }]);
    setDraft('');
    setTarget(null);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('reports.actions.return')} size="lg" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setReasonError(t('reports.return.reasonRequired'));
            return;
          }
          // A comment typed but not added yet is sent too.
          const all = draft.trim() ? [...comments, { target: targetKey, text: draft.trim() }] : comments;
          onSubmit({ reason: reason.trim(), comments: all });
        }}
        data-testid="report-return-form"
      >
        <Stack gap="sm">
          <RefusalAlert form={report.form.definition} error={error} />
          <Textarea
            label={t('reports.return.reason')}
            description={t('reports.return.reasonHint')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            error={reasonError}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(null);
            }}
            data-testid="report-return-reason"
          />
          <Paper withBorder p="sm" radius="md">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('reports.return.comments')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('reports.return.commentsHint')}
              </Text>
              {comments.map((c, i) => (
                <Group key={i} wrap="nowrap" align="flex-start" gap="xs" data-testid="report-return-comment">
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="xs" fw={600} c="orange.8">
                      {labelOf(c.target)}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.text}
                    </Text>
                  </div>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setComments(comments.filter((_, j) => j !== i))}
                    aria-label={t('reports.return.removeComment')}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Select
                label={t('reports.return.target')}
                placeholder={t('reports.return.targetPlaceholder')}
                data={targets}
                value={target}
                onChange={setTarget}
                searchable
                clearable
                filter={accentInsensitiveFilter}
                maxDropdownHeight={280}
                comboboxProps={{ withinPortal: true }}
                data-testid="report-return-target"
              />
              <Textarea
                label={t('reports.return.commentText')}
                autosize
                minRows={2}
                maxLength={2000}
                value={draft}
                onChange={(e) => setDraft(e.currentTarget.value)}
                data-testid="report-return-comment-text"
              />
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={!draft.trim()}
                  onClick={add}
                  data-testid="report-return-comment-add"
                >
                  {t('reports.return.addComment')}
                </Button>
              </Group>
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={pending} data-testid="report-return-submit">
              {t('reports.actions.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const nextDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y!, m! - 1, d! + 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** The standing agency extends one unit's deadline: a later date and the reason. */
export function ExtendModal({
  report,
  opened,
  onClose,
  onSubmit,
  pending,
  error,
}: {
  report: Report;
  opened: boolean;
  onClose: () => void;
  onSubmit: (input: { newDueDate: string; reason: string }) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ date?: string; reason?: string }>({});
  return (
    <Modal opened={opened} onClose={onClose} title={t('reports.actions.extend')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const next = {
            date: date ? undefined : t('reports.extend.dateRequired'),
            reason: reason.trim() ? undefined : t('reports.extend.reasonRequired'),
          };
          setErrors(next);
          if (next.date || next.reason || !date) return;
          onSubmit({ newDueDate: date, reason: reason.trim() });
        }}
        data-testid="report-extend-form"
      >
        <Stack gap="sm">
          <Text size="sm">{t('reports.extend.current', { date: formatDate(report.dueDate) })}</Text>
          <RefusalAlert form={report.form.definition} error={error} />
          <DateField
            label={t('reports.extend.newDate')}
            withAsterisk
            value={date}
            onChange={(v) => {
              setDate(v);
              setErrors((x) => ({ ...x, date: undefined }));
            }}
            minDate={nextDay(report.dueDate)}
            error={errors.date}
            data-testid="report-extend-date"
          />
          <Textarea
            label={t('reports.extend.reason')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            error={errors.reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setErrors((x) => ({ ...x, reason: undefined }));
            }}
            data-testid="report-extend-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="teal" loading={pending} data-testid="report-extend-submit">
              {t('reports.actions.extend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
