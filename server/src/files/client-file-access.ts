// File access for a server in a web worker (VS Code for the Web, the playground page): it cannot
// read the workspace itself, so it asks its client, which answers with workspace.findFiles and
// workspace.fs (client/src/file-requests.ts) or from the page's own files (client/playground/).
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import {
    FIND_FILES_REQUEST, READ_BINARY_REQUEST, READ_FILE_REQUEST,
    type FindFilesParams, type FindFilesResult, type ReadBinaryResult, type ReadFileParams, type ReadFileResult
} from '../protocol.js';
import { fromBase64 } from '../protocol-base64.js';
import { SpreadsheetError } from '../spreadsheets/cells.js';
import type { FileAccess } from './file-access.js';
import type { Host } from './host.js';

export class ClientFileAccess implements FileAccess {
    /** Files the client listed or reported created, less those reported deleted or unreadable. */
    private readonly known = new Set<string>();

    constructor(private readonly connection: Connection) {}

    async findFiles(folder: URI): Promise<URI[]> {
        const found = await this.connection.sendRequest<FindFilesResult>(FIND_FILES_REQUEST, { carpeta: folder.toString() } satisfies FindFilesParams);
        const uris = (Array.isArray(found) ? found : []).filter(uri => typeof uri === 'string').map(uri => URI.parse(uri));
        for (const uri of uris) this.known.add(uri.toString());
        return uris;
    }

    async readText(uri: URI): Promise<string> {
        return this.read<ReadFileResult>(READ_FILE_REQUEST, uri);
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return fromBase64(await this.read<ReadBinaryResult>(READ_BINARY_REQUEST, uri));
    }

    knownToExist(uri: URI): boolean {
        return this.known.has(uri.toString());
    }

    noteChanges(created: readonly URI[], deleted: readonly URI[]): void {
        for (const uri of created) this.known.add(uri.toString());
        for (const uri of deleted) {
            // A deleted folder takes its files with it.
            const key = uri.toString();
            for (const file of this.known) if (file === key || file.startsWith(`${key}/`)) this.known.delete(file);
        }
    }

    private async read<T>(method: string, uri: URI): Promise<T> {
        try {
            const answer = await this.connection.sendRequest<T>(method, { uri: uri.toString() } satisfies ReadFileParams);
            if (typeof answer !== 'string') throw new Error('el editor no devolvió el contenido');
            this.known.add(uri.toString());
            return answer;
        } catch (error) {
            this.known.delete(uri.toString());
            throw new Error(`${uri.toString(true)}: no se puede leer (${(error as Error).message})`);
        }
    }
}

/** The host of a server in a web worker. Spreadsheets need exceljs, which stays out of the worker. */
export function clientHost(connection: Connection): Host {
    return {
        fileAccess: new ClientFileAccess(connection),
        readTabulador: async uri => {
            throw new SpreadsheetError('las hojas de cálculo de «tabuladores» se leen con la extensión de escritorio o con `estructura revisar`, no en el navegador.', uri.path);
        }
    };
}
