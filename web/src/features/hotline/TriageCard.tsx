import { Alert, Button, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconBulb, IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accentInsensitiveFilter, UnitSelect } from '../../components/UnitSelect';
import { inLanguage } from '../../components/workflow/work';
import { formatDate, sortVi } from '../../lib/format';
import { hotlineKeys, listCategories, triageCase, type CaseDetail, type Classification } from './api';
import { CaseError } from './CaseError';
import { CLASSIFICATIONS, needsUnit } from './labels';
import { Section, useAfterStep, useReloadCase, ReasonField } from './parts';

type Errors = Partial<Record<'classification' | 'unit' | 'reason' | 'forwardedTo', string>>;

/**
 * Triage (Decree 20/2008/NĐ-CP, art. 10–13): the four outcomes, each with what it means; a unit for the two
 * that give the case to one (prefilled with the routing table's suggestion), the reason the submitter reads
 * for a refusal, the competent body for one outside the province's authority; the category may be changed.
 */
export function TriageCard({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const after = useAfterStep(c.id);
  const reload = useReloadCase(c.id);
  const categories = useQuery({
    queryKey: hotlineKeys.categories,
    queryFn: listCategories,
    staleTime: 10 * 60_000,
  });
  const currentCategory = c.categoryId;
  const categoryOptions = useMemo(
    () =>
      sortVi(
        (categories.data?.items ?? [])
          .filter((x) => x.active || x.id === currentCategory)
          .map((x) => ({ value: x.id, label: inLanguage(x.name, i18n.language) })),
        (o) => o.label,
      ),
    [categories.data, i18n.language, currentCategory],
  );

  const suggested = c.suggestion?.unit ?? null;
  const [classification, setClassification] = useState<Classification | null>(null);
  const [unitId, setUnitId] = useState<string | null>(suggested?.id ?? null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [forwardedTo, setForwardedTo] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const category = categoryId ?? currentCategory;

  const triage = useMutation({
    mutationFn: () =>
      triageCase(c.id, {
        version: c.version,
        classification: classification!,
        categoryId: category,
        handlingUnitId: needsUnit(classification) ? unitId : null,
        reason:
          classification === 'not_accepted'
            ? reason.trim()
            : classification === 'outside_authority'
              ? note.trim() || null
              : null,
        forwardedTo: classification === 'outside_authority' ? forwardedTo.trim() : null,
      }),
    onSuccess: (detail) =>
      after({
        detail,
        color: detail.status === 'not_accepted' ? 'gray' : 'green',
        title:
          detail.status === 'assigned'
            ? t('hotline.triage.doneAssigned', {
                unit: detail.handlingUnit?.name ?? '',
                date: formatDate(detail.dueDate),
              })
            : detail.status === 'forwarded'
              ? t('hotline.triage.doneForwarded', { agency: detail.forwardedTo })
              : t('hotline.triage.doneNotAccepted'),
      }),
  });

  const submit = () => {
    const next: Errors = {};
    if (!classification) next.classification = t('hotline.triage.pickOutcome');
    if (needsUnit(classification) && !unitId) next.unit = t('hotline.triage.unitRequired');
    if (classification === 'not_accepted' && !reason.trim()) next.reason = t('hotline.triage.reasonRequired');
    if (classification === 'outside_authority' && !forwardedTo.trim())
      next.forwardedTo = t('hotline.triage.agencyRequired');
    setErrors(next);
    if (Object.keys(next).length === 0) triage.mutate();
  };

  const submitLabel =
    classification === 'not_accepted'
      ? t('hotline.triage.submitNotAccepted')
      : classification === 'outside_authority'
        ? t('hotline.triage.submitForward')
        : t('hotline.triage.submitAssign');

  return (
    <Section title={t('hotline.triage.title')} testId="case-triage">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('hotline.triage.lead', { date: formatDate(c.triageDueDate) })}
          </Text>
          <Radio.Group
            label={t('hotline.triage.outcome')}
            withAsterisk
            value={classification}
            onChange={(v) => {
              setClassification(v as Classification);
              setErrors({});
              triage.reset();
            }}
            error={errors.classification}
            data-testid="triage-outcome"
          >
            <Stack gap="xs" mt={6}>
              {CLASSIFICATIONS.map((k) => (
                <Radio.Card key={k} value={k} radius="md" p="sm" withBorder data-testid={`triage-${k}`}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator mt={2} />
                    <div>
                      <Text size="sm" fw={600}>
                        {t(`hotline.classification.${k}`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`hotline.triage.explain.${k}`)}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>

          {needsUnit(classification) && (
            <Stack gap={4}>
              <UnitSelect
                label={t('hotline.fields.handlingUnit')}
                withAsterisk
                value={unitId}
                onChange={(v) => {
                  setUnitId(v);
                  setErrors((x) => ({ ...x, unit: undefined }));
                }}
                error={errors.unit}
                data-testid="triage-unit"
              />
              {suggested ? (
                <Group gap={6} wrap="nowrap" align="flex-start" data-testid="triage-suggestion">
                  <IconBulb
                    size={16}
                    color="var(--mantine-color-yellow-7)"
                    aria-hidden
                    style={{ flexShrink: 0 }}
                  />
                  <Text size="xs" c="dimmed">
                    {t('hotline.triage.suggested', { unit: suggested.name })}
                    {unitId !== suggested.id && (
                      <>
                        {' '}
                        <Button
                          variant="subtle"
                          size="compact-xs"
                          onClick={() => setUnitId(suggested.id)}
                          data-testid="triage-use-suggestion"
                        >
                          {t('hotline.triage.useSuggestion')}
                        </Button>
                      </>
                    )}
                  </Text>
                </Group>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('hotline.triage.noSuggestion')}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('hotline.triage.deadlineHint')}
              </Text>
            </Stack>
          )}

          {classification === 'not_accepted' && (
            <ReasonField
              label={t('hotline.triage.reason')}
              description={t('hotline.triage.reasonHint')}
              value={reason}
              onChange={(v) => {
                setReason(v);
                setErrors((x) => ({ ...x, reason: undefined }));
              }}
              error={errors.reason}
              testId="triage-reason"
            />
          )}

          {classification === 'outside_authority' && (
            <>
              <TextInput
                label={t('hotline.triage.agency')}
                description={t('hotline.triage.agencyHint')}
                withAsterisk
                maxLength={300}
                value={forwardedTo}
                onChange={(e) => {
                  setForwardedTo(e.currentTarget.value);
                  setErrors((x) => ({ ...x, forwardedTo: undefined }));
                }}
                error={errors.forwardedTo}
                data-testid="triage-agency"
              />
              <Textarea
                label={t('hotline.triage.note')}
                description={t('hotline.triage.noteHint')}
                autosize
                minRows={2}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                data-testid="triage-note"
              />
            </>
          )}

          {classification && (
            <Select
              label={t('hotline.fields.category')}
              description={t('hotline.triage.categoryHint')}
              data={categoryOptions}
              value={category}
              onChange={setCategoryId}
              searchable
              filter={accentInsensitiveFilter}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="triage-category"
            />
          )}

          {classification === 'not_accepted' && (
            <Alert color="gray" p="xs">
              <Text size="xs">{t('hotline.triage.notAcceptedWarning')}</Text>
            </Alert>
          )}

          <CaseError error={triage.error} onReload={() => void reload().then(() => triage.reset())} />
          <Group justify="flex-end">
            <Button
              type="submit"
              color={classification === 'not_accepted' ? 'gray' : undefined}
              leftSection={<IconCheck size={16} aria-hidden />}
              loading={triage.isPending}
              disabled={!classification}
              data-testid="triage-submit"
            >
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
