import type { ReactNode } from 'react';

/** What every field input takes from the renderer. */
export type FieldInputProps<F> = {
  field: F;
  /** The raw value while editing; the evaluated (normalised) one when read. */
  value: unknown;
  onChange: (value: unknown) => void;
  readOnly: boolean;
  /** The field's help text and hints. */
  description?: ReactNode;
  /** The field's errors (the server's problems and refused-save messages). */
  error?: ReactNode;
  /** The id of the input (the error summary scrolls and focuses it). */
  inputId: string;
};
