/**
 * The pieces the forms and summaries of rule versions share (the hotline's deadlines, the inspections' numbers):
 * a titled section, a labelled value, the sources ("căn cứ") listed and edited in both languages, and the focus
 * moving to the first field marked after a refused save.
 */
import { ActionIcon, Button, Divider, Group, List, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../workflow/work';

type Bilingual = { vi: string; en: string };

/** A part of a form under a divider with its title. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider label={title} labelPosition="left" styles={{ label: { fontWeight: 600, fontSize: 14 } }} />
      {children}
    </Stack>
  );
}

/** A value with its label above it. */
export function Fact({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  /** A line under the value (e.g. where the number comes from). */
  hint?: string;
  testId?: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" fs="italic">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

/** The sources of a version, in the reader's language. */
export function BasisList({ basis }: { basis: readonly Bilingual[] }) {
  const { i18n } = useTranslation();
  return (
    <List size="sm" spacing={4} data-testid="rule-basis">
      {basis.map((b, i) => (
        <List.Item key={i}>{inLanguage(b, i18n.language)}</List.Item>
      ))}
    </List>
  );
}

/**
 * The sources of a new version, each in Vietnamese and English, added and removed; the problem with them (from
 * the server) under the list. The texts are the page's, under `texts` (`basisVi`, `basisEn` and `removeBasis`
 * with `{{n}}`, `addBasis`).
 */
export function BasisEditor({
  basis,
  onChange,
  error,
  texts,
}: {
  basis: readonly Bilingual[];
  onChange: (basis: Bilingual[]) => void;
  error: string | undefined;
  /** Where the page's texts are, e.g. `hotlineSettings.rules.form`. */
  texts: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Bilingual>) =>
    onChange(basis.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <>
      {basis.map((b, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="rule-basis-row">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1, minWidth: 0 }}>
            <Textarea
              label={t(`${texts}.basisVi`, { n: i + 1 })}
              autosize
              minRows={2}
              value={b.vi}
              onChange={(e) => set(i, { vi: e.currentTarget.value })}
              data-testid="rule-basis-vi"
            />
            <Textarea
              label={t(`${texts}.basisEn`, { n: i + 1 })}
              autosize
              minRows={2}
              value={b.en}
              onChange={(e) => set(i, { en: e.currentTarget.value })}
              data-testid="rule-basis-en"
            />
          </SimpleGrid>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mt={24}
            aria-label={t(`${texts}.removeBasis`, { n: i + 1 })}
            onClick={() => onChange(basis.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red" data-testid="rule-basis-error">
          {error}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...basis, { vi: '', en: '' }])}
          data-testid="rule-basis-add"
        >
          {t(`${texts}.addBasis`)}
        </Button>
      </Group>
    </>
  );
}

/**
 * After a refused save (a field left empty, or the server's problems), the first field marked comes into view
 * with the focus: call the function returned once the marks are set.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>): () => void {
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused, form]);
  return useCallback(() => setRefused((n) => n + 1), []);
}
