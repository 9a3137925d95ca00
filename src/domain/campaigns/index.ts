export * from './prng.ts';
export * from './problem-machine.ts';
export * from './sampling.ts';
export * from './wafang-template.ts';
