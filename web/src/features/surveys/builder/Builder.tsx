import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Menu,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconDownload,
  IconFileImport,
  IconInfoCircle,
  IconPlus,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LeaveGuard } from '../../../components/LeaveGuard';
import { ApiError } from '../../../lib/api';
import { formatDate, formatNumber } from '../../../lib/format';
import {
  definitionXlsxHref,
  ITEM_KINDS,
  saveDefinition,
  surveyKeys,
  type ItemKind,
  type Survey,
} from '../api';
import { langOf } from '../labels';
import {
  addItem,
  addSection,
  countsOf,
  dependentsOf,
  draftFrom,
  earlierItems,
  moveItem,
  moveSection,
  removeItem,
  removeSection,
  renameCode,
  toDefinition,
  updateItem,
  updateSection,
  type Draft,
  type Place,
} from '../model/definition';
import { GENERAL, placedOnRows, placeProblems, type Placed } from '../model/problems';
import { DefinitionImport } from './DefinitionImport';
import { ItemEditor } from './ItemEditor';
import { BilingualInput, RowButtons, RowProblems } from './parts';
import { Preview } from './Preview';

const PHONE = '(max-width: 62em)';

/** The versions of the questionnaire: number, when published, answers; the current one marked. */
function Versions({ s }: { s: Survey }) {
  const { t } = useTranslation();
  const list = [...s.versions].sort((a, b) => b.number - a.number);
  return (
    <Group gap="xs" wrap="wrap" data-testid="builder-versions">
      <Text size="sm" c="dimmed">
        {t('surveys.builder.versions')}
      </Text>
      {list.map((v) => (
        <Badge
          key={v.id}
          variant={v.id === s.current.id ? 'filled' : 'light'}
          color={v.id === s.current.id ? 'blue' : 'gray'}
          tt="none"
          aria-current={v.id === s.current.id ? 'true' : undefined}
          title={
            v.publishedAt
              ? t('surveys.builder.versionPublished', { date: formatDate(v.publishedAt) })
              : t('surveys.builder.versionDraft')
          }
        >
          {t('surveys.builder.versionLine', {
            n: v.number,
            state: v.publishedAt
              ? t('surveys.builder.versionPublished', { date: formatDate(v.publishedAt) })
              : t('surveys.builder.versionDraft'),
            responses: formatNumber(v.responses),
          })}
        </Badge>
      ))}
    </Group>
  );
}

/** "Thêm câu hỏi": a menu of the six kinds. */
function AddItemMenu({ onAdd, label }: { onAdd: (kind: ItemKind) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          style={{ alignSelf: 'flex-start' }}
          data-testid="builder-add-item"
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {ITEM_KINDS.map((k) => (
          <Menu.Item key={k} onClick={() => onAdd(k)} data-testid={`builder-add-${k}`}>
            {t(`surveys.builder.kinds.${k}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The questionnaire (tab "Phiếu"): the builder for the office (`abilities.editDefinition`) beside a preview as the
 * respondent sees it — sections and questions of every kind added, edited, moved and removed, their conditions and
 * tags; saved whole (`PUT …/definition`) with the version read. A published or answered version is not changed: the
 * save makes the next version (said before and after). The server's problems are shown next to the sections and
 * questions they name. Others see the preview. The versions, and the workbook out and in.
 */
export function Builder({ s, onReload }: { s: Survey; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const queryClient = useQueryClient();
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const canEdit = s.abilities.editDefinition;
  // What the editing started from: a save sends the survey's current version unless the questionnaire itself
  // changed meanwhile (someone else's save): then the version read, and the server answers 409.
  const start = useRef({ hash: s.current.hash, version: s.version });
  const [draft, setDraftState] = useState<Draft>(() => draftFrom(s.current.definition));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Placed>(() => placeProblems(draft, s.problems, lang));
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const [confirming, setConfirming] = useState(false);
  const [importing, setImporting] = useState(false);
  const [removing, setRemoving] = useState<Place | null>(null);
  const sent = useRef<Draft | null>(null);
  const frozen = !!s.current.publishedAt || s.current.responses > 0;
  const counts = useMemo(() => countsOf(draft), [draft]);
  const B = (k: string, v?: Record<string, unknown>) => t(`surveys.builder.${k}`, v ?? {});

  const setDraft = (next: Draft) => {
    setDraftState(next);
    setDirty(true);
  };

  const save = useMutation({
    mutationFn: (d: Draft) => {
      sent.current = d;
      const version = s.current.hash === start.current.hash ? s.version : start.current.version;
      return saveDefinition(s.id, { version, definition: toDefinition(d) });
    },
    onSuccess: async (saved) => {
      setConfirming(false);
      setDirty(false);
      const detail = saved && typeof saved === 'object' && 'current' in saved ? saved : null;
      if (detail) {
        start.current = { hash: detail.current.hash, version: detail.version };
        setProblems(placeProblems(sent.current ?? draft, detail.problems, lang));
      } else setProblems(new Map());
      const next = detail?.current.number;
      if (next && next !== s.current.number)
        notifications.show({
          color: 'blue',
          title: B('newVersionTitle'),
          message: B('newVersion', { n: next }),
          autoClose: 12_000,
        });
      else notifications.show({ color: 'green', message: B('saved') });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    },
    onError: (e) => {
      setConfirming(false);
      if (e instanceof ApiError && e.status === 400 && e.details.length && sent.current) {
        const placed = placeProblems(sent.current, e.details, lang);
        setProblems(placed);
        const first = sent.current.sections
          .flatMap((x) => [x.uid, ...x.items.map((i) => i.uid)])
          .find((uid) => placed.has(uid));
        if (first)
          window.setTimeout(
            () =>
              document
                .querySelector(`[data-uid="${first}"]`)
                ?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
            0,
          );
      }
    },
  });

  const error = save.error;
  const stale = error instanceof ApiError && error.isStale;
  const rowsRefused = error instanceof ApiError && error.status === 400 && error.details.length > 0;
  const general = problems.get(GENERAL) ?? [];
  const onRows = placedOnRows(problems);
  const dependents = removing
    ? dependentsOf(draft, draft.sections[removing.s]?.items[removing.i]?.code ?? '')
    : [];

  const requestRemove = (place: Place) => {
    const code = draft.sections[place.s]?.items[place.i]?.code ?? '';
    if (dependentsOf(draft, code).length) setRemoving(place);
    else setDraft(removeItem(draft, place));
  };

  const preview = <Preview draft={draft} />;
  const total = draft.sections.reduce((n, x) => n + x.items.length, 0);
  let order = 0;

  const editor = (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {B('general')}
          </Title>
          <BilingualInput
            label={B('formTitle')}
            value={draft.title}
            onChange={(title) => setDraft({ ...draft, title: title ?? { vi: '', en: '' } })}
            required
            testId="builder-title"
          />
          <BilingualInput
            label={B('intro')}
            value={draft.intro}
            onChange={(intro) => setDraft({ ...draft, intro })}
            multiline
            maxLength={4000}
          />
        </Stack>
      </Card>
      {draft.sections.map((section, si) => (
        <Card key={section.uid} withBorder padding="md" data-uid={section.uid} data-testid="builder-section">
          <Stack gap="sm">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Title order={3} size="h5">
                {B('sectionN', { n: si + 1 })}
                {section.title.vi
                  ? ` — ${lang === 'en' && section.title.en ? section.title.en : section.title.vi}`
                  : ''}
              </Title>
              <RowButtons
                first={si === 0}
                last={si === draft.sections.length - 1}
                onMove={(dir) => setDraft(moveSection(draft, si, dir))}
                onRemove={section.items.length === 0 ? () => setDraft(removeSection(draft, si)) : undefined}
                label={B('sectionN', { n: si + 1 })}
              />
            </Group>
            <RowProblems messages={problems.get(section.uid)} />
            <BilingualInput
              label={B('sectionTitle')}
              value={section.title}
              onChange={(title) => setDraft(updateSection(draft, si, { title: title ?? { vi: '', en: '' } }))}
              required
              testId="builder-section-title"
            />
            <BilingualInput
              label={B('help')}
              value={section.help}
              onChange={(help) => setDraft(updateSection(draft, si, { help }))}
              multiline
            />
            {section.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {B('sectionEmpty')}
              </Text>
            )}
            {section.items.map((item, ii) => {
              const place = { s: si, i: ii };
              const at = order;
              order += 1;
              return (
                <ItemEditor
                  key={item.uid}
                  draft={draft}
                  item={item}
                  earlier={earlierItems(draft, place)}
                  problems={problems.get(item.uid)}
                  first={at === 0}
                  last={at === total - 1}
                  onChange={(next) => setDraft(updateItem(draft, place, next))}
                  onRename={(code) => setDraft(renameCode(draft, place, code))}
                  onMove={(dir) => setDraft(moveItem(draft, place, dir))}
                  onRemove={() => requestRemove(place)}
                />
              );
            })}
            <AddItemMenu label={B('addItem')} onAdd={(kind) => setDraft(addItem(draft, si, kind))} />
          </Stack>
        </Card>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setDraft(addSection(draft))}
        style={{ alignSelf: 'flex-start' }}
        data-testid="builder-add-section"
      >
        {B('addSection')}
      </Button>
    </Stack>
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (e.target !== e.currentTarget) return;
        save.reset();
        if (frozen) setConfirming(true);
        else save.mutate(draft);
      }}
      data-testid="builder"
    >
      {canEdit && <LeaveGuard dirty={dirty} />}
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
          <Versions s={s} />
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              component="a"
              href={definitionXlsxHref(s.id)}
              download
              leftSection={<IconDownload size={14} aria-hidden />}
              data-testid="builder-export"
            >
              {B('export')}
            </Button>
            {canEdit && (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFileImport size={14} aria-hidden />}
                onClick={() => setImporting(true)}
                data-testid="builder-import"
              >
                {B('import')}
              </Button>
            )}
          </Group>
        </Group>
        {canEdit && (
          <Alert
            color={frozen ? 'yellow' : 'blue'}
            variant="light"
            icon={<IconInfoCircle size={18} aria-hidden />}
            data-testid="builder-lead"
          >
            {frozen
              ? B('leadFrozen', {
                  n: s.current.number,
                  next: s.current.number + 1,
                  responses: formatNumber(s.current.responses),
                })
              : B('leadDraft', { n: s.current.number })}
          </Alert>
        )}
        {(general.length > 0 || onRows > 0) && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            role="alert"
            data-testid="builder-problems"
          >
            <Stack gap={4}>
              {rowsRefused && <Text size="sm">{(error as ApiError).message}</Text>}
              {onRows > 0 && <Text size="sm">{B('problemsBelow', { count: onRows })}</Text>}
              {general.length > 0 && (
                <List size="sm">
                  {general.map((m) => (
                    <List.Item key={m}>{m}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Alert>
        )}
        {!rowsRefused && error && <ErrorAlert error={error} onReload={stale ? onReload : undefined} />}

        {!canEdit ? (
          preview
        ) : phone ? (
          <Stack gap="sm">
            <SegmentedControl
              value={view}
              onChange={(v) => setView(v as 'edit' | 'preview')}
              data={[
                { value: 'edit', label: B('viewEdit') },
                { value: 'preview', label: B('viewPreview') },
              ]}
              data-testid="builder-view"
            />
            {view === 'edit' ? editor : preview}
          </Stack>
        ) : (
          <Grid gap="md">
            <Grid.Col span={7}>{editor}</Grid.Col>
            <Grid.Col span={5}>
              <div
                style={{ position: 'sticky', top: 72, maxHeight: 'calc(100vh - 96px)', overflowY: 'auto' }}
              >
                {preview}
              </div>
            </Grid.Col>
          </Grid>
        )}

        {canEdit && (
          <Paper
            withBorder
            shadow="md"
            p="sm"
            radius="md"
            style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
            data-testid="builder-footer"
          >
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Text size="sm" c="dimmed">
                {B('counts', {
                  sections: formatNumber(counts.sections),
                  items: formatNumber(counts.items),
                  required: formatNumber(counts.required),
                })}
              </Text>
              <Group gap="xs">
                {dirty && (
                  <ConfirmButton
                    variant="default"
                    color="gray"
                    title={B('discardTitle')}
                    message={B('discardMessage')}
                    confirmLabel={B('discard')}
                    onConfirm={() => {
                      const fresh = draftFrom(s.current.definition);
                      setDraftState(fresh);
                      setDirty(false);
                      setProblems(placeProblems(fresh, s.problems, lang));
                      save.reset();
                    }}
                    data-testid="builder-discard"
                  >
                    {B('discard')}
                  </ConfirmButton>
                )}
                <Button
                  type="submit"
                  disabled={!dirty}
                  loading={save.isPending && !confirming}
                  data-testid="builder-save"
                >
                  {frozen ? B('saveAsNew', { n: s.current.number + 1 }) : B('save')}
                </Button>
              </Group>
            </Group>
          </Paper>
        )}
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={B('confirmTitle')}
        centered
        size="md"
      >
        <Stack gap="sm" data-testid="builder-save-dialog">
          <Text size="sm">
            {B('confirmLead', {
              n: s.current.number,
              next: s.current.number + 1,
              responses: formatNumber(s.current.responses),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {B('confirmKeep')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={save.isPending}
              onClick={() => save.mutate(draft)}
              data-testid="builder-save-confirm"
            >
              {B('saveAsNew', { n: s.current.number + 1 })}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={!!removing}
        onClose={() => setRemoving(null)}
        title={B('removeTitle')}
        centered
        size="md"
      >
        <Stack gap="sm">
          <Text size="sm">{B('removeDependents', { count: dependents.length })}</Text>
          <List size="sm">
            {dependents.map((d) => (
              <List.Item key={d.uid}>{t('surveys.builder.itemLabel', { code: d.code })}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (removing) setDraft(removeItem(draft, removing));
                setRemoving(null);
              }}
              data-testid="builder-remove-confirm"
            >
              {B('removeAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {canEdit && <DefinitionImport s={s} opened={importing} onClose={() => setImporting(false)} />}
    </form>
  );
}
