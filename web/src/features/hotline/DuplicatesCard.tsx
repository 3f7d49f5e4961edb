import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import { mergeCase, type CaseDetail, type Duplicate } from './api';
import { CaseStatusBadge } from './badges';
import { CaseError } from './CaseError';
import { likeness, reasonKeys } from './labels';
import { ConfirmDialog } from './Dialogs';
import { Section, useAfterStep, useReloadCase } from './parts';

const LIKENESS_COLOR = { high: 'red', medium: 'orange', low: 'gray' } as const;

/**
 * Earlier cases that may be about the same matter (the server's suggestions, with their reasons in words);
 * the office may merge this case into one of them: it closes, and its submitter follows the other.
 */
export function DuplicatesCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const after = useAfterStep(c.id);
  const reload = useReloadCase(c.id);
  const [into, setInto] = useState<Duplicate | null>(null);
  const canMerge = c.officeActions.includes('merge');
  const merge = useMutation({
    mutationFn: (d: Duplicate) => mergeCase(c.id, { version: c.version, intoId: d.id }),
    onSuccess: async (detail, d) => {
      setInto(null);
      await after({ detail, color: 'gray', title: t('hotline.duplicates.done', { code: d.code }) });
    },
  });
  if (c.duplicates.length === 0) return null;
  return (
    <Section title={t('hotline.duplicates.title', { count: c.duplicates.length })} testId="case-duplicates">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('hotline.duplicates.lead')}
        </Text>
        {c.duplicates.map((d) => {
          const level = likeness(d.score);
          return (
            <Paper key={d.id} withBorder radius="md" p="sm" data-testid="case-duplicate">
              <Stack gap={4}>
                <Group gap={6} wrap="wrap">
                  <Badge variant="default" radius="sm" ff="monospace">
                    {d.code}
                  </Badge>
                  <CaseStatusBadge status={d.status} size="sm" />
                  <Badge
                    color={LIKENESS_COLOR[level]}
                    variant="light"
                    size="sm"
                    data-testid="duplicate-score"
                  >
                    {t(`hotline.duplicates.likeness.${level}`, {
                      percent: formatNumber(Math.round(d.score * 100), 0),
                    })}
                  </Badge>
                </Group>
                <Anchor
                  size="sm"
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                  renderRoot={(props) => <Link to="/hotline/$id" params={{ id: d.id }} {...props} />}
                >
                  {d.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('hotline.list.receivedOn', { date: formatDate(d.receivedOn) })}
                  {d.reasons.length > 0 &&
                    ` · ${t('hotline.duplicates.because', {
                      reasons: reasonKeys(d)
                        .map((k) => t(k))
                        .join(', '),
                    })}`}
                </Text>
                {canMerge && (
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      variant="light"
                      color="gray"
                      leftSection={<IconArrowMerge size={14} aria-hidden />}
                      onClick={() => {
                        merge.reset();
                        setInto(d);
                      }}
                      data-testid="duplicate-merge"
                    >
                      {t('hotline.duplicates.merge')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <ConfirmDialog
        opened={!!into}
        onClose={() => setInto(null)}
        title={t('hotline.duplicates.confirmTitle')}
        confirmLabel={t('hotline.duplicates.merge')}
        color="gray"
        loading={merge.isPending}
        onConfirm={() => into && merge.mutate(into)}
        testId="merge"
      >
        <Text size="sm">
          {into && t('hotline.duplicates.confirm', { code: c.code, into: into.code, title: into.title })}
        </Text>
        <CaseError
          error={merge.error}
          onReload={() => {
            setInto(null);
            void reload();
          }}
        />
      </ConfirmDialog>
    </Section>
  );
}
