// Keeps the virtual folder and the open tabs in IndexedDB (the page's own storage; texts may be
// megabytes, beyond localStorage), so a reload loses nothing the user typed.
import type { FileStore, StoredFile } from './file-store.js';

const DB_NAME = 'estructura-playground';
const FILES = 'archivos';
const SESSION = 'sesion';
/** Edits are written this long after the last keystroke; `flush` writes at once. */
const DELAY_MS = 400;

export interface SessionState {
    tabs: string[];
    active?: string;
}

/** A file as stored: its text as a Blob (IndexedDB keeps it without copying it on the page's
 *  thread); `text` in what earlier versions of the page stored. */
type StoredRecord = Pick<StoredFile, 'path' | 'bytes' | 'unsaved'> & { blob?: Blob; text?: string };
type SavedFile = Pick<StoredFile, 'path' | 'text' | 'bytes' | 'unsaved'>;

function request<T>(req: IDBRequest<T>): Promise<T> {
    return new Promise((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
    });
}

function openDatabase(): Promise<IDBDatabase> {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
        open.result.createObjectStore(FILES, { keyPath: 'path' });
        open.result.createObjectStore(SESSION);
    };
    return request(open);
}

export class Persistence {
    private pending = new Set<string>();
    private session: SessionState | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** The write under way: writes run one after another, so an older text never lands last. */
    private writing: Promise<void> = Promise.resolve();

    private constructor(private readonly db: IDBDatabase, private readonly store: FileStore) {
        store.onChange(change => this.schedule(change.path));
    }

    static async open(store: FileStore): Promise<Persistence> {
        return new Persistence(await openDatabase(), store);
    }

    /** The saved files and tabs, or undefined when nothing was ever saved. */
    async load(): Promise<{ files: SavedFile[]; session: SessionState } | undefined> {
        const tx = this.db.transaction([FILES, SESSION], 'readonly');
        const session = await request(tx.objectStore(SESSION).get('estado')) as SessionState | undefined;
        if (!session) return undefined;
        const records = await request(tx.objectStore(FILES).getAll()) as StoredRecord[];
        const files = await Promise.all(records.map(async ({ blob, text, ...file }) => ({ ...file, text: text ?? await blob?.text() ?? '' })));
        return { files, session };
    }

    saveSession(session: SessionState): void {
        this.session = session;
        this.schedule();
    }

    private schedule(path?: string): void {
        if (path !== undefined) this.pending.add(path);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.flush(), DELAY_MS);
    }

    /** Writes what changed since the last write, after the writes already under way. */
    flush(): Promise<void> {
        clearTimeout(this.timer);
        const write = this.writing.then(() => this.write());
        this.writing = write.catch(() => undefined);
        return write;
    }

    private async write(): Promise<void> {
        const paths = [...this.pending];
        const session = this.session;
        this.pending.clear();
        this.session = undefined;
        if (!paths.length && !session) return;
        // The texts first (a slice per turn), then one transaction: IndexedDB commits a transaction
        // left idle, so nothing may be awaited between its writes.
        const records = await Promise.all(paths.map(async path => {
            const file = this.store.get(path);
            const blob = file && await this.store.blobOf(path);
            return file && blob ? { path, blob, bytes: file.bytes, unsaved: file.unsaved } satisfies StoredRecord : path;
        }));
        const tx = this.db.transaction([FILES, SESSION], 'readwrite');
        const files = tx.objectStore(FILES);
        for (const record of records) {
            if (typeof record === 'string') files.delete(record);
            else files.put(record);
        }
        if (session) tx.objectStore(SESSION).put(session, 'estado');
        await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error);
        });
    }

    /** Forgets everything (the examples come back at the next load). */
    async clear(): Promise<void> {
        this.pending.clear();
        this.session = undefined;
        clearTimeout(this.timer);
        const tx = this.db.transaction([FILES, SESSION], 'readwrite');
        tx.objectStore(FILES).clear();
        tx.objectStore(SESSION).clear();
        await new Promise<void>(resolve => { tx.oncomplete = () => resolve(); });
    }
}
