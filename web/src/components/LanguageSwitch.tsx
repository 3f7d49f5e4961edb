import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../lib/i18n';

/** Vietnamese / English; the choice is remembered in this browser. Labelled "Ngôn ngữ" / "Language". */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <NativeSelect
      size="xs"
      w={{ base: 118, sm: 140 }}
      aria-label={t('language.label')}
      title={t('language.label')}
      data-testid="language-switch"
      leftSection={<IconLanguage size={16} aria-hidden />}
      value={lang}
      onChange={(e) => void setLanguage(e.currentTarget.value as Language)}
      data={[
        { value: 'vi', label: 'Tiếng Việt' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
