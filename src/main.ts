import { mount } from 'svelte';
import App from './app.svelte';
import './app.css';
import { handleError } from './lib/state/errors';
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

export default mount(App, { target });
