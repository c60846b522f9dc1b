// Files from and to the user's disk: open files or a folder (File System Access API where the
// browser has it, a file input otherwise), save back through the handle, or download.
import { decodeText } from './file-reading.js';

/** A folder with more files than this is read only up to it. */
export const MAX_FOLDER_FILES = 5000;

export interface PickedFile {
    /** Path inside what was opened: `nombre.estructura`, or `carpeta/sub/nombre.estructura`. */
    path: string;
    file: File;
    handle?: FileSystemFileHandle;
}

export interface OpenedFile {
    path: string;
    text: string;
    bytes?: Uint8Array;
    handle?: FileSystemFileHandle;
}

export interface OpenReport {
    files: OpenedFile[];
    /** Messages for the page: refused files, encodings, sizes, skipped files. */
    messages: string[];
}

/** The files of a folder the server reads, and the spreadsheets estructura.json may name. */
export function wantedInFolder(name: string): 'text' | 'binary' | undefined {
    if (name.endsWith('.estructura') || name === 'estructura.json') return 'text';
    if (/\.(csv|xlsx)$/i.test(name)) return 'binary';
    return undefined;
}

/** Hidden folders, node_modules and out are skipped, as the server's own walk does on disk. */
export function skippedFolder(name: string): boolean {
    return name.startsWith('.') || name === 'node_modules' || name === 'out';
}

type Picker = (options?: object) => Promise<FileSystemFileHandle[]>;
type DirectoryPicker = (options?: object) => Promise<FileSystemDirectoryHandle>;
type SavePicker = (options?: object) => Promise<FileSystemFileHandle>;
const api = window as unknown as { showOpenFilePicker?: Picker; showDirectoryPicker?: DirectoryPicker; showSaveFilePicker?: SavePicker };

export const hasFileSystemAccess = typeof api.showOpenFilePicker === 'function';

/** Spanish words for why the browser did not give the files; undefined when the user cancelled. */
export function refusal(error: unknown): string | undefined {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'AbortError') return undefined;
    if (name === 'NotAllowedError' || name === 'SecurityError') return 'El navegador no dio permiso para leer o escribir esos archivos. Puede intentarlo de nuevo o usar «Descargar».';
    return `No se pudo leer del disco: ${error instanceof Error ? error.message : String(error)}`;
}

export async function pickFiles(): Promise<PickedFile[]> {
    const handles = await api.showOpenFilePicker!({
        multiple: true, id: 'estructura',
        types: [{ description: 'Archivos de estructura', accept: { 'text/plain': ['.estructura', '.json'] } }]
    });
    return Promise.all(handles.map(async handle => ({ path: handle.name, file: await handle.getFile(), handle })));
}

/** Walks a folder the user picked; `progress` is told how many files were found so far. */
export async function pickFolder(progress: (found: number) => void): Promise<{ files: PickedFile[]; truncated: boolean }> {
    const root = await api.showDirectoryPicker!({ id: 'estructura', mode: 'read' });
    const files: PickedFile[] = [];
    const walk = async (folder: FileSystemDirectoryHandle, prefix: string): Promise<boolean> => {
        for await (const entry of (folder as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
            if (files.length >= MAX_FOLDER_FILES) return false;
            if (entry.kind === 'directory') {
                if (!skippedFolder(entry.name) && !await walk(entry as FileSystemDirectoryHandle, `${prefix}${entry.name}/`)) return false;
            } else if (wantedInFolder(entry.name)) {
                const handle = entry as FileSystemFileHandle;
                files.push({ path: prefix + entry.name, file: await handle.getFile(), handle });
                if (files.length % 50 === 0) progress(files.length);
            }
        }
        return true;
    };
    const complete = await walk(root, `${root.name}/`);
    return { files, truncated: !complete };
}

/** The files of an `<input type=file>` (with `webkitdirectory`, their paths inside the folder). */
export function inputFiles(list: FileList, folder: boolean): { files: PickedFile[]; truncated: boolean } {
    const files = [...list]
        .map(file => ({ path: folder && file.webkitRelativePath ? file.webkitRelativePath : file.name, file }))
        .filter(({ path }) => {
            const parts = path.split('/');
            return (!folder || wantedInFolder(parts[parts.length - 1])) && !parts.slice(1, -1).some(skippedFolder);
        });
    return { files: files.slice(0, MAX_FOLDER_FILES), truncated: files.length > MAX_FOLDER_FILES };
}

/** Reads picked files, keeping those that are text (or wanted spreadsheets). */
export async function readPicked(picked: PickedFile[], progress: (read: number) => void): Promise<OpenReport> {
    const report: OpenReport = { files: [], messages: [] };
    for (const [index, { path, file, handle }] of picked.entries()) {
        if (index % 50 === 0) progress(index);
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (wantedInFolder(file.name) === 'binary') {
            report.files.push({ path, text: '', bytes, handle });
            continue;
        }
        const result = decodeText(path, bytes);
        if ('error' in result) report.messages.push(result.error);
        else {
            report.files.push({ path, text: result.text, handle });
            if (result.warning) report.messages.push(result.warning);
        }
    }
    return report;
}

/** Writes a text back to its file; asks for write permission first (a refusal throws). */
export async function writeBack(handle: FileSystemFileHandle, text: string): Promise<void> {
    const permission = handle as unknown as { requestPermission?(options: object): Promise<PermissionState> };
    if (permission.requestPermission && await permission.requestPermission({ mode: 'readwrite' }) !== 'granted') {
        throw new DOMException('permiso denegado', 'NotAllowedError');
    }
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
}

/** Asks where to save a file with no handle yet (undefined where the browser cannot ask). */
export async function pickSaveHandle(name: string): Promise<FileSystemFileHandle | undefined> {
    if (typeof api.showSaveFilePicker !== 'function') return undefined;
    return api.showSaveFilePicker({ suggestedName: name, id: 'estructura' });
}

export function download(name: string, content: Blob): void {
    const url = URL.createObjectURL(content);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
