import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Code,
  CopyButton,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect, useUnitNames } from '../../components/UnitSelect';
import { formatDateTime } from '../../lib/format';
import { DataTable, type Column } from '../../components/table';
import {
  createToken,
  listTokens,
  revokeToken,
  tokenKeys,
  type CreatedToken,
  type IngestToken,
} from './tokensApi';

/** The new token, shown once with a copy button: the server keeps only its SHA-256. */
function NewToken({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      icon={<IconLock size={18} aria-hidden />}
      title={t('dossiersTokens.createdTitle', { name: token.name })}
      data-testid="token-created"
    >
      <Stack gap="xs">
        <Text size="sm">{t('dossiersTokens.showOnce')}</Text>
        <Group gap="xs" wrap="nowrap">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="token-value">
            {token.token}
          </Code>
          <CopyButton value={token.token} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('dossiersTokens.copied') : t('dossiersTokens.copy')} withArrow>
                <ActionIcon
                  variant="light"
                  color={copied ? 'teal' : 'gray'}
                  size="lg"
                  onClick={copy}
                  aria-label={t('dossiersTokens.copy')}
                  data-testid="token-copy"
                >
                  {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('dossiersTokens.usage')}
        </Text>
        <Group>
          <Button size="xs" variant="white" color="dark" onClick={onDone} data-testid="token-hide">
            {t('dossiersTokens.hide')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** "Mã truy cập API": tokens of the systems that push dossiers (administrators). */
export function TokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: tokenKeys.list, queryFn: listTokens });
  const units = useUnitNames((list.data?.items ?? []).map((tk) => tk.unitId));
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useMutation({
    mutationFn: () => createToken({ name: name.trim(), source: source.trim(), unitId: unitId! }),
    onSuccess: (token) => {
      setCreated(token);
      setName('');
      setSource('');
      setUnitId(null);
      void queryClient.invalidateQueries({ queryKey: tokenKeys.list });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeToken(id),
    onSuccess: (token) => {
      void queryClient.invalidateQueries({ queryKey: tokenKeys.list });
      notifications.show({ color: 'green', message: t('dossiersTokens.revoked', { name: token.name }) });
    },
  });
  const items = list.data?.items ?? [];
  const columns: Column<IngestToken>[] = [
    {
      key: 'name',
      header: t('dossiersTokens.name'),
      value: (tk) => tk.name,
      cell: (tk) => <Text fw={500}>{tk.name}</Text>,
    },
    { key: 'source', header: t('dossiersTokens.source'), value: (tk) => tk.source },
    {
      key: 'unit',
      header: t('dossiersTokens.unit'),
      value: (tk) => units.byId.get(tk.unitId)?.label,
      cell: (tk) => units.byId.get(tk.unitId)?.label ?? '…',
    },
    { key: 'prefix', header: t('dossiersTokens.prefix'), cell: (tk) => <Code>{tk.prefix}…</Code> },
    {
      key: 'createdAt',
      header: t('common.createdAt'),
      value: (tk) => tk.createdAt,
      firstDir: 'desc',
      cell: (tk) => formatDateTime(tk.createdAt),
    },
    {
      key: 'lastUsedAt',
      header: t('dossiersTokens.lastUsed'),
      value: (tk) => tk.lastUsedAt,
      firstDir: 'desc',
      cell: (tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : '—'),
    },
    {
      key: 'state',
      header: t('dossiersTokens.state'),
      // Active tokens first, then the revoked ones by the day they were revoked.
      value: (tk) => (tk.revokedAt ? `1 ${tk.revokedAt}` : '0'),
      cell: (tk) =>
        tk.revokedAt ? (
          <Badge color="gray" variant="light" data-testid="token-state">
            {t('dossiersTokens.revokedAt', { date: formatDateTime(tk.revokedAt) })}
          </Badge>
        ) : (
          <Badge color="green" variant="light" data-testid="token-state">
            {t('dossiersTokens.active')}
          </Badge>
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (tk) =>
        !tk.revokedAt && (
          <ConfirmButton
            size="xs"
            title={t('dossiersTokens.revokeTitle')}
            message={t('dossiersTokens.revokeMessage', { name: tk.name })}
            confirmLabel={t('dossiersTokens.revoke')}
            onConfirm={() => revoke.mutateAsync(tk.id).catch(() => undefined)}
            data-testid="token-revoke"
          >
            {t('dossiersTokens.revoke')}
          </ConfirmButton>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('dossiersTokens.title')} description={t('dossiersTokens.description')} />
      <Stack gap="lg">
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('dossiersTokens.newTitle')}
            </Title>
            <Group align="flex-end" gap="md" wrap="wrap">
              <TextInput
                label={t('dossiersTokens.name')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                w={260}
                data-testid="token-name"
              />
              <TextInput
                label={t('dossiersTokens.source')}
                required
                value={source}
                onChange={(e) => setSource(e.currentTarget.value)}
                w={280}
                data-testid="token-source"
              />
              <UnitSelect
                label={t('dossiersTokens.unit')}
                required
                value={unitId}
                onChange={setUnitId}
                w={320}
                data-testid="token-unit"
              />
              <Button
                leftSection={<IconKey size={16} aria-hidden />}
                disabled={!name.trim() || !source.trim() || !unitId}
                loading={create.isPending}
                onClick={() => create.mutate()}
                data-testid="token-create"
              >
                {t('dossiersTokens.create')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('dossiersTokens.hint')}
            </Text>
            <ErrorAlert error={create.error} showDetails />
          </Stack>
        </Card>
        {created && <NewToken token={created} onDone={() => setCreated(null)} />}
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('dossiersTokens.listTitle')}
          </Title>
          {list.isLoading && (
            <Center py="md">
              <Loader aria-label={t('common.loading')} />
            </Center>
          )}
          <ErrorAlert error={list.error ?? revoke.error} />
          {list.data && (
            <DataTable
              rows={items}
              columns={columns}
              rowKey={(tk) => tk.id}
              initialSort={{ key: 'createdAt', dir: 'desc' }}
              minWidth={860}
              label={t('dossiersTokens.listTitle')}
              empty={t('dossiersTokens.empty')}
              testId="token-list"
              tableProps={{ highlightOnHover: false }}
              rowProps={(tk) => ({ 'data-testid': 'token-row', 'data-name': tk.name })}
            />
          )}
        </Stack>
      </Stack>
    </>
  );
}
