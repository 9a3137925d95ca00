// Builds the browser app (web/dist) when it is missing or older than its sources, so that `npm start` right after
// `npm install` serves the interface. A no-op when the build is current.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const index = path.join(root, 'web/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

if (!fs.existsSync(path.join(root, 'web/index.html'))) process.exit(0);
if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newest(path.join(root, 'web'))) process.exit(0);
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
if (!fs.existsSync(vite)) {
  // A production install without devDependencies: serve the API; the interface needs `npm run build:web` once.
  process.stderr.write('未安装构建工具（vite），跳过网页界面构建；请在安装了开发依赖的环境中执行 npm run build:web\n');
  process.exit(0);
}
process.stdout.write('正在构建网页界面（web/dist）…\n');
execFileSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
