import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The workflow actions the caller may take on a record, as compact buttons (the table's last column). */
export function ActionButtons<A extends string>({
  actions,
  onAction,
  ns,
  testId,
}: {
  actions: readonly A[];
  onAction: (action: A) => void;
  /** The translation block with `<ns>.actionNames.*`. */
  ns: string;
  /** Prefix of the buttons' data-testids: `<testId>-<action>`. */
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {actions.map((a) => (
        <Button
          key={a}
          size="compact-xs"
          variant={a === 'verify' || a === 'report_done' ? 'filled' : 'light'}
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
