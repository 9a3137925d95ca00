import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import type { TestApp } from '../../support/test-app.ts';

/** Debian's Chromium (never a downloaded browser) and the built web app the browser tests need. */
export const CHROMIUM = '/usr/bin/chromium';
const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));

/** Why the browser tests are skipped on this machine, or '' when they can run. */
export const skipReason = !fs.existsSync(CHROMIUM)
  ? ` (skipped: ${CHROMIUM} not installed — apt-get install chromium)`
  : !fs.existsSync(WEB_INDEX)
    ? ' (skipped: web/dist not built — run npm run build:web)'
    : '';

/** Headless Chromium with nothing that talks to the internet on its own (SPEC §17: offline). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser profile that asks for reduced motion, as some users do: the web app then runs without antd's
 * animations, so a click never lands on a dialog or option that is still moving into place (clicks were lost that way
 * on a loaded CI machine).
 */
export function newContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  return browser.newContext({ reducedMotion: 'reduce', ...options });
}

/** Serves the test app on a free local port and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Chooses `text` in an antd Select with search: opens it, types the text and takes the active option with Enter, then
 * waits until the select shows the choice. A mouse click on the option is not used: while the list is still being
 * filtered, the option can be drawn again between the button's press and release, and the click is then lost (seen
 * once on a loaded CI machine: nothing was chosen and the form stayed empty).
 */
export async function chooseOption(page: Page, select: string, text: string): Promise<void> {
  await page.click(select);
  await page.keyboard.type(text);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active', { hasText: text })
    .waitFor();
  await page.keyboard.press('Enter');
  // antd 6 shows the chosen option's label as the title of the select's content.
  await page.locator(`${select} .ant-select-content-has-value[title="${text}"]`).waitFor();
}
