export * from './assets.ts';
export * from './catalogue.ts';
export * from './rules.ts';
export * from './warnings.ts';
