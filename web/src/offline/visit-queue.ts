import { useEffect, useSyncExternalStore } from 'react';
import { ApiError } from '../api/client';
import { cluesApi, type Visit, type VisitRules } from '../api/clues';
import {
  type EditConflict,
  householdsApi,
  type OfflineChange,
  type OfflineMember,
  type OfflineValue,
} from '../api/households';
import {
  allEdits,
  allVisits,
  deleteEdit,
  deletePhoto,
  deleteVisit,
  type EditStatus,
  getData,
  offlineSupported,
  photosOf,
  putData,
  putEdit,
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

/**
 * The cadre's households kept for offline work: what the household list shows, the version the phone had, and the
 * members' changeable facts (ADR 0042; no ID numbers). `version` and `members` are absent in a list kept by an older
 * build: such a household is visited offline but not edited until the list is downloaded again.
 */
export interface OfflineHousehold {
  id: string;
  code: string;
  headName: string | null;
  address: string;
  memberCount: number;
  version?: number;
  members?: OfflineMember[];
}

/** One change of an offline edit, with its Chinese name for the queue and the conflict screen. */
export type QueuedChange = OfflineChange & { name: string };

/** A household edit made on the phone (ADR 0042), as the queue and the conflict screen show it. */
export interface QueuedEdit {
  itemId: string;
  status: EditStatus;
  createdAt: string;
  content: {
    householdId: string;
    /** 户主 and 户编号. */
    label: string;
    /** The id of the submission in flight or last sent (a new one for each resolve). */
    clientId: string;
    baseVersion: number;
    changes: QueuedChange[];
    /** Fields the server applied (all rounds). */
    applied?: number;
    /** Fields changed meanwhile on the server, waiting for the cadre's choice. */
    conflicts?: EditConflict[];
    /** The household's version the conflicts were seen at: a resolve resubmits against it. */
    serverVersion?: number;
    /** How the last conflict was resolved. */
    resolution?: string;
    error?: string;
  };
}

interface Snapshot {
  visits: QueuedVisit[];
  edits: QueuedEdit[];
  syncing: boolean;
  online: boolean;
}

let snapshot: Snapshot = {
  visits: [],
  edits: [],
  syncing: false,
  online: typeof navigator === 'undefined' || navigator.onLine,
};
const listeners = new Set<() => void>();
const publish = (patch: Partial<Snapshot>) => {
  snapshot = { ...snapshot, ...patch };
  for (const l of listeners) l();
};

async function reload(): Promise<void> {
  if (!offlineSupported()) return;
  publish({ visits: await allVisits<QueuedVisit['content']>(), edits: await allEdits<QueuedEdit['content']>() });
}

/**
 * Downloads the households of the cadre's scope for offline visits and edits (only while online), a page of 200 at a
 * time by household code.
 */
export async function downloadHouseholds(): Promise<number> {
  const items: OfflineHousehold[] = [];
  for (let after: string | undefined; ; ) {
    const r = await householdsApi.offlinePack(after);
    items.push(...r.items);
    if (!r.nextCursor) break;
    after = r.nextCursor;
  }
  await putData('households', { at: new Date().toISOString(), items });
  await loadVisitRules();
  return items.length;
}

/** Changes the kept copy of a household after the server answered (its version, the values it now holds). */
async function updateKept(
  householdId: string,
  version: number,
  values: { personId?: string | null; field: string; value: OfflineValue }[],
): Promise<void> {
  const kept = await offlineHouseholds();
  const h = kept?.items.find((x) => x.id === householdId);
  if (!kept || !h) return;
  h.version = version;
  for (const v of values) {
    if (!v.personId) (h as unknown as Record<string, OfflineValue>)[v.field] = v.value;
    else {
      const m = h.members?.find((x) => x.id === v.personId);
      if (m) (m as unknown as Record<string, OfflineValue>)[v.field] = v.value;
    }
  }
  await putData('households', kept);
}

/** Keeps a household edit on the phone as 待同步 (sent at once when online, else when the network is back). */
export async function queueEdit(household: OfflineHousehold, label: string, changes: QueuedChange[]): Promise<string> {
  const itemId = crypto.randomUUID();
  await putEdit<QueuedEdit['content']>(itemId, 'pending', new Date().toISOString(), {
    householdId: household.id,
    label,
    clientId: crypto.randomUUID(),
    baseVersion: household.version ?? 0,
    changes,
  });
  // the kept copy shows the cadre's values from now on; the edit keeps the downloaded ones as its base
  const kept = await offlineHouseholds();
  const h = kept?.items.find((x) => x.id === household.id);
  if (kept && h) {
    for (const c of changes) {
      const target = c.personId ? h.members?.find((m) => m.id === c.personId) : h;
      if (target) (target as unknown as Record<string, OfflineValue>)[c.field] = c.value;
    }
    await putData('households', kept);
  }
  await reload();
  void syncVisits();
  return itemId;
}

const changeKey = (c: { personId?: string | null; field: string }) => `${c.personId ?? ''}:${c.field}`;

/**
 * The cadre's choice on a conflict screen: per field, keep the server's value or apply theirs. Theirs are resubmitted
 * under a new id against the version and values the conflict showed (so a field changed yet again is a conflict
 * again, never an overwrite); when nothing is resubmitted the edit is kept as 已处理.
 */
export async function resolveEdit(edit: QueuedEdit, choices: Record<string, 'mine' | 'server'>): Promise<void> {
  const conflicts = edit.content.conflicts ?? [];
  const mine = conflicts.filter((c) => choices[changeKey(c)] === 'mine');
  const names = new Map(edit.content.changes.map((c) => [changeKey(c), c.name]));
  const kept = conflicts.length - mine.length;
  const resolution =
    mine.length === 0
      ? '已保留服务器上的值'
      : kept === 0
        ? '已改用我的修改'
        : `${mine.length}项用我的修改，${kept}项保留服务器上的值`;
  if (mine.length === 0) {
    await putEdit<QueuedEdit['content']>(edit.itemId, 'resolved', edit.createdAt, {
      ...edit.content,
      conflicts: [],
      resolution,
    });
  } else {
    await putEdit<QueuedEdit['content']>(edit.itemId, 'pending', edit.createdAt, {
      ...edit.content,
      clientId: crypto.randomUUID(),
      baseVersion: edit.content.serverVersion ?? edit.content.baseVersion,
      changes: mine.map((c) => ({
        ...(c.personId ? { personId: c.personId } : {}),
        field: c.field,
        base: c.server,
        value: c.mine,
        name: names.get(changeKey(c)) ?? '',
      })),
      conflicts: [],
      resolution,
    });
  }
  await reload();
  void syncVisits();
}

export async function discardEdit(itemId: string): Promise<void> {
  await deleteEdit(itemId);
  await reload();
}

/** Sends one waiting edit; true when the round may go on, false when the network is gone. */
async function syncEdit(e: QueuedEdit): Promise<boolean> {
  const c = e.content;
  try {
    const r = await householdsApi.syncEdit(c.householdId, {
      clientId: c.clientId,
      baseVersion: c.baseVersion,
      changes: c.changes.map(({ name, ...change }) => change),
    });
    await updateKept(c.householdId, r.version, [
      ...r.applied,
      ...r.conflicts.map((x) => ({ personId: x.personId, field: x.field, value: x.server })),
    ]);
    const applied = (c.applied ?? 0) + r.applied.length;
    await putEdit<QueuedEdit['content']>(e.itemId, r.conflicts.length ? 'conflict' : 'applied', e.createdAt, {
      ...c,
      applied,
      conflicts: r.conflicts,
      serverVersion: r.version,
    });
    return true;
  } catch (err) {
    if (!(err instanceof ApiError) || err.status === 0 || err.status === 401 || err.status >= 500) return false;
    await putEdit<QueuedEdit['content']>(e.itemId, 'failed', e.createdAt, { ...c, error: err.message });
    return true;
  }
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
 * Uploads the waiting visits one by one, each with its id (a retry after a lost answer gets the same record back),
 * then the waiting household edits (ADR 0042) the same way. A network failure stops the round and leaves the rest
 * waiting; a refusal marks that item 上传失败 / 同步失败 with the reason.
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
      if (navigator.onLine)
        for (const e of await allEdits<QueuedEdit['content']>()) {
          if (e.status !== 'pending') continue;
          const goOn = await syncEdit(e);
          await reload();
          if (!goOn) break;
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
  publish({ visits: [], edits: [] });
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
