import { Button, Group, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Each action's look, by what it means (issue 12: verify, return and cancel were all red side by side and
 * "Mở lại" red on every verified row): the step that moves the work on is filled — verify and accept green,
 * report and submit the primary colour; a return sends it back (orange, light); a cancellation ends it
 * (red, subtle: present but quiet); reopening and withdrawing are neutral (outline); the rest light.
 */
const LOOK: Record<string, Pick<ButtonProps, 'variant' | 'color'>> = {
  report_done: { variant: 'filled' },
  submit: { variant: 'filled' },
  verify: { variant: 'filled', color: 'green' },
  accept: { variant: 'filled', color: 'green' },
  return: { variant: 'light', color: 'orange' },
  cancel: { variant: 'subtle', color: 'red' },
  reopen: { variant: 'default' },
  withdraw_report: { variant: 'default' },
  start: { variant: 'light' },
  extend: { variant: 'light' },
};

/** The workflow actions the caller may take on a record, as compact buttons (the table's last column). */
export function ActionButtons<A extends string>({
  actions,
  onAction,
  ns,
  testId,
  size = 'compact-xs',
}: {
  actions: readonly A[];
  onAction: (action: A) => void;
  /** The translation block with `<ns>.actionNames.*`. */
  ns: string;
  /** Prefix of the buttons' data-testids: `<testId>-<action>`. */
  testId: string;
  /** Compact in tables (default); larger where the buttons are the page's main way in (touch). */
  size?: ButtonProps['size'];
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {actions.map((a) => (
        <Button
          key={a}
          size={size}
          variant={LOOK[a]?.variant ?? 'light'}
          color={LOOK[a]?.color}
          onClick={() => onAction(a)}
          data-testid={`${testId}-${a}`}
        >
          {t(`${ns}.actionNames.${a}`)}
        </Button>
      ))}
    </Group>
  );
}
