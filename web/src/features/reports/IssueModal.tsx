import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { issueConsolidation, type Consolidation, type Issuer } from './api';

/**
 * Issues the consolidated report (the standing agency): who issues it (UBND tỉnh, or the Ban Chỉ đạo in its
 * founder's layout), its register number and date. The server registers it with the numbered .docx and the
 * .xlsx annexes attached, and locks the draft.
 */
/** Today in Việt Nam (UTC+7), as the register dates documents. */
const todayIso = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export function IssueModal({
  data,
  opened,
  onClose,
  onIssued,
}: {
  data: Consolidation;
  opened: boolean;
  onClose: () => void;
  onIssued: (c: Consolidation) => void;
}) {
  const { t } = useTranslation();
  const [issuer, setIssuer] = useState<Issuer>('province');
  const [number, setNumber] = useState<number | ''>('');
  const [issuedOn, setIssuedOn] = useState<string | null>(todayIso());
  const issue = useMutation({
    mutationFn: () =>
      issueConsolidation(data.roundId, {
        version: data.version,
        number: Number(number),
        issuedOn: issuedOn!,
        issuer,
      }),
    onSuccess: (c) => {
      notifications.show({ color: 'green', message: t('reports.issue.done') });
      onIssued(c);
      onClose();
    },
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('reports.issue.title')}
      centered
      data-testid="cons-issue-modal"
    >
      <Stack gap="sm">
        <Text size="sm">{t('reports.issue.explain')}</Text>
        <SegmentedControl
          value={issuer}
          onChange={(v) => setIssuer(v as Issuer)}
          data={[
            { value: 'province', label: t('reports.cons.issuer.province') },
            { value: 'committee', label: t('reports.cons.issuer.committee') },
          ]}
          data-testid="cons-issue-issuer"
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('reports.issue.number')}
            min={1}
            max={99999}
            allowDecimal={false}
            value={number}
            onChange={(v) => setNumber(typeof v === 'number' ? v : '')}
            withAsterisk
            data-testid="cons-issue-number"
          />
          <DateField
            label={t('reports.issue.date')}
            value={issuedOn}
            onChange={setIssuedOn}
            withAsterisk
            data-testid="cons-issue-date"
          />
        </Group>
        <Alert color="yellow" p="xs">
          {t('reports.issue.final')}
        </Alert>
        {issue.isError && <ErrorAlert error={issue.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reports.issue.cancel')}
          </Button>
          <Button
            disabled={number === '' || !issuedOn}
            loading={issue.isPending}
            onClick={() => issue.mutate()}
            data-testid="cons-issue-ok"
          >
            {t('reports.issue.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
