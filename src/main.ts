import { mount } from 'svelte';
import App from './app.svelte';
import './app.css';
import './lists.css';
import './touch.css';
import { warmFormatters } from './lib/i18n';
import { loadCatalog } from './lib/i18n/catalogs.svelte';
import { handleError } from './lib/state/errors';
import { locale } from './lib/state/locale.svelte';
import { theme } from './lib/state/theme.svelte';

// Before the first paint, so a dark-theme user never sees a white flash.
theme.apply(theme.initial());

// Errors outside Svelte's boundaries (event handlers, promises) still reach the user, never only the console.
addEventListener('error', (event) => {
  // Benign browser notice, not an application error.
  if (String(event.message).includes('ResizeObserver loop')) return;
  handleError(event.error ?? event.message);
});
addEventListener('unhandledrejection', (event) => handleError(event.reason));

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');

// Only the current language's messages are fetched (a chunk of their own); every label needs them.
await loadCatalog(locale.current);

const app = mount(App, { target });
// While the worker opens the database the page is idle: prepare the formatters the first list render uses.
(globalThis.requestIdleCallback ?? setTimeout)(() => warmFormatters());

export default app;
