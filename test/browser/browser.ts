import { createTestApp, TEST_PASSWORD, TestApp, TestAppOptions } from '@pilotlink/testing';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where the journeys' screenshots go: .data/screenshots, so a test run leaves the working tree clean. The
 * README's pictures (docs/screenshots) come from the demo data instead: `npm run screenshots`.
 */
export const SCREENSHOTS = resolve(__dirname, '../../.data/screenshots');

/**
 * Where journeyShot saves: `.data/screenshots/journeys` by default (a test run leaves the working tree clean);
 * `npm run screenshots:journeys` sets JOURNEY_SCREENSHOTS=docs/screenshots/journeys to refresh the committed
 * pictures the README links to.
 */
export const JOURNEY_SCREENSHOTS = resolve(
  __dirname,
  '../..',
  process.env.JOURNEY_SCREENSHOTS ?? '.data/screenshots/journeys',
);

/**
 * Saves a key screen of a journey as `<journey>/<step>.png` (step like `03-quote-compare`) and checks the
 * file was written, so a journey whose screen could not be captured fails rather than leaving a gap.
 */
export async function journeyShot(page: Page, journey: string, step: string): Promise<void> {
  const dir = join(JOURNEY_SCREENSHOTS, journey);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${step}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  if (statSync(path).size < 1_000) throw new Error(`the screenshot ${path} is empty`);
}

export interface PortalTest {
  t: TestApp;
  /** http://127.0.0.1:<port> of the API serving the built portal. */
  base: string;
  browser: Browser;
  /** A fresh browser context (own storage: one per signed-in role) with a page on the portal. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real API (own database clone, Redis prefix, Meilisearch indexes) listening on a free port with
 * the built portal, the worker (search indexing, notifications) and Chromium. Playwright's launch
 * gives the browser a fresh temporary user-data-dir of its own every time.
 */
export async function startPortal(options: TestAppOptions = {}): Promise<PortalTest> {
  if (!existsSync(join(__dirname, '../../dist/web/index.html'))) {
    throw new Error('dist/web is missing: run `npm run build:web` (npm test builds it) before the browser tests');
  }
  const t = await createTestApp(options);
  await t.startWorker();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    t,
    base,
    browser,
    async page(viewport = { width: 1366, height: 900 }) {
      // Reduced motion turns off Ant Design's animations (see apps/web/src/main.tsx): no click lands on a
      // dialog or option list that is still zooming in.
      const context = await browser.newContext({ baseURL: base, viewport, locale: 'zh-CN', reducedMotion: 'reduce' });
      context.setDefaultTimeout(30_000); // CI runs two browser specs beside the e2e suites on two cores
      contexts.push(context);
      const page = await context.newPage();
      reportTrouble(page);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await t.close();
      // The portal must work with the CSP enforced: a refused script or style is a failure, not a warning.
      if (cspViolations.length) throw new Error(`CSP violations:\n${cspViolations.splice(0).join('\n')}`);
    },
  };
}

/** Logs in through the portal's form and waits to leave the login page. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.locator('form').getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * Types a date into an Ant Design date picker and commits it with Enter. The pointer is moved off the page
 * first: the picker's panel opens under wherever the last click left it, and a cell under the pointer puts
 * its own (hovered) date in the input, which Enter would then commit instead of the typed one.
 */
export async function typeDate(page: Page, input: Locator, value: string): Promise<void> {
  await page.mouse.move(0, 0);
  await input.fill(value);
  await input.press('Enter');
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  if ((await input.inputValue()) !== value)
    throw new Error(`the date picker took ${await input.inputValue()}, not ${value}`);
}

/** Retries `check` (e.g. "is it on the page yet?") until it answers true; then fails naming `what`. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Clicks a dialog's submit button and waits for the dialog to close; if the portal shows an error in it
 * instead, fails with that error's text (a timeout alone would not say why the save did not happen).
 */
export async function submitDialog(dialog: Locator, button: string): Promise<void> {
  await dialog.getByRole('button', { name: button }).click();
  const closed = dialog
    .getByRole('button', { name: button })
    .waitFor({ state: 'hidden' })
    .then(() => null);
  const failed = dialog
    .locator('.ant-alert-error, .ant-form-item-explain-error')
    .first()
    .waitFor()
    .then(() => dialog.locator('.ant-alert-error, .ant-form-item-explain-error').first().innerText());
  const error = await Promise.race([closed, failed]);
  if (
    error !== null &&
    !(await closed.then(
      () => true,
      () => false,
    ))
  ) {
    throw new Error(`the dialog refused "${button}": ${error}`);
  }
}

/**
 * Prints what went wrong in the page as it happens — API answers of 4xx and 5xx (a test may expect some
 * 4xx: they are printed, not failed), requests that failed (other than those a navigation aborted),
 * uncaught errors — so a failed wait in CI comes with a reason.
 */
/** Content-Security-Policy violations seen by any page: a browser spec fails on any (see close()). */
const cspViolations: string[] = [];

function reportTrouble(page: Page): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().includes('/api/')) {
      const request = response.request();
      void response
        .text()
        .catch(() => '')
        .then((body) =>
          console.warn(`[browser] ${response.status()} ${request.method()} ${response.url()} ${body.slice(0, 300)}`),
        );
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED'))
      console.warn(`[browser] request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  page.on('pageerror', (error) => console.warn(`[browser] page error: ${error.message}`));
}

/**
 * Waits for `done` to show inside `container` after a submit; if the form shows a field error or an
 * error alert there instead, fails at once with its text (a timeout alone would not say why).
 */
export async function expectSaved(container: Locator, done: Locator): Promise<void> {
  const refused = container.locator('.ant-alert-error, .ant-form-item-explain-error').first();
  const error = await Promise.race([
    done.waitFor().then(() => null),
    refused.waitFor().then(() => refused.innerText()),
  ]);
  // An error of an earlier edit may still be fading out: it counts only if the save does not follow.
  if (
    error !== null &&
    !(await done.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    throw new Error(`the form refused the submit: ${error}`);
  }
}

/**
 * The dropdown of the antd Select `select` (its `.ant-select`, or anything inside it): found through the
 * listbox its input controls, not by visibility — the previous Select's dropdown may still be fading out
 * with the same options, and a click there would set the wrong field.
 */
export async function dropdownOf(page: Page, select: Locator): Promise<Locator> {
  const listbox = await select.locator('input[aria-controls]').first().getAttribute('aria-controls');
  return page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listbox}"]`) });
}

/**
 * Opens the antd Select `select` (or what contains it), types `option` first when `search` (a searchable
 * Select filters as it is typed), and clicks `option` in its own dropdown (see dropdownOf) — again, up to
 * three times, until the field shows it. Under CI's load the option list can re-render or still be
 * zooming in under the pointer, and the click then lands beside the option (seen twice: an end time and a
 * rule kind stayed unset while the test went on).
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  option: string,
  { search = false } = {},
): Promise<void> {
  const chosen = select.locator('.ant-select-selection-item', { hasText: option });
  for (let attempt = 1; ; attempt += 1) {
    const dropdown = await dropdownOf(page, select);
    // Open it unless it still is (a click that missed leaves it open; another click would close it).
    if (!(await dropdown.isVisible())) await select.locator('.ant-select-selector').click();
    if (search) await select.locator('input').fill(option);
    await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
    const shown = await chosen.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (shown) return;
    if (attempt === 3) throw new Error(`the Select did not take "${option}" in three tries`);
  }
}
