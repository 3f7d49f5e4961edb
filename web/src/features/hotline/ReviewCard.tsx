import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconShieldLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatFileSize } from '../../lib/format';
import { actOnCase, answerFileHref, type CaseDetail } from './api';
import { CaseError } from './CaseError';
import { ConfirmDialog, ReasonDialog } from './Dialogs';
import { Prose, Section, useAfterStep, useReloadCase } from './parts';

/** The draft answer the unit sent: its text, who sent it and when, its files. */
function Draft({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const reported = c.work?.reported ?? null;
  const files = reported?.files ?? [];
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-light)" data-testid="case-draft">
      <Stack gap={6}>
        {reported && (reported.byName || reported.on) && (
          <Text size="xs" c="dimmed">
            {[
              c.handlingUnit?.name,
              reported.byName,
              reported.on ? t('hotline.review.sentOn', { date: formatDate(reported.on) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        <Prose testId="case-draft-text">{c.answerDraft || reported?.output || ''}</Prose>
        {files.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('hotline.review.files', { count: files.length })}
            </Text>
            {files.map((f) => (
              <Text size="sm" key={f.id}>
                <Anchor href={answerFileHref(c.id, f.id)} target="_blank" rel="noopener">
                  {f.originalName}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  ({formatFileSize(f.size)})
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** What may be published with an answer (the server's rule too): images and PDFs. */
const PUBLISHABLE = ['image/jpeg', 'image/png', 'application/pdf'];
const publishable = (f: { mediaType: string }) => PUBLISHABLE.includes(f.mediaType);

/**
 * Which of the draft's files the public may download with the answer: images and PDFs ticked at first, others
 * cannot be (they stay in the case file); files are published as they are, so the office checks them first.
 */
function PublicFiles({
  c,
  value,
  onChange,
}: {
  c: CaseDetail;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const files = c.work?.reported?.files ?? [];
  if (!files.length) return null;
  return (
    <Checkbox.Group
      label={t('hotline.review.publicFiles')}
      description={t('hotline.review.publicFilesHint')}
      value={value}
      onChange={onChange}
      data-testid="approve-files"
    >
      <Stack gap={6} mt={6}>
        {files.map((f) => (
          <Checkbox
            key={f.id}
            value={f.id}
            disabled={!publishable(f)}
            label={
              <>
                <Anchor href={answerFileHref(c.id, f.id)} target="_blank" rel="noopener">
                  {f.originalName}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  ({formatFileSize(f.size)})
                </Text>
              </>
            }
            description={publishable(f) ? undefined : t('hotline.review.fileNotPublishable')}
            styles={{ label: { overflowWrap: 'anywhere' } }}
            data-testid="approve-file"
          />
        ))}
        {value.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('hotline.review.noPublicFiles')}
          </Text>
        )}
      </Stack>
    </Checkbox.Group>
  );
}

/**
 * The receiving office reviews the unit's draft (Decision 31/2021/QĐ-TTg, art. 8): returns it with a reason
 * the unit reads, or approves it — which publishes it with the submitter's personal data removed (the
 * dialog says so, lets the wording be adjusted first and the files to publish with it be chosen).
 */
export function ReviewCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const after = useAfterStep(c.id);
  const reload = useReloadCase(c.id);
  const allowed = c.work?.allowedActions ?? [];
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const draft = c.answerDraft || c.work?.reported?.output || '';
  const [text, setText] = useState(draft);
  const [missing, setMissing] = useState(false);
  const draftFiles = c.work?.reported?.files ?? [];
  const [publicIds, setPublicIds] = useState<string[]>([]);
  useEffect(() => {
    if (dialog === 'approve') {
      setText(draft);
      setMissing(false);
      setPublicIds(draftFiles.filter(publishable).map((f) => f.id));
    }
  }, [dialog]);

  const approve = useMutation({
    mutationFn: () =>
      actOnCase(c.id, {
        action: 'approve',
        version: c.version,
        // Only a changed wording is sent: otherwise the unit's draft is published as sent.
        ...(text.trim() !== draft.trim() ? { output: text.trim() } : {}),
        // The files ticked become public (none ticked: none); the others stay in the case file.
        ...(draftFiles.length ? { fileIds: publicIds } : {}),
      }),
    onSuccess: async () => {
      setDialog(null);
      await after({ title: t('hotline.review.approved') });
    },
  });
  const ret = useMutation({
    mutationFn: (reason: string) => actOnCase(c.id, { action: 'return', version: c.version, reason }),
    onSuccess: async (result) => {
      setDialog(null);
      await after({
        color: 'orange',
        title: t('hotline.review.returned', { unit: c.handlingUnit?.name ?? '' }),
        next: result.next,
      });
    },
  });
  const onReload = () => {
    setDialog(null);
    void reload();
  };

  if (!allowed.includes('approve') && !allowed.includes('return')) return null;
  return (
    <Section title={t('hotline.review.title')} testId="case-review">
      <Stack gap="sm">
        <Text size="sm">{t('hotline.review.lead', { unit: c.handlingUnit?.name ?? '' })}</Text>
        <Draft c={c} />
        <Group justify="flex-end" gap="xs" wrap="wrap">
          {allowed.includes('return') && (
            <Button
              variant="light"
              color="orange"
              leftSection={<IconArrowBackUp size={16} aria-hidden />}
              onClick={() => {
                ret.reset();
                setDialog('return');
              }}
              data-testid="review-return"
            >
              {t('hotline.review.return')}
            </Button>
          )}
          {allowed.includes('approve') && (
            <Button
              color="green"
              leftSection={<IconCheck size={16} aria-hidden />}
              onClick={() => {
                approve.reset();
                setDialog('approve');
              }}
              data-testid="review-approve"
            >
              {t('hotline.review.approve')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={dialog === 'approve'}
        onClose={() => setDialog(null)}
        title={t('hotline.review.approveTitle')}
        confirmLabel={t('hotline.review.approve')}
        color="green"
        loading={approve.isPending}
        onConfirm={() => {
          if (!text.trim()) {
            setMissing(true);
            return;
          }
          approve.mutate();
        }}
        testId="approve"
        size="lg"
      >
        <Alert color="blue" icon={<IconShieldLock size={18} aria-hidden />} p="sm">
          <Text size="sm">{t('hotline.review.privacy')}</Text>
        </Alert>
        <Textarea
          label={t('hotline.review.publishedText')}
          description={t('hotline.review.publishedTextHint')}
          autosize
          minRows={6}
          maxRows={16}
          maxLength={5000}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('hotline.answer.required') : undefined}
          data-testid="approve-text"
        />
        <PublicFiles c={c} value={publicIds} onChange={setPublicIds} />
        <CaseError error={approve.error} onReload={onReload} />
      </ConfirmDialog>
      <ReasonDialog
        opened={dialog === 'return'}
        onClose={() => setDialog(null)}
        title={t('hotline.review.returnTitle')}
        label={t('hotline.review.returnReason')}
        hint={t('hotline.review.returnReasonHint', { unit: c.handlingUnit?.name ?? '' })}
        confirmLabel={t('hotline.review.return')}
        color="orange"
        loading={ret.isPending}
        onSubmit={(reason) => ret.mutate(reason)}
        error={<CaseError error={ret.error} onReload={onReload} />}
        testId="return"
      />
    </Section>
  );
}
