// A minimal LSP client for end-to-end tests: spawns a bundled server with `--stdio`, speaks JSON-RPC
// to it through vscode-languageserver-protocol, collects published diagnostics and bounds every wait.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { URI } from 'langium';
import { nodeFileAccess } from '../../server/src/files/node-file-access.js';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    PublishDiagnosticsNotification,
    type Diagnostic, type MessageConnection, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

/** Rejects with a message naming what was awaited when `ms` pass first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface DiagnosticsWaiter {
    uri: string;
    accept: (diagnostics: Diagnostic[]) => boolean;
    resolve: (diagnostics: Diagnostic[]) => void;
}

export class LspTestClient {
    /** Latest diagnostics published per document URI. */
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** Everything the server wrote to stderr, for failure messages. */
    stderr = '';
    private readonly waiters: DiagnosticsWaiter[] = [];
    /** Called on every publication (a connection has one handler per notification: this one). */
    readonly diagnosticsListeners: Array<(params: PublishDiagnosticsParams) => void> = [];
    private exited: Promise<number | null>;

    /** Answers to requests from the server, by method (the others are answered null). */
    readonly answers = new Map<string, (params: unknown) => unknown>();

    private constructor(readonly process: ChildProcessWithoutNullStreams, readonly connection: ProtocolConnection) {
        this.exited = new Promise(resolve => {
            if (process.exitCode !== null) resolve(process.exitCode);
            else process.once('exit', code => resolve(code));
        });
        process.stderr.setEncoding('utf-8');
        process.stderr.on('data', (chunk: string) => { this.stderr += chunk; });
        connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            for (const listener of this.diagnosticsListeners) listener(params);
            for (const waiter of [...this.waiters]) {
                if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(params.diagnostics);
                }
            }
        });
        // A ProtocolConnection is a jsonrpc MessageConnection whose typings hide the catch-all
        // handlers; use them so that no request or notification of the server goes unanswered.
        const raw = connection as unknown as MessageConnection;
        // Requests from the server (workspace/configuration, client/registerCapability,
        // window/workDoneProgress/create…): answer so the server never waits on us.
        raw.onRequest((method, params) => {
            const answer = this.answers.get(method);
            if (answer) return answer(params);
            if (method === 'workspace/configuration') {
                const items = (params as { items?: unknown[] } | undefined)?.items ?? [];
                return items.map(() => null);
            }
            return null;
        });
        // Log messages and other notifications are not needed.
        raw.onNotification(() => undefined);
        connection.listen();
    }

    /** Spawns `node [execArgv] <serverPath> --stdio`; fails clearly when the bundle is missing. */
    static start(serverPath: string, cwd: string, execArgv: string[] = []): LspTestClient {
        if (!existsSync(serverPath)) {
            throw new Error(`${serverPath} does not exist: run \`npm run build\` first (\`npm test\` does it).`);
        }
        return LspTestClient.over(spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { cwd, stdio: 'pipe' }));
    }

    /**
     * Runs the web worker's bundle (out/web/server.js) as a browser worker would run it
     * (test/helpers/web-worker-host.cjs); `answers` should then hold the file requests a web
     * client answers (estructura/archivos, estructura/leer: see webFileAnswers).
     */
    static startWorker(bundle: string, cwd: string): LspTestClient {
        if (!existsSync(bundle)) {
            throw new Error(`${bundle} does not exist: run \`npm run build\` first (\`npm test\` does it).`);
        }
        return LspTestClient.over(spawn(process.execPath, [path.join(__dirname, 'web-worker-host.cjs'), bundle], { cwd, stdio: 'pipe' }));
    }

    private static over(child: ChildProcessWithoutNullStreams): LspTestClient {
        const connection = createProtocolConnection(
            new StreamMessageReader(child.stdout),
            new StreamMessageWriter(child.stdin)
        );
        return new LspTestClient(child, connection);
    }

    /** A request that fails, instead of hanging, when the server does not answer in time. */
    request<R>(method: string, params: unknown, ms = 10_000): Promise<R> {
        return withTimeout(this.connection.sendRequest<R>(method, params), ms, `the answer to ${method}${this.stderrNote()}`);
    }

    notify(method: string, params?: unknown): Promise<void> {
        return this.connection.sendNotification(method, params);
    }

    /**
     * Resolves with the diagnostics of `uri` once a publication satisfies `accept` (the latest one
     * already received counts), or rejects after `ms`.
     */
    waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true, ms = 15_000): Promise<Diagnostic[]> {
        const current = this.diagnostics.get(uri);
        if (current && accept(current)) return Promise.resolve(current);
        let waiter: DiagnosticsWaiter | undefined;
        const published = new Promise<Diagnostic[]>(resolve => {
            waiter = { uri, accept, resolve };
            this.waiters.push(waiter);
        });
        return withTimeout(published, ms, `diagnostics of ${uri}`).catch(error => {
            this.waiters.splice(this.waiters.indexOf(waiter!), 1);
            const last = this.diagnostics.get(uri);
            const seen = last ? `; last published: ${JSON.stringify(last.map(d => `${d.code}@${d.range.start.line}`))}` : '; none published';
            throw new Error(`${(error as Error).message}${seen}${this.stderrNote()}`);
        });
    }

    /** shutdown + exit; resolves with the process exit code (or rejects after `ms`). */
    async shutdown(ms = 10_000): Promise<number | null> {
        await this.request('shutdown', undefined, ms);
        await this.notify('exit');
        return withTimeout(this.exited, ms, 'the server process to exit after `exit`');
    }

    /** Ends the connection and the process, whatever state they are in. */
    dispose(): void {
        this.connection.dispose();
        if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
    }

    private stderrNote(): string {
        const tail = this.stderr.trim().slice(-2000);
        return tail ? `\nserver stderr:\n${tail}` : '';
    }
}

/**
 * Answers the file requests of a web worker's server from the disk, as the web extension answers
 * them with workspace.findFiles and workspace.fs (client/src/file-requests.ts).
 */
export function answerFilesFromDisk(client: LspTestClient): void {
    // The desktop server's own walk (same folders skipped, same files kept).
    client.answers.set('estructura/archivos', async params =>
        (await nodeFileAccess.findFiles(URI.parse((params as { carpeta: string }).carpeta))).map(uri => uri.toString()));
    client.answers.set('estructura/leer', params => readFileSync(fileURLToPath((params as { uri: string }).uri), 'utf-8'));
    client.answers.set('estructura/leerBinario', params => readFileSync(fileURLToPath((params as { uri: string }).uri)).toString('base64'));
}
