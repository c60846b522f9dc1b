// One language module, two hosts: the language server built for a web worker (out/web/server.js,
// server/src/main-browser.ts), which reads the workspace only through its client's file requests,
// answers exactly as the desktop server (out/server.cjs) does on the same files: every diagnostic
// of examples/ (files never opened), definition across manuals, references, rename, hover, the
// outline and the org chart; and it follows files created and deleted as the editor reports them.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, InitializeParams, Location, LocationLink, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { CLIENT_COMMANDS } from '../server/src/protocol.js';
import { DOE, EXAMPLES, exampleFileNames, REPO, UEOD } from './helpers/examples.js';
import { answerFilesFromDisk, LspTestClient, withTimeout } from './helpers/lsp-client.js';

const DESKTOP = path.join(REPO, 'out/server.cjs');
const WORKER = path.join(REPO, 'out/web/server.js');

let folder: string;
const uri = (name: string) => pathToFileURL(path.join(folder, name)).href;

interface Side {
    name: string;
    client: LspTestClient;
    /** Resolves once every file of the workspace has had its diagnostics published. */
    built: Promise<void>;
}

function start(name: string, client: LspTestClient, expected: readonly string[]): Side {
    if (name === 'worker') answerFilesFromDisk(client);
    const pending = new Set(expected.map(uri));
    let done!: () => void;
    const built = new Promise<void>(resolve => { done = resolve; });
    client.diagnosticsListeners.push((params: PublishDiagnosticsParams) => {
        pending.delete(params.uri);
        if (pending.size === 0) done();
    });
    return { name, client, built };
}

async function initialize(side: Side): Promise<void> {
    const folderUri = pathToFileURL(folder).href;
    const params: InitializeParams = {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'examples' }],
        // As VS Code, desktop or web, declares them: rule links are then command links on both
        // (without them the desktop links to docs/reglas.md on disk, which a worker does not have).
        initializationOptions: { commands: [...CLIENT_COMMANDS] },
        capabilities: {
            workspace: { configuration: false, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } },
            textDocument: { synchronization: { dynamicRegistration: false }, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, hover: { contentFormat: ['markdown'] } }
        }
    };
    await side.client.request('initialize', params, 30_000);
    await side.client.notify('initialized', {});
    await withTimeout(side.built, 90_000, `${side.name}: the diagnostics of every file`);
}

/** Published diagnostics, by file relative to the workspace, sorted. */
function diagnosticsOf(side: Side): Record<string, Diagnostic[]> {
    const all: Record<string, Diagnostic[]> = {};
    for (const [u, ds] of [...side.client.diagnostics].sort(([a], [b]) => a.localeCompare(b))) {
        all[path.relative(folder, new URL(u).pathname)] = ds;
    }
    return all;
}

/** Waits until no diagnostics have been published for `quiet` ms. */
async function settled(side: Side, quiet = 1500): Promise<void> {
    let last = Date.now();
    const listener = () => { last = Date.now(); };
    side.client.diagnosticsListeners.push(listener);
    while (Date.now() - last < quiet) await new Promise(resolve => setTimeout(resolve, 200));
    side.client.diagnosticsListeners.splice(side.client.diagnosticsListeners.indexOf(listener), 1);
}

function positionOf(text: string, needle: string, inner = needle): Position {
    const index = text.indexOf(needle) + needle.indexOf(inner);
    const before = text.slice(0, index).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('the web worker server answers as the desktop server on the same files', () => {
    let desktop: Side;
    let worker: Side;
    const both = <T>(ask: (side: Side) => Promise<T>) => Promise.all([ask(desktop), ask(worker)]);

    beforeAll(async () => {
        folder = mkdtempSync(path.join(tmpdir(), 'estructura-web-'));
        cpSync(EXAMPLES, folder, { recursive: true });
        // A workspace setting: the worker reads estructura.json through its client too.
        writeFileSync(path.join(folder, 'estructura.json'), JSON.stringify({ reglas: { 'funcion-puntuacion': 'off' } }));
        const files = exampleFileNames();
        desktop = start('desktop', LspTestClient.start(DESKTOP, REPO), files);
        worker = start('worker', LspTestClient.startWorker(WORKER, REPO), files);
        await Promise.all([initialize(desktop), initialize(worker)]);
        await Promise.all([settled(desktop), settled(worker)]);
    }, 180_000);

    afterAll(() => {
        desktop?.client.dispose();
        worker?.client.dispose();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('publishes the same diagnostics for every file of examples/, none of them opened, with estructura.json applied', () => {
        const [a, b] = [diagnosticsOf(desktop), diagnosticsOf(worker)];
        expect(Object.keys(b)).toHaveLength(exampleFileNames().length);
        expect(b).toEqual(a);
        const codes = Object.values(b).flat().map(d => d.code);
        expect(codes).toContain('estructura-referencia');
        expect(codes).toContain('funcion-mencion');
        // Off in estructura.json (it appears 20 times in examples/ without it).
        expect(codes).not.toContain('funcion-puntuacion');
    });

    it('goes from a manual to the unit defined in another (F12), and finds the same references and rename edits', async () => {
        const text = (await import('node:fs')).readFileSync(path.join(folder, UEOD), 'utf-8');
        const at = { textDocument: { uri: uri(UEOD) }, position: positionOf(text, 'adscrita a DOE', 'DOE') };
        const [d, w] = await both(side => side.client.request<LocationLink[]>('textDocument/definition', at));
        expect(w).toEqual(d);
        expect(w.map(link => link.targetUri)).toEqual([uri(DOE)]);
        const references = { ...at, context: { includeDeclaration: true } };
        const [dr, wr] = await both(side => side.client.request<Location[]>('textDocument/references', references));
        expect(wr).toEqual(dr);
        expect(new Set(wr.map(l => l.uri)).size).toBeGreaterThan(3);
        const [dn, wn] = await both(side => side.client.request('textDocument/rename', { ...at, newName: 'DOEX' }));
        expect(wn).toEqual(dn);
        const [dh, wh] = await both(side => side.client.request('textDocument/hover', at));
        expect(wh).toEqual(dh);
        expect(JSON.stringify(wh)).toContain('Dirección de Operación y Evaluación');
    });

    it('gives the same outline and org chart', async () => {
        const [ds, ws] = await both(side => side.client.request('textDocument/documentSymbol', { textDocument: { uri: uri(DOE) } }));
        expect(ws).toEqual(ds);
        const chart = { uri: uri(DOE), alcance: 'manual' };
        const [dc, wc] = await both(side => side.client.request<{ svg: string }>('estructura/organigrama', chart, 30_000));
        expect(wc).toEqual(dc);
        expect(wc.svg).toContain('<svg');
    });

    it('follows a file the editor reports created, then deleted, and a typed reference to a unit that exists nowhere', async () => {
        const name = 'nuevo.estructura';
        writeFileSync(path.join(folder, name), 'manual NUEVO "Nuevo" institucion IMSS\n\nunidad NUE "Unidad nueva" {\n    adscrita a NOEXISTE\n}\n');
        const created = { changes: [{ uri: uri(name), type: 1 }] };
        await both(side => side.client.notify('workspace/didChangeWatchedFiles', created));
        const [dn, wn] = await both(side => side.client.waitForDiagnostics(uri(name), ds => ds.some(d => d.code === 'estructura-referencia'), 20_000));
        expect(wn).toEqual(dn);
        unlinkSync(path.join(folder, name));
        const deleted = { changes: [{ uri: uri(name), type: 3 }] };
        await both(side => side.client.notify('workspace/didChangeWatchedFiles', deleted));
        await both(side => side.client.waitForDiagnostics(uri(name), ds => ds.length === 0, 20_000));
        // Typed in an open editor: the same error, then gone when the text is taken back.
        const original = (await import('node:fs')).readFileSync(path.join(folder, DOE), 'utf-8');
        const open = { textDocument: { uri: uri(DOE), languageId: 'estructura', version: 1, text: original } };
        await both(side => side.client.notify('textDocument/didOpen', open));
        const typed = original.replace('adscrita a DG', 'adscrita a DGX');
        await both(side => side.client.notify('textDocument/didChange', { textDocument: { uri: uri(DOE), version: 2 }, contentChanges: [{ text: typed }] }));
        const [de, we] = await both(side => side.client.waitForDiagnostics(uri(DOE), ds => ds.some(d => d.code === 'estructura-referencia' && String(d.message).includes('DGX')), 20_000));
        expect(we).toEqual(de);
        await both(side => side.client.notify('textDocument/didClose', { textDocument: { uri: uri(DOE) } }));
        await Promise.all([settled(desktop), settled(worker)]);
        expect(diagnosticsOf(worker)).toEqual(diagnosticsOf(desktop));
        expect(diagnosticsOf(worker)[DOE].some(d => String(d.message).includes('DGX'))).toBe(false);
    }, 90_000);
});
