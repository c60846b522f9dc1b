// Failed requests are JSON-RPC errors, checked at the wire: raw Content-Length frames over stdio to
// the bundled server (out/server.cjs), no client library, so that `{"result": {"code": …}}` (an
// error sent as a successful result, what two copies of vscode-jsonrpc in the bundle did) cannot
// pass for `{"error": …}`. Also the bundles themselves: one copy of each protocol package.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { RawRpc, type RpcResponse } from './helpers/raw-rpc.js';

const SERVER = process.env.ESTRUCTURA_SERVER ?? path.join(REPO, 'out/server.cjs');
const PROTOCOL_PACKAGES = ['vscode-jsonrpc', 'vscode-languageserver-protocol', 'vscode-languageserver-types'];

/** The package folders a bundle's source map draws `name` from, from the first `node_modules/` on. */
function bundledCopies(bundle: string, name: string): string[] {
    const map = JSON.parse(readFileSync(path.join(REPO, 'out', `${bundle}.map`), 'utf-8')) as { sources: string[] };
    const copies = new Set<string>();
    for (const source of map.sources) {
        const at = source.lastIndexOf(`node_modules/${name}/`);
        if (at >= 0) copies.add(source.substring(source.indexOf('node_modules/'), at + `node_modules/${name}`.length));
    }
    return [...copies];
}

/** Every installed copy of `name` under node_modules/, nested ones included. */
function installedCopies(name: string): string[] {
    const found: string[] = [];
    const visit = (dir: string) => {
        for (const entry of readdirSync(dir)) {
            if (entry.startsWith('.')) continue;
            const full = path.join(dir, entry);
            if (!statSync(full).isDirectory()) continue;
            if (entry.startsWith('@')) {
                visit(full);
                continue;
            }
            if (entry === name) found.push(path.relative(REPO, full));
            const nested = path.join(full, 'node_modules');
            if (existsSync(nested)) visit(nested);
        }
    };
    visit(path.join(REPO, 'node_modules'));
    return found;
}

describe('one copy of the JSON-RPC and protocol packages', () => {
    // Langium creates its errors (ResponseError) with one copy and the connection checks `instanceof`
    // against another: with two, every error Langium returned went out as a successful result.
    for (const bundle of ['server.cjs', 'cli.cjs', 'extension.cjs']) {
        it(`out/${bundle} bundles each of them once`, () => {
            if (!existsSync(path.join(REPO, 'out', `${bundle}.map`))) throw new Error(`out/${bundle}.map does not exist: run \`npm run bundle\` first.`);
            for (const name of PROTOCOL_PACKAGES) {
                expect(bundledCopies(bundle, name), name).toEqual([`node_modules/${name}`]);
            }
        });
    }

    it('node_modules holds each of them once (npm dedupes them: package.json pins the versions vscode-languageserver wants)', () => {
        for (const name of PROTOCOL_PACKAGES) expect(installedCopies(name), name).toEqual([`node_modules/${name}`]);
    });
});

/** An error response with this code, and no result. */
function expectError(response: RpcResponse, codes: number[], what: string): void {
    expect(response, `${what}: ${JSON.stringify(response)}`).not.toHaveProperty('result');
    expect(response.error, `${what}: ${JSON.stringify(response)}`).toBeDefined();
    expect(codes, `${what}: ${JSON.stringify(response)}`).toContain(response.error!.code);
    expect(typeof response.error!.message, what).toBe('string');
}

/** A text whose build takes long enough (about a second or more) to cancel a request waiting for it. */
function slowText(units: number): string {
    const lines = ['manual LENTO "Manual de la prueba de cancelación" {', '    institucion PRUEBA', '}', ''];
    for (let i = 0; i < units; i++) {
        lines.push(`unidad U${i} "Unidad ${i} de la prueba" {`, `    número ${i + 1}`);
        if (i > 0) lines.push(`    adscrita a U${i - 1}`);
        lines.push('    funciones {', `        1. "Coordinar las acciones de la Unidad ${i} de la prueba y de la Dirección General."`,
            '        2. "Supervisar el programa de trabajo."', '    }', '}');
    }
    return `${lines.join('\n')}\n`;
}

describe('failed requests over stdio are JSON-RPC errors (raw frames, out/server.cjs)', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'estructura-errores-'));
    const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
    const KNOWN = 'con-errores.estructura';
    const unknown = uriOf('no-existe.estructura');
    const zero = { line: 0, character: 0 };
    let rpc: RawRpc;

    beforeAll(async () => {
        cpSync(path.join(EXAMPLES, 'ejemplos'), folder, { recursive: true });
        rpc = RawRpc.start(SERVER, REPO);
        const init = await rpc.initialize(pathToFileURL(folder).href);
        expect(init.result).toBeDefined();
        // The startup build publishes every file's diagnostics.
        await rpc.waitForNotification(n => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uriOf(KNOWN), 60_000, 'the startup build');
    }, 90_000);

    afterAll(() => {
        rpc?.dispose();
        rmSync(folder, { recursive: true, force: true });
    });

    it('answers every request about a document the server does not have with ServerCancelled (-32802)', async () => {
        const textDocument = { uri: unknown };
        const range = { start: zero, end: zero };
        const options = { tabSize: 4, insertSpaces: true };
        const requests: Array<[string, unknown]> = [
            ['textDocument/hover', { textDocument, position: zero }],
            ['textDocument/definition', { textDocument, position: zero }],
            ['textDocument/references', { textDocument, position: zero, context: { includeDeclaration: true } }],
            ['textDocument/documentHighlight', { textDocument, position: zero }],
            ['textDocument/documentSymbol', { textDocument }],
            ['textDocument/completion', { textDocument, position: zero }],
            ['textDocument/formatting', { textDocument, options }],
            ['textDocument/rangeFormatting', { textDocument, range, options }],
            ['textDocument/foldingRange', { textDocument }],
            ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
            ['textDocument/semanticTokens/full', { textDocument }],
            ['textDocument/semanticTokens/range', { textDocument, range }],
            ['textDocument/rename', { textDocument, position: zero, newName: 'X' }],
            ['textDocument/prepareRename', { textDocument, position: zero }],
            // Another scheme, and a file on disk outside the workspace folder (it must not join it).
            ['textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: zero }],
            ['textDocument/references', { textDocument: { uri: pathToFileURL(path.join(EXAMPLES, 'ejemplos', KNOWN)).href }, position: zero, context: { includeDeclaration: true } }]
        ];
        for (const [method, params] of requests) {
            const response = await rpc.request(method, params);
            expectError(response, [-32802], method);
            expect(response.error!.message).toContain('No document found');
        }
        expect(rpc.alive).toBe(true);
    }, 60_000);

    it('answers estructura/organigrama for an unknown file with its message, not an error', async () => {
        const response = await rpc.request('estructura/organigrama', { uri: unknown, alcance: 'manual' });
        expect(response.error).toBeUndefined();
        expect(response.result).toEqual({ error: `El archivo ${path.join(folder, 'no-existe.estructura')} no está en el espacio de trabajo.` });
        // A file of the workspace still gets its chart.
        const chart = await rpc.request('estructura/organigrama', { uri: uriOf(KNOWN), alcance: 'manual' }, 30_000);
        expect(chart.result).toHaveProperty('svg');
    }, 60_000);

    it('answers malformed requests InvalidParams (-32602) and unknown methods MethodNotFound (-32601)', async () => {
        const textDocument = { uri: uriOf(KNOWN) };
        const malformed: Array<[string, unknown]> = [
            ['textDocument/hover', {}],
            ['textDocument/hover', undefined],
            ['textDocument/hover', [textDocument, zero]],
            ['textDocument/hover', { textDocument }],
            ['textDocument/hover', { textDocument, position: { line: 'a', character: null } }],
            ['textDocument/hover', { textDocument, position: { line: -1, character: -5 } }],
            ['textDocument/hover', { textDocument, position: { line: 1.5, character: 0 } }],
            ['textDocument/definition', { textDocument: { uri: 42 }, position: zero }],
            ['textDocument/documentSymbol', { textDocument: 'x' }],
            ['textDocument/documentSymbol', null],
            ['textDocument/references', { textDocument, position: zero }],
            ['textDocument/formatting', { textDocument }],
            ['textDocument/formatting', { textDocument, options: { tabSize: '4', insertSpaces: true } }],
            ['textDocument/codeAction', { textDocument }],
            ['textDocument/codeAction', { textDocument, range: { start: zero, end: zero } }],
            ['textDocument/rename', { textDocument, position: zero }],
            ['textDocument/semanticTokens/range', { textDocument, range: { start: zero } }],
            ['workspace/symbol', {}],
            ['workspace/symbol', { query: 5 }],
            ['estructura/organigrama', {}],
            ['estructura/organigrama', { uri: 5, alcance: 'manual' }],
            ['estructura/organigrama', { uri: textDocument.uri, alcance: 'todo' }],
            ['estructura/organigrama', { uri: textDocument.uri, alcance: 'unidad', position: { line: -1, character: 0 } }],
            ['estructura/comparar', {}],
            ['estructura/comparar', { base: { kind: 'git' } }],
            ['estructura/comparar', { base: { kind: 'constructor' } }],
            ['estructura/comparar', { base: { kind: 'fecha', date: '2000-01-01' }, root: 7 }],
            ['estructura/buscarUnidad', {}],
            ['estructura/buscarUnidad', { query: 7, limite: 3 }],
            ['estructura/buscarUnidad', { query: 'dir', limite: -1 }]
        ];
        for (const [method, params] of malformed) {
            const response = await rpc.request(method, params);
            expectError(response, [-32602], `${method} ${JSON.stringify(params)}`);
            expect(rpc.alive).toBe(true);
        }
        for (const method of ['no/such/method', 'textDocument/noSuchRequest', '$/noSuchRequest']) {
            expectError(await rpc.request(method, {}), [-32601], method);
        }
        // A position past the end of the line or of the document is valid (the protocol clamps it).
        for (const position of [{ line: 0, character: 10_000 }, { line: 99_999, character: 99_999 }]) {
            const response = await rpc.request('textDocument/hover', { textDocument, position });
            expect(response.error, JSON.stringify(response)).toBeUndefined();
            expect(response).toHaveProperty('result');
        }
        // A well-typed value that does not do keeps its explanation in Spanish.
        const date = await rpc.request('estructura/comparar', { base: { kind: 'fecha', date: '2021-02-30' } });
        expect(date.result).toEqual({ error: 'La fecha debe escribirse AAAA-MM-DD (por ejemplo, 2018-07-25), no «2021-02-30».' });
        // Frames that are not JSON-RPC requests: a body that is not JSON, a request without method.
        rpc.sendRaw('{ esto no es JSON');
        rpc.sendRaw({ jsonrpc: '2.0', id: 'sin-método' });
        const symbols = await rpc.request('textDocument/documentSymbol', { textDocument });
        expect(Array.isArray(symbols.result), JSON.stringify(symbols)).toBe(true);
        expect(rpc.malformed).toEqual([]);
        expect(rpc.stderr).toBe('');
    }, 60_000);

    it('answers a request cancelled while it waits for a build RequestCancelled (-32800), estructura/organigrama too', async () => {
        const slow = uriOf('lento.estructura');
        const text = slowText(1_500);
        rpc.notify('textDocument/didOpen', { textDocument: { uri: slow, languageId: 'estructura', version: 1, text } });
        const hover = rpc.newId();
        const references = rpc.newId();
        const chart = rpc.newId();
        const started = performance.now();
        const answers = [hover, references, chart].map(id => rpc.expect(id, 60_000));
        rpc.sendRaw({ jsonrpc: '2.0', id: hover, method: 'textDocument/hover', params: { textDocument: { uri: slow }, position: { line: 4, character: 8 } } });
        rpc.sendRaw({ jsonrpc: '2.0', id: references, method: 'textDocument/references', params: { textDocument: { uri: slow }, position: { line: 4, character: 8 }, context: { includeDeclaration: true } } });
        rpc.sendRaw({ jsonrpc: '2.0', id: chart, method: 'estructura/organigrama', params: { uri: slow, alcance: 'manual' } });
        await new Promise(resolve => setTimeout(resolve, 150));
        for (const id of [hover, references, chart]) rpc.cancel(id);
        const [hovered, referenced, charted] = await Promise.all(answers);
        const cancelledAfter = performance.now() - started;
        // Cancelled while waiting: not after the build answered them.
        const built = await rpc.request('textDocument/documentSymbol', { textDocument: { uri: slow } }, 60_000);
        const builtAfter = performance.now() - started;
        console.log(`[protocol-errors] 3 requests cancelled ${cancelledAfter.toFixed(0)} ms after they were sent; the build answered ${builtAfter.toFixed(0)} ms after`);
        expectError(hovered, [-32800], 'hover');
        expectError(referenced, [-32800], 'references');
        expectError(charted, [-32800], 'estructura/organigrama');
        expect(Array.isArray(built.result)).toBe(true);
        rpc.notify('textDocument/didClose', { textDocument: { uri: slow } });
        expect(rpc.stderr).toBe('');
        expect(await rpc.shutdown()).toBe(0);
    }, 120_000);
});
