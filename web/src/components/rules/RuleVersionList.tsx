import { Accordion, Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, isoDate } from '../../lib/format';
import {
  byDateDesc,
  isShippedDefault,
  versionState,
  type DatedVersion,
  type VersionState,
} from './ruleVersions';

const STATE_COLORS: Record<VersionState, string> = { in_force: 'green', upcoming: 'blue', replaced: 'gray' };

/**
 * Rule versions, the latest date first, each a panel headed by its date ("Áp dụng từ dd/mm/yyyy"), its state
 * today (in force, upcoming, replaced) and its name (chidao's defaults named as such); opened, `children` shows
 * its rules. The texts are the page's, under `texts` (`validFromOf`, `state.<state>`, `defaults`).
 */
export function RuleVersionList<V extends DatedVersion>({
  versions,
  currentId,
  open,
  onOpenChange,
  texts,
  children,
}: {
  versions: readonly V[];
  currentId: string;
  /** The ids of the open panels. */
  open: string[];
  onOpenChange: (open: string[]) => void;
  /** Where the page's texts are, e.g. `hotlineSettings.rules`. */
  texts: string;
  children: (version: V) => ReactNode;
}) {
  const { t } = useTranslation();
  const today = isoDate();
  return (
    <Accordion multiple value={open} onChange={onOpenChange} variant="separated" data-testid="rule-versions">
      {byDateDesc(versions).map((v) => {
        const state = versionState(v, currentId, today);
        return (
          <Accordion.Item
            key={v.id}
            value={v.id}
            data-testid="rule-version"
            data-state={state}
            data-valid-from={v.validFrom}
          >
            <Accordion.Control>
              <Group gap="xs" wrap="wrap">
                <Text fw={600} size="sm" data-testid="rule-version-date">
                  {t(`${texts}.validFromOf`, { date: formatDate(v.validFrom) })}
                </Text>
                <Badge color={STATE_COLORS[state]} variant="light" size="sm" data-testid="rule-version-state">
                  {t(`${texts}.state.${state}`)}
                </Badge>
                <Text size="sm" c="dimmed" data-testid="rule-version-name">
                  {isShippedDefault(v) ? t(`${texts}.defaults`) : v.rules.version}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>{children(v)}</Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
