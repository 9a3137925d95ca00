import type { Command } from 'commander';

/** Every module's command registrar, in help order. Add one line per module. */
export function registerCommands(program: Command): void {
  void program;
}
