import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
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
