import { Input, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A field shown, not edited: its label, help, value (or "chưa nhập") and errors. */
export function ReadOnlyValue({
  label,
  description,
  error,
  children,
  empty,
  inputId,
}: {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
  empty: boolean;
  inputId: string;
}) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={label} description={description} error={error} labelElement="div">
      <div id={inputId} tabIndex={-1} style={{ marginTop: 4 }} data-testid="field-value">
        {empty ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('reports.form.empty')}
          </Text>
        ) : (
          children
        )}
      </div>
    </Input.Wrapper>
  );
}
