import type { Page } from '@playwright/test';

/**
 * Waits until the app's service worker is active and controls the page (it claims the page on its first
 * install, so no reload is needed), and returns its scope. From then on the page's requests, and its
 * workers', are answered from the precache.
 */
export async function untilControlled(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    return registration.scope;
  });
}
