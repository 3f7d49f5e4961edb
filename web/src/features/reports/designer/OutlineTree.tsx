/**
 * The outline of a draft: sections → subsections → fields, each with its move and remove buttons and the
 * number of problems under it; a click selects an item for the editor beside (or, on a phone, over) it.
 */
import { Badge, Box, Button, Card, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconDatabase, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { typeWord } from './FormOutlineView';
import {
  canMove,
  FIELD_TYPES,
  problemCount,
  type DraftField,
  type DraftSection,
  type DraftSubsection,
  type Draft,
  type FieldType,
  type PlacedProblems,
} from './outline';
import { MoveButtons, RemoveButton, useLocal } from './parts';

type Props = {
  draft: Draft;
  selected: string | null;
  placed: PlacedProblems;
  /** Outline items (uids) that hold something malformed. */
  flagged: ReadonlySet<string>;
  onSelect: (uid: string) => void;
  onMove: (uid: string, delta: number) => void;
  onRemove: (uid: string) => void;
  onAddField: (containerUid: string, type: FieldType) => void;
  onAddSubsection: (sectionUid: string) => void;
  onAddSection: () => void;
};

function ProblemBadge({ count, flagged }: { count: number; flagged: boolean }) {
  const { t } = useTranslation();
  if (!count && !flagged) return null;
  return (
    <Badge
      color="red"
      variant="light"
      size="sm"
      leftSection={<IconAlertTriangle size={11} aria-hidden />}
      aria-label={t('reportsDesigner.problemCount', { count: Math.max(count, 1) })}
      style={{ flexShrink: 0 }}
    >
      {count || '!'}
    </Badge>
  );
}

/** One selectable line of the outline with its buttons. */
function Line({
  uid,
  selected,
  onSelect,
  children,
  actions,
  testId,
  indent = 0,
}: {
  uid: string;
  selected: boolean;
  onSelect: () => void;
  children: ReactNode;
  actions: ReactNode;
  testId: string;
  indent?: number;
}) {
  return (
    <Group
      id={`designer-node-${uid}`}
      gap={4}
      wrap="nowrap"
      align="flex-start"
      pl={indent}
      py={2}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: selected ? 'var(--mantine-color-blue-light)' : undefined,
        outline: selected ? '1px solid var(--mantine-color-blue-light-color)' : undefined,
      }}
      data-testid={testId}
      data-selected={selected || undefined}
    >
      <UnstyledButton
        onClick={onSelect}
        aria-current={selected ? 'true' : undefined}
        style={{ flex: 1, minWidth: 0, padding: '4px 6px' }}
        data-testid={`${testId}-select`}
      >
        {children}
      </UnstyledButton>
      <Group gap={0} wrap="nowrap" style={{ flexShrink: 0 }} pt={4} pr={4}>
        {actions}
      </Group>
    </Group>
  );
}

function AddFieldMenu({ onAdd, indent }: { onAdd: (type: FieldType) => void; indent: number }) {
  const { t } = useTranslation();
  return (
    <Box pl={indent + 6}>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPlus size={12} aria-hidden />}
            rightSection={<IconChevronDown size={12} aria-hidden />}
            data-testid="field-add"
          >
            {t('reportsDesigner.addField')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('reportsDesigner.fieldType')}</Menu.Label>
          {FIELD_TYPES.map((type) => (
            <Menu.Item key={type} onClick={() => onAdd(type)} data-testid={`field-add-${type}`}>
              {typeWord(t, type)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Box>
  );
}

export function OutlineTree(props: Props) {
  const { draft, selected, placed, flagged, onSelect, onMove, onRemove } = props;
  const { t } = useTranslation();
  const local = useLocal();

  const moveButtons = (uid: string, what: string) => (
    <MoveButtons
      what={what}
      canUp={canMove(draft, uid, -1)}
      canDown={canMove(draft, uid, 1)}
      onMove={(d) => onMove(uid, d)}
      size="sm"
    />
  );

  const fieldLine = (f: DraftField, indent: number) => {
    const what = local(f.label) || t('reportsDesigner.untitled');
    return (
      <Line
        key={f.uid}
        uid={f.uid}
        selected={selected === f.uid}
        onSelect={() => onSelect(f.uid)}
        testId="outline-field"
        indent={indent}
        actions={
          <>
            {moveButtons(f.uid, what)}
            <RemoveButton
              what={what}
              question={t('reportsDesigner.removeFieldQuestion', { name: what })}
              onRemove={() => onRemove(f.uid)}
            />
          </>
        }
      >
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" lineClamp={2}>
              {what}
              {'required' in f && f.required && (
                <Text span c="red">
                  {' '}
                  *
                </Text>
              )}
            </Text>
            <Group gap={6} wrap="wrap">
              <Text size="xs" c="dimmed">
                {typeWord(t, f.type)}
              </Text>
              {'prefill' in f && f.prefill && (
                <IconDatabase
                  size={12}
                  aria-label={t('reportsDesigner.prefilled')}
                  color="var(--mantine-color-teal-6)"
                />
              )}
              <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {f.key}
              </Text>
            </Group>
          </Stack>
          <ProblemBadge count={problemCount(placed, f)} flagged={flagged.has(f.uid)} />
        </Group>
      </Line>
    );
  };

  const heading = (s: DraftSection | DraftSubsection, sub: boolean) => {
    const title = local(s.title) || t('reportsDesigner.untitled');
    const count = problemCount(placed, s);
    const fields =
      'subsections' in s
        ? s.fields.length + s.subsections.reduce((n, x) => n + x.fields.length, 0)
        : s.fields.length;
    return (
      <Line
        uid={s.uid}
        selected={selected === s.uid}
        onSelect={() => onSelect(s.uid)}
        testId={sub ? 'outline-subsection' : 'outline-section'}
        indent={sub ? 8 : 0}
        actions={
          <>
            {moveButtons(s.uid, title)}
            <RemoveButton
              what={title}
              question={
                fields
                  ? t('reportsDesigner.removeSectionQuestion', { name: title, count: fields })
                  : undefined
              }
              onRemove={() => onRemove(s.uid)}
            />
          </>
        }
      >
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size={sub ? 'sm' : 'md'} fw={sub ? 600 : 700} style={{ flex: 1, minWidth: 0 }} lineClamp={3}>
            {s.numbering ? `${s.numbering} ` : ''}
            {title}
          </Text>
          <ProblemBadge count={count} flagged={flagged.has(s.uid)} />
        </Group>
      </Line>
    );
  };

  return (
    <Stack gap="sm" data-testid="outline-tree">
      {draft.sections.map((s) => (
        <Card key={s.uid} withBorder padding="xs" data-testid="outline-section-card">
          <Stack gap={2}>
            {heading(s, false)}
            {s.fields.map((f) => fieldLine(f, 12))}
            <AddFieldMenu indent={12} onAdd={(type) => props.onAddField(s.uid, type)} />
            {s.subsections.map((sub) => (
              <Stack
                key={sub.uid}
                gap={2}
                mt={4}
                ml={8}
                pl={4}
                style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
              >
                {heading(sub, true)}
                {sub.fields.map((f) => fieldLine(f, 20))}
                <AddFieldMenu indent={20} onAdd={(type) => props.onAddField(sub.uid, type)} />
              </Stack>
            ))}
            <Box pl={6} mt={4}>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                leftSection={<IconPlus size={12} aria-hidden />}
                onClick={() => props.onAddSubsection(s.uid)}
                data-testid="subsection-add"
              >
                {t('reportsDesigner.addSubsection')}
              </Button>
            </Box>
          </Stack>
        </Card>
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={props.onAddSection}
          data-testid="section-add"
        >
          {t('reportsDesigner.addSection')}
        </Button>
      </Group>
    </Stack>
  );
}
