// The hierarchies, inlay hints and code lens over the Language Server Protocol: the bundled server
// (out/server.cjs, `npm run bundle`) on examples/, as VS Code asks for them. The items of a
// hierarchy travel as JSON and come back to be expanded; the code lens is asked for every visible
// file on every change; the setting reaches the server as VS Code sends it.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
    CallHierarchyIncomingCall, CallHierarchyItem, CodeLens, InitializeParams, InitializeResult, InlayHint, Location, Position, Range, TypeHierarchyItem
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOE, EXAMPLES, ERRORS, REPO, UEOD } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';

const SERVER = path.join(REPO, 'out/server.cjs');
const DTED = 'manuales/issste-2018/issste-2018.8-dted.estructura';

const uri = (name: string) => pathToFileURL(path.join(EXAMPLES, name)).href;
const source = (name: string) => TextDocument.create(uri(name), 'estructura', 0, readFileSync(path.join(EXAMPLES, name), 'utf-8'));
/** Position of `inner` inside the first occurrence of `needle` in an example file. */
function at(name: string, needle: string, inner = needle): Position {
    const text = source(name);
    const found = text.getText().indexOf(needle);
    if (found < 0 || needle.indexOf(inner) < 0) throw new Error(`«${inner}» of «${needle}» not in ${name}`);
    return text.positionAt(found + needle.indexOf(inner));
}
const textAt = (name: string, range: Range) => source(name).getText(range).replace(/\s+/g, ' ');
const fileOf = (u: string) => u.split('/').pop();

describe('hierarchies, inlay hints and code lens over stdio (out/server.cjs)', () => {
    let client: LspTestClient;
    let initializeResult: InitializeResult;
    const refreshes = { codeLens: 0, inlayHint: 0 };

    beforeAll(async () => {
        client = LspTestClient.start(SERVER, REPO);
        // Counted before the client's catch-all answers them.
        client.connection.onRequest('workspace/codeLens/refresh', () => { refreshes.codeLens++; return null; });
        client.connection.onRequest('workspace/inlayHint/refresh', () => { refreshes.inlayHint++; return null; });
        const examplesUri = pathToFileURL(EXAMPLES).href;
        const params: InitializeParams = {
            processId: process.pid,
            clientInfo: { name: 'estructura-navigation-test' },
            rootUri: examplesUri,
            workspaceFolders: [{ uri: examplesUri, name: 'examples' }],
            capabilities: {
                workspace: { configuration: false, workspaceFolders: true, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
                textDocument: { synchronization: { dynamicRegistration: false }, typeHierarchy: {}, callHierarchy: {}, inlayHint: {}, codeLens: {} }
            }
        };
        initializeResult = await client.request<InitializeResult>('initialize', params, 20_000);
        await client.notify('initialized', {});
        // The startup build validates every file; the last deliberate errors mean it is done.
        await client.waitForDiagnostics(uri(ERRORS), ds => ds.length > 0, 30_000);
    });

    afterAll(() => {
        client?.dispose();
    });

    it('advertises type and call hierarchy, inlay hints and code lens', () => {
        const caps = initializeResult.capabilities;
        expect(caps.typeHierarchyProvider).toBeTruthy();
        expect(caps.callHierarchyProvider).toBeTruthy();
        expect(caps.inlayHintProvider).toEqual({ resolveProvider: false });
        expect(caps.codeLensProvider).toEqual({ resolveProvider: false });
    });

    it('expands the type hierarchy of CEIR up to the Dirección General, one manual after another', async () => {
        const prepared = await client.request<TypeHierarchyItem[]>('textDocument/prepareTypeHierarchy', {
            textDocument: { uri: uri(UEOD) }, position: at(UEOD, 'unidad CEIR', 'CEIR')
        });
        expect(prepared.map(i => i.name)).toEqual(['7.1.1.5 Coordinación de Evaluación de Incorporación y Recaudación']);
        const chain: string[] = [];
        for (let item: TypeHierarchyItem | undefined = prepared[0]; item;) {
            const supertypes: TypeHierarchyItem[] = await client.request('typeHierarchy/supertypes', { item });
            item = supertypes[0];
            if (item) chain.push(`${item.name.split(' ')[0]} ${fileOf(item.uri)}`);
        }
        expect(chain).toEqual(['7.1.1 imss-doe-2022.7.1.1-ueod.estructura', '7.1 imss-doe-2022.estructura', '8.1 imss-2018.estructura']);
        const [doe] = await client.request<TypeHierarchyItem[]>('textDocument/prepareTypeHierarchy', { textDocument: { uri: uri(DOE) }, position: at(DOE, 'unidad DOE', 'DOE') });
        const subtypes = await client.request<TypeHierarchyItem[]>('typeHierarchy/subtypes', { item: doe });
        expect(subtypes.map(s => s.name.split(' ')[0])).toEqual(['7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.1.5', '7.1.6']);
    });

    it('lists the incoming calls of the DOE: `adscrita a DOE` and the mentions in prose, by caller', async () => {
        const [item] = await client.request<CallHierarchyItem[]>('textDocument/prepareCallHierarchy', {
            textDocument: { uri: uri(DOE) }, position: at(DOE, 'unidad DOE "Dirección de Operación y Evaluación"', 'Evaluación')
        });
        expect(item.name).toBe('7.1 Dirección de Operación y Evaluación');
        const incoming = await client.request<CallHierarchyIncomingCall[]>('callHierarchy/incomingCalls', { item });
        const ueod = incoming.find(call => call.from.detail?.startsWith('IMSS.UEOD '))!;
        const texts = ueod.fromRanges.map(range => textAt(UEOD, range));
        expect(texts).toContain('DOE');
        expect(texts).toContain('Dirección de Operación y Evaluación');
        expect(incoming.length).toBeGreaterThan(20);
    });

    it('shows the official name after `adscrita a DG`, and none once `estructura.sugerencias.nombreOficial` is off', async () => {
        const range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
        const hints = () => client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: uri(DOE) }, range });
        const adscription = at(DOE, 'adscrita a DG', 'DG');
        expect((await hints()).find(h => h.position.line === adscription.line)).toMatchObject({
            label: 'Dirección General', position: { line: adscription.line, character: adscription.character + 2 }
        });
        const before = refreshes.inlayHint;
        await client.notify('workspace/didChangeConfiguration', { settings: { estructura: { sugerencias: { nombreOficial: false } } } });
        await expect.poll(() => hints(), { timeout: 10_000 }).toEqual([]);
        expect(refreshes.inlayHint).toBeGreaterThan(before);
        await client.notify('workspace/didChangeConfiguration', { settings: { estructura: { sugerencias: { nombreOficial: true } } } });
        await expect.poll(async () => (await hints()).length, { timeout: 10_000 }).toBeGreaterThan(10);
    });

    it('gives the DOE its code lens, whose parts carry the references peek', async () => {
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(DOE) } });
        const line = at(DOE, 'unidad DOE "').line;
        const doe = lenses.filter(l => l.range.start.line === line);
        expect(doe.map(l => l.command!.title)).toEqual(['21 funciones', '19 referencias', '40 menciones', '10 cambios', '5 plazas']);
        const [, references] = doe;
        expect(references.command!.command).toBe('editor.action.showReferences');
        const [target, position, locations] = references.command!.arguments as [string, Position, Location[]];
        expect(target).toBe(uri(DOE));
        expect(position).toEqual(at(DOE, 'unidad DOE', 'DOE'));
        expect(locations).toHaveLength(19);
    });

    it('answers the code lens of the largest ISSSTE file quickly, and asks the editor to refresh lenses after an edit', async () => {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
            const start = performance.now();
            const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(DTED) } });
            times.push(performance.now() - start);
            expect(lenses).toHaveLength(4 * 34);
        }
        times.sort((a, b) => a - b);
        console.log(`codeLens over stdio, ${DTED} (136 lenses): median ${times[2].toFixed(1)} ms, max ${times[4].toFixed(1)} ms`);
        const before = refreshes.codeLens;
        const text = source(UEOD).getText();
        await client.notify('textDocument/didOpen', { textDocument: { uri: uri(UEOD), languageId: 'estructura', version: 1, text } });
        try {
            await client.notify('textDocument/didChange', {
                textDocument: { uri: uri(UEOD), version: 2 },
                contentChanges: [{ text: text.replace('"Aprobar y establecer el plan de trabajo', '"Aprobar y establecer el programa de trabajo') }]
            });
            await expect.poll(() => refreshes.codeLens, { timeout: 15_000 }).toBeGreaterThan(before);
        } finally {
            await client.notify('textDocument/didClose', { textDocument: { uri: uri(UEOD) } });
        }
    });

    it('lists from the official name the references it lists from the id', async () => {
        const references = (position: Position) => client.request<Location[]>('textDocument/references', {
            textDocument: { uri: uri(DOE) }, position, context: { includeDeclaration: true }
        });
        const fromId = await references(at(DOE, 'unidad DOE', 'DOE'));
        const fromName = await references(at(DOE, 'unidad DOE "Dirección de Operación y Evaluación"', 'Operación'));
        expect(fromName).toEqual(fromId);
        expect(fromId.length).toBe(1 + 19 + 40);
    });

    it('shuts down and exits cleanly', async () => {
        expect(await client.shutdown()).toBe(0);
    });
});
