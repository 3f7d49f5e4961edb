import {
  ActionIcon,
  Anchor,
  Badge,
  Card,
  FileButton,
  Group,
  Loader,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconCheck, IconPaperclip, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import {
  RESULTS,
  findingFileHref,
  inspectionKeys,
  removeFindingFile,
  setFinding,
  uploadFindingFile,
  type ChecklistItem,
  type Finding,
  type FindingResult,
  type Inspection,
} from '../api';

const RESULT_COLOR: Record<FindingResult, string> = {
  compliant: 'green',
  shortcoming: 'yellow',
  violation: 'red',
  not_applicable: 'gray',
};

/**
 * The checklist, grouped by content area: each item's result as large segmented buttons (touch), a note, evidence
 * files; every item saves itself (the result at once, the note a moment after typing stops) with a saved mark;
 * an item changed by someone else (409) takes the latest and says so.
 */
export function Checklist({ inspection }: { inspection: Inspection }) {
  const { t, i18n } = useTranslation();
  const c = inspection.checklist;
  const editable = inspection.allowedActions.includes('record_findings');
  const pct = c.summary.items ? (100 * c.summary.recorded) / c.summary.items : 0;
  return (
    <Stack gap="md" data-testid="checklist">
      <Card withBorder radius="md" padding="md">
        <Stack gap={6}>
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {t('inspections.checklist.title')}
            </Title>
            <Text size="sm" fw={600} data-testid="checklist-progress">
              {t('inspections.checklist.progress', {
                recorded: formatNumber(c.summary.recorded),
                items: formatNumber(c.summary.items),
              })}
            </Text>
          </Group>
          <Progress value={pct} size="lg" radius="sm" aria-label={t('inspections.checklist.title')} />
          <Text size="xs" c="dimmed">
            {t('inspections.checklist.counts', c.summary)}
          </Text>
          {!editable && (
            <Text size="sm" c="dimmed">
              {t('inspections.checklist.readOnly')}
            </Text>
          )}
        </Stack>
      </Card>
      {c.sections.map((s) => (
        <Card key={s.area} withBorder radius="md" padding="md" data-testid={`checklist-area-${s.area}`}>
          <Stack gap="md">
            <Title order={3} size="h5">
              {t(`inspections.areas.${s.area}`)}
            </Title>
            {s.items.map((item, n) => (
              <ItemRow
                key={item.key}
                inspectionId={inspection.id}
                area={s.area}
                item={item}
                index={n + 1}
                editable={editable}
                language={i18n.language}
              />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

type SaveState = 'idle' | 'saving' | 'saved' | 'stale' | 'error';

function ItemRow({
  inspectionId,
  area,
  item,
  index,
  editable,
  language,
}: {
  inspectionId: string;
  area: string;
  item: ChecklistItem;
  index: number;
  editable: boolean;
  language: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [finding, setLocal] = useState<Finding | null>(item.finding);
  const [note, setNote] = useState(item.finding?.note ?? '');
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A save in flight: the next one waits for it (its version).
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<Finding | null>(item.finding);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const save = (patch: { result?: FindingResult | null; note?: string }) => {
    setState('saving');
    chain.current = chain.current.then(async () => {
      const cur = latest.current;
      try {
        const next = await setFinding(inspectionId, area, item.key, {
          version: cur?.version ?? 0,
          result: patch.result !== undefined ? patch.result : (cur?.result ?? null),
          note: patch.note ?? cur?.note ?? '',
        });
        latest.current = next;
        setLocal(next);
        setState('saved');
        setError(null);
        void qc.invalidateQueries({ queryKey: inspectionKeys.inspection(inspectionId) });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          setState('stale');
          await qc.invalidateQueries({ queryKey: inspectionKeys.inspection(inspectionId) });
          const fresh = qc.getQueryData<Inspection>(inspectionKeys.inspection(inspectionId));
          const again = fresh?.checklist.sections
            .find((s) => s.area === area)
            ?.items.find((i) => i.key === item.key);
          latest.current = again?.finding ?? null;
          setLocal(again?.finding ?? null);
          setNote(again?.finding?.note ?? '');
        } else {
          setState('error');
          setError(e instanceof Error ? e.message : String(e));
        }
      }
    });
  };

  const onNote = (v: string) => {
    setNote(v);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save({ note: v }), 800);
  };

  const upload = async (file: File | null) => {
    if (!file) return;
    setState('saving');
    try {
      // A finding exists before its files: record the item (as it is) first.
      if (!latest.current) save({});
      await chain.current;
      await uploadFindingFile(inspectionId, area, item.key, file);
      await qc.invalidateQueries({ queryKey: inspectionKeys.inspection(inspectionId) });
      const fresh = qc.getQueryData<Inspection>(inspectionKeys.inspection(inspectionId));
      const again = fresh?.checklist.sections
        .find((s) => s.area === area)
        ?.items.find((i) => i.key === item.key);
      if (again?.finding) {
        latest.current = again.finding;
        setLocal(again.finding);
      }
      setState('saved');
    } catch (e) {
      setState('error');
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const removeFile = async (fileId: string) => {
    try {
      await removeFindingFile(inspectionId, area, item.key, fileId);
      setLocal((f) => (f ? { ...f, files: f.files.filter((x) => x.id !== fileId) } : f));
      void qc.invalidateQueries({ queryKey: inspectionKeys.inspection(inspectionId) });
    } catch (e) {
      setState('error');
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const text = language.startsWith('en') ? item.text.en || item.text.vi : item.text.vi;
  const guidance = language.startsWith('en') ? item.guidance.en || item.guidance.vi : item.guidance.vi;
  const result = finding?.result ?? null;
  return (
    <Stack
      gap={6}
      data-testid="checklist-item"
      data-item={item.key}
      pb="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fw={500} size="sm" style={{ minWidth: 0 }}>
          {index}. {text}
        </Text>
        <SavedMark state={state} />
      </Group>
      {guidance && (
        <Text size="xs" c="dimmed">
          {t('inspections.checklist.guidance')}: {guidance}
        </Text>
      )}
      {editable ? (
        <SegmentedControl
          fullWidth
          size="md"
          value={result ?? ''}
          onChange={(v) => {
            const r = v as FindingResult;
            setLocal((f) => (f ? { ...f, result: r } : f));
            save({ result: r });
          }}
          color={result ? RESULT_COLOR[result] : undefined}
          data={RESULTS.map((r) => ({ value: r, label: t(`inspections.results.${r}`) }))}
          data-testid="finding-result"
          styles={{ label: { whiteSpace: 'normal', lineHeight: 1.2, paddingBlock: 10 } }}
        />
      ) : (
        result && (
          <Badge color={RESULT_COLOR[result]} variant="light" tt="none" size="lg">
            {t(`inspections.results.${result}`)}
          </Badge>
        )
      )}
      {editable ? (
        <Textarea
          aria-label={t('inspections.checklist.note')}
          placeholder={t('inspections.checklist.notePlaceholder')}
          value={note}
          onChange={(e) => onNote(e.currentTarget.value)}
          onBlur={() => {
            if (timer.current && note !== (latest.current?.note ?? '')) {
              clearTimeout(timer.current);
              timer.current = null;
              save({ note });
            }
          }}
          autosize
          minRows={1}
          data-testid="finding-note"
        />
      ) : (
        note && <Text size="sm">{note}</Text>
      )}
      <Group gap="xs" wrap="wrap">
        {(finding?.files ?? []).map((f) => (
          <Badge
            key={f.id}
            variant="outline"
            tt="none"
            size="lg"
            fw={500}
            rightSection={
              editable ? (
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  aria-label={t('inspections.checklist.removeFile')}
                  onClick={() => void removeFile(f.id)}
                >
                  <IconX size={12} />
                </ActionIcon>
              ) : undefined
            }
            data-testid="finding-file"
          >
            <Anchor href={findingFileHref(inspectionId, area, item.key, f.id)} size="sm" target="_blank">
              {f.originalName}
            </Anchor>
          </Badge>
        ))}
        {editable && (
          <FileButton onChange={(f) => void upload(f)}>
            {(props) => (
              <Anchor component="button" size="sm" {...props} data-testid="finding-add-file">
                <Group gap={4}>
                  <IconPaperclip size={14} aria-hidden />
                  {t('inspections.checklist.addFile')}
                </Group>
              </Anchor>
            )}
          </FileButton>
        )}
      </Group>
      {state === 'stale' && (
        <Text size="xs" c="orange.8">
          {t('inspections.checklist.stale')}
        </Text>
      )}
      {error && state === 'error' && (
        <Text size="xs" c="red.7" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function SavedMark({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  if (state === 'saving')
    return (
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        <Loader size={12} />
        <Text size="xs" c="dimmed">
          {t('inspections.checklist.saving')}
        </Text>
      </Group>
    );
  if (state === 'saved')
    return (
      <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }} data-testid="finding-saved">
        <IconCheck size={14} color="var(--mantine-color-green-7)" aria-hidden />
        <Text size="xs" c="green.8">
          {t('inspections.checklist.saved')}
        </Text>
      </Group>
    );
  return null;
}
