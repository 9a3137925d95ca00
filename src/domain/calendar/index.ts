/** Working-day calendar (SPEC §8.1): official calendars, period arithmetic, admin upload validation. */
export * from './dates.ts';
export * from './notice-text.ts';
export * from './official-calendar.ts';
export * from './validate-calendar.ts';
export * from './working-days.ts';
