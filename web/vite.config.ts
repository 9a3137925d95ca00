import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The browser app (SPEC §17: runs on a government intranet with no internet access). Everything — scripts, styles,
 * icons — is bundled here; nothing is loaded from a CDN. Built from the repository root with
 * `vite build --config web/vite.config.ts` into web/dist, which the server serves at `/`.
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The API server the dev server forwards to (`npm start` listens on 3000 by default). */
const apiTarget = process.env.SHOUXIAN_API_URL ?? 'http://localhost:3000';

/** Vendor chunks that change rarely, so a new release of the app does not invalidate them in browser caches. */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 15 },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@emotion)[\\/]/,
    priority: 10,
  },
];

/** Files of web/public the app needs offline too (copied as they are, outside the bundle). */
const publicShell = ['/favicon.svg', '/manifest.webmanifest'];

/**
 * The service worker (issue 14 point 3, ADR 0035), written by hand in web/sw/service-worker.js: this step puts the
 * build's file list (the app shell to keep) and a version named after it in front, and emits it as /sw.js.
 */
function serviceWorker(): Plugin {
  return {
    name: 'shouxian-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map'))
        .sort()
        .map((f) => `/${f}`);
      const shell = ['/', ...files.filter((f) => f !== '/index.html'), ...publicShell];
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 16);
      const body = fs.readFileSync(fileURLToPath(new URL('./sw/service-worker.js', import.meta.url)), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const VERSION = ${JSON.stringify(version)};\nconst SHELL = ${JSON.stringify(shell)};\n${body}`,
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), serviceWorker()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // antd alone is ~1 MB unminified; the limit flags a chunk that grows well past what one vendor should weigh.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/docs': apiTarget,
    },
  },
});
