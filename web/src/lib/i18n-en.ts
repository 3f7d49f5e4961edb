// The English texts, in a chunk of their own: fetched only when someone reads chidao in English (Vietnamese is
// the default and the fallback, and comes with the first page).
import en from '../locales/en.json';
import { merged, type Messages } from './i18n-texts';

export default merged(
  en,
  import.meta.glob<{ default: Messages }>('../features/**/locales/en.json', { eager: true }),
);
