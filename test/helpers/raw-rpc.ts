// JSON-RPC over stdio with no client library: frames each message with its Content-Length header
// (in bytes) and parses the server's frames itself, so a test sees exactly what goes over the wire:
// whether an answer is `{"result": …}` or `{"error": …}`, and with which code. The server's own
// requests (workspace/configuration, client/registerCapability, window/workDoneProgress/create) are
// answered so that it never waits on the test.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface RpcError { code: number; message: string; data?: unknown }

/** A response as received: exactly one of `result` and `error` should be there. */
export interface RpcResponse { jsonrpc: string; id: number | string | null; result?: unknown; error?: RpcError }

export interface RpcNotification { jsonrpc: string; method: string; params?: unknown }

/** Rejects with a message naming what was awaited when `ms` pass first. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class RawRpc {
    stderr = '';
    /** Every frame the server sent, parsed, in order. */
    readonly received: unknown[] = [];
    /** Frames that were not valid JSON-RPC (should stay empty). */
    readonly malformed: string[] = [];
    private buffer = Buffer.alloc(0);
    private nextId = 1;
    private readonly pending = new Map<string, (response: RpcResponse) => void>();
    private readonly notificationWaiters: Array<{ accept: (n: RpcNotification) => boolean; resolve: (n: RpcNotification) => void }> = [];
    readonly exited: Promise<number | null>;

    private constructor(readonly process: ChildProcessWithoutNullStreams) {
        this.exited = new Promise(resolve => {
            if (process.exitCode !== null) resolve(process.exitCode);
            else process.once('exit', code => resolve(code));
        });
        process.stderr.setEncoding('utf-8');
        process.stderr.on('data', (chunk: string) => { this.stderr += chunk; });
        process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
        // A write after the process died must not crash the test run; the test sees the exit code.
        process.stdin.on('error', () => undefined);
    }

    /** `nodeArgs` go before the script (e.g. `--expose-gc`); `env` is added to this process's. */
    static start(serverPath: string, cwd: string, options: { nodeArgs?: string[]; env?: Record<string, string> } = {}): RawRpc {
        if (!existsSync(serverPath)) {
            throw new Error(`${serverPath} does not exist: run \`npm run bundle\` first (\`npm test\` does it).`);
        }
        const env = options.env ? { ...process.env, ...options.env } : process.env;
        return new RawRpc(spawn(process.execPath, [...(options.nodeArgs ?? []), serverPath, '--stdio'], { cwd, stdio: 'pipe', env }));
    }

    get alive(): boolean {
        return this.process.exitCode === null && this.process.signalCode === null;
    }

    /** Writes one frame: a message object (serialized here) or a body as given (malformed on purpose). */
    sendRaw(body: string | object): void {
        const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf-8');
        this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
    }

    /** Sends a request; resolves with the response as it came, whatever it holds. */
    request(method: string, params?: unknown, ms = 10_000, id: number | string = this.nextId++): Promise<RpcResponse> {
        const answered = this.expect(id, ms, method);
        this.sendRaw(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
        return answered;
    }

    /** Resolves with the response to `id` (of a request sent by other means, e.g. `sendRaw`). */
    expect(id: number | string, ms = 10_000, what = `the answer to request ${id}`): Promise<RpcResponse> {
        const answered = new Promise<RpcResponse>(resolve => this.pending.set(JSON.stringify(id), resolve));
        return withTimeout(answered, ms, `${what} (id ${JSON.stringify(id)})${this.stderrNote()}`);
    }

    /** A fresh id for `sendRaw` + `expect`. */
    newId(): number {
        return this.nextId++;
    }

    notify(method: string, params?: unknown): void {
        this.sendRaw(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
    }

    cancel(id: number | string): void {
        this.notify('$/cancelRequest', { id });
    }

    /** Resolves with the first notification from now on that `accept` takes. */
    waitForNotification(accept: (n: RpcNotification) => boolean, ms = 30_000, what = 'a notification'): Promise<RpcNotification> {
        let waiter: (typeof this.notificationWaiters)[number] | undefined;
        const got = new Promise<RpcNotification>(resolve => {
            waiter = { accept, resolve };
            this.notificationWaiters.push(waiter);
        });
        return withTimeout(got, ms, `${what}${this.stderrNote()}`).finally(() => {
            const at = this.notificationWaiters.indexOf(waiter!);
            if (at >= 0) this.notificationWaiters.splice(at, 1);
        });
    }

    /** initialize (with a workspace folder) + initialized. */
    async initialize(folder: string, ms = 30_000): Promise<RpcResponse> {
        const response = await this.request('initialize', {
            processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'raíz' }],
            capabilities: { workspace: { configuration: false, workspaceFolders: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } }
        }, ms);
        this.notify('initialized', {});
        return response;
    }

    /** shutdown + exit; resolves with the exit code. */
    async shutdown(ms = 10_000): Promise<number | null> {
        await this.request('shutdown', undefined, ms);
        this.notify('exit');
        return withTimeout(this.exited, ms, 'the server process to exit after `exit`');
    }

    dispose(): void {
        if (this.alive) this.process.kill();
    }

    stderrNote(): string {
        const tail = this.stderr.trim().slice(-2000);
        return tail ? `\nserver stderr:\n${tail}` : '';
    }

    private onData(chunk: Buffer): void {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const end = this.buffer.indexOf('\r\n\r\n');
            if (end < 0) return;
            const header = this.buffer.subarray(0, end).toString('ascii');
            const length = /Content-Length: *(\d+)/iu.exec(header);
            if (!length) {
                this.malformed.push(header);
                this.buffer = this.buffer.subarray(end + 4);
                continue;
            }
            const size = Number(length[1]);
            if (this.buffer.length < end + 4 + size) return;
            const body = this.buffer.subarray(end + 4, end + 4 + size).toString('utf-8');
            this.buffer = this.buffer.subarray(end + 4 + size);
            let message: Record<string, unknown>;
            try {
                message = JSON.parse(body) as Record<string, unknown>;
            } catch {
                this.malformed.push(body);
                continue;
            }
            this.received.push(message);
            this.dispatch(message);
        }
    }

    private dispatch(message: Record<string, unknown>): void {
        const hasId = 'id' in message;
        if (typeof message.method === 'string' && hasId) {
            // A request of the server's: answer it.
            const params = message.params as { items?: unknown[] } | undefined;
            const result = message.method === 'workspace/configuration' ? (params?.items ?? []).map(() => null) : null;
            this.sendRaw({ jsonrpc: '2.0', id: message.id, result });
        } else if (typeof message.method === 'string') {
            const notification = message as unknown as RpcNotification;
            for (const waiter of [...this.notificationWaiters]) {
                if (waiter.accept(notification)) {
                    this.notificationWaiters.splice(this.notificationWaiters.indexOf(waiter), 1);
                    waiter.resolve(notification);
                }
            }
        } else if (hasId) {
            const key = JSON.stringify(message.id);
            const resolve = this.pending.get(key);
            this.pending.delete(key);
            resolve?.(message as unknown as RpcResponse);
        } else {
            this.malformed.push(JSON.stringify(message));
        }
    }
}
