import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
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

/** Serves the test app on a free local port and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
