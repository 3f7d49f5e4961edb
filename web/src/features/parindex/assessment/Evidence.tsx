import {
  Anchor,
  Badge,
  Button,
  Collapse,
  FileButton,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconChevronRight,
  IconExternalLink,
  IconFileText,
  IconLink,
  IconPaperclip,
  IconReplace,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { DecisionHint, DecisionSelect } from '../../../components/DecisionSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError, errorMessage } from '../../../lib/api';
import { formatDateTime, formatFileSize } from '../../../lib/format';
import {
  assessmentKeys,
  evidenceFileHref,
  linkEvidence,
  uploadEvidence,
  uploadRules,
  withdrawEvidence,
  type Assessment,
  type Evidence,
  type LinkKind,
} from './api';
import { isWebAddress, pastedRecord, type PlacedItem } from './model';

const LINK_KINDS = ['plan', 'report', 'inspection', 'document', 'url'] as const satisfies readonly LinkKind[];

/** A new or changed evidence into the page's copy (a replaced one is marked so, a withdrawn one replaced). */
function patchEvidence(qc: ReturnType<typeof useQueryClient>, id: string, e: Evidence, replaces?: string) {
  qc.setQueryData<Assessment>(assessmentKeys.one(id), (old) => {
    if (!old) return old;
    const exists = old.evidence.some((x) => x.id === e.id);
    const evidence = exists
      ? old.evidence.map((x) => (x.id === e.id ? e : x))
      : [...old.evidence.map((x) => (x.id === replaces ? { ...x, replaced: true } : x)), e];
    return { ...old, evidence };
  });
}

/** An address inside chidao, followed by the router (a new tab with the usual keys). */
function InAppAnchor({ to, children }: { to: string; children: ReactNode }) {
  const router = useRouter();
  return (
    <Anchor
      href={to}
      size="sm"
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        router.history.push(to);
      }}
    >
      {children}
    </Anchor>
  );
}

/** Where a link opens: a chidao page in the app, a web page in a new tab. */
export function RecordLink({ href, children }: { href: string; children: ReactNode }) {
  if (href.startsWith('/') && !href.startsWith('//')) return <InAppAnchor to={href}>{children}</InAppAnchor>;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
      {children} <IconExternalLink size={12} aria-hidden style={{ verticalAlign: 'middle' }} />
    </Anchor>
  );
}

/** One evidence: the file (name, size, download) or the linked record, its version, who added it and when. */
function EvidenceLine({
  assessment,
  e,
  editable,
  onReplace,
  onWithdraw,
  busy,
}: {
  assessment: Assessment;
  e: Evidence;
  editable: boolean;
  onReplace: (file: File) => void;
  onWithdraw: () => Promise<void>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const name = e.file ? e.file.name : e.label || e.link?.url || '';
  const main = e.file ? (
    <Anchor
      href={evidenceFileHref(assessment.id, e.file.id)}
      size="sm"
      target="_blank"
      style={{ overflowWrap: 'anywhere' }}
    >
      {name}
    </Anchor>
  ) : e.link ? (
    <RecordLink href={e.link.href}>{name}</RecordLink>
  ) : (
    <Text size="sm">{name}</Text>
  );
  const meta = [
    e.file ? formatFileSize(e.file.size) : e.link ? t(`parAssessment.evidence.kinds.${e.link.kind}`) : null,
    e.number > 1 ? t('parAssessment.evidence.version', { n: e.number }) : null,
    e.addedBy
      ? t('parAssessment.evidence.addedBy', { who: e.addedBy, at: formatDateTime(e.addedAt) })
      : formatDateTime(e.addedAt),
  ].filter(Boolean);
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="wrap"
      gap="xs"
      data-testid="par-evidence"
      data-withdrawn={e.withdrawn || undefined}
      data-replaced={e.replaced || undefined}
    >
      <Group gap={6} wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: '1 1 240px' }}>
        {e.file ? (
          <IconFileText size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        ) : (
          <IconLink size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        )}
        <Stack gap={0} style={{ minWidth: 0, textDecoration: e.withdrawn ? 'line-through' : undefined }}>
          <Group gap={6} wrap="wrap">
            {main}
            {e.withdrawn && (
              <Badge size="xs" color="gray" variant="light" tt="none" style={{ textDecoration: 'none' }}>
                {t('parAssessment.evidence.withdrawn')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {meta.join(' · ')}
          </Text>
        </Stack>
      </Group>
      {editable && !e.withdrawn && !e.replaced && (
        <Group gap={4} wrap="nowrap">
          {e.file && (
            <FileButton onChange={(f) => f && onReplace(f)}>
              {(props) => (
                <Button
                  {...props}
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconReplace size={14} aria-hidden />}
                  disabled={busy}
                  aria-label={t('parAssessment.evidence.replaceOf', { name })}
                  data-testid="par-evidence-replace"
                >
                  {t('parAssessment.evidence.replace')}
                </Button>
              )}
            </FileButton>
          )}
          <ConfirmButton
            variant="subtle"
            size="compact-sm"
            title={t('parAssessment.evidence.withdrawTitle')}
            message={t('parAssessment.evidence.withdrawConfirm', { name })}
            confirmLabel={t('parAssessment.evidence.withdraw')}
            onConfirm={onWithdraw}
            aria-label={t('parAssessment.evidence.withdrawOf', { name })}
            data-testid="par-evidence-withdraw"
          >
            {t('parAssessment.evidence.withdraw')}
          </ConfirmButton>
        </Group>
      )}
    </Group>
  );
}

/** The earlier versions of one file, folded under it (kept, never changed). */
function EarlierVersions({
  assessment,
  versions,
}: {
  assessment: Assessment;
  versions: readonly Evidence[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!versions.length) return null;
  return (
    <div style={{ paddingLeft: 22 }}>
      <UnstyledButton
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-controls={id}
        data-testid="par-evidence-older"
      >
        <Group gap={4}>
          {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          <Text size="xs" c="dimmed">
            {t('parAssessment.evidence.earlier', { count: versions.length })}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open} id={id}>
        <Stack gap={4} pl="md" pt={4}>
          {versions.map((v) => (
            <EvidenceLine
              key={v.id}
              assessment={assessment}
              e={v}
              editable={false}
              busy={false}
              onReplace={() => undefined}
              onWithdraw={async () => undefined}
            />
          ))}
        </Stack>
      </Collapse>
    </div>
  );
}

/**
 * An item's evidence (tài liệu kiểm chứng): the current files and linked records, each file's earlier versions folded under
 * it ("các bản trước"), withdrawn ones struck through. While the unit scores: upload files (several at once), replace a
 * file by its next version, link a record already in chidao or a web page, withdraw one. While it explains an item
 * the council changed: add files or links (what the explanation cites), nothing replaced or withdrawn.
 */
export function EvidenceList({
  assessment,
  item,
  evidence,
  contested,
}: {
  assessment: Assessment;
  item: PlacedItem;
  evidence: readonly Evidence[];
  /** The council changed this item's points in round 1. */
  contested: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  /** Existing evidence may be replaced or withdrawn (self-scoring). */
  const changeable = assessment.abilities.evidence;
  /** Evidence may be added (self-scoring, or explaining this item). */
  const editable = changeable || (assessment.abilities.explain && contested);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const rules = useQuery({
    queryKey: assessmentKeys.uploadRules,
    queryFn: uploadRules,
    staleTime: Infinity,
    enabled: editable,
  });
  const current = evidence.filter((e) => !e.replaced);
  const byId = new Map(evidence.map((e) => [e.id, e]));
  /** A file's earlier versions, newest first (each version names the one it replaces). */
  const versionsOf = (e: Evidence): Evidence[] => {
    const out: Evidence[] = [];
    for (
      let x = e.replacesId ? byId.get(e.replacesId) : undefined;
      x;
      x = x.replacesId ? byId.get(x.replacesId) : undefined
    )
      out.push(x);
    return out;
  };

  const upload = async (files: File[], replaces?: string) => {
    if (!files.length) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of files) {
        const r = await uploadEvidence(assessment.id, item.code, file, replaces);
        patchEvidence(qc, assessment.id, r.evidence, replaces);
      }
      notifications.show({
        color: 'green',
        message: t('parAssessment.evidence.uploaded', { count: files.length }),
      });
    } catch (e) {
      // A proxy refusing a big file answers without the server's words.
      if (e instanceof ApiError && e.status === 413 && e.code.startsWith('HTTP_'))
        setError(t('parAssessment.evidence.tooLarge'));
      else setError(errorMessage(e, t('common.unexpectedError')));
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async (e: Evidence) => {
    setError(null);
    try {
      const r = await withdrawEvidence(assessment.id, e.id);
      patchEvidence(qc, assessment.id, r.evidence);
    } catch (err) {
      setError(errorMessage(err, t('common.unexpectedError')));
    }
  };
  const accept = rules.data?.extensions.map((x) => `.${x}`).join(',');

  if (!editable && evidence.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="par-evidence-none">
        {t('parAssessment.evidence.none')}
      </Text>
    );
  return (
    <Stack gap={6} data-testid="par-evidence-list">
      {current.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('parAssessment.evidence.noneYet')}
        </Text>
      )}
      {current.map((e) => (
        <div key={e.id}>
          <EvidenceLine
            assessment={assessment}
            e={e}
            editable={changeable}
            busy={busy}
            onReplace={(f) => void upload([f], e.id)}
            onWithdraw={() => withdraw(e)}
          />
          <EarlierVersions assessment={assessment} versions={versionsOf(e)} />
        </div>
      ))}
      {editable && (
        <Group gap="xs" wrap="wrap">
          <FileButton onChange={(f) => void upload(f)} multiple accept={accept}>
            {(props) => (
              <Button
                {...props}
                variant="light"
                size="sm"
                leftSection={
                  busy ? <Loader size={14} aria-hidden /> : <IconPaperclip size={16} aria-hidden />
                }
                disabled={busy}
                data-testid="par-evidence-upload"
              >
                {t('parAssessment.evidence.upload')}
              </Button>
            )}
          </FileButton>
          <Button
            variant="subtle"
            size="sm"
            leftSection={<IconLink size={16} aria-hidden />}
            onClick={() => setLinking(true)}
            data-testid="par-evidence-link"
          >
            {t('parAssessment.evidence.link')}
          </Button>
          {rules.data && (
            <Text size="xs" c="dimmed">
              {t('parAssessment.evidence.rules', {
                types: rules.data.extensions.map((x) => x.toUpperCase()).join(', '),
                max: formatFileSize(rules.data.maxBytes),
              })}
            </Text>
          )}
        </Group>
      )}
      {error && (
        <Text size="sm" c="red.7" role="alert" data-testid="par-evidence-error">
          {error}
        </Text>
      )}
      {editable && (
        <LinkModal assessment={assessment} item={item} opened={linking} onClose={() => setLinking(false)} />
      )}
    </Stack>
  );
}

/**
 * "Liên kết hồ sơ": a record already in chidao — a plan, a report, an inspection (its page's address pasted), a
 * document of the register (picked) — or a web page, with an optional label (the record's title otherwise).
 */
function LinkModal({
  assessment,
  item,
  opened,
  onClose,
}: {
  assessment: Assessment;
  item: PlacedItem;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<LinkKind>('plan');
  const [address, setAddress] = useState('');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setKind('plan');
    setAddress('');
    setDocumentId(null);
    setLabel('');
    setProblem(null);
    setError(null);
  }, [opened]);

  const onAddress = (v: string) => {
    setAddress(v);
    setProblem(null);
    // A pasted chidao address says what it is: the kind follows it.
    const found = pastedRecord(v);
    if (found?.kind && found.kind !== kind && kind !== 'url') {
      if (found.kind === 'document') {
        setKind('document');
        setDocumentId(found.id);
      } else setKind(found.kind);
    }
  };

  const submit = async () => {
    setProblem(null);
    setError(null);
    let body: { linkKind: LinkKind; linkId?: string; url?: string; label: string };
    if (kind === 'document') {
      if (!documentId) return setProblem(t('parAssessment.link.pickDocument'));
      body = { linkKind: kind, linkId: documentId, label: label.trim() };
    } else if (kind === 'url') {
      if (!isWebAddress(address)) return setProblem(t('parAssessment.link.badUrl'));
      body = { linkKind: kind, url: address.trim(), label: label.trim() };
    } else {
      const found = pastedRecord(address);
      if (!found || (found.kind && found.kind !== kind))
        return setProblem(
          t('parAssessment.link.badAddress', { kind: t(`parAssessment.evidence.kinds.${kind}`) }),
        );
      body = { linkKind: kind, linkId: found.id, label: label.trim() };
    }
    setBusy(true);
    try {
      const r = await linkEvidence(assessment.id, item.code, body);
      patchEvidence(qc, assessment.id, r.evidence);
      notifications.show({ color: 'green', message: t('parAssessment.link.done') });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('parAssessment.link.title', { code: item.code })}
      size="lg"
      centered
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('parAssessment.link.kind')}
            data={LINK_KINDS.map((k) => ({ value: k, label: t(`parAssessment.evidence.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => {
              setKind((v ?? 'plan') as LinkKind);
              setProblem(null);
            }}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="par-link-kind"
          />
          {kind === 'document' ? (
            <Stack gap={4}>
              <DecisionSelect
                label={t('parAssessment.evidence.kinds.document')}
                withAsterisk
                value={documentId}
                onChange={(v) => {
                  setDocumentId(v);
                  setProblem(null);
                }}
                error={problem ?? undefined}
                data-testid="par-link-document"
              />
              <DecisionHint />
            </Stack>
          ) : (
            <TextInput
              label={kind === 'url' ? t('parAssessment.link.url') : t('parAssessment.link.address')}
              description={
                kind === 'url'
                  ? t('parAssessment.link.urlHelp')
                  : t('parAssessment.link.addressHelp', { kind: t(`parAssessment.evidence.kinds.${kind}`) })
              }
              placeholder={kind === 'url' ? 'https://' : t(`parAssessment.link.example.${kind}`)}
              withAsterisk
              value={address}
              onChange={(e) => onAddress(e.currentTarget.value)}
              error={problem ?? undefined}
              inputMode="url"
              data-testid="par-link-address"
            />
          )}
          <TextInput
            label={t('parAssessment.link.label')}
            description={t('parAssessment.link.labelHelp')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={300}
            data-testid="par-link-label"
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="par-link-submit">
              {t('parAssessment.link.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
