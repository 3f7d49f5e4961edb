import { Drawer, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DrillClass, View } from './dashboardApi';
import { DrillDossierList } from './DrillDossierList';

/** Which number was opened: its scope (view), its class, and how the page showed it. */
export type DrillTarget = { view: View; cls: DrillClass; label: string; value: string };

/** The dossiers behind a clicked number, in a drawer. */
export function DrillDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={!!target}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        target && (
          <Stack gap={0}>
            <Text fw={700} data-testid="drill-title">
              {target.label}: {target.value}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`dossiers.class.${target.cls}`)}
            </Text>
          </Stack>
        )
      }
      data-testid="drill-drawer"
    >
      {target && (
        <DrillDossierList
          key={`${JSON.stringify(target.view)}:${target.cls}`}
          view={target.view}
          cls={target.cls}
        />
      )}
    </Drawer>
  );
}
