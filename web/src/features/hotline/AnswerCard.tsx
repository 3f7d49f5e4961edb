import { Anchor, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { formatDate, formatFileSize, formatNumber } from '../../lib/format';
import { actOnCase, answerFileHref, uploadAnswerFile, type CaseDetail } from './api';
import { CaseDeadline } from './badges';
import { CaseError } from './CaseError';
import { ReasonDialog } from './Dialogs';
import { FilesField, tooBigFile, useUploadRules } from './FilesField';
import { Section, useAfterStep, useReloadCase } from './parts';

const MAX_ANSWER = 5000;

/**
 * The handling unit's answer: the draft (from the one sent before, after a return), the files that go with
 * it, "Gửi dự thảo trả lời" to the receiving office for review; or, when the matter is not the unit's, a
 * request to send the case back with the reason (the office triages it again).
 */
export function AnswerCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const after = useAfterStep(c.id);
  const reload = useReloadCase(c.id);
  const rules = useUploadRules();
  const allowed = c.work?.allowedActions ?? [];
  // What the unit sent before (a draft returned by the office); nothing after a transfer (the draft is cleared).
  const previousFiles = c.answerDraft ? (c.work?.reported?.files ?? []) : [];
  const [answer, setAnswer] = useState(c.answerDraft);
  const [files, setFiles] = useState<File[]>([]);
  const [kept, setKept] = useState<string[]>(previousFiles.map((f) => f.id));
  const [errors, setErrors] = useState<{ answer?: string; files?: string }>({});
  const [referring, setReferring] = useState(false);

  const submit = useMutation({
    mutationFn: async () => {
      const fileIds = [...kept];
      for (const f of files) {
        try {
          fileIds.push((await uploadAnswerFile(c.id, f)).id);
        } catch (e) {
          if (e instanceof ApiError)
            setErrors((x) => ({ ...x, files: `${f.name}: ${e.fieldMessage('file') ?? e.message}` }));
          throw e;
        }
      }
      return actOnCase(c.id, {
        action: 'submit_answer',
        version: c.version,
        output: answer.trim(),
        fileIds,
      });
    },
    onSuccess: async (result) => {
      setFiles([]);
      await after({ title: t('hotline.answer.done'), next: result.next });
    },
  });
  const referBack = useMutation({
    mutationFn: (reason: string) => actOnCase(c.id, { action: 'refer_back', version: c.version, reason }),
    onSuccess: async (result) => {
      setReferring(false);
      await after({ color: 'orange', title: t('hotline.referBack.done'), next: result.next });
    },
  });

  if (!allowed.includes('submit_answer') && !allowed.includes('refer_back')) return null;
  return (
    <Section title={t('hotline.answer.title')} testId="case-answer">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const big = tooBigFile(files, rules.data?.maxBytes);
          const next = {
            answer: answer.trim() ? undefined : t('hotline.answer.required'),
            files: big
              ? t('hotline.files.tooBig', { name: big.name, max: formatFileSize(rules.data?.maxBytes ?? 0) })
              : undefined,
          };
          setErrors(next);
          if (!next.answer && !next.files) submit.mutate();
        }}
      >
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Text size="sm">{t('hotline.answer.lead')}</Text>
            <CaseDeadline c={c} />
          </Group>
          {allowed.includes('submit_answer') && (
            <>
              <Textarea
                label={t('hotline.answer.text')}
                description={t('hotline.answer.textHint')}
                withAsterisk
                autosize
                minRows={6}
                maxLength={MAX_ANSWER}
                value={answer}
                onChange={(e) => {
                  setAnswer(e.currentTarget.value);
                  setErrors((x) => ({ ...x, answer: undefined }));
                }}
                error={errors.answer}
                data-testid="answer-text"
              />
              <Text size="xs" c="dimmed" ta="right">
                {t('hotline.answer.length', {
                  n: formatNumber(answer.length),
                  max: formatNumber(MAX_ANSWER),
                })}
              </Text>
              {previousFiles.length > 0 && (
                <Stack gap={4} data-testid="answer-previous-files">
                  <Text size="sm" fw={500}>
                    {t('hotline.answer.previousFiles')}
                  </Text>
                  {previousFiles.map((f) => (
                    <Checkbox
                      key={f.id}
                      size="sm"
                      checked={kept.includes(f.id)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setKept(on ? [...kept, f.id] : kept.filter((id) => id !== f.id));
                      }}
                      label={
                        <Anchor href={answerFileHref(c.id, f.id)} target="_blank" rel="noopener" size="sm">
                          {f.originalName}
                        </Anchor>
                      }
                    />
                  ))}
                </Stack>
              )}
              <FilesField
                label={t('hotline.answer.files')}
                files={files}
                onChange={(f) => {
                  setFiles(f);
                  setErrors((x) => ({ ...x, files: undefined }));
                }}
                error={errors.files}
                testId="answer-files"
              />
            </>
          )}
          <CaseError error={submit.error} onReload={() => void reload().then(() => submit.reset())} />
          <Group justify="space-between" wrap="wrap" gap="xs">
            {allowed.includes('refer_back') ? (
              <Button
                variant="subtle"
                color="orange"
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={() => {
                  referBack.reset();
                  setReferring(true);
                }}
                data-testid="answer-refer-back"
              >
                {t('hotline.referBack.open')}
              </Button>
            ) : (
              <span />
            )}
            {allowed.includes('submit_answer') && (
              <Button
                type="submit"
                leftSection={<IconSend size={16} aria-hidden />}
                loading={submit.isPending}
                data-testid="answer-submit"
              >
                {t('hotline.answer.submit')}
              </Button>
            )}
          </Group>
          {c.answerDraft && c.work?.reported?.on && (
            <Text size="xs" c="dimmed">
              {t('hotline.answer.lastSent', { date: formatDate(c.work.reported.on) })}
              {c.work.reported.byName ? ` — ${c.work.reported.byName}` : ''}
            </Text>
          )}
        </Stack>
      </form>
      <ReasonDialog
        opened={referring}
        onClose={() => setReferring(false)}
        title={t('hotline.referBack.title')}
        lead={t('hotline.referBack.lead')}
        label={t('hotline.referBack.reason')}
        hint={t('hotline.referBack.reasonHint')}
        confirmLabel={t('hotline.referBack.submit')}
        color="orange"
        loading={referBack.isPending}
        onSubmit={(reason) => referBack.mutate(reason)}
        error={
          <CaseError
            error={referBack.error}
            onReload={() => {
              setReferring(false);
              void reload();
            }}
          />
        }
        testId="refer-back"
      />
    </Section>
  );
}
