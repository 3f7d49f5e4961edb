import { Button, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BasisList, Fact } from '../../../components/rules/RuleParts';
import { RuleVersionList } from '../../../components/rules/RuleVersionList';
import { inLanguage } from '../../../components/workflow/work';
import { RuleVersionForm } from './RuleVersionForm';
import { byDateDesc, isShippedDefault } from './settingsModel';
import type { RuleVersion, Settings } from './types';

/** One version's numbers, its deadlines by category, its sources and note, in the reader's language. */
function RulesSummary({ version, settings }: { version: RuleVersion; settings: Settings }) {
  const { t, i18n } = useTranslation();
  const r = version.rules;
  const days = (n: number) => t('hotlineSettings.rules.days', { count: n });
  const names = new Map(settings.categories.map((c) => [c.key, inLanguage(c.name, i18n.language)]));
  const byCategory = Object.entries(r.answer.byCategory ?? {});
  const L = (k: string) => t(`hotlineSettings.rules.labels.${k}`);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        <Fact label={L('triage')} value={days(r.triageWithinWorkingDays)} testId="rule-triage" />
        <Fact label={L('forward')} value={days(r.forwardWithinWorkingDays)} testId="rule-forward" />
        <Fact label={L('answerDefault')} value={days(r.answer.default)} testId="rule-answer-default" />
        <Fact
          label={L('withinAuthority')}
          value={
            r.answer.byClassification?.within_authority !== undefined
              ? days(r.answer.byClassification.within_authority)
              : t('hotlineSettings.rules.sameAsDefault')
          }
        />
        <Fact
          label={L('behaviour')}
          value={
            r.answer.byClassification?.behaviour !== undefined
              ? days(r.answer.byClassification.behaviour)
              : t('hotlineSettings.rules.sameAsDefault')
          }
        />
        <Fact
          label={L('statusUpdate')}
          value={t('hotlineSettings.rules.every', { count: r.statusUpdateEveryWorkingDays })}
        />
        <Fact
          label={L('dueSoon')}
          value={t('hotlineSettings.rules.whenLeft', { count: r.dueSoonWorkingDays })}
        />
        <Fact label={L('maxExtension')} value={days(r.maxExtensionWorkingDays)} />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {L('byCategory')}
        </Text>
        {byCategory.length === 0 ? (
          <Text size="sm">{t('hotlineSettings.rules.none')}</Text>
        ) : (
          <List size="sm" spacing={2} data-testid="rule-by-category">
            {byCategory.map(([key, n]) => (
              <List.Item key={key}>
                {names.get(key) ?? t('hotlineSettings.rules.unknownCategory')}: {days(n)}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {L('basis')}
        </Text>
        <BasisList basis={r.basis} />
      </Stack>
      {version.note && !isShippedDefault(version) && (
        <Fact label={L('note')} value={version.note} testId="rule-note" />
      )}
    </Stack>
  );
}

/**
 * The deadline rules as dated versions, the latest first: the one in force open, upcoming and replaced ones
 * with their dates and sources; the standing agency adds a version from a day on (cases keep theirs).
 */
export function RulesPanel({ settings, manage }: { settings: Settings; manage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const versions = byDateDesc(settings.rules.versions);
  const current = versions.find((v) => v.id === settings.rules.currentId) ?? versions[0];
  const [open, setOpen] = useState<string[]>(() => (current ? [current.id] : []));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={700}>
          {t('hotlineSettings.rules.intro')}
        </Text>
        {manage && !adding && current && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="rules-add"
          >
            {t('hotlineSettings.rules.add')}
          </Button>
        )}
      </Group>
      {adding && current && (
        <RuleVersionForm
          from={current.rules}
          settings={settings}
          onDone={(id) => {
            setAdding(false);
            if (id) setOpen((o) => [...new Set([...o, id])]);
          }}
        />
      )}
      <Title order={2} size="h4">
        {t('hotlineSettings.rules.historyTitle')}
      </Title>
      <RuleVersionList
        versions={versions}
        currentId={settings.rules.currentId}
        open={open}
        onOpenChange={setOpen}
        texts="hotlineSettings.rules"
      >
        {(v) => <RulesSummary version={v} settings={settings} />}
      </RuleVersionList>
    </Stack>
  );
}
