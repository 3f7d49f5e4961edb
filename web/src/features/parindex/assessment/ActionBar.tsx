import { Alert, Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { inLanguage } from '../../../components/workflow/work';
import { ApiError } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { actOnAssessment, assessmentKeys, type Assessment, type Score } from './api';
import { unscoredSelf, type PlacedItem } from './model';

/** The steps in the order they happen; the page shows those the server allows the caller now. */
const ORDER = ['submit', 'appraise_1', 'explain', 'appraise_2', 'finalise'] as const;
const LOOK: Record<string, Pick<ButtonProps, 'variant' | 'color'>> = {
  submit: { variant: 'filled' },
  explain: { variant: 'filled' },
  appraise_1: { variant: 'filled', color: 'violet' },
  appraise_2: { variant: 'filled', color: 'grape' },
  finalise: { variant: 'filled', color: 'green' },
};

/**
 * The step buttons (one per action the server allows: submit, appraise_1, explain, appraise_2, finalise), each
 * asked before it is taken — what it does, and what is still missing —; the answer says who acts next.
 */
export function ActionBar({
  assessment: a,
  items,
  scores,
  fullWidth,
}: {
  assessment: Assessment;
  items: readonly PlacedItem[];
  scores: ReadonlyMap<string, Score>;
  /** Buttons one under the other (the summary column). */
  fullWidth?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [action, setAction] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const actions = [
    ...ORDER.filter((x) => a.allowedActions.includes(x)),
    ...a.allowedActions.filter((x) => !(ORDER as readonly string[]).includes(x)),
  ];
  if (actions.length === 0) return null;

  const contested = a.scores.filter((s) => s.contested);
  const unexplained = contested.filter((s) => !s.explanation).length;
  const unscored = unscoredSelf(items, scores);
  const warning =
    action === 'submit' && unscored > 0
      ? t('parAssessment.actions.warnUnscored', { n: formatNumber(unscored) })
      : action === 'explain' && unexplained > 0
        ? t('parAssessment.actions.warnUnexplained', { n: formatNumber(unexplained) })
        : null;

  const go = async () => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      const r = await actOnAssessment(a.id, action, a.version);
      await qc.invalidateQueries({ queryKey: ['parindex'] });
      notifications.show({
        color: 'green',
        title: t(`parAssessment.actions.done.${action}`, {
          defaultValue: t('parAssessment.actions.doneAny'),
        }),
        message: r.next ? t('workflow.next', { who: inLanguage(r.next, i18n.language) }) : undefined,
      });
      setAction(null);
    } catch (e) {
      if (e instanceof ApiError && e.isStale) {
        setAction(null);
        await qc.invalidateQueries({ queryKey: assessmentKeys.one(a.id) });
        notifications.show({
          color: 'yellow',
          title: t('common.staleTitle'),
          message: t('parAssessment.actions.stale'),
        });
      } else {
        setError(e);
        if (e instanceof ApiError && e.status === 409)
          void qc.invalidateQueries({ queryKey: assessmentKeys.one(a.id) });
      }
    } finally {
      setBusy(false);
    }
  };

  const label = (x: string) => t(`parAssessment.actions.names.${x}`, { defaultValue: x });
  return (
    <>
      <Group gap="sm" wrap="wrap" grow={fullWidth} data-testid="par-actions">
        {actions.map((x) => (
          <Button
            key={x}
            size="md"
            {...(LOOK[x] ?? { variant: 'light' })}
            onClick={() => {
              setError(null);
              setAction(x);
            }}
            styles={
              fullWidth
                ? {
                    root: { height: 'auto', minHeight: 42, paddingBlock: 8 },
                    label: { whiteSpace: 'normal' },
                  }
                : undefined
            }
            data-testid={`par-action-${x}`}
          >
            {label(x)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? label(action) : ''}
        centered
        data-testid="par-action-modal"
      >
        <Stack gap="sm">
          {action && (
            <Text size="sm">
              {t(`parAssessment.actions.confirm.${action}`, {
                n: formatNumber(contested.length),
                defaultValue: t('parAssessment.actions.confirmAny'),
              })}
            </Text>
          )}
          {warning && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs">
              <Text size="sm">{warning}</Text>
            </Alert>
          )}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAction(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={go}
              loading={busy}
              {...(action ? (LOOK[action] ?? {}) : {})}
              data-testid="par-action-confirm"
            >
              {action ? label(action) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
