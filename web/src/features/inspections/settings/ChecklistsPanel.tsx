import {
  Accordion,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { inLanguage } from '../../../components/workflow/work';
import { formatDate } from '../../../lib/format';
import { ChecklistForm } from './ChecklistForm';
import { getTemplateVersions, inspectionSettingsKeys } from './settingsApi';
import type { Area, Template, TemplateItem, Templates } from './types';

/** A template's items in order: what is checked in the reader's language, the other language under it, the guidance. */
function ItemList({ items }: { items: readonly TemplateItem[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} data-testid="checklist-items">
      {items.map((item, i) => {
        const guidance = inLanguage(item.guidance, i18n.language);
        const other = english ? item.text.vi : item.text.en;
        return (
          <Group
            key={item.key}
            component="li"
            gap="sm"
            align="flex-start"
            wrap="nowrap"
            data-testid="checklist-item"
          >
            <Text size="sm" fw={600} c="dimmed" w={24} ta="right" style={{ flexShrink: 0 }}>
              {i + 1}.
            </Text>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} data-testid="checklist-item-text">
                {inLanguage(item.text, i18n.language)}
              </Text>
              {other && (
                <Text size="xs" c="dimmed" data-testid="checklist-item-other">
                  {t('inspectionSettings.checklists.otherLanguage', { text: other })}
                </Text>
              )}
              {guidance && (
                <Text size="xs" c="dimmed" fs="italic" data-testid="checklist-item-guidance">
                  {t('inspectionSettings.checklists.guidance', { text: guidance })}
                </Text>
              )}
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}

/** A version's facts: its number, when it was made, whether chidao shipped it, its note. */
function VersionFacts({
  template,
  current,
  number = true,
}: {
  template: Template;
  current?: boolean;
  /** Show the number (not when the panel's heading already does). */
  number?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap" data-testid="checklist-version">
      {number && (
        <Badge variant="light" tt="none" data-testid="checklist-version-number">
          {t('inspectionSettings.checklists.versionN', { n: template.number })}
        </Badge>
      )}
      {current && (
        <Badge variant="light" color="green" tt="none">
          {t('inspectionSettings.checklists.current')}
        </Badge>
      )}
      <Text size="sm" c="dimmed" data-testid="checklist-version-date">
        {t('inspectionSettings.checklists.createdOn', { date: formatDate(template.createdAt) })}
      </Text>
      {template.shipped ? (
        <Text size="sm" c="dimmed">
          · {t('inspectionSettings.checklists.shipped')}
        </Text>
      ) : (
        template.note && (
          <Text size="sm" c="dimmed" data-testid="checklist-version-note">
            · {t('inspectionSettings.checklists.note', { note: template.note })}
          </Text>
        )
      )}
    </Group>
  );
}

/** An area's earlier versions, one at a time (the previous one first), read as they were. */
function HistoryModal({ area, onClose }: { area: Area | null; onClose: () => void }) {
  const { t } = useTranslation();
  const versions = useQuery({
    queryKey: inspectionSettingsKeys.versions(area ?? 'direction'),
    queryFn: () => getTemplateVersions(area!),
    enabled: !!area,
  });
  const [picked, setPicked] = useState<string | null>(null);
  const list = versions.data?.area === area ? versions.data.versions : [];
  const shown = list.find((v) => v.id === picked) ?? list[1] ?? list[0];
  const areaName = area ? t(`inspections.areas.${area}`) : '';
  return (
    <Modal
      opened={!!area}
      onClose={() => {
        setPicked(null);
        onClose();
      }}
      title={t('inspectionSettings.checklists.historyTitle', { area: areaName })}
      size="xl"
      centered
      data-testid="checklist-history-modal"
    >
      {versions.isLoading && (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={versions.error} />
      {shown && (
        <Stack gap="md">
          <Select
            label={t('inspectionSettings.checklists.pickVersion')}
            data={list.map((v, i) => ({
              value: v.id,
              label: t(
                i === 0
                  ? 'inspectionSettings.checklists.versionOptionCurrent'
                  : 'inspectionSettings.checklists.versionOption',
                { n: v.number, date: formatDate(v.createdAt) },
              ),
            }))}
            value={shown.id}
            onChange={(v) => v && setPicked(v)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="checklist-history-version"
          />
          <VersionFacts template={shown} current={shown.id === list[0]?.id} />
          <ItemList items={shown.items} />
        </Stack>
      )}
    </Modal>
  );
}

/**
 * The seven reform areas' checklist templates, in the areas' order: each with its current version (number, date,
 * items), its earlier versions on demand, and — for the standing agency — the form that saves a new version.
 */
export function ChecklistsPanel({
  templates,
  phone,
  onReload,
}: {
  templates: Templates;
  phone: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const manage = templates.abilities.manage;
  const [open, setOpen] = useState<string[]>([]);
  const [editing, setEditing] = useState<Area | null>(null);
  const [history, setHistory] = useState<Area | null>(null);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760} data-testid="checklists-intro">
        {t('inspectionSettings.checklists.intro')}
      </Text>
      <Accordion multiple value={open} onChange={setOpen} variant="separated" data-testid="checklist-areas">
        {templates.areas.map(({ area, current, versions }) => {
          const name = t(`inspections.areas.${area}`);
          return (
            <Accordion.Item key={area} value={area} data-testid="checklist-area" data-area={area}>
              <Accordion.Control>
                <Stack gap={4}>
                  <Title order={2} size="h5" data-testid="checklist-area-name">
                    {name}
                  </Title>
                  <Group gap="xs" wrap="wrap">
                    <Badge variant="light" tt="none" data-testid="checklist-area-version">
                      {t('inspectionSettings.checklists.versionN', { n: current.number })}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('inspectionSettings.checklists.items', { count: current.items.length })}
                      {' · '}
                      {t('inspectionSettings.checklists.createdOn', { date: formatDate(current.createdAt) })}
                    </Text>
                  </Group>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                {editing === area ? (
                  <ChecklistForm
                    // A reload after someone else saved brings a new number: the form starts again from it.
                    key={`${area}-${current.number}`}
                    area={area}
                    from={current}
                    phone={phone}
                    onReload={onReload}
                    onDone={() => setEditing(null)}
                  />
                ) : (
                  <Stack gap="sm">
                    <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                      <VersionFacts template={current} number={false} />
                      <Group gap="xs">
                        {versions.length > 1 && (
                          <Button
                            variant="default"
                            size="xs"
                            leftSection={<IconHistory size={14} aria-hidden />}
                            onClick={() => setHistory(area)}
                            aria-label={t('inspectionSettings.checklists.historyOf', { area: name })}
                            data-testid="checklist-history"
                          >
                            {t('inspectionSettings.checklists.history')}
                          </Button>
                        )}
                        {manage && (
                          <Button
                            size="xs"
                            leftSection={<IconPencil size={14} aria-hidden />}
                            onClick={() => setEditing(area)}
                            disabled={editing !== null}
                            aria-label={t('inspectionSettings.checklists.editOf', { area: name })}
                            data-testid="checklist-edit"
                          >
                            {t('inspectionSettings.checklists.edit')}
                          </Button>
                        )}
                      </Group>
                    </Group>
                    <ItemList items={current.items} />
                  </Stack>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <HistoryModal area={history} onClose={() => setHistory(null)} />
    </Stack>
  );
}
