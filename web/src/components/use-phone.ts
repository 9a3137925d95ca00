import { useSyncExternalStore } from 'react';

/** Below this width (antd's `md` breakpoint) the staff app takes its phone layout: drawer menu, cards, full dialogs. */
export const PHONE_QUERY = '(max-width: 767.98px)';

function subscribe(listener: () => void): () => void {
  const query = window.matchMedia?.(PHONE_QUERY);
  query?.addEventListener('change', listener);
  return () => query?.removeEventListener('change', listener);
}

const snapshot = () => window.matchMedia?.(PHONE_QUERY).matches ?? false;

/** True on a phone-sized screen; re-renders when the window crosses the breakpoint (a tablet turned sideways). */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
