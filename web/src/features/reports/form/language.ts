import { useTranslation } from 'react-i18next';

export type LocalText = { vi: string; en: string };

/** A form's own text (labels, help, options: written in both languages in the form) in the interface language. */
export function useLocalText() {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (text: LocalText | undefined | null) => (text ? (en ? text.en : text.vi) : '');
}
