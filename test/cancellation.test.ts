// A new edit cancels the build of the previous one, and typing in the largest file never queues up
// stale work. In-process: a burst of edits through Langium's workspace lock parses the file once
// (the update a newer edit cancelled before it started does not parse), and a structure change in
// a cancelled edit still reaches the other files. Over stdio: a burst of didChange on the ISSSTE
// file with the most functions publishes the final version's diagnostics, skips most stale ones,
// and within a bound.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, InitializeParams } from 'vscode-languageserver-protocol/node';
import { buildWorkspace, exampleFiles, uriOf } from './helpers/workspace.js';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';

/** The ISSSTE part with the most functions (260 after the importer's split, see bench/README.md). */
const LARGEST = 'manuales/issste-2018/issste-2018.10.1-udi.estructura';
const FIRST_FUNCTION = '1. "Preparar';
const BURST = 30;
/** Last didChange → diagnostics of the final version, on a loaded 2-core CI machine. */
const FINAL_BOUND_MS = 10_000;

/** A word for version k, letters only (the rule quotes the first word, letters only): Marcaab, Marcaac… */
function tag(k: number): string {
    return `Marca${String.fromCharCode(97 + Math.floor(k / 26) % 26)}${String.fromCharCode(97 + k % 26)}`;
}

/** Version k: the first function starts with tag(k), which funcion-infinitivo quotes. */
function versionText(source: string, k: number): string {
    if (!source.includes(FIRST_FUNCTION)) throw new Error(`${LARGEST} has no «${FIRST_FUNCTION}»`);
    return source.replace(FIRST_FUNCTION, `1. "${tag(k)} preparar`);
}

/** The versions whose marker the diagnostics quote. */
function markersOf(diagnostics: Diagnostic[]): number[] {
    return diagnostics.flatMap(d => {
        const m = /«Marca([a-z])([a-z])»/u.exec(typeof d.message === 'string' ? d.message : d.message.value);
        return m ? [(m[1].charCodeAt(0) - 97) * 26 + (m[2].charCodeAt(0) - 97)] : [];
    });
}

describe('cancellation in-process (workspace lock, document builder)', () => {
    const files = exampleFiles();

    it(`a burst of ${BURST} edits of the largest file parses it once and validates the final version`, async () => {
        const issste = Object.fromEntries(Object.entries(files).filter(([name]) => name.includes('issste')));
        const ws = await buildWorkspace(issste);
        const parser = ws.services.parser.LangiumParser;
        const parse = parser.parse.bind(parser);
        let parses = 0;
        parser.parse = ((text: string, options?: object) => {
            if (text.length > 50_000) parses++;
            return parse(text, options);
        }) as typeof parser.parse;
        const uri = uriOf(LARGEST);
        const lock = ws.shared.workspace.WorkspaceLock;
        const builder = ws.shared.workspace.DocumentBuilder;
        let validated = 0;
        const listener = builder.onDocumentPhase(4 /* DocumentState.Validated */, doc => { if (doc.uri.toString() === uri.toString()) validated++; });
        const writes: Array<Promise<void>> = [];
        // As the language server does on each didChange: the text document changes, then a write.
        for (let k = 1; k <= BURST; k++) {
            setTextDocument(ws.shared, TextDocument.create(uri.toString(), 'estructura', k, versionText(files[LARGEST], k)));
            writes.push(lock.write(token => builder.update([uri], [], token)));
        }
        await Promise.all(writes);
        listener.dispose();
        const doc = ws.shared.workspace.LangiumDocuments.getDocument(uri)!;
        expect(doc.textDocument.getText()).toContain(`${tag(BURST)} `);
        expect(markersOf(doc.diagnostics ?? [])).toEqual([BURST]);
        expect(validated, 'validations of the edited file').toBe(1);
        expect(parses, 'whole-file parses of the edited file').toBe(1);
    }, 60_000);

    it('a structure change in an edit that a newer edit cancelled still reaches the other files', async () => {
        const a = 'manual A "Manual A" {\n    institucion IMSS\n}\n\nunidad UA "Dirección A" {\n    funciones { 1. "Coordinar la Dirección A." }\n}\n';
        const b = 'manual B "Manual B" {\n    institucion IMSS\n}\n\nunidad UB "Dirección B" {\n    funciones { 1. "Coordinar la Dirección B." }\n}\n';
        const ws = await buildWorkspace({ 'a.estructura': a, 'b.estructura': b });
        const lock = ws.shared.workspace.WorkspaceLock;
        const builder = ws.shared.workspace.DocumentBuilder;
        const uri = uriOf('b.estructura');
        // Version 1 renames UB to UA (a duplicate id, seen in a.estructura too); version 2 only edits a text.
        const v1 = b.replace('unidad UB', 'unidad UA');
        const v2 = v1.replace('Coordinar la Dirección B.', 'Coordinar la Dirección B y sus áreas.');
        const writes: Array<Promise<void>> = [];
        for (const [k, text] of [v1, v2].entries()) {
            setTextDocument(ws.shared, TextDocument.create(uri.toString(), 'estructura', k + 1, text));
            writes.push(lock.write(token => builder.update([uri], [], token)));
        }
        await Promise.all(writes);
        const inA = ws.shared.workspace.LangiumDocuments.getDocument(uriOf('a.estructura'))!.diagnostics ?? [];
        expect(inA.filter(d => d.code === 'estructura-id-duplicado')).toHaveLength(1);
        // And back: the duplicate disappears from a.estructura.
        setTextDocument(ws.shared, TextDocument.create(uri.toString(), 'estructura', 3, b));
        await lock.write(token => builder.update([uri], [], token));
        expect((ws.shared.workspace.LangiumDocuments.getDocument(uriOf('a.estructura'))!.diagnostics ?? []).filter(d => d.code === 'estructura-id-duplicado')).toEqual([]);
    }, 60_000);
});

describe('cancellation and deletion', () => {
    it('an edit cancelled before it started, then the file deleted: the build forgets it', async () => {
        const a = 'manual A "Manual A" {\n    institucion IMSS\n}\n\nunidad UA "Dirección A" {\n    funciones { 1. "Coordinar la Dirección A." }\n}\n';
        const b = a.replace(/A/g, 'B');
        const ws = await buildWorkspace({ 'a.estructura': a, 'b.estructura': b });
        const lock = ws.shared.workspace.WorkspaceLock;
        const builder = ws.shared.workspace.DocumentBuilder;
        const uri = uriOf('b.estructura');
        setTextDocument(ws.shared, TextDocument.create(uri.toString(), 'estructura', 2, b.replace('unidad UB', 'unidad UA')));
        const edit = lock.write(token => builder.update([uri], [], token));
        ws.shared.workspace.TextDocuments?.delete(uri.toString());
        const deletion = lock.write(token => builder.update([], [uri], token));
        await Promise.all([edit, deletion]);
        expect(ws.shared.workspace.LangiumDocuments.hasDocument(uri)).toBe(false);
        // The next edit elsewhere builds without trying to read the deleted file.
        const other = uriOf('a.estructura');
        setTextDocument(ws.shared, TextDocument.create(other.toString(), 'estructura', 2, `${a} `));
        await lock.write(token => builder.update([other], [], token));
        expect(ws.shared.workspace.LangiumDocuments.hasDocument(uri)).toBe(false);
        expect(ws.shared.workspace.LangiumDocuments.getDocument(other)!.diagnostics!.filter(d => d.severity === 1)).toEqual([]);
    }, 60_000);
});

describe('cancellation over stdio (out/server.cjs)', () => {
    const SERVER = path.join(REPO, 'out/server.cjs');
    const file = path.join(EXAMPLES, LARGEST);
    const uri = pathToFileURL(file).href;
    const source = readFileSync(file, 'utf-8');
    let client: LspTestClient;
    /** Every publication for the largest file, with when it arrived. */
    const published: Array<{ at: number; markers: number[] }> = [];

    beforeAll(async () => {
        client = LspTestClient.start(SERVER, REPO);
        const examplesUri = pathToFileURL(EXAMPLES).href;
        const params: InitializeParams = {
            processId: process.pid, rootUri: examplesUri, workspaceFolders: [{ uri: examplesUri, name: 'examples' }],
            capabilities: { workspace: { configuration: false, workspaceFolders: true } }
        };
        await client.request('initialize', params, 20_000);
        await client.notify('initialized', {});
        client.diagnosticsListeners.push(p => {
            if (p.uri === uri) published.push({ at: performance.now(), markers: markersOf(p.diagnostics) });
        });
        await client.waitForDiagnostics(uri, () => true, 60_000);
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'estructura', version: 1, text: source } });
        await client.waitForDiagnostics(uri, ds => markersOf(ds).length === 0, 30_000);
    }, 90_000);

    afterAll(() => client?.dispose());

    for (const [label, gapMs] of [['back to back', 0], ['typed every 10 ms', 10]] as const) {
        it(`publishes the final version of a burst of ${BURST} edits (${label}), skipping stale ones, within ${FINAL_BOUND_MS / 1000} s`, async () => {
            published.length = 0;
            const base = label === 'back to back' ? 0 : 100;
            let version = base + 1;
            for (let k = 1; k <= BURST; k++) {
                await client.notify('textDocument/didChange', {
                    textDocument: { uri, version: ++version },
                    contentChanges: [{ text: versionText(source, base + k) }]
                });
                if (gapMs > 0) await new Promise(resolve => setTimeout(resolve, gapMs));
            }
            const sent = performance.now();
            const final = base + BURST;
            await client.waitForDiagnostics(uri, ds => markersOf(ds).includes(final), FINAL_BOUND_MS);
            const elapsed = performance.now() - sent;
            // Let anything still queued arrive, then count the versions whose diagnostics were published.
            await new Promise(resolve => setTimeout(resolve, 500));
            const versions = new Set(published.flatMap(p => p.markers));
            console.log(`[cancellation] ${label}: ${BURST} edits, ${versions.size} versions published (${[...versions].join(', ')}), final diagnostics ${elapsed.toFixed(0)} ms after the last edit`);
            expect(versions.has(final)).toBe(true);
            // The last publication is the final version: nothing stale arrives after it.
            expect(published.at(-1)!.markers).toEqual([final]);
            // Most intermediate versions were never validated.
            expect(versions.size).toBeLessThanOrEqual(BURST / 3);
            expect(elapsed).toBeLessThan(FINAL_BOUND_MS);
            // The server answers the next request.
            const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }, 10_000);
            expect(symbols.length).toBeGreaterThan(0);
        }, 60_000);
    }
});
