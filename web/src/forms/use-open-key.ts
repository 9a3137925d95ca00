import { useRef } from 'react';

/**
 * A key that changes each time a dialog opens. antd keeps a form's store between openings: a field without `preserve`
 * is reset to the *previous* opening's initial value when it unmounts, and the next mount merges the store over the
 * new `initialValues` — so a dialog opened for a second clue, member or measure would show the first one's values.
 * The parent keys the dialog with this (`key={`assign-${dialogKey}`}`), so each opening gets a fresh form; closing
 * keeps the key (and the closing animation).
 */
export function useOpenKey(open: boolean): number {
  const state = useRef({ open, key: 0 });
  if (open && !state.current.open) state.current.key += 1;
  state.current.open = open;
  return state.current.key;
}
