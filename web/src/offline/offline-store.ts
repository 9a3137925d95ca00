/**
 * What the phone keeps for offline work (issue 14 point 3; docs/decisions/0035, 0042): the cadre's household list (with
 * the members' changeable facts), the visits waiting to be uploaded and the household edits waiting to be synced or
 * resolved, in IndexedDB, each value encrypted with AES-GCM under a key the browser generated as
 * non-extractable (script can use it, never read it out). Logging out deletes the whole database, key included.
 * Nothing else is kept: no ID numbers (the list carries the masked ones the cadre already sees), no API answers.
 */
const DB_NAME = 'shouxian-offline';
const VERSION = 3;
const KEYS = 'keys';
const DATA = 'data';
const VISITS = 'visits';
const PHOTOS = 'photos';
const EDITS = 'edits';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(KEYS)) db.createObjectStore(KEYS);
      if (!db.objectStoreNames.contains(DATA)) db.createObjectStore(DATA);
      if (!db.objectStoreNames.contains(VISITS)) db.createObjectStore(VISITS, { keyPath: 'clientId' });
      // version 2: a visit's photos, each sealed on its own (issue 14 point 3)
      if (!db.objectStoreNames.contains(PHOTOS))
        db.createObjectStore(PHOTOS, { keyPath: 'photoId' }).createIndex('clientId', 'clientId');
      // version 3: household edits made offline, with their conflicts (ADR 0042)
      if (!db.objectStoreNames.contains(EDITS)) db.createObjectStore(EDITS, { keyPath: 'itemId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function run<T>(store: string, mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const req = act(tx.objectStore(store));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result as T);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error);
        };
      }),
  );
}

let keyPromise: Promise<CryptoKey> | undefined;

/** The device key: made once per login on this browser, non-extractable, deleted with the data at logout. */
function deviceKey(): Promise<CryptoKey> {
  keyPromise ??= (async () => {
    const kept = await run<CryptoKey | undefined>(KEYS, 'readonly', (s) => s.get('aes'));
    if (kept) return kept;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await run(KEYS, 'readwrite', (s) => s.put(key, 'aes'));
    return key;
  })().catch((e) => {
    keyPromise = undefined;
    throw e;
  });
  return keyPromise;
}

interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

async function seal(value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await deviceKey(),
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { iv, data };
}

async function unseal<T>(sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, await deviceKey(), sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Whether this browser can keep anything offline (IndexedDB and WebCrypto: a secure origin). */
export function offlineSupported(): boolean {
  return typeof indexedDB !== 'undefined' && typeof crypto !== 'undefined' && crypto.subtle !== undefined;
}

export async function putData(name: string, value: unknown): Promise<void> {
  const sealed = await seal(value);
  await run(DATA, 'readwrite', (s) => s.put(sealed, name));
}

export async function getData<T>(name: string): Promise<T | undefined> {
  const sealed = await run<Sealed | undefined>(DATA, 'readonly', (s) => s.get(name));
  return sealed ? unseal<T>(sealed) : undefined;
}

/** A visit's row in the queue: the status is plain (the queue's count), the content sealed. */
interface VisitRow {
  clientId: string;
  status: 'pending' | 'uploaded' | 'failed';
  createdAt: string;
  sealed: Sealed;
}

export type QueueStatus = VisitRow['status'];

export async function putVisit<T>(clientId: string, status: QueueStatus, createdAt: string, content: T) {
  const row: VisitRow = { clientId, status, createdAt, sealed: await seal(content) };
  await run(VISITS, 'readwrite', (s) => s.put(row));
}

export async function allVisits<T>(): Promise<
  { clientId: string; status: QueueStatus; createdAt: string; content: T }[]
> {
  const rows = await run<VisitRow[]>(VISITS, 'readonly', (s) => s.getAll());
  const out = await Promise.all(
    rows.map(async (r) => ({
      clientId: r.clientId,
      status: r.status,
      createdAt: r.createdAt,
      content: await unseal<T>(r.sealed),
    })),
  );
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function deleteVisit(clientId: string): Promise<void> {
  for (const p of await photosOf(clientId)) await deletePhoto(p.photoId);
  await run(VISITS, 'readwrite', (s) => s.delete(clientId));
}

/** A photo waiting with its visit: the picture's bytes sealed like everything else, its type beside them. */
interface PhotoRow {
  photoId: string;
  clientId: string;
  type: string;
  sealed: Sealed;
}

export async function putPhoto(clientId: string, photoId: string, photo: Blob): Promise<void> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await deviceKey(), await photo.arrayBuffer());
  const row: PhotoRow = { photoId, clientId, type: photo.type, sealed: { iv, data } };
  await run(PHOTOS, 'readwrite', (s) => s.put(row));
}

/** The photos kept for a visit, opened. */
export async function photosOf(clientId: string): Promise<{ photoId: string; blob: Blob }[]> {
  const rows = await run<PhotoRow[]>(PHOTOS, 'readonly', (s) => s.index('clientId').getAll(clientId));
  return Promise.all(
    rows.map(async (r) => {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: r.sealed.iv }, await deviceKey(), r.sealed.data);
      return { photoId: r.photoId, blob: new Blob([plain], { type: r.type }) };
    }),
  );
}

export async function deletePhoto(photoId: string): Promise<void> {
  await run(PHOTOS, 'readwrite', (s) => s.delete(photoId));
}

/** An offline edit's row: the status is plain (the queue's count), the content (values, conflicts) sealed. */
interface EditRow {
  itemId: string;
  status: EditStatus;
  createdAt: string;
  sealed: Sealed;
}

/** 待同步, 已同步, 有冲突 (waits for the cadre), 同步失败 (refused), 已处理 (conflict resolved by keeping the server's). */
export type EditStatus = 'pending' | 'applied' | 'conflict' | 'failed' | 'resolved';

export async function putEdit<T>(itemId: string, status: EditStatus, createdAt: string, content: T) {
  const row: EditRow = { itemId, status, createdAt, sealed: await seal(content) };
  await run(EDITS, 'readwrite', (s) => s.put(row));
}

export async function allEdits<T>(): Promise<{ itemId: string; status: EditStatus; createdAt: string; content: T }[]> {
  const rows = await run<EditRow[]>(EDITS, 'readonly', (s) => s.getAll());
  const out = await Promise.all(
    rows.map(async (r) => ({
      itemId: r.itemId,
      status: r.status,
      createdAt: r.createdAt,
      content: await unseal<T>(r.sealed),
    })),
  );
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function deleteEdit(itemId: string): Promise<void> {
  await run(EDITS, 'readwrite', (s) => s.delete(itemId));
}

/** Logout: the database goes, key and all; what was not uploaded is lost (the cadre is warned before). */
export function wipeOffline(): Promise<void> {
  keyPromise = undefined;
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    req.onblocked = () => resolve();
  });
}
