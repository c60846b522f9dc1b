// The one interface between the language services and the files of a workspace. The language
// module is the same in Node (the desktop server, the CLI) and in a web worker (VS Code for the Web,
// the playground page); only how files are found and read differs: node-file-access.ts reads the
// disk, client-file-access.ts asks the editor (protocol.ts: estructura/archivos, estructura/leer).
// Langium reads documents through its FileSystemProvider; FileAccessSystem is that provider, built
// on a FileAccess, so every read goes through the same four methods.
import { UriUtils, type FileSystemNode, type FileSystemProvider, type URI } from 'langium';

export interface FileAccess {
    /** Every `.estructura` file and `estructura.json` under a folder, recursively (hidden folders,
     *  `node_modules` and `out` skipped); [] when the folder does not exist. */
    findFiles(folder: URI): Promise<URI[]>;
    readText(uri: URI): Promise<string>;
    readBinary(uri: URI): Promise<Uint8Array>;
    /** Whether the file exists, answered at once (when an editor closes, the server must know
     *  right away whether to go back to the saved file or forget the document). */
    knownToExist(uri: URI): boolean;
    /** Told of the files the editor reports created or deleted (workspace/didChangeWatchedFiles). */
    noteChanges?(created: readonly URI[], deleted: readonly URI[]): void;
}

/** No files at all: tests and benchmarks that hand the services their texts. */
export const NO_FILES: FileAccess = {
    findFiles: async () => [],
    readText: async uri => { throw new Error(`${uri.toString()}: no hay acceso a archivos`); },
    readBinary: async uri => { throw new Error(`${uri.toString()}: no hay acceso a archivos`); },
    knownToExist: () => false
};

/** The names a workspace walk skips, as Langium's own walk did before the walk was ours. */
export function skippedInWalk(name: string, isFolder: boolean): boolean {
    return name.startsWith('.') || (isFolder && (name === 'node_modules' || name === 'out'));
}

/** The files a walk keeps. */
export function wantedInWalk(name: string): boolean {
    return name.endsWith('.estructura') || name === 'estructura.json';
}

/**
 * Langium's FileSystemProvider over a FileAccess. A path that names a file kind we read is a file;
 * anything else is treated as a folder (its walk finds nothing if it is not one). The synchronous
 * reads are not offered: a worker cannot block on its client, and nothing of ours uses them.
 */
export class FileAccessSystem implements FileSystemProvider {
    constructor(private readonly access: FileAccess) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }
    statSync(uri: URI): FileSystemNode {
        const file = wantedInWalk(UriUtils.basename(uri));
        return { uri, isFile: file, isDirectory: !file };
    }
    async exists(uri: URI): Promise<boolean> {
        return this.access.knownToExist(uri);
    }
    existsSync(uri: URI): boolean {
        return this.access.knownToExist(uri);
    }
    readBinary(uri: URI): Promise<Uint8Array> {
        return this.access.readBinary(uri);
    }
    readBinarySync(): Uint8Array {
        throw new Error('FileAccessSystem: lectura síncrona no disponible');
    }
    readFile(uri: URI): Promise<string> {
        return this.access.readText(uri);
    }
    readFileSync(): string {
        throw new Error('FileAccessSystem: lectura síncrona no disponible');
    }
    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        // Langium only walks folders through the workspace manager, which asks findFiles itself.
        return (await this.access.findFiles(uri)).map(file => ({ uri: file, isFile: true, isDirectory: false }));
    }
    readDirectorySync(): FileSystemNode[] {
        throw new Error('FileAccessSystem: lectura síncrona no disponible');
    }
}
