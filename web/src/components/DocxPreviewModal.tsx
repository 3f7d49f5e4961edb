import { Button, Center, Group, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../lib/api';
import { ErrorAlert } from './ErrorAlert';
import './DocxPreviewModal.css';

const PRINT_ID = 'docx-preview-print';

/** A file from the API as bytes (the .docx to preview), with the server's error as an `ApiError`. */
async function fetchDocx(url: string, locale: string): Promise<Blob> {
  const res = await fetch(url, {
    credentials: 'same-origin',
    headers: { 'x-chidao-locale': locale === 'en' ? 'en' : 'vi' },
  });
  if (!res.ok) {
    let err: { code?: string; message?: string; details?: FieldError[] } | undefined;
    try {
      err = ((await res.json()) as { error?: typeof err }).error;
    } catch {
      // not JSON
    }
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? res.statusText,
      err?.details,
    );
  }
  return res.blob();
}

/** Prints the rendered pages alone (a print-only copy at the end of the page; the rest hidden for the print). */
function printPages(source: HTMLElement) {
  document.getElementById(PRINT_ID)?.remove();
  const holder = document.createElement('div');
  holder.id = PRINT_ID;
  holder.innerHTML = source.innerHTML;
  document.body.appendChild(holder);
  document.body.classList.add('docx-preview-printing');
  const cleanup = () => {
    document.body.classList.remove('docx-preview-printing');
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

export type DocxChoice = { value: string; label: string; url: string };

/**
 * A .docx from the API as Word would show it, rendered in the browser (docx-preview, loaded only when this opens),
 * with a choice between variants (e.g. the issuer's layout, or which document), a download, and printing (or saving
 * as PDF) of the pages alone. The same rendering as the reports' consolidation preview.
 */
export function DocxPreviewModal({
  choices,
  initial,
  title,
  opened,
  onClose,
}: {
  /** The documents to choose between (one: no choice shown). */
  choices: readonly DocxChoice[];
  initial?: string | undefined;
  title: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [value, setValue] = useState(initial ?? choices[0]?.value ?? '');
  const url = choices.find((c) => c.value === value)?.url ?? choices[0]?.url ?? '';
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const pages = useRef<HTMLDivElement | null>(null);
  const [mounted, setMounted] = useState<HTMLDivElement | null>(null);
  const container = useCallback((el: HTMLDivElement | null) => {
    pages.current = el;
    setMounted(el);
  }, []);
  useEffect(() => {
    if (opened && initial) setValue(initial);
  }, [opened, initial]);

  useEffect(() => {
    if (!opened || !mounted || !url) return;
    let cancelled = false;
    setState({ loading: true, error: null });
    mounted.replaceChildren();
    (async () => {
      const [blob, lib] = await Promise.all([fetchDocx(url, i18n.language), import('docx-preview')]);
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
  }, [opened, mounted, url, i18n.language]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="calc(210mm + 96px)"
      fullScreen={!!phone}
      data-testid="docx-preview-modal"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          {choices.length > 1 ? (
            <SegmentedControl
              value={value}
              onChange={setValue}
              data={choices.map((c) => ({ value: c.value, label: c.label }))}
              data-testid="docx-preview-choice"
            />
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              component="a"
              href={url}
              download
            >
              {t('docxPreview.download')}
            </Button>
            <Button
              leftSection={<IconPrinter size={16} aria-hidden />}
              disabled={state.loading || !!state.error}
              onClick={() => pages.current && printPages(pages.current)}
              data-testid="docx-preview-print"
            >
              {t('docxPreview.print')}
            </Button>
          </Group>
        </Group>
        {state.error ? <ErrorAlert error={state.error} /> : null}
        {state.loading && (
          <Center py="xl">
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                {t('docxPreview.loading')}
              </Text>
            </Group>
          </Center>
        )}
        <div className="docx-preview" ref={container} data-testid="docx-preview" />
      </Stack>
    </Modal>
  );
}
