import { Box, Group, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CampaignStage } from './api';
import { STAGES } from './labels';

/**
 * The seven stages of a campaign as a track: the stages done ticked, the current one marked (and announced as the
 * current step), each with its date under it. Side by side on a wide screen, one under the other on a narrow one.
 */
export function StageTrack({
  stage,
  dateOf,
  vertical,
}: {
  stage: CampaignStage;
  /** The line under a stage (its deadline, the day it happened), if any. */
  dateOf: (s: CampaignStage) => string | undefined;
  vertical: boolean;
}) {
  const { t } = useTranslation();
  const active = STAGES.indexOf(stage);
  const allDone = stage === 'published';
  return (
    <Box
      component="ol"
      aria-label={t('parCampaign.header.stagesLabel')}
      data-testid="campaign-stages"
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'grid',
        gridTemplateColumns: vertical ? '1fr' : `repeat(${STAGES.length}, minmax(0, 1fr))`,
        gap: vertical ? 6 : 8,
      }}
    >
      {STAGES.map((s, i) => {
        const state = allDone || i < active ? 'done' : i === active ? 'current' : 'todo';
        const color = state === 'todo' ? 'var(--mantine-color-gray-3)' : 'var(--mantine-color-blue-6)';
        const date = dateOf(s);
        return (
          <Box
            component="li"
            key={s}
            aria-current={state === 'current' ? 'step' : undefined}
            data-testid={`campaign-stage-${s}`}
            data-state={state}
            style={{
              [vertical ? 'borderLeft' : 'borderTop']: `${state === 'current' ? 5 : 3}px solid ${color}`,
              [vertical ? 'paddingLeft' : 'paddingTop']: 8,
              background: state === 'current' ? 'var(--mantine-color-blue-0)' : undefined,
              borderRadius: 2,
              paddingBottom: 4,
              paddingRight: 4,
            }}
          >
            <Group gap={6} wrap="nowrap" align="flex-start">
              <ThemeIcon
                size={22}
                radius="xl"
                variant={state === 'todo' ? 'light' : 'filled'}
                color={state === 'todo' ? 'gray' : 'blue'}
                aria-hidden
                style={{ flexShrink: 0 }}
              >
                {state === 'done' ? (
                  <IconCheck size={14} />
                ) : (
                  <Text size="xs" fw={700} inherit>
                    {i + 1}
                  </Text>
                )}
              </ThemeIcon>
              <div style={{ minWidth: 0 }}>
                <Text
                  size="sm"
                  fw={state === 'current' ? 700 : 500}
                  c={state === 'todo' ? 'dimmed' : undefined}
                >
                  {t(`parCampaign.stages.${s}`)}
                </Text>
                {date && (
                  <Text size="xs" c="dimmed">
                    {date}
                  </Text>
                )}
                <VisuallyHidden>{t(`parCampaign.header.stageState.${state}`)}</VisuallyHidden>
              </div>
            </Group>
          </Box>
        );
      })}
    </Box>
  );
}
