/** Monthly routine monitoring round and its late items (SPEC §8.2). */
export * from './late-items.ts';
export * from './monthly-cycle.ts';
