import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type FeedDefinition, feedsApi } from '../../api/feeds';

let cached: Promise<FeedDefinition[]> | undefined;

/** The published feed definitions (SPEC §10), fetched once per session: they change only with a new release. */
export function useFeeds(): { feeds: FeedDefinition[] | undefined; error: string | undefined } {
  const [feeds, setFeeds] = useState<FeedDefinition[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    if (!cached) {
      cached = feedsApi.list();
      cached.catch(() => {
        cached = undefined;
      });
    }
    cached.then(
      (f) => live && setFeeds(f),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { feeds, error };
}

/** 医疗保障局 for `medical_insurance`; the code while the catalogue loads or for a department it does not know. */
export function departmentName(feeds: FeedDefinition[] | undefined, code: string): string {
  return feeds?.find((f) => f.department === code)?.name ?? code;
}

/** 住院结算 for `medical_insurance` / `settlement`. */
export function recordKindName(feeds: FeedDefinition[] | undefined, department: string, kind: string): string {
  return feeds?.find((f) => f.department === department)?.records.find((r) => r.kind === kind)?.name ?? kind;
}

/** `{ value, label }` of every department, for a Select. */
export function departmentOptions(feeds: FeedDefinition[] | undefined): { value: string; label: string }[] {
  return (feeds ?? []).map((f) => ({ value: f.department, label: f.name }));
}
