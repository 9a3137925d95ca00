export { buildPicture, chooseIncome, windowOf } from './build-picture.ts';
export * from './picture.types.ts';
export { maskedName, periodText } from './provenance.ts';
export { attachProvenance } from './reason-sources.ts';
