import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { useFocusFirstInvalid } from '../../../components/rules/RuleParts';
import type { FieldMessage } from '../../../components/rules/ruleVersions';
import { ApiError } from '../../../lib/api';
import { addTemplateVersion, inspectionSettingsKeys } from './settingsApi';
import {
  CHECKLIST_LIMITS,
  checklistChanges,
  checklistDraftFrom,
  emptyItem,
  hasChanges,
  itemsFromDraft,
  missingItemFields,
  moveItem,
  placeChecklistProblems,
  type ChecklistDraft,
  type ItemDraft,
} from './settingsModel';
import type { Area, Template } from './types';

type TextField = 'textVi' | 'textEn' | 'guidanceVi' | 'guidanceEn';
/** Each field of an item, with the server's path for it (`items.<i>.<path>`) and its data-testid. */
const FIELDS: { field: TextField; path: string; testId: string; max: number }[] = [
  { field: 'textVi', path: 'text.vi', testId: 'checklist-item-text-vi', max: CHECKLIST_LIMITS.text },
  { field: 'textEn', path: 'text.en', testId: 'checklist-item-text-en', max: CHECKLIST_LIMITS.text },
  {
    field: 'guidanceVi',
    path: 'guidance.vi',
    testId: 'checklist-item-guidance-vi',
    max: CHECKLIST_LIMITS.guidance,
  },
  {
    field: 'guidanceEn',
    path: 'guidance.en',
    testId: 'checklist-item-guidance-en',
    max: CHECKLIST_LIMITS.guidance,
  },
];

/**
 * A new version of an area's template: the current version's items to start from, each item's text and guidance
 * in Vietnamese and English, items added, moved up and down, removed; saved (after a confirmation that says what
 * changes, with an optional note) as the next version. The server checks the items: each problem is said under
 * its field, and follows its item when the items move. Someone else's version saved meanwhile is a 409: reload.
 */
export function ChecklistForm({
  area,
  from,
  phone,
  onReload,
  onDone,
}: {
  area: Area;
  /** The current version: the form starts from its items. */
  from: Template;
  phone: boolean;
  /** Reloads the templates (after a 409): the form then starts again from the latest version. */
  onReload: () => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ChecklistDraft>(() => checklistDraftFrom(from));
  /** Problems by the item's handle and field (`<uid>.text.vi`, `<uid>` for the item), or `items`, `note`, `form`. */
  const [errors, setErrors] = useState<Map<string, FieldMessage>>(new Map());
  const [placedError, setPlacedError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [unchanged, setUnchanged] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const refuse = useFocusFirstInvalid(formRef);
  const areaName = t(`inspections.areas.${area}`);
  const F = (k: string, values?: Record<string, unknown>) =>
    t(`inspectionSettings.checklists.form.${k}`, values ?? {});

  /** The server's (or our) paths by index, onto the items' handles as they are now. */
  const byHandle = (placed: Map<string, FieldMessage>, items: readonly ItemDraft[]) => {
    const out = new Map<string, FieldMessage>();
    for (const [path, m] of placed) {
      const at = /^items\.(\d+)(.*)$/.exec(path);
      const item = at ? items[Number(at[1])] : undefined;
      out.set(item ? `${item.uid}${at![2]}` : path, m);
    }
    return out;
  };
  const message = (key: string): string | undefined => {
    const m = errors.get(key);
    if (!m) return undefined;
    return 'text' in m ? m.text : F(m.key, m.values);
  };
  const clear = (...keys: string[]) =>
    setErrors((e) => {
      if (!keys.some((k) => e.has(k)) && !e.has('form') && !e.has('items')) return e;
      const next = new Map(e);
      for (const k of [...keys, 'form', 'items']) next.delete(k);
      return next;
    });
  const setItems = (items: ItemDraft[]) => {
    setDraft((d) => ({ ...d, items }));
    setUnchanged(false);
  };
  const setField = (uid: string, field: TextField, path: string, value: string) => {
    setDraft((d) => ({ ...d, items: d.items.map((i) => (i.uid === uid ? { ...i, [field]: value } : i)) }));
    setUnchanged(false);
    clear(`${uid}.${path}`, uid);
  };

  const save = useMutation({
    mutationFn: () =>
      addTemplateVersion(area, {
        items: itemsFromDraft(draft, from.items),
        note: note.trim(),
        basedOn: draft.basedOn,
      }),
    onSuccess: (v) => {
      notifications.show({ color: 'green', message: F('saved', { n: v.number, area: areaName }) });
      void queryClient.invalidateQueries({ queryKey: inspectionSettingsKeys.templates });
      setConfirming(false);
      onDone();
    },
    onError: (e) => {
      setConfirming(false);
      if (e instanceof ApiError && e.status === 400 && e.details.length) {
        setErrors(byHandle(placeChecklistProblems(e.details), draft.items));
        setPlacedError(e);
        refuse();
      }
    },
  });

  const submit = () => {
    const missing = missingItemFields(draft);
    if (missing.length) {
      setErrors(
        byHandle(
          new Map(missing.map((f) => [f, f === 'items' ? { key: 'empty' } : { key: 'required' }])),
          draft.items,
        ),
      );
      refuse();
      return;
    }
    setErrors(new Map());
    if (!hasChanges(checklistChanges(from.items, draft))) {
      setUnchanged(true);
      return;
    }
    save.reset();
    setConfirming(true);
  };

  const changes = checklistChanges(from.items, draft);
  const changeLines = [
    changes.added ? F('added', { count: changes.added }) : null,
    changes.removed ? F('removed', { count: changes.removed }) : null,
    changes.edited ? F('edited', { count: changes.edited }) : null,
    changes.reordered ? F('reordered') : null,
  ].filter((l): l is string => !!l);
  const next = from.number + 1;
  const error = save.error;
  const stale = error instanceof ApiError && error.isStale;
  const placed = errors.size > 0 && !stale;
  const full = draft.items.length >= CHECKLIST_LIMITS.items;

  return (
    <Card withBorder padding={phone ? 'sm' : 'lg'} data-testid="checklist-form">
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={3} size="h4">
              {F('title', { area: areaName })}
            </Title>
            <Text size="sm" c="dimmed">
              {F('lead', { n: from.number, next })}
            </Text>
          </Stack>

          {draft.items.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="checklist-form-empty">
              {F('empty')}
            </Text>
          )}
          {draft.items.map((item, i) => {
            const itemError = message(item.uid);
            return (
              <Paper
                key={item.uid}
                withBorder
                radius="md"
                p={phone ? 'xs' : 'sm'}
                data-testid="checklist-item-edit"
                data-new={item.key ? undefined : 'true'}
              >
                <Stack gap="xs">
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {F('itemN', { n: i + 1 })}
                      </Text>
                      {!item.key && (
                        <Badge size="sm" variant="light" color="blue" tt="none">
                          {F('new')}
                        </Badge>
                      )}
                    </Group>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={F('moveUp', { n: i + 1 })}>
                        <ActionIcon
                          variant="subtle"
                          size="lg"
                          disabled={i === 0}
                          aria-label={F('moveUp', { n: i + 1 })}
                          onClick={() => setItems(moveItem(draft.items, i, i - 1))}
                          data-testid="checklist-item-up"
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={F('moveDown', { n: i + 1 })}>
                        <ActionIcon
                          variant="subtle"
                          size="lg"
                          disabled={i === draft.items.length - 1}
                          aria-label={F('moveDown', { n: i + 1 })}
                          onClick={() => setItems(moveItem(draft.items, i, i + 1))}
                          data-testid="checklist-item-down"
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={F('remove', { n: i + 1 })}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          aria-label={F('remove', { n: i + 1 })}
                          onClick={() => {
                            setItems(draft.items.filter((x) => x.uid !== item.uid));
                            clear(item.uid);
                          }}
                          data-testid="checklist-item-remove"
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Group>
                  {itemError && (
                    <Text size="xs" c="red" data-testid="checklist-item-error">
                      {itemError}
                    </Text>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    {FIELDS.map(({ field, path, testId, max }) => {
                      const guidance = field.startsWith('guidance');
                      return (
                        <Textarea
                          key={field}
                          label={F(field)}
                          description={guidance ? F('guidanceHint') : undefined}
                          withAsterisk={!guidance}
                          autosize
                          minRows={guidance ? 1 : 2}
                          maxRows={8}
                          maxLength={max}
                          value={item[field]}
                          onChange={(e) => setField(item.uid, field, path, e.currentTarget.value)}
                          error={message(`${item.uid}.${path}`)}
                          data-testid={testId}
                        />
                      );
                    })}
                  </SimpleGrid>
                </Stack>
              </Paper>
            );
          })}
          {message('items') && (
            <Text size="xs" c="red" data-testid="checklist-items-error">
              {message('items')}
            </Text>
          )}
          <Group justify="space-between" gap="xs">
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={full}
              onClick={() => {
                setItems([...draft.items, emptyItem()]);
                clear();
              }}
              data-testid="checklist-item-add"
            >
              {F('add')}
            </Button>
            <Text size="xs" c={full ? 'orange' : 'dimmed'}>
              {F('count', { count: draft.items.length, max: CHECKLIST_LIMITS.items })}
            </Text>
          </Group>

          {unchanged && (
            <Alert color="gray" variant="light" data-testid="checklist-no-changes">
              {F('noChanges', { n: from.number })}
            </Alert>
          )}
          {placed ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              role="alert"
              data-testid="checklist-form-problems"
            >
              {[
                error === placedError && error instanceof ApiError ? error.message : null,
                t('inspectionSettings.checkFields'),
                message('note'),
                message('form'),
              ]
                .filter(Boolean)
                .join(' ')}
            </Alert>
          ) : (
            error !== placedError && (
              <Stack gap={4}>
                <ErrorAlert error={error} onReload={stale ? () => void onReload() : undefined} />
                {stale && (
                  <Text size="xs" c="dimmed">
                    {F('staleLead')}
                  </Text>
                )}
              </Stack>
            )
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone} data-testid="checklist-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" data-testid="checklist-save">
              {F('save')}
            </Button>
          </Group>
        </Stack>
      </form>

      <FormModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={F('confirmTitle', { next, area: areaName })}
        onSubmit={() => save.mutate()}
        saving={save.isPending}
        submitLabel={F('confirm', { next })}
        size="md"
        testId="checklist-save-dialog"
        submitTestId="checklist-save-confirm"
      >
        <Stack gap={4}>
          <Text size="sm">{F('confirmLead', { n: from.number })}</Text>
          <List size="sm" data-testid="checklist-changes">
            {changeLines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Stack>
        <Text size="sm" c="dimmed">
          {F('confirmKeep')}
        </Text>
        <Textarea
          label={F('note')}
          description={F('noteHint')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="checklist-note-input"
        />
      </FormModal>
    </Card>
  );
}
