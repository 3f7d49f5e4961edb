import { Button, Group, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The step that moves the work on (report, verify, submit, accept): the filled button. */
const PRIMARY: readonly string[] = ['report_done', 'verify', 'submit', 'accept'];

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
          variant={PRIMARY.includes(a) ? 'filled' : 'light'}
          color={a === 'cancel' || a === 'return' ? 'red' : undefined}
          onClick={() => onAction(a)}
          data-testid={`${testId}-${a}`}
        >
          {t(`${ns}.actionNames.${a}`)}
        </Button>
      ))}
    </Group>
  );
}
