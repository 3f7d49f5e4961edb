// Mantine core's styles are needed by every page; a package used by a few pages only imports its own styles
// where it is used (@mantine/dates in components/DateField, @mantine/charts in the chart pages), so that CSS
// comes with those pages' chunks.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/styles.css';
import { i18nReady } from './lib/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

// A page opened before a deploy asks for chunks that the deploy removed: load the new build once.
window.addEventListener('vite:preloadError', (event) => {
  const key = 'chidao.reloadedForChunks';
  if (sessionStorage.getItem(key) === location.href) return;
  sessionStorage.setItem(key, location.href);
  event.preventDefault();
  location.reload();
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// The first render waits for the reader's language (English is fetched only for those who chose it).
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
