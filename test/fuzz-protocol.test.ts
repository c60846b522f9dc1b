// Fuzzing the real server process over stdio (out/server.cjs on examples/): mutated texts of a
// small example arrive as didChange, each followed by requests an editor sends (symbols, hover,
// definition, completion, formatting, folding, semantic tokens, references); then hostile
// documents (NUL, BOM, CRLF, nesting past the guard, a 10,000-character line) and malformed
// requests (positions outside the document, a document the server never saw). Every answer comes
// within its bound, the process stays alive, and at the end the original text gets its usual
// diagnostics. A smaller batch than test/fuzz-parse.test.ts: this proves the process survives.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, InitializeParams, Position } from 'vscode-languageserver-protocol/node';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';
import { Rng, deeplyNested, mutate } from './helpers/fuzz.js';

const SERVER = path.join(REPO, 'out/server.cjs');
const FILE = 'manuales/imss-doe-2022/imss-doe-2022.7.1.6-ca.estructura';
const MUTATIONS = Number(process.env.FUZZ_PROTOCOL_ITERATIONS ?? 60);
/** Any one request, answered after the build of the edit before it, on a loaded 2-core CI machine. */
const REQUEST_BOUND_MS = 10_000;

function positionAt(text: string, offset: number): Position {
    const before = text.substring(0, offset);
    const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    return { line, character: offset - lineStart };
}

describe('fuzzing the language server process over stdio', () => {
    const file = path.join(EXAMPLES, FILE);
    const uri = pathToFileURL(file).href;
    const source = readFileSync(file, 'utf-8');
    let client: LspTestClient;
    let version = 1;
    const times: number[] = [];

    async function timed<T>(what: string, request: Promise<T>): Promise<T> {
        const started = performance.now();
        const result = await request;
        times.push(performance.now() - started);
        return result;
    }

    /** Sends `text` as the new content and the requests an editor sends after a change. */
    async function editAndAsk(text: string, rng: Rng): Promise<void> {
        await client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
        const textDocument = { uri };
        const position = positionAt(text, rng.int(text.length + 1));
        await timed('symbols', client.request('textDocument/documentSymbol', { textDocument }, REQUEST_BOUND_MS));
        await timed('hover', client.request('textDocument/hover', { textDocument, position }, REQUEST_BOUND_MS));
        await timed('definition', client.request('textDocument/definition', { textDocument, position }, REQUEST_BOUND_MS));
        await timed('completion', client.request('textDocument/completion', { textDocument, position }, REQUEST_BOUND_MS));
        await timed('references', client.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }, REQUEST_BOUND_MS));
        await timed('formatting', client.request('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }, REQUEST_BOUND_MS));
        await timed('folding', client.request('textDocument/foldingRange', { textDocument }, REQUEST_BOUND_MS));
        await timed('semantic tokens', client.request('textDocument/semanticTokens/full', { textDocument }, REQUEST_BOUND_MS));
        expect(client.process.exitCode, `server exited${client.stderr ? `: ${client.stderr.slice(-500)}` : ''}`).toBeNull();
    }

    beforeAll(async () => {
        client = LspTestClient.start(SERVER, REPO);
        const examplesUri = pathToFileURL(EXAMPLES).href;
        const params: InitializeParams = {
            processId: process.pid, rootUri: examplesUri, workspaceFolders: [{ uri: examplesUri, name: 'examples' }],
            capabilities: {
                workspace: { configuration: false, workspaceFolders: true },
                textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, definition: { linkSupport: true } }
            }
        };
        await client.request('initialize', params, 20_000);
        await client.notify('initialized', {});
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'estructura', version, text: source } });
        await client.waitForDiagnostics(uri, () => true, 60_000);
    }, 90_000);

    afterAll(() => client?.dispose());

    it(`answers every request after each of ${MUTATIONS} mutations of ${FILE}`, async () => {
        const rng = new Rng(20261123 ^ Number(process.env.FUZZ_SEED ?? 0));
        for (let i = 0; i < MUTATIONS; i++) {
            const mutation = mutate(source, rng);
            try {
                await editAndAsk(mutation.text, rng);
            } catch (error) {
                throw new Error(`mutation ${i} (${mutation.op}): ${(error as Error).message}`);
            }
        }
        const sorted = [...times].sort((a, b) => a - b);
        // Nothing was caught and logged on the way either (Langium logs an exception of a build or a handler).
        expect(client.stderr).toBe('');
        console.log(`[fuzz-protocol] ${MUTATIONS} mutations, ${times.length} requests, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
    }, Math.max(180_000, MUTATIONS * 1_000));

    const hostile: Array<[string, () => string]> = [
        ['a NUL character', () => source.replace('funciones {', 'funciones \u0000{')],
        ['a byte order mark', () => `\ufeff${source}`],
        ['CRLF line ends', () => source.replace(/\n/g, '\r\n')],
        ['a lone surrogate', () => source.replace('"', '"\ud800')],
        ['a 10,000-character line', () => `${source}\n// ${'x'.repeat(10_000)}\n${'{'.repeat(10_000)}`],
        ['units nested 1,000 deep', () => deeplyNested(1_000)],
        ['1,000 unclosed units', () => deeplyNested(1_000).replace(/\}\n/g, '')],
        ['an empty document', () => '']
    ];
    for (const [label, make] of hostile) {
        it(`survives ${label}`, async () => {
            await editAndAsk(make(), new Rng(label.length));
            expect(client.stderr).toBe('');
        }, 60_000);
    }

    it('answers malformed requests with an error or nothing, and keeps running', async () => {
        const far = { line: 99_999, character: 99_999 };
        const negative = { line: -1, character: -5 };
        const unknown = pathToFileURL(path.join(EXAMPLES, 'no-existe.estructura')).href;
        const attempts: Array<[string, unknown]> = [
            ['textDocument/hover', { textDocument: { uri }, position: far }],
            ['textDocument/definition', { textDocument: { uri }, position: negative }],
            ['textDocument/completion', { textDocument: { uri }, position: far }],
            ['textDocument/rename', { textDocument: { uri }, position: far, newName: 'X' }],
            ['textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }],
            ['textDocument/documentSymbol', { textDocument: { uri: unknown } }],
            ['textDocument/formatting', { textDocument: { uri: unknown }, options: { tabSize: 4, insertSpaces: true } }],
            ['textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }],
            ['textDocument/hover', {}]
        ];
        for (const [method, params] of attempts) {
            // An error response is fine; a hang or a dead process is not.
            await client.request(method, params, REQUEST_BOUND_MS).catch((error: Error) => {
                if (/timed out/u.test(error.message)) throw error;
            });
            expect(client.process.exitCode, `${method} killed the server`).toBeNull();
        }
    }, 60_000);

    it('gives the original text its usual diagnostics afterwards (no stale state)', async () => {
        await client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: source }] });
        const diagnostics: Diagnostic[] = await client.waitForDiagnostics(uri, ds => !ds.some(d => d.code === 'estructura-sintaxis'), 30_000);
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }, REQUEST_BOUND_MS);
        expect(symbols.length).toBeGreaterThan(0);
        expect(await client.shutdown()).toBe(0);
    }, 60_000);
});
