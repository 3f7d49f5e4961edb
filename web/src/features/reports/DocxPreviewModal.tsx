import { Button, Center, Group, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { docxUrl, fetchFile, type Issuer } from './api';
import './docx-preview.css';

const PRINT_ID = 'reports-docx-print';

/**
 * Prints the rendered pages alone: a copy of them goes into a print-only container at the end of the page,
 * the rest of the page is hidden for the print, and everything is put back after it.
 */
function printPages(source: HTMLElement) {
  document.getElementById(PRINT_ID)?.remove();
  const holder = document.createElement('div');
  holder.id = PRINT_ID;
  holder.innerHTML = source.innerHTML;
  document.body.appendChild(holder);
  document.body.classList.add('reports-docx-printing');
  const cleanup = () => {
    document.body.classList.remove('reports-docx-printing');
    holder.remove();
    window.removeEventListener('afterprint', cleanup);
  };
  window.addEventListener('afterprint', cleanup);
  window.print();
}

/** On a narrow screen the A4 pages are scaled down to the width (printing uses them at full size). */
function fitToWidth(container: HTMLElement) {
  const wrapper = container.querySelector<HTMLElement>('.docx-wrapper');
  const page = wrapper?.querySelector<HTMLElement>('section.docx');
  if (!wrapper || !page) return;
  wrapper.style.zoom = '';
  const scale = Math.min(1, (container.clientWidth - 4) / (page.offsetWidth + 32));
  if (scale < 1) wrapper.style.zoom = String(Math.max(0.3, scale));
}

/**
 * The province's report as Word would show it, rendered in the browser (docx-preview, loaded only when this
 * opens), with the issuer's layout to choose, a download, and printing (or saving as PDF) of the pages alone.
 */
export function DocxPreviewModal({
  roundId,
  opened,
  onClose,
}: {
  roundId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [issuer, setIssuer] = useState<Issuer>('province');
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const pages = useRef<HTMLDivElement | null>(null);
  const [mounted, setMounted] = useState<HTMLDivElement | null>(null);
  const container = useCallback((el: HTMLDivElement | null) => {
    pages.current = el;
    setMounted(el);
  }, []);

  useEffect(() => {
    if (!opened || !mounted) return;
    let cancelled = false;
    setState({ loading: true, error: null });
    mounted.replaceChildren();
    (async () => {
      const [blob, lib] = await Promise.all([
        fetchFile(docxUrl(roundId, issuer), i18n.language),
        import('docx-preview'),
      ]);
      if (cancelled) return;
      await lib.renderAsync(blob, mounted, undefined, {
        className: 'docx',
        inWrapper: true,
        breakPages: true,
        ignoreLastRenderedPageBreak: true,
        renderHeaders: true,
        renderFooters: true,
        useBase64URL: true,
      });
      if (cancelled) return;
      setState({ loading: false, error: null });
      fitToWidth(mounted);
    })().catch((error: unknown) => {
      if (!cancelled) setState({ loading: false, error });
    });
    return () => {
      cancelled = true;
    };
  }, [opened, mounted, roundId, issuer, i18n.language]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('reports.cons.previewTitle')}
      size="calc(210mm + 96px)"
      fullScreen={!!phone}
      data-testid="docx-preview-modal"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SegmentedControl
            value={issuer}
            onChange={(v) => setIssuer(v as Issuer)}
            data={[
              { value: 'province', label: t('reports.cons.issuer.province') },
              { value: 'committee', label: t('reports.cons.issuer.committee') },
            ]}
            data-testid="docx-preview-issuer"
          />
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              component="a"
              href={docxUrl(roundId, issuer)}
              download
            >
              {t('reports.cons.downloadShort')}
            </Button>
            <Button
              leftSection={<IconPrinter size={16} aria-hidden />}
              disabled={state.loading || !!state.error}
              onClick={() => pages.current && printPages(pages.current)}
              data-testid="docx-preview-print"
            >
              {t('reports.cons.print')}
            </Button>
          </Group>
        </Group>
        {state.error ? <ErrorAlert error={state.error} /> : null}
        {state.loading && (
          <Center py="xl">
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                {t('reports.cons.previewLoading')}
              </Text>
            </Group>
          </Center>
        )}
        <div className="reports-docx-preview" ref={container} data-testid="docx-preview" />
      </Stack>
    </Modal>
  );
}
