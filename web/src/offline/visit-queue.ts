import { useEffect, useSyncExternalStore } from 'react';
import { ApiError } from '../api/client';
import { cluesApi, type Visit, type VisitRules } from '../api/clues';
import { householdsApi } from '../api/households';
import {
  allVisits,
  deletePhoto,
  deleteVisit,
  getData,
  offlineSupported,
  photosOf,
  putData,
  putPhoto,
  putVisit,
  type QueueStatus,
  wipeOffline,
} from './offline-store';

/** A visit recorded on the phone, as the queue shows it (issue 14 point 3). */
export interface QueuedVisit {
  clientId: string;
  status: QueueStatus;
  createdAt: string;
  content: {
    visit: Visit;
    /** 户主 and 户编号, to name the visit in the queue. */
    label: string;
    /** Why the server refused it (shown; the cadre discards or records again). */
    error?: string;
    /** The record the upload created. */
    recordId?: string;
    /** Photos taken with the visit (kept sealed beside it until each is uploaded). */
    photos?: number;
  };
}

/** The cadre's households kept for offline visits: what the household list already shows, nothing more. */
export interface OfflineHousehold {
  id: string;
  code: string;
  headName: string | null;
  address: string;
  memberCount: number;
}

interface Snapshot {
  visits: QueuedVisit[];
  syncing: boolean;
  online: boolean;
}

let snapshot: Snapshot = { visits: [], syncing: false, online: typeof navigator === 'undefined' || navigator.onLine };
const listeners = new Set<() => void>();
const publish = (patch: Partial<Snapshot>) => {
  snapshot = { ...snapshot, ...patch };
  for (const l of listeners) l();
};

async function reload(): Promise<void> {
  if (!offlineSupported()) return;
  publish({ visits: await allVisits<QueuedVisit['content']>() });
}

/** The household list's largest page. */
const PAGE = 200;

/** Downloads the households of the cadre's scope for offline visits (only while online). */
export async function downloadHouseholds(): Promise<number> {
  const items: OfflineHousehold[] = [];
  for (let page = 1; ; page++) {
    const r = await householdsApi.list({ page, pageSize: PAGE });
    for (const h of r.items)
      items.push({ id: h.id, code: h.code, headName: h.headName, address: h.address, memberCount: h.memberCount });
    if (items.length >= r.total || r.items.length === 0) break;
  }
  await putData('households', { at: new Date().toISOString(), items });
  await loadVisitRules();
  return items.length;
}

/** The visit form's photo rules: asked of the server when online (and kept), else the kept copy. */
export async function loadVisitRules(): Promise<VisitRules | undefined> {
  if (navigator.onLine) {
    try {
      const rules = await cluesApi.visitRules();
      if (offlineSupported()) await putData('visitRules', rules);
      return rules;
    } catch (e) {
      if (!isOffline(e)) throw e;
    }
  }
  return offlineSupported() ? getData<VisitRules>('visitRules') : undefined;
}

export function offlineHouseholds(): Promise<{ at: string; items: OfflineHousehold[] } | undefined> {
  return getData('households');
}

/**
 * Keeps a visit on the phone as 待上传 with its photos, under the id the server will know it by (a fresh one, or the
 * id of a visit whose upload was cut off: the server answers a repeat with the first record).
 */
export async function queueVisit(
  visit: Visit,
  label: string,
  photos: { photoId: string; blob: Blob }[] = [],
  clientId: string = crypto.randomUUID(),
): Promise<string> {
  for (const p of photos) await putPhoto(clientId, p.photoId, p.blob);
  await putVisit(clientId, 'pending', new Date().toISOString(), { visit, label, photos: photos.length });
  await reload();
  void syncVisits();
  return clientId;
}

export async function discardVisit(clientId: string): Promise<void> {
  await deleteVisit(clientId);
  await reload();
}

let running: Promise<void> | undefined;
/** A round was asked for while one ran (the phone came back online during an offline attempt): run once more. */
let again = false;

/**
 * Uploads the waiting visits one by one, each with its id (a retry after a lost answer gets the same record back).
 * A network failure stops the round and leaves the rest waiting; a refusal marks that visit 上传失败 with the reason.
 */
export function syncVisits(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    if (!offlineSupported()) return;
    publish({ syncing: true });
    try {
      const visits = await allVisits<QueuedVisit['content']>();
      for (const v of visits) {
        if (v.status !== 'pending') continue;
        let recordId: string | undefined;
        try {
          recordId = (await cluesApi.recordVisit({ ...v.content.visit, clientId: v.clientId })).id;
          // then its photos, each under its own id; each leaves the phone once the server has it
          for (const p of await photosOf(v.clientId)) {
            await cluesApi.uploadVisitPhoto(v.clientId, p.photoId, p.blob);
            await deletePhoto(p.photoId);
          }
          await putVisit(v.clientId, 'uploaded', v.createdAt, { ...v.content, recordId });
        } catch (e) {
          if (!(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.status >= 500) break;
          const error = recordId ? `走访已上传，照片未上传：${e.message}` : e.message;
          await putVisit(v.clientId, 'failed', v.createdAt, { ...v.content, error, ...(recordId ? { recordId } : {}) });
        }
        await reload();
      }
    } finally {
      await reload().catch(() => undefined);
      publish({ syncing: false });
      running = undefined;
      if (again) {
        again = false;
        void syncVisits();
      }
    }
  })();
  return running;
}

/** Logout: everything kept for offline work is deleted with its key. */
export async function clearOffline(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await wipeOffline();
  publish({ visits: [] });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    publish({ online: true });
    void syncVisits();
  });
  window.addEventListener('offline', () => publish({ online: false }));
}

/** The queue for a component; loads it (and tries an upload when online) on first use. */
export function useVisitQueue(): Snapshot {
  useEffect(() => {
    void reload().then(() => (navigator.onLine ? syncVisits() : undefined));
  }, []);
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** True when a failed request means "no network" (the visit is then kept on the phone). */
export function isOffline(e: unknown): boolean {
  return !navigator.onLine || (e instanceof ApiError && e.status === 0);
}
