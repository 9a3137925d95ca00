import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The server's TypeScript sources (src/, without tests), for tests that check the code against a registry. */
export function serverSources(): { path: string; text: string }[] {
  const dir = join(root, 'src');
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => ({ path: relative(root, join(dir, f)), text: readFileSync(join(dir, f), 'utf8') }));
}
