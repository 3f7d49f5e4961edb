/**
 * A draft version being designed. The draft lives in this page's state until "Lưu" (PUT, version-checked);
 * the server's problems of what was saved are listed at the top and beside the fields they name, and block
 * "Ban hành" (publish: the version never changes after). Leaving with unsaved changes asks first.
 */
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Drawer,
  Grid,
  Group,
  List,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBlocker, useNavigate } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import {
  designerKeys,
  discardDraft,
  getVersion,
  publishDraft,
  saveDraft,
  type FormDefinition,
  type FormVersion,
  type Problem,
} from './api';
import { FieldEditor, SectionEditor } from './FieldEditor';
import {
  addSection,
  addSubsection,
  canonicalJson,
  draftFields,
  fieldKeys,
  findField,
  freshKey,
  fromDraft,
  insertField,
  localIssues,
  locate,
  moveFieldTo,
  moveNode,
  newField,
  patchSection,
  placeProblems,
  rebase,
  removeNode,
  renameFieldKey,
  replaceField,
  sameDefinition,
  toDraft,
  type Draft,
  type FieldType,
  type LocalIssue,
} from './outline';
import { OutlineTree } from './OutlineTree';
import { useLocal } from './parts';
import { GeneralEditor, RulesEditor } from './RulesEditor';
import { VersionHeader } from './VersionHeader';

const NEW_FIELD = { vi: 'Chỉ tiêu mới', en: 'New field' };
const NEW_SECTION = { vi: 'Mục mới', en: 'New section' };
const NEW_SUBSECTION = { vi: 'Tiểu mục mới', en: 'New subsection' };

/** The definition to send: legal sources without blank lines. */
const toSend = (draft: Draft): FormDefinition => {
  const def = fromDraft(draft);
  return { ...def, legalBasis: def.legalBasis.map((l) => l.trim()).filter(Boolean) };
};

export function DraftEditor({ version }: { version: FormVersion }) {
  const { t } = useTranslation();
  const local = useLocal();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });

  const [base, setBase] = useState(version);
  const [draft, setDraft] = useState<Draft>(() => toDraft(version.definition));
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('outline');
  /** The server's refusal of the last save or publish (400: each detail naming its field). */
  const [refusal, setRefusal] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [showLocal, setShowLocal] = useState(false);
  const [publishing, setPublishing] = useState(false);

  const dirty = useMemo(() => !sameDefinition(draft, base.definition), [draft, base.definition]);
  const issues = useMemo(() => localIssues(draft), [draft]);
  const blocking = issues.filter((i) => i.issue !== 'keyTaken');
  const flagged = useMemo(() => new Set(issues.map((i) => i.at)), [issues]);
  const ruleKeys = useMemo(() => draft.rules.map((r) => r.key), [draft.rules]);
  const placed = useMemo(
    () => placeProblems([...refusal, ...base.problems], ruleKeys),
    [refusal, base.problems, ruleKeys],
  );
  const serverErrors = base.problems.filter((p) => p.severity !== 'warning').length;
  const problemTotal = refusal.length + base.problems.length;

  // Leaving with unsaved changes asks first (in the app and when the tab closes).
  const leaving = useRef(false);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const blocker = useBlocker({
    shouldBlockFn: () => dirtyRef.current && !leaving.current,
    enableBeforeUnload: () => dirtyRef.current && !leaving.current,
    withResolver: true,
  });

  const afterChange = async (saved: FormVersion | null) => {
    if (saved) queryClient.setQueryData(designerKeys.version(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: designerKeys.forms });
  };

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 400 && e.details.length) {
      setRefusal(
        e.details.map((d) => ({
          key: 'refused',
          field: d.field === 'definition' ? null : d.field,
          severity: 'error',
          message: d.message,
        })),
      );
    }
    setFailure(e);
  };

  const save = useMutation({
    mutationFn: (definition: FormDefinition) => saveDraft(base.id, base.version, definition),
    onSuccess: async (saved, sent) => {
      setBase(saved);
      // What was typed while saving stays (the page then shows unsaved changes).
      setDraft((d) => (canonicalJson(toSend(d)) === canonicalJson(sent) ? rebase(d, saved.definition) : d));
      setRefusal([]);
      setFailure(null);
      setShowLocal(false);
      const errors = saved.problems.filter((p) => p.severity !== 'warning').length;
      notifications.show(
        errors
          ? { color: 'yellow', message: t('reportsDesigner.savedWithProblems', { count: errors }) }
          : { color: 'green', message: t('reportsDesigner.saved') },
      );
      await afterChange(saved);
    },
    onError: failed,
  });

  const doSave = () => {
    if (blocking.length) {
      setShowLocal(true);
      return;
    }
    setFailure(null);
    save.mutate(toSend(draft));
  };

  const publish = useMutation({
    mutationFn: () => publishDraft(base.id, base.version),
    onSuccess: async (published) => {
      leaving.current = true;
      notifications.show({
        color: 'green',
        message: t('reportsDesigner.publishedToast', { number: published.number }),
      });
      await afterChange(published);
    },
    onError: failed,
  });

  const discard = useMutation({
    mutationFn: () => discardDraft(base.id, base.version),
    onSuccess: async () => {
      leaving.current = true;
      notifications.show({ color: 'green', message: t('reportsDesigner.discarded') });
      queryClient.removeQueries({ queryKey: designerKeys.version(base.id) });
      await afterChange(null);
      await navigate({ to: '/reports/forms' });
    },
    onError: failed,
  });

  /** Someone else saved: read the draft again (what was typed here is lost: the alert says so). */
  const reload = async () => {
    const fresh = await getVersion(base.id);
    queryClient.setQueryData(designerKeys.version(fresh.id), fresh);
    setBase(fresh);
    setDraft(toDraft(fresh.definition));
    setRefusal([]);
    setFailure(null);
    setSelected(null);
  };

  // ---------------------------------------------------------------------------------------------
  // Outline edits

  const place = selected ? locate(draft, selected) : null;
  const select = (uid: string | null) => setSelected(uid);

  const addField = (containerUid: string, type: FieldType) => {
    const at = locate(draft, containerUid);
    if (!at || at.kind === 'field') return;
    const field = newField(type, freshKey('field', fieldKeys(draft)), NEW_FIELD);
    setDraft(
      insertField(draft, { section: at.section, sub: at.kind === 'subsection' ? at.sub : null }, field),
    );
    select(field.uid);
  };

  const renameKey = (uid: string, from: string, to: string) =>
    setDraft((d) => {
      const field = findField(d, uid);
      if (!field) return d;
      const taken = draftFields(d).some((f) => f.uid !== uid && f.key === to);
      // A key another field has is not a rename: the formulas keep reading the other field.
      const renamed = taken ? d : renameFieldKey(d, from, to);
      return replaceField(renamed, uid, { ...(findField(renamed, uid) ?? field), key: to });
    });

  // ---------------------------------------------------------------------------------------------
  // Texts of what is malformed

  const partText = (part: string | undefined) =>
    (part ?? '')
      .split('/')
      .filter(Boolean)
      .map((p) => {
        const [kind, n] = p.split(':');
        return kind === 'help' ? t('reportsDesigner.help') : t(`reportsDesigner.parts.${kind}`, { n });
      })
      .join(', ');
  const issueText = (i: LocalIssue) => {
    const where = partText(i.part);
    return `${where ? `${where}: ` : ''}${t(`reportsDesigner.issues.${i.issue}`)}`;
  };
  const itemName = (at: string) => {
    if (at === 'form') return t('reportsDesigner.tabs.general');
    if (at.startsWith('rule:')) return t('reportsDesigner.ruleN', { n: Number(at.slice(5)) + 1 });
    const p = locate(draft, at);
    if (!p) return '';
    if (p.kind === 'field') return local(findField(draft, at)?.label) || t('reportsDesigner.untitled');
    const s = draft.sections[p.section]!;
    const node = p.kind === 'subsection' ? s.subsections[p.sub]! : s;
    return `${node.numbering ? `${node.numbering} ` : ''}${local(node.title) || t('reportsDesigner.untitled')}`;
  };
  const messagesAt = (at: string) => issues.filter((i) => i.at === at).map(issueText);

  /** Opens the rules and brings the rule at `index` into view. */
  const showRule = (index: number) => {
    setTab('rules');
    window.setTimeout(
      () => document.getElementById(`designer-rule-${index}`)?.scrollIntoView({ block: 'center' }),
      50,
    );
  };
  const goTo = (at: string) => {
    if (at === 'form') return setTab('general');
    if (at.startsWith('rule:')) return showRule(Number(at.slice(5)));
    setTab('outline');
    select(at);
    window.setTimeout(
      () => document.getElementById(`designer-node-${at}`)?.scrollIntoView({ block: 'nearest' }),
      50,
    );
  };
  const uidOfField = (key: string) => draftFields(draft).find((f) => f.key === key)?.uid ?? null;

  // ---------------------------------------------------------------------------------------------

  const editor = (() => {
    if (!place || !selected)
      return (
        <Text c="dimmed" size="sm" data-testid="editor-empty">
          {t('reportsDesigner.pickSomething')}
        </Text>
      );
    if (place.kind === 'field') {
      const field = findField(draft, selected)!;
      return (
        <FieldEditor
          key={field.uid}
          field={field}
          draft={draft}
          problems={placed.byField.get(field.key) ?? []}
          localMessages={messagesAt(field.uid)}
          onChange={(next) => setDraft((d) => replaceField(d, field.uid, next))}
          onRenameKey={(from, to) => renameKey(field.uid, from, to)}
          onMoveTo={(to) => setDraft((d) => moveFieldTo(d, field.uid, to))}
          onCheck={doSave}
          checking={save.isPending}
          dirty={dirty}
        />
      );
    }
    const s = draft.sections[place.section]!;
    const node = place.kind === 'subsection' ? s.subsections[place.sub]! : s;
    return (
      <SectionEditor
        key={node.uid}
        section={node}
        sub={place.kind === 'subsection'}
        localMessages={messagesAt(node.uid)}
        onChange={(patch) => setDraft((d) => patchSection(d, node.uid, patch))}
      />
    );
  })();

  const stale = failure instanceof ApiError && failure.isStale;

  return (
    <>
      <VersionHeader version={base} name={draft.name} />

      <Paper
        withBorder
        p="xs"
        mb="md"
        shadow="xs"
        // Kept in sight while scrolling where there is room; on a phone the editor's drawer has its own "Lưu".
        style={
          wide ? { position: 'sticky', top: 'var(--app-shell-header-offset, 60px)', zIndex: 20 } : undefined
        }
        data-testid="draft-toolbar"
      >
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            {dirty ? (
              <Badge color="orange" variant="light" data-testid="draft-dirty">
                {t('reportsDesigner.unsaved')}
              </Badge>
            ) : (
              <Badge color="green" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>
                {t('reportsDesigner.allSaved')}
              </Badge>
            )}
            <Text size="xs" c={serverErrors ? 'red' : 'dimmed'} data-testid="draft-state">
              {serverErrors
                ? t('reportsDesigner.problemsToFix', { count: serverErrors })
                : dirty
                  ? t('reportsDesigner.saveBeforePublish')
                  : t('reportsDesigner.readyToPublish')}
            </Text>
          </Group>
          <Group gap="xs" wrap="wrap">
            {base.abilities.edit && (
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                onClick={doSave}
                loading={save.isPending}
                disabled={!dirty && !refusal.length}
                data-testid="draft-save"
              >
                {t('reportsDesigner.save')}
              </Button>
            )}
            {base.abilities.publish && (
              <Button
                color="green"
                variant="light"
                leftSection={<IconSend size={16} aria-hidden />}
                disabled={dirty || serverErrors > 0}
                onClick={() => setPublishing(true)}
                loading={publish.isPending}
                data-testid="draft-publish"
              >
                {t('reportsDesigner.publish')}
              </Button>
            )}
            {base.abilities.edit && (
              <ConfirmButton
                title={t('reportsDesigner.discardTitle')}
                message={t('reportsDesigner.discardMessage', { number: base.number })}
                confirmLabel={t('reportsDesigner.discard')}
                onConfirm={() => discard.mutateAsync().catch(() => undefined)}
                loading={discard.isPending}
                data-testid="draft-discard"
              >
                {t('reportsDesigner.discard')}
              </ConfirmButton>
            )}
          </Group>
        </Group>
      </Paper>

      <Stack gap="md" mb="md">
        {failure != null && !(failure instanceof ApiError && failure.status === 400 && refusal.length) && (
          <ErrorAlert
            error={failure}
            onReload={stale ? () => void reload() : undefined}
            title={stale ? t('reportsDesigner.staleTitle') : undefined}
          />
        )}
        {stale && (
          <Text size="xs" c="dimmed">
            {t('reportsDesigner.staleHint')}
          </Text>
        )}
        {showLocal && blocking.length > 0 && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={t('reportsDesigner.cannotSave')}
            withCloseButton
            onClose={() => setShowLocal(false)}
            data-testid="local-issues"
          >
            <List size="sm" spacing={2}>
              {blocking.map((i, n) => (
                <List.Item key={`${i.at}-${i.issue}-${i.part ?? ''}-${n}`}>
                  <Anchor component="button" type="button" size="sm" onClick={() => goTo(i.at)}>
                    {itemName(i.at)}
                  </Anchor>
                  : {issueText(i)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {problemTotal > 0 && (
          <Alert
            color={refusal.length || serverErrors ? 'red' : 'yellow'}
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={
              refusal.length
                ? t('reportsDesigner.refused', { count: refusal.length })
                : t('reportsDesigner.problemsTitle', { count: base.problems.length })
            }
            data-testid="draft-problems"
          >
            {!refusal.length && (
              <Text size="xs" c="dimmed" mb={4}>
                {dirty ? t('reportsDesigner.problemsOfSavedDirty') : t('reportsDesigner.problemsOfSaved')}
              </Text>
            )}
            <ScrollArea.Autosize mah={220} type="auto">
              <List size="sm" spacing={2}>
                {[...refusal, ...base.problems].map((p, n) => {
                  const uid = p.field ? uidOfField(p.field) : null;
                  const rule = !p.field && ruleKeys.find((k) => placed.byRule.get(k)?.includes(p));
                  return (
                    <List.Item key={`${p.key}-${n}`}>
                      {p.severity === 'warning' && (
                        <Badge color="yellow" size="xs" variant="light" mr={4} component="span">
                          {t('reportsDesigner.severity.warning')}
                        </Badge>
                      )}
                      {p.message}{' '}
                      {(uid || rule) && (
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => (uid ? goTo(uid) : showRule(rule ? ruleKeys.indexOf(rule) : 0))}
                          data-testid="problem-open"
                        >
                          {t('reportsDesigner.show')}
                        </Anchor>
                      )}
                    </List.Item>
                  );
                })}
              </List>
            </ScrollArea.Autosize>
          </Alert>
        )}
      </Stack>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="outline" data-testid="tab-outline">
            {t('reportsDesigner.tabs.outline')}
          </Tabs.Tab>
          <Tabs.Tab
            value="rules"
            data-testid="tab-rules"
            rightSection={
              placed.byRule.size > 0 || issues.some((i) => i.at.startsWith('rule:')) ? (
                <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" aria-hidden />
              ) : undefined
            }
          >
            {t('reportsDesigner.tabs.rules', { count: draft.rules.length })}
          </Tabs.Tab>
          <Tabs.Tab value="general" data-testid="tab-general">
            {t('reportsDesigner.tabs.general')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="outline">
          {wide ? (
            <Grid gap="md">
              <Grid.Col span={5}>
                <OutlineTree
                  draft={draft}
                  selected={selected}
                  placed={placed}
                  flagged={flagged}
                  onSelect={select}
                  onMove={(uid, delta) => setDraft((d) => moveNode(d, uid, delta))}
                  onRemove={(uid) => setDraft((d) => removeNode(d, uid))}
                  onAddField={addField}
                  onAddSubsection={(uid) => {
                    const r = addSubsection(draft, uid, NEW_SUBSECTION);
                    setDraft(r.draft);
                    select(r.uid);
                  }}
                  onAddSection={() => {
                    const r = addSection(draft, NEW_SECTION);
                    setDraft(r.draft);
                    select(r.uid);
                  }}
                />
              </Grid.Col>
              <Grid.Col span={7}>
                <Box
                  style={{
                    position: 'sticky',
                    top: 'calc(var(--app-shell-header-offset, 60px) + 72px)',
                  }}
                >
                  <Card withBorder padding="md" data-testid="editor-panel">
                    <ScrollArea.Autosize mah="calc(100vh - 180px)" type="auto" offsetScrollbars>
                      {editor}
                    </ScrollArea.Autosize>
                  </Card>
                </Box>
              </Grid.Col>
            </Grid>
          ) : (
            <>
              <OutlineTree
                draft={draft}
                selected={selected}
                placed={placed}
                flagged={flagged}
                onSelect={select}
                onMove={(uid, delta) => setDraft((d) => moveNode(d, uid, delta))}
                onRemove={(uid) => setDraft((d) => removeNode(d, uid))}
                onAddField={addField}
                onAddSubsection={(uid) => {
                  const r = addSubsection(draft, uid, NEW_SUBSECTION);
                  setDraft(r.draft);
                  select(r.uid);
                }}
                onAddSection={() => {
                  const r = addSection(draft, NEW_SECTION);
                  setDraft(r.draft);
                  select(r.uid);
                }}
              />
              <Drawer
                opened={!!place}
                onClose={() => select(null)}
                position="right"
                size="100%"
                title={t('reportsDesigner.editorTitle')}
                data-testid="editor-drawer"
              >
                <Stack gap="md">
                  {editor}
                  <Group justify="space-between">
                    <Button variant="default" onClick={() => select(null)}>
                      {t('reportsDesigner.backToOutline')}
                    </Button>
                    {base.abilities.edit && (
                      <Button
                        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                        onClick={doSave}
                        loading={save.isPending}
                        disabled={!dirty}
                      >
                        {t('reportsDesigner.save')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Drawer>
            </>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="rules">
          <RulesEditor
            rules={draft.rules}
            onChange={(rules) => setDraft((d) => ({ ...d, rules }))}
            problemsOf={(key) => placed.byRule.get(key) ?? []}
            localOf={(i) => messagesAt(`rule:${i}`)}
          />
        </Tabs.Panel>

        <Tabs.Panel value="general">
          <GeneralEditor
            draft={draft}
            onChange={setDraft}
            nameMissing={issues.some((i) => i.at === 'form')}
          />
        </Tabs.Panel>
      </Tabs>

      <Modal
        opened={publishing}
        onClose={() => setPublishing(false)}
        title={t('reportsDesigner.publishTitle', { number: base.number })}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t('reportsDesigner.publishMessage')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPublishing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="green"
              onClick={() => {
                setPublishing(false);
                publish.mutate();
              }}
              data-testid="publish-confirm"
            >
              {t('reportsDesigner.publish')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={blocker.status === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('reportsDesigner.leaveTitle')}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t('reportsDesigner.leaveMessage')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()} data-testid="leave-stay">
              {t('reportsDesigner.stay')}
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()} data-testid="leave-go">
              {t('reportsDesigner.leave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
