import {
  Alert,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import { formatNumber, sortVi } from '../../lib/format';
import { createSurvey, listSurveys, listTemplates, surveyKeys, type Template } from './api';
import { kindLabel, textIn } from './labels';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

type Source = 'template' | 'copy';

const validYear = (y: number | string): y is number =>
  typeof y === 'number' && Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;

/** A template's short name ("SIPAS — Khảo sát sự hài lòng"), its title when chidao has no short name for it. */
function templateName(t: ReturnType<typeof useTranslation>['t'], tpl: Template, lang: string) {
  return t(`surveys.templates.${tpl.key}`, { defaultValue: textIn(tpl.title, lang) });
}

/**
 * "Tạo khảo sát": a new survey from a template chidao ships (SIPAS, DDCI-like, the PAR Index's sociological survey)
 * or a copy of an earlier survey (its latest questionnaire and its targets), for a year; title, anonymity (on by
 * default), dates and the PAR Index year its indices feed. Opens the new survey.
 */
export function CreateSurveyModal({
  opened,
  year: initialYear,
  onClose,
}: {
  opened: boolean;
  year: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source>('template');
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const [copyOf, setCopyOf] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>(initialYear);
  const [title, setTitle] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [opensOn, setOpensOn] = useState<string | null>(null);
  const [closesOn, setClosesOn] = useState<string | null>(null);
  const [parYear, setParYear] = useState<number | string>('');
  const [tried, setTried] = useState(false);

  const templates = useQuery({ queryKey: surveyKeys.templates, queryFn: listTemplates, enabled: opened });
  // Earlier surveys to copy: last year's and this year's (the usual "copy last year's" and a second run).
  const lastYear = useQuery({
    queryKey: surveyKeys.list(initialYear - 1),
    queryFn: () => listSurveys(initialYear - 1),
    enabled: opened && source === 'copy',
  });
  const thisYear = useQuery({
    queryKey: surveyKeys.list(initialYear),
    queryFn: () => listSurveys(initialYear),
    enabled: opened && source === 'copy',
  });
  const earlier = sortVi(
    [...(thisYear.data?.items ?? []), ...(lastYear.data?.items ?? [])],
    (s) => `${3000 - s.year} ${s.title}`,
  );
  const template = templates.data?.items.find((x) => x.key === templateKey) ?? null;

  const datesWrong = !!opensOn && !!closesOn && closesOn < opensOn;
  const parYearValue = parYear === '' ? null : parYear;
  const parYearWrong = parYearValue !== null && !validYear(parYearValue);
  const sourceMissing = source === 'template' ? !templateKey : !copyOf;
  const valid = validYear(year) && !datesWrong && !parYearWrong && !sourceMissing;

  const create = useMutation({
    mutationFn: () =>
      createSurvey({
        ...(source === 'template' ? { templateKey: templateKey! } : { copyOf: copyOf! }),
        year: year as number,
        ...(title.trim() ? { title: title.trim() } : {}),
        anonymous,
        opensOn,
        closesOn,
        parYear: parYearValue as number | null,
      }),
    onSuccess: async (created) => {
      notifications.show({ color: 'green', message: t('surveys.create.done', { year: created.year }) });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      close();
      await navigate({ to: '/surveys/$id', params: { id: created.id } });
    },
  });

  function close() {
    create.reset();
    setTried(false);
    setTemplateKey(null);
    setCopyOf(null);
    setTitle('');
    setAnonymous(true);
    setOpensOn(null);
    setClosesOn(null);
    setParYear('');
    onClose();
  }

  const fieldError = (field: string) =>
    create.error instanceof ApiError ? create.error.fieldMessage(field) : undefined;

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('surveys.create.title')}
      onSubmit={() => {
        setTried(true);
        if (valid) create.mutate();
      }}
      saving={create.isPending}
      submitLabel={t('surveys.create.submit')}
      testId="survey-create-modal"
      submitTestId="survey-create-submit"
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="survey-create-source">
          {t('surveys.create.source')}
        </Text>
        <SegmentedControl
          aria-labelledby="survey-create-source"
          value={source}
          onChange={(v) => setSource(v as Source)}
          data={[
            { value: 'template', label: t('surveys.create.fromTemplate') },
            { value: 'copy', label: t('surveys.create.fromCopy') },
          ]}
          data-testid="survey-create-source"
        />
      </Stack>
      {source === 'template' ? (
        <Select
          label={t('surveys.create.template')}
          placeholder={t('surveys.create.templatePick')}
          data={(templates.data?.items ?? []).map((x) => ({
            value: x.key,
            label: templateName(t, x, i18n.language),
          }))}
          value={templateKey}
          onChange={setTemplateKey}
          withAsterisk
          error={tried && !templateKey ? t('surveys.create.templateRequired') : fieldError('templateKey')}
          nothingFoundMessage={templates.isLoading ? t('common.loading') : t('common.nothingFound')}
          data-testid="survey-template-select"
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        <Select
          label={t('surveys.create.copyOf')}
          placeholder={t('surveys.create.copyPick')}
          data={earlier.map((s) => ({
            value: s.id,
            label: t('surveys.create.copyOption', { title: s.title, year: s.year }),
          }))}
          value={copyOf}
          onChange={setCopyOf}
          searchable
          withAsterisk
          error={tried && !copyOf ? t('surveys.create.copyRequired') : fieldError('copyOf')}
          nothingFoundMessage={
            lastYear.isLoading || thisYear.isLoading ? t('common.loading') : t('surveys.create.copyNone')
          }
          data-testid="survey-copy-select"
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {source === 'template' && template && (
        <Alert
          color="blue"
          variant="light"
          icon={<IconInfoCircle size={18} aria-hidden />}
          data-testid="survey-template-info"
        >
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {textIn(template.title, i18n.language)}
            </Text>
            <Text size="sm">
              {t('surveys.create.templateCounts', {
                kind: kindLabel(t, template.kind),
                sections: formatNumber(template.sections),
                items: formatNumber(template.items),
              })}
            </Text>
            {template.parCriteria.length > 0 && (
              <Text size="sm">
                {t('surveys.create.parCriteria', { list: template.parCriteria.join(', ') })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {template.legalBasis}
            </Text>
            {!template.confirmed && (
              <Text size="xs" c="orange.8">
                {t('surveys.create.unconfirmed')}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {source === 'copy' && (
        <Text size="sm" c="dimmed">
          {t('surveys.create.copyLead')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t('surveys.create.year')}
          value={year}
          onChange={setYear}
          min={MIN_YEAR}
          max={MAX_YEAR}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          withAsterisk
          error={
            tried && !validYear(year)
              ? t('surveys.create.yearInvalid', { min: MIN_YEAR, max: MAX_YEAR })
              : fieldError('year')
          }
          data-testid="survey-create-year"
        />
        <NumberInput
          label={t('surveys.create.parYear')}
          description={t('surveys.create.parYearHint')}
          value={parYear}
          onChange={setParYear}
          min={MIN_YEAR}
          max={MAX_YEAR}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          error={
            parYearWrong
              ? t('surveys.create.yearInvalid', { min: MIN_YEAR, max: MAX_YEAR })
              : fieldError('parYear')
          }
          data-testid="survey-create-par-year"
        />
      </SimpleGrid>
      <TextInput
        label={t('surveys.create.surveyTitle')}
        description={t('surveys.create.surveyTitleHint')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={300}
        placeholder={template ? textIn(template.title, i18n.language) : undefined}
        error={fieldError('title')}
        data-testid="survey-create-title"
      />
      <Switch
        label={t('surveys.create.anonymous')}
        description={t('surveys.create.anonymousHint')}
        checked={anonymous}
        onChange={(e) => setAnonymous(e.currentTarget.checked)}
        data-testid="survey-create-anonymous"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField
          label={t('surveys.create.opensOn')}
          value={opensOn}
          onChange={setOpensOn}
          error={fieldError('opensOn')}
          data-testid="survey-create-opens"
        />
        <DateField
          label={t('surveys.create.closesOn')}
          value={closesOn}
          onChange={setClosesOn}
          error={datesWrong ? t('surveys.create.datesOrder') : fieldError('closesOn')}
          data-testid="survey-create-closes"
        />
      </SimpleGrid>
      <ErrorAlert error={create.error} />
    </FormModal>
  );
}
