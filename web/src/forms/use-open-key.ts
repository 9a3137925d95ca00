import { useRef } from 'react';

/**
 * A key that changes each time a dialog opens. antd keeps a form's store between openings and merges the old values
 * over the new `initialValues`, so a dialog opened for a second measure would show the first one's figures; keyed by
 * this, each opening gets a fresh form, and closing keeps the key (and the closing animation).
 */
export function useOpenKey(open: boolean): number {
  const state = useRef({ open, key: 0 });
  if (open && !state.current.open) state.current.key += 1;
  state.current.open = open;
  return state.current.key;
}
