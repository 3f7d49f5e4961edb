import {
  ActionIcon,
  Alert,
  Button,
  Card,
  CopyButton,
  Group,
  Input,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconBell,
  IconCheck,
  IconCircleCheck,
  IconCopy,
  IconDownload,
  IconEyeOff,
  IconInfoCircle,
  IconLink,
  IconRefresh,
  IconUpload,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScrollCue } from '../../components/table';
import { ApiError } from '../../lib/api';
import { formatNumber, sortVi } from '../../lib/format';
import {
  importInvitations,
  reissueInvitationLinks,
  remindInvitations,
  surveyKeys,
  type Bilingual,
  type InvitationImport,
  type InvitationLink,
  type Survey,
} from './api';
import { XLSX_ACCEPT, WorkbookProblemsTable } from './builder/workbook';
import { groupLabel, textIn } from './labels';
import { invitationLinksWorkbook, respondentTemplate, RESPONDENT_COLUMNS } from './model/xlsx';

/** Saves bytes made in the browser as a file (a short-lived object URL). */
function download(bytes: Uint8Array, name: string) {
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A link as people can send it: the server gives a path when the site's public address is not configured. */
const absolute = (url: string) => (url.startsWith('/') ? `${window.location.origin}${url}` : url);

/**
 * The personal links of respondents without e-mail, given once (by an import or a re-issue): the server keeps only
 * their hashes, so this panel is the only place they exist — copied one by one into Zalo/SMS, or downloaded as a
 * workbook made here (with a warning to delete it once sent).
 */
function LinksPanel({
  s,
  links,
  notice,
  onHide,
}: {
  s: Survey;
  links: InvitationLink[];
  notice: Bilingual | null;
  onHide: () => void;
}) {
  const { t, i18n } = useTranslation();
  const I = (k: string, v?: Record<string, unknown>) => t(`surveys.invitations.${k}`, v ?? {});
  const rows = links.map((l) => ({ ...l, url: absolute(l.url) }));
  return (
    <Card withBorder padding="md" data-testid="invitation-links">
      <Stack gap="xs">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={3} size="h5">
            <Group gap={6} component="span" wrap="nowrap">
              <IconLink size={18} aria-hidden />
              {I('links.title')}
            </Group>
          </Title>
          <Group gap="xs">
            {rows.length > 0 && (
              <Button
                variant="light"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden />}
                onClick={() =>
                  download(
                    invitationLinksWorkbook(
                      rows.map((l) => ({ ...l, group: t(`surveys.groups.${l.group}`, { lng: 'vi' }) })),
                    ),
                    `duong-dan-ca-nhan-${s.year}.xlsx`,
                  )
                }
                data-testid="invitation-links-download"
              >
                {I('links.download')}
              </Button>
            )}
            <Button
              variant="default"
              size="xs"
              leftSection={<IconEyeOff size={14} aria-hidden />}
              onClick={onHide}
              data-testid="invitation-links-hide"
            >
              {I('links.hide')}
            </Button>
          </Group>
        </Group>
        {notice && (
          <Text size="sm" fw={500} data-testid="invitation-links-notice">
            {textIn(notice, i18n.language)}
          </Text>
        )}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {I('links.none')}
          </Text>
        ) : (
          <>
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              <Stack gap={4}>
                <Text size="sm">{I('links.once')}</Text>
                <Text size="sm">{I('links.fileWarning')}</Text>
                {s.status === 'draft' && <Text size="sm">{I('links.draft')}</Text>}
              </Stack>
            </Alert>
            <ScrollCue minWidth={820} label={I('links.title')} testId="invitation-links-scroll">
              <Table striped verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{I('links.name')}</Table.Th>
                    <Table.Th>{I('links.unit')}</Table.Th>
                    <Table.Th>{I('links.group')}</Table.Th>
                    <Table.Th>{I('links.phone')}</Table.Th>
                    <Table.Th>{I('links.url')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((l) => (
                    <Table.Tr key={l.url} data-testid="invitation-link-row">
                      <Table.Td>{l.name}</Table.Td>
                      <Table.Td>{l.unit}</Table.Td>
                      <Table.Td>{groupLabel(t, l.group)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.phone}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Text
                            size="xs"
                            ff="monospace"
                            style={{ wordBreak: 'break-all' }}
                            data-testid="invitation-link-url"
                          >
                            {l.url}
                          </Text>
                          <CopyButton value={l.url}>
                            {({ copied, copy }) => (
                              <Tooltip label={copied ? I('links.copied') : I('links.copy')} withArrow>
                                <ActionIcon
                                  variant="subtle"
                                  color={copied ? 'teal' : 'gray'}
                                  onClick={copy}
                                  aria-label={`${I('links.copy')}: ${l.name || l.phone}`}
                                >
                                  {copied ? (
                                    <IconCheck size={14} aria-hidden />
                                  ) : (
                                    <IconCopy size={14} aria-hidden />
                                  )}
                                </ActionIcon>
                              </Tooltip>
                            )}
                          </CopyButton>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollCue>
          </>
        )}
      </Stack>
    </Card>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700} data-testid={testId}>
        {formatNumber(value)}
      </Text>
    </Stack>
  );
}

/**
 * Invitations (tab "Mời trả lời"): a respondent list uploaded as a workbook (Đơn vị, Nhóm, Họ tên, E-mail, Điện thoại
 * / Zalo; a template with the survey's targets is downloadable) becomes personal one-time links — mailed, or for a
 * row with only a phone shown once here to send by Zalo/SMS — all or nothing, and idempotent (a person already
 * invited to a target is not invited twice); the counts per target (sent, used); a reminder by mail to those who
 * have not answered; fresh Zalo/SMS links when the office lost them (the earlier ones stop working).
 */
export function InvitationsTab({ s }: { s: Survey }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<InvitationImport | null>(null);
  // The links given once (by the last import or re-issue); kept only in this page's memory.
  const [links, setLinks] = useState<{ items: InvitationLink[]; notice: Bilingual | null } | null>(null);
  const I = (k: string, v?: Record<string, unknown>) => t(`surveys.invitations.${k}`, v ?? {});
  const canInvite = s.abilities.invite;
  const targets = sortVi(s.targetList, (x) => `${x.unit.name} ${x.targetGroup}`);

  const upload = useMutation({
    mutationFn: () => importInvitations(s.id, file!),
    onSuccess: async (r) => {
      setResult(r);
      if (r.links.length) setLinks({ items: r.links, notice: null });
      setFile(null);
      setTried(false);
      setInputKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: surveyKeys.one(s.id) });
    },
  });
  const remind = useMutation({
    mutationFn: () => remindInvitations(s.id),
    onSuccess: async (r) => {
      notifications.show({
        color: 'green',
        message: I('reminded', { count: r.reminded, n: formatNumber(r.reminded) }),
      });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.one(s.id) });
    },
  });
  const reissue = useMutation({
    mutationFn: () => reissueInvitationLinks(s.id),
    onSuccess: async (r) => {
      setLinks({ items: r.links, notice: r.notice });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.one(s.id) });
    },
  });
  const rowsRefused =
    upload.error instanceof ApiError && upload.error.status === 400 && upload.error.details.length > 0;
  const sent = s.targetList.reduce((n, x) => n + x.invitations.sent, 0);
  const used = s.targetList.reduce((n, x) => n + x.invitations.used, 0);

  return (
    <Stack gap="md" data-testid="invitations-tab">
      <Text size="sm" c="dimmed" maw={860}>
        {I('lead')}
      </Text>
      {s.anonymous && (
        <Alert color="teal" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          {I('anonymous')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {I('templateTitle')}
            </Title>
            <Text size="sm">{I('templateLead')}</Text>
            <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="invitations-columns">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{I('column')}</Table.Th>
                  <Table.Th>{I('meaning')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {RESPONDENT_COLUMNS.map((c, k) => (
                  <Table.Tr key={c}>
                    <Table.Td fw={500}>{c}</Table.Td>
                    <Table.Td>{I(`columns.${k}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                download(
                  respondentTemplate(
                    targets.map((x) => ({
                      unit: x.unit.name,
                      group: t(`surveys.groups.${x.targetGroup}`, { lng: 'vi' }),
                    })),
                  ),
                  `danh-sach-moi-${s.year}.xlsx`,
                )
              }
              data-testid="invitations-template"
            >
              {I('templateDownload')}
            </Button>
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setTried(true);
              setResult(null);
              if (file) upload.mutate();
            }}
          >
            <Stack gap="xs">
              <Title order={3} size="h5">
                {I('uploadTitle')}
              </Title>
              {!canInvite ? (
                <Text size="sm" c="dimmed">
                  {s.status === 'closed' ? I('closed') : I('notAllowed')}
                </Text>
              ) : (
                <>
                  <List size="sm" spacing={2}>
                    <List.Item>{I('emailOrPhone')}</List.Item>
                    <List.Item>{I('allOrNothing')}</List.Item>
                    <List.Item>{I('idempotent')}</List.Item>
                    {s.status !== 'open' && <List.Item>{I('whenOpen')}</List.Item>}
                  </List>
                  <Input.Wrapper
                    label={t('surveys.workbook.file')}
                    id={inputId}
                    withAsterisk
                    error={tried && !file ? t('surveys.workbook.fileRequired') : undefined}
                  >
                    <input
                      key={inputKey}
                      id={inputId}
                      type="file"
                      accept={XLSX_ACCEPT}
                      className="file-input"
                      data-testid="invitations-file"
                      onChange={(e) => {
                        setFile(e.currentTarget.files?.[0] ?? null);
                        upload.reset();
                      }}
                    />
                  </Input.Wrapper>
                  <Button
                    type="submit"
                    leftSection={<IconUpload size={16} aria-hidden />}
                    loading={upload.isPending}
                    style={{ alignSelf: 'flex-start' }}
                    data-testid="invitations-upload"
                  >
                    {I('upload')}
                  </Button>
                </>
              )}
              {result && (
                <Alert
                  color="green"
                  variant="light"
                  icon={<IconCircleCheck size={18} aria-hidden />}
                  title={I('resultTitle')}
                  data-testid="invitations-result"
                >
                  <Group gap="lg" wrap="wrap">
                    <Figure label={I('rows')} value={result.rows} testId="invitations-rows" />
                    <Figure label={I('created')} value={result.created} testId="invitations-created" />
                    <Figure
                      label={I('alreadyInvited')}
                      value={result.alreadyInvited}
                      testId="invitations-already"
                    />
                    <Figure label={I('sent')} value={result.sent} testId="invitations-sent" />
                    <Figure
                      label={I('linksCount')}
                      value={result.links.length}
                      testId="invitations-links-count"
                    />
                  </Group>
                </Alert>
              )}
              {rowsRefused ? (
                <WorkbookProblemsTable error={upload.error as ApiError} testId="invitations-problems" />
              ) : (
                <ErrorAlert error={upload.error} />
              )}
            </Stack>
          </form>
        </Card>
      </SimpleGrid>

      {links && <LinksPanel s={s} links={links.items} notice={links.notice} onHide={() => setLinks(null)} />}

      <Card withBorder padding="md">
        <Stack gap="xs">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Title order={3} size="h5">
              {I('perTarget')}
            </Title>
            <Group gap="xs">
              {canInvite && (
                <ConfirmButton
                  color="orange"
                  variant="light"
                  leftSection={<IconRefresh size={16} aria-hidden />}
                  title={I('reissueTitle')}
                  message={I('reissueMessage')}
                  confirmLabel={I('reissue')}
                  onConfirm={() => reissue.mutateAsync().catch(() => undefined)}
                  loading={reissue.isPending}
                  data-testid="invitations-reissue"
                >
                  {I('reissue')}
                </ConfirmButton>
              )}
              {canInvite && s.status === 'open' && sent > used && (
                <ConfirmButton
                  color="blue"
                  variant="light"
                  leftSection={<IconBell size={16} aria-hidden />}
                  title={I('remindTitle')}
                  message={I('remindMessage', { n: formatNumber(sent - used) })}
                  confirmLabel={I('remind')}
                  onConfirm={() => remind.mutateAsync().catch(() => undefined)}
                  loading={remind.isPending}
                  data-testid="invitations-remind"
                >
                  {I('remind')}
                </ConfirmButton>
              )}
            </Group>
          </Group>
          {canInvite && (
            <Text size="xs" c="dimmed">
              {I('remindPhones')}
            </Text>
          )}
          <ErrorAlert error={remind.error} />
          <ErrorAlert error={reissue.error} />
          {targets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {I('noTargets')}
            </Text>
          ) : (
            <ScrollCue minWidth={560} label={I('perTarget')} testId="invitations-scroll">
              <Table striped verticalSpacing={4} data-testid="invitations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.targets.unit')}</Table.Th>
                    <Table.Th>{t('surveys.targets.group')}</Table.Th>
                    <Table.Th ta="right">{I('sent')}</Table.Th>
                    <Table.Th ta="right">{I('used')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {targets.map((x) => (
                    <Table.Tr key={x.id} data-testid="invitations-target-row">
                      <Table.Td>{x.unit.name}</Table.Td>
                      <Table.Td>{groupLabel(t, x.targetGroup)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(x.invitations.sent)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(x.invitations.used)}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={600}>
                    <Table.Td colSpan={2}>{I('total')}</Table.Td>
                    <Table.Td ta="right">{formatNumber(sent)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(used)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </ScrollCue>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
