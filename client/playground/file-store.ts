// The playground's virtual folder: every file the page knows (examples, files opened from disk,
// new ones), by path relative to the folder. The language server reads the files that have no
// editor model from here (estructura/archivos, estructura/leer); an open model is the live text.
import { Uri } from 'monaco-editor';

/** The workspace folder the server is told about; each file's URI is under it. */
export const ROOT_URI = Uri.file('/playground/').toString();
const ROOT_PATH = '/playground/';

export interface StoredFile {
    path: string;
    /** The text when no model holds it (a model's text is read through `live`). */
    text: string;
    /** Spreadsheets a folder brought along (tabuladores of estructura.json), answered as base64. */
    bytes?: Uint8Array;
    /** Where a file opened from disk can be written back (File System Access API). */
    handle?: FileSystemFileHandle;
    /** The text differs from what was last opened from or saved to disk. */
    unsaved: boolean;
    /** Set while an editor model holds the text. */
    live?: LiveText;
}

/** What the store reads of an editor model: its text whole, or in the model's own chunks. */
export interface LiveText {
    getValue(): string;
    createSnapshot(): { read(): string | null };
}

export type StoreChange = { kind: 'added' | 'removed' | 'changed' | 'edited'; path: string };

export function uriOf(path: string): string {
    return Uri.file(ROOT_PATH + path).toString();
}

/** The path of a URI under the folder, or undefined for any other URI. */
export function pathOf(uri: string): string | undefined {
    const parsed = Uri.parse(uri);
    if (parsed.scheme !== 'file' || !parsed.path.startsWith(ROOT_PATH)) return undefined;
    return parsed.path.slice(ROOT_PATH.length);
}

export function isEstructuraPath(path: string): boolean {
    return path.endsWith('.estructura') || path === 'estructura.json' || path.endsWith('/estructura.json');
}

/** Characters of a text copied per turn of the page's thread when it is saved. */
const SLICE = 64 * 1024;

export class FileStore {
    private readonly files = new Map<string, StoredFile>();
    private readonly listeners: Array<(change: StoreChange) => void> = [];

    onChange(listener: (change: StoreChange) => void): void {
        this.listeners.push(listener);
    }

    private emit(change: StoreChange): void {
        for (const listener of this.listeners) listener(change);
    }

    get(path: string): StoredFile | undefined {
        return this.files.get(path);
    }

    paths(): string[] {
        return [...this.files.keys()].sort((a, b) => a.localeCompare(b, 'es'));
    }

    textOf(path: string): string | undefined {
        const file = this.files.get(path);
        return file && (file.live ? file.live.getValue() : file.text);
    }

    /**
     * The text as a Blob, built from the model's chunks a slice per turn of the page's thread: a
     * 20 MB text is never joined into one string or copied in one go (that blocked the page for
     * 0.4 s at every save). The snapshot is the text when asked; later edits do not change it.
     */
    async blobOf(path: string): Promise<Blob | undefined> {
        const file = this.files.get(path);
        if (!file) return undefined;
        if (!file.live) return new Blob([file.text]);
        const parts: Blob[] = [];
        const snapshot = file.live.createSnapshot();
        for (let chunk = snapshot.read(); chunk !== null;) {
            const slice: string[] = [];
            for (let size = 0; chunk !== null && size < SLICE; chunk = snapshot.read()) {
                slice.push(chunk);
                size += chunk.length;
            }
            parts.push(new Blob(slice));
            if (chunk !== null) await new Promise(resolve => setTimeout(resolve, 0));
        }
        return new Blob(parts);
    }

    /** Adds or replaces a file; replacing keeps nothing of the old one. */
    put(file: Omit<StoredFile, 'live'>): void {
        const existed = this.files.has(file.path);
        this.files.set(file.path, { ...file });
        this.emit({ kind: existed ? 'changed' : 'added', path: file.path });
    }

    /** The editor changed the text of a file (its model holds it). */
    edited(path: string): void {
        const file = this.files.get(path);
        if (!file) return;
        file.unsaved = true;
        this.emit({ kind: 'edited', path });
    }

    remove(path: string): void {
        if (this.files.delete(path)) this.emit({ kind: 'removed', path });
    }

    /** Files under a folder URI that the server reads (`.estructura` and `estructura.json`). */
    find(folderUri: string): string[] {
        const folder = pathOf(folderUri.endsWith('/') ? folderUri : `${folderUri}/`);
        if (folder === undefined) return [];
        return this.paths().filter(path => path.startsWith(folder) && isEstructuraPath(path)).map(uriOf);
    }

    /** A path not taken yet, from a wanted one: `nuevo.estructura`, `nuevo (2).estructura`… */
    freePath(wanted: string): string {
        if (!this.files.has(wanted)) return wanted;
        const dot = wanted.lastIndexOf('.');
        const [stem, ext] = dot > wanted.lastIndexOf('/') ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
        for (let n = 2; ; n++) {
            const candidate = `${stem} (${n})${ext}`;
            if (!this.files.has(candidate)) return candidate;
        }
    }
}
