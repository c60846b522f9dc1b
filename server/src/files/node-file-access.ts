// File access from Node: the desktop language server and the CLI read the disk.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UriUtils, type URI } from 'langium';
import type { Workbook } from '../spreadsheets/cells.js';
import { readSpreadsheetLazily } from '../spreadsheets/lazy-reader.js';
import { skippedInWalk, wantedInWalk, type FileAccess } from './file-access.js';
import type { Host } from './host.js';
import { ClientFileAccess } from './client-file-access.js';
import type { Connection } from 'vscode-languageserver';
import type { TabuladorOpener } from '../language/positions/tabulador-files.js';

export const nodeFileAccess: FileAccess = {
    async findFiles(folder) {
        const found: URI[] = [];
        async function walk(dir: URI): Promise<void> {
            let entries;
            try {
                entries = await fs.readdir(dir.fsPath, { withFileTypes: true });
            } catch {
                return;
            }
            await Promise.all(entries.map(async entry => {
                if (skippedInWalk(entry.name, entry.isDirectory())) return;
                const uri = UriUtils.joinPath(dir, entry.name);
                if (entry.isDirectory()) await walk(uri);
                else if (entry.isFile() && wantedInWalk(entry.name)) found.push(uri);
            }));
        }
        await walk(folder);
        return found;
    },
    readText: uri => fs.readFile(uri.fsPath, 'utf-8'),
    readBinary: uri => fs.readFile(uri.fsPath),
    knownToExist: uri => existsSync(uri.fsPath)
};

/**
 * The desktop server's files: the disk's (`file:`) read directly, the others (a virtual workspace:
 * a remote repository opened in the desktop editor) asked of the client as a web worker asks.
 */
export function diskOrClient(connection: Connection): FileAccess {
    const client = new ClientFileAccess(connection);
    const of = (uri: URI): FileAccess => uri.scheme === 'file' ? nodeFileAccess : client;
    return {
        findFiles: folder => of(folder).findFiles(folder),
        readText: uri => of(uri).readText(uri),
        readBinary: uri => of(uri).readBinary(uri),
        knownToExist: uri => of(uri).knownToExist(uri),
        noteChanges: (created, deleted) => client.noteChanges(created.filter(u => of(u) === client), deleted.filter(u => of(u) === client))
    };
}

/** A tabulador `archivo` relative to a folder on disk (the CLI's estructura.json). */
export function openTabuladorIn(folder: string, read: (file: string) => Promise<Workbook> = readSpreadsheetLazily): TabuladorOpener {
    return archivo => {
        const file = path.resolve(folder, archivo);
        return { file, read: () => read(file) };
    };
}

let ruleDocs: string | undefined | null = null;

/** docs/reglas.md beside the bundle (out/*.cjs) or the sources (server/src/files/), as a file URL;
 *  looked for once per process. */
export function nodeRuleDocs(): string | undefined {
    if (ruleDocs !== null) return ruleDocs;
    const doc = path.join('docs', 'reglas.md');
    let dir = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    ruleDocs = undefined;
    for (let i = 0; i < 6 && !ruleDocs; i++) {
        if (existsSync(path.join(dir, doc))) ruleDocs = pathToFileURL(path.join(dir, doc)).href;
        dir = path.dirname(dir);
    }
    return ruleDocs;
}

/** The host of the CLI (the disk), and of the desktop server (with its client's files). */
export function nodeHost(connection?: Connection): Host {
    const fileAccess = connection ? diskOrClient(connection) : nodeFileAccess;
    return {
        fileAccess,
        ruleDocs: nodeRuleDocs(),
        // exceljs, loaded lazily; a spreadsheet off the disk is read through the client.
        readTabulador: async uri => uri.scheme === 'file'
            ? readSpreadsheetLazily(uri.fsPath)
            : readSpreadsheetLazily(uri.path, await fileAccess.readBinary(uri))
    };
}
