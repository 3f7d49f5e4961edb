import { NumberInput, SimpleGrid, Switch, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import { surveyKeys, updateSurvey, type Survey } from './api';

/** The survey's settings (title, introduction, anonymity, dates, PAR year, note), saved with the version read. */
export function SettingsModal({ s, onClose }: { s: Survey; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(s.title);
  const [intro, setIntro] = useState(s.intro);
  const [anonymous, setAnonymous] = useState(s.anonymous);
  const [opensOn, setOpensOn] = useState<string | null>(s.opensOn);
  const [closesOn, setClosesOn] = useState<string | null>(s.closesOn);
  const [parYear, setParYear] = useState<number | string>(s.parYear ?? '');
  const [note, setNote] = useState(s.note);
  const [tried, setTried] = useState(false);
  const datesWrong = !!opensOn && !!closesOn && closesOn < opensOn;
  const parYearValue = parYear === '' ? null : Number(parYear);
  const parYearWrong =
    parYearValue !== null &&
    !(Number.isInteger(parYearValue) && parYearValue >= 2000 && parYearValue <= 2100);
  const valid = title.trim() !== '' && !datesWrong && !parYearWrong;

  const save = useMutation({
    mutationFn: () =>
      updateSurvey(s.id, {
        version: s.version,
        title: title.trim(),
        intro,
        anonymous,
        opensOn,
        closesOn,
        parYear: parYearValue,
        note,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('common.saved') });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      onClose();
    },
  });
  const stale = save.error instanceof ApiError && save.error.isStale;
  const fieldError = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('surveys.settings.title')}
      onSubmit={() => {
        setTried(true);
        if (valid) save.mutate();
      }}
      saving={save.isPending}
      submitLabel={t('common.save')}
      testId="survey-settings-modal"
      submitTestId="survey-settings-save"
    >
      <TextInput
        label={t('surveys.create.surveyTitle')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={300}
        withAsterisk
        error={tried && !title.trim() ? t('common.required') : fieldError('title')}
      />
      <Textarea
        label={t('surveys.settings.intro')}
        description={t('surveys.settings.introHint')}
        value={intro}
        onChange={(e) => setIntro(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <Switch
        label={t('surveys.create.anonymous')}
        description={t('surveys.create.anonymousHint')}
        checked={anonymous}
        disabled={s.status !== 'draft'}
        onChange={(e) => setAnonymous(e.currentTarget.checked)}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DateField
          label={t('surveys.create.opensOn')}
          value={opensOn}
          onChange={setOpensOn}
          error={fieldError('opensOn')}
        />
        <DateField
          label={t('surveys.create.closesOn')}
          value={closesOn}
          onChange={setClosesOn}
          error={datesWrong ? t('surveys.create.datesOrder') : fieldError('closesOn')}
        />
        <NumberInput
          label={t('surveys.create.parYear')}
          value={parYear}
          onChange={setParYear}
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          error={
            parYearWrong ? t('surveys.create.yearInvalid', { min: 2000, max: 2100 }) : fieldError('parYear')
          }
        />
      </SimpleGrid>
      <Textarea
        label={t('surveys.settings.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <ErrorAlert
        error={save.error}
        onReload={
          stale
            ? () => {
                onClose();
                void queryClient.invalidateQueries({ queryKey: surveyKeys.one(s.id) });
              }
            : undefined
        }
      />
    </FormModal>
  );
}
