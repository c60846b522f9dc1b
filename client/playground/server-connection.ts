// The language server in its web worker (server.js, the bundle of server/src/main-browser.ts) and
// the LSP connection to it: initialize with the virtual folder, answer the server's file requests
// from the FileStore, and notice when the worker dies (an error, a closed connection) so the page
// can say so and start another.
import {
    BrowserMessageReader, BrowserMessageWriter, createProtocolConnection, InitializeRequest, InitializedNotification,
    ResponseError, type InitializeResult, type ProtocolConnection, type ServerCapabilities
} from 'vscode-languageserver-protocol/browser';
import {
    FIND_FILES_REQUEST, READ_BINARY_REQUEST, READ_FILE_REQUEST,
    type FindFilesParams, type ReadFileParams
} from '../../server/src/protocol.js';
import { toBase64 } from '../../server/src/protocol-base64.js';
import { clientCapabilities } from './capabilities.js';
import { SERVER_WORKER_URL, takeEarlyWorker } from './early-worker-contract.js';
import { pathOf, ROOT_URI, type FileStore } from './file-store.js';

export interface RunningServer {
    connection: ProtocolConnection;
    capabilities: ServerCapabilities;
    /** Ends the worker (a restart, or the page going away). */
    stop(): void;
}

/** LSP's InvalidParams: what a read of a file the folder does not have answers. */
const FILE_NOT_FOUND = -32602;

function fileRequests(connection: ProtocolConnection, store: FileStore): void {
    connection.onRequest(FIND_FILES_REQUEST, (params: FindFilesParams) => store.find(params.carpeta));
    connection.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => {
        const path = pathOf(params.uri);
        const text = path === undefined ? undefined : store.textOf(path);
        if (text === undefined || store.get(path!)?.bytes) return new ResponseError(FILE_NOT_FOUND, `No existe el archivo ${params.uri}`);
        return text;
    });
    connection.onRequest(READ_BINARY_REQUEST, (params: ReadFileParams) => {
        const path = pathOf(params.uri);
        const file = path === undefined ? undefined : store.get(path);
        if (!file) return new ResponseError(FILE_NOT_FOUND, `No existe el archivo ${params.uri}`);
        return toBase64(file.bytes ?? new TextEncoder().encode(store.textOf(file.path) ?? ''));
    });
}

/**
 * Starts a worker and initializes the server. `onDeath` is called once if the worker fails or the
 * connection closes before `stop()`.
 */
export async function startServer(store: FileStore, onDeath: (reason: string) => void): Promise<RunningServer> {
    const early = takeEarlyWorker();
    const worker = early?.worker ?? new Worker(SERVER_WORKER_URL, { name: 'estructura-servidor' });
    let stopped = false;
    const die = (reason: string) => {
        if (stopped) return;
        stopped = true;
        worker.terminate();
        onDeath(reason);
    };
    worker.addEventListener('error', event => {
        event.preventDefault();
        die(event.message || 'el proceso del servidor falló');
    });
    if (early?.errors.length) die(early.errors[0]);
    const connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
    connection.onClose(() => die('la conexión con el servidor se cerró'));
    connection.onError(([error]) => die(error.message));
    fileRequests(connection, store);
    connection.listen();
    const result: InitializeResult = await connection.sendRequest(InitializeRequest.type, {
        processId: null,
        clientInfo: { name: 'Estructura: área de pruebas' },
        locale: 'es',
        rootUri: ROOT_URI,
        workspaceFolders: [{ uri: ROOT_URI, name: 'playground' }],
        capabilities: clientCapabilities,
        initializationOptions: { commands: [] }
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return {
        connection,
        capabilities: result.capabilities,
        stop() {
            stopped = true;
            connection.dispose();
            worker.terminate();
        }
    };
}
