// End to end over the Language Server Protocol: the bundled server (out/server.cjs), spawned with
// --stdio on the `examples/` folder, driven as an editor would drive it.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    DiagnosticSeverity, SymbolKind,
    type CompletionList, type Diagnostic, type DocumentSymbol, type InitializeParams, type InitializeResult,
    type Location, type LocationLink, type Position, type Range, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver-protocol/node';
import { EXAMPLES, REPO, INSTITUTIONAL, DOE, UEOD, POSITIONS, ERRORS, DRAFT, DRAFT_TEXT } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';
import type { BuscarUnidadResult } from '../server/src/protocol.js';

const SERVER = path.join(REPO, 'out/server.cjs');

const file = (name: string) => path.join(EXAMPLES, name);
const uri = (name: string) => pathToFileURL(file(name)).href;
const text = (name: string) => readFileSync(file(name), 'utf-8');



/** 0-based line of the only line containing `needle`. */
function lineOf(source: string, needle: string): number {
    const lines = source.split('\n');
    const found = lines.flatMap((l, i) => (l.includes(needle) ? [i] : []));
    if (found.length !== 1) throw new Error(`expected exactly one line with «${needle}», found ${found.length}`);
    return found[0];
}

/** Position of `inner` (default: the whole needle) inside the only line containing `needle`. */
function positionOf(source: string, needle: string, inner = needle): Position {
    const line = lineOf(source, needle);
    const lineText = source.split('\n')[line];
    const offset = lineText.indexOf(needle) + needle.indexOf(inner);
    if (needle.indexOf(inner) < 0) throw new Error(`«${inner}» is not inside «${needle}»`);
    return { line, character: offset };
}

/** Positions of `inner` inside every line containing `needle`, in order. */
function positionsOf(source: string, needle: string, inner = needle): Position[] {
    if (needle.indexOf(inner) < 0) throw new Error(`«${inner}» is not inside «${needle}»`);
    return source.split('\n').flatMap((l, line) => (l.includes(needle) ? [{ line, character: l.indexOf(needle) + needle.indexOf(inner) }] : []));
}

/** The text a range covers (LSP positions count UTF-16 code units, as JS strings do). */
function textAt(source: string, range: Range): string {
    const lines = source.split('\n');
    const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return source.substring(offset(range.start), offset(range.end));
}

describe('language server over stdio (out/server.cjs)', () => {
    let client: LspTestClient;
    let initializeResult: InitializeResult;

    beforeAll(async () => {
        client = LspTestClient.start(SERVER, REPO);
        const examplesUri = pathToFileURL(EXAMPLES).href;
        const params: InitializeParams = {
            processId: process.pid,
            clientInfo: { name: 'estructura-protocol-test' },
            rootUri: examplesUri,
            workspaceFolders: [{ uri: examplesUri, name: 'examples' }],
            capabilities: {
                workspace: { configuration: false, workspaceFolders: true },
                textDocument: {
                    synchronization: { dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: true },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    definition: { linkSupport: true },
                    rename: { prepareSupport: true }
                }
            }
        };
        initializeResult = await client.request<InitializeResult>('initialize', params, 20_000);
        // The startup build validates the whole workspace: no file is opened before the first check.
        await client.notify('initialized', {});
    });

    afterAll(() => {
        client?.dispose();
    });

    it('advertises the features the editor uses', () => {
        const caps = initializeResult.capabilities;
        expect(caps.definitionProvider).toBeTruthy();
        expect(caps.documentSymbolProvider).toBeTruthy();
        expect(caps.renameProvider).toBeTruthy();
    });

    it('publishes the diagnostics of a file that was never opened, before any file is opened', async () => {
        const source = text(ERRORS);
        // The startup build reads and validates every example, the imported manuals included.
        const diagnostics = await client.waitForDiagnostics(uri(ERRORS), ds => ds.length > 0, 30_000);
        const errors = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error);
        const at = (code: string) => errors.filter(d => d.code === code).map(d => d.range.start.line).sort((a, b) => a - b);
        const sorted = (...lines: number[]) => lines.sort((a, b) => a - b);

        expect(at('estructura-numeracion')).toEqual(sorted(lineOf(source, 'número 7.1.3'), lineOf(source, 'número 7.2.4')));
        expect(at('estructura-ciclo')).toEqual(sorted(lineOf(source, 'adscrita a CICLO_B'), lineOf(source, 'adscrita a CICLO_A')));
        expect(at('estructura-id-duplicado')).toEqual(sorted(
            lineOf(source, 'unidad UPA "Unidad de Pruebas A"'),
            lineOf(source, 'unidad UPA "Coordinación de Pruebas Repetida"')
        ));
        // Only the missing unit is unresolved: `adscrita a DG` resolves into the imported institutional manual.
        expect(at('estructura-referencia')).toEqual([lineOf(source, 'adscrita a DIRECCION_INEXISTENTE')]);
        const reference = errors.find(d => d.code === 'estructura-referencia')!;
        expect(reference.message).toContain('«DIRECCION_INEXISTENTE»');
        expect(reference.range.start).toEqual(positionOf(source, 'adscrita a DIRECCION_INEXISTENTE', 'DIRECCION_INEXISTENTE'));
        // The seven deliberate errors of the example, nothing else.
        expect(errors).toHaveLength(7);
    });

    it('publishes no errors for the opened file, whose references cross into another manual', async () => {
        await client.notify('textDocument/didOpen', {
            textDocument: { uri: uri(DOE), languageId: 'estructura', version: 1, text: text(DOE) }
        });
        // By now the whole workspace was validated (previous test); take the latest publication.
        await client.waitForDiagnostics(uri(ERRORS), ds => ds.length > 0);
        const diagnostics: Diagnostic[] = await client.waitForDiagnostics(uri(DOE));
        expect(diagnostics.filter(d => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    });

    it('goes to the definition of a unit defined in another manual', async () => {
        const doe = text(DOE);
        const inst = text(INSTITUTIONAL);
        const result = await client.request<Array<Location | LocationLink> | Location | null>('textDocument/definition', {
            textDocument: { uri: uri(DOE) },
            position: positionOf(doe, 'adscrita a DG', 'DG')
        });
        expect(result).toBeTruthy();
        const targets = (Array.isArray(result) ? result : [result!]).map(r =>
            'targetUri' in r ? { uri: r.targetUri, range: r.targetSelectionRange } : { uri: r.uri, range: r.range });
        expect(targets).toHaveLength(1);
        expect(targets[0].uri).toBe(uri(INSTITUTIONAL));
        expect(targets[0].range.start).toEqual(positionOf(inst, 'unidad DG "Dirección General"', 'DG'));
        expect(textAt(inst, targets[0].range)).toBe('DG');
    });

    it('outlines manual › units › sub-units', async () => {
        const inst = text(INSTITUTIONAL);
        const symbols = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', {
            textDocument: { uri: uri(INSTITUTIONAL) }
        });
        expect(symbols).toBeTruthy();
        expect(symbols).toHaveLength(1);
        const manual = symbols![0];
        expect(manual.name).toBe('MANUAL DE ORGANIZACIÓN DEL INSTITUTO MEXICANO DEL SEGURO SOCIAL');
        expect(manual.kind).toBe(SymbolKind.Module);
        const dg = manual.children?.find(s => s.name === '8.1 Dirección General');
        expect(dg, `children of the manual: ${manual.children?.map(c => c.name).join(', ')}`).toBeDefined();
        expect(dg!.kind).toBe(SymbolKind.Class);
        expect(dg!.detail).toContain('16 funciones');
        expect(dg!.selectionRange.start).toEqual(positionOf(inst, 'unidad DG "Dirección General"', 'DG'));
        const children = dg!.children?.map(c => c.name) ?? [];
        expect(children).toContain('8.1.1 Secretaría General');
        expect(children).toContain('8.1.5 Dirección Jurídica');
        const sg = dg!.children!.find(c => c.name === '8.1.1 Secretaría General')!;
        expect(sg.detail).toBe('19 funciones · SG');
        expect(sg.selectionRange.start).toEqual(positionOf(inst, 'unidad SG "Secretaría General"', 'SG'));
        const ooad = dg!.children!.find(c => c.name === '8.1.11 Órganos de Operación Administrativa Desconcentrada')!;
        expect(ooad.children?.map(c => c.name)).toEqual(['8.1.11.1 Delegaciones', '8.1.11.2 Unidades Médicas de Alta Especialidad']);
        // The organigrama and the change records, grouped after the units.
        expect(manual.children!.map(c => c.name)).toEqual(['8.1 Dirección General', 'Organigramas (1)', 'Cambios (4)']);
    });

    it('outlines positions', async () => {
        const positions = text(POSITIONS);
        const symbols = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', {
            textDocument: { uri: uri(POSITIONS) }
        });
        expect(symbols).toHaveLength(1);
        const children = symbols![0].children ?? [];
        expect(children.map(c => c.name)).toContain('Titular de la Secretaría General');
        const tit = children.find(c => c.name === 'Titular de la Secretaría General')!;
        expect(tit.kind).toBe(SymbolKind.Field);
        expect(tit.selectionRange.start).toEqual(positionOf(positions, 'puesto TIT_SG', 'TIT_SG'));
    });

    /** Every edit of a rename, with the text it replaces read from the file on disk (or the editor's buffer). */
    function editsOf(edit: WorkspaceEdit | null, buffers: Record<string, string> = {}): Array<{ file: string; edit: TextEdit; replaced: string }> {
        expect(edit?.changes, `rename answer: ${JSON.stringify(edit)}`).toBeTruthy();
        return Object.entries(edit!.changes!).flatMap(([target, edits]) => {
            const name = path.relative(EXAMPLES, new URL(target).pathname);
            const source = buffers[name] ?? readFileSync(new URL(target), 'utf-8');
            return edits.map(e => ({ file: name, edit: e, replaced: textAt(source, e.range) }));
        });
    }

    it('renames a unit in every file that refers to it', async () => {
        const inst = text(INSTITUTIONAL);
        const edit = await client.request<WorkspaceEdit | null>('textDocument/rename', {
            textDocument: { uri: uri(INSTITUTIONAL) },
            position: positionOf(inst, 'unidad DG "Dirección General"', 'DG'),
            newName: 'DIRGEN'
        });
        const edits = editsOf(edit);
        expect(Object.keys(edit!.changes!).sort()).toEqual([uri(INSTITUTIONAL), uri(DOE), uri(POSITIONS), uri(ERRORS)].sort());
        for (const e of edits) {
            expect(e.replaced, `${e.file}:${e.edit.range.start.line}`).toBe('DG');
            expect(e.edit.newText).toBe('DIRGEN');
        }
        const places = (name: string) => edits.filter(e => e.file === name).map(e => e.edit.range.start).sort((a, b) => a.line - b.line);
        expect(places(INSTITUTIONAL)).toEqual([
            positionOf(inst, 'unidad DG "Dirección General"', 'DG'),
            positionOf(inst, 'raíz DG', 'DG')
        ]);
        expect(places(DOE)).toEqual([positionOf(text(DOE), 'adscrita a DG', 'DG')]);
        expect(places(POSITIONS)).toEqual([positionOf(text(POSITIONS), 'titular de DG', 'DG')]);
        expect(places(ERRORS)).toEqual([positionOf(text(ERRORS), 'adscrita a DG', 'DG')]);
    });

    it('renames through a qualified reference of an unsaved file, keeping the institution prefix', async () => {
        const positions = text(POSITIONS);
        await client.notify('textDocument/didOpen', {
            textDocument: { uri: uri(DRAFT), languageId: 'estructura', version: 1, text: DRAFT_TEXT }
        });
        // The draft links into the examples: no errors.
        const diagnostics = await client.waitForDiagnostics(uri(DRAFT));
        expect(diagnostics.filter(d => d.severity === DiagnosticSeverity.Error)).toEqual([]);

        const edit = await client.request<WorkspaceEdit | null>('textDocument/rename', {
            textDocument: { uri: uri(DRAFT) },
            position: positionOf(DRAFT_TEXT, 'reporta a IMSS.TIT_DG', 'TIT_DG'),
            newName: 'TITULAR_DG'
        });
        const edits = editsOf(edit, { [DRAFT]: DRAFT_TEXT });
        expect(Object.keys(edit!.changes!).sort()).toEqual([uri(DRAFT), uri(POSITIONS)].sort());
        for (const e of edits) {
            expect(e.replaced, `${e.file}:${e.edit.range.start.line}`).toBe('TIT_DG');
            expect(e.edit.newText).toBe('TITULAR_DG');
        }
        const draftEdits = edits.filter(e => e.file === DRAFT);
        expect(draftEdits).toHaveLength(1);
        const start = positionOf(DRAFT_TEXT, 'reporta a IMSS.TIT_DG', 'TIT_DG');
        expect(draftEdits[0].edit.range).toEqual({ start, end: { line: start.line, character: start.character + 'TIT_DG'.length } });
        const positionEdits = edits.filter(e => e.file === POSITIONS).map(e => e.edit.range.start).sort((a, b) => a.line - b.line);
        expect(positionEdits).toEqual([
            positionOf(positions, 'puesto TIT_DG', 'TIT_DG'),
            ...positionsOf(positions, 'reporta a TIT_DG', 'TIT_DG')
        ]);
        expect(positionEdits).toHaveLength(3);
        await client.notify('textDocument/didClose', { textDocument: { uri: uri(DRAFT) } });
    });

    it('goes from a unit named inside a function string to its definition in another manual', async () => {
        const source = text(UEOD);
        const links = await client.request<LocationLink[] | null>('textDocument/definition', {
            textDocument: { uri: uri(UEOD) },
            position: positionOf(source, 'por la Dirección de Incorporación y Recaudación', 'Incorporación')
        });
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe(uri(INSTITUTIONAL));
        expect(textAt(text(INSTITUTIONAL), links![0].targetSelectionRange)).toBe('"Dirección de Incorporación y Recaudación"');
        expect(textAt(source, links![0].originSelectionRange!)).toBe('Dirección de Incorporación y Recaudación');
    });

    it('updates the Norma diagnostic of a file nobody opened when another file gives its PHAE a subordinate, and when that is undone', async () => {
        const phae = 'ejemplos/phae-doe-2022/1-adscrito-a-la-direccion.estructura';
        const draft = 'ejemplos/phae-doe-2022/borrador-analista.estructura';
        const sinPersonal = (ds: Diagnostic[]) => ds.filter(d => d.code === 'norma-7.2.1.15-sin-personal');
        expect(sinPersonal(await client.waitForDiagnostics(uri(phae)))).toEqual([]);

        const draftText = 'parte de IMSS_DOE_2022 "Borrador" {\n    institucion IMSS\n}\n\npuesto ANALISTA "Analista" {\n    clase operativo\n    adscrito a DOE\n    reporta a JD_PHAE_DOE\n}\n';
        await client.notify('textDocument/didOpen', {
            textDocument: { uri: uri(draft), languageId: 'estructura', version: 1, text: draftText }
        });
        const [found] = sinPersonal(await client.waitForDiagnostics(uri(phae), ds => sinPersonal(ds).length > 0));
        expect(found.severity).toBe(DiagnosticSeverity.Error);
        expect(found.message).toBe('El puesto homólogo «Jefe de División (puesto homólogo de autorización específica)» no puede tener personal a su cargo, y le reportan: ANALISTA.');
        expect(found.range.start).toEqual(positionOf(text(phae), 'puesto JD_PHAE_DOE', 'JD_PHAE_DOE'));

        await client.notify('textDocument/didChange', {
            textDocument: { uri: uri(draft), version: 2 },
            contentChanges: [{ text: draftText.replace('    reporta a JD_PHAE_DOE\n', '') }]
        });
        expect(sinPersonal(await client.waitForDiagnostics(uri(phae), ds => sinPersonal(ds).length === 0))).toEqual([]);
        await client.notify('textDocument/didClose', { textDocument: { uri: uri(draft) } });
    });

    it('completes a unit by part of its official name: the item reaches the editor\'s filter', async () => {
        // UEOD's file being edited: `adscrita a DOE` rewritten as the analyst types it, by name.
        const edited = text(UEOD).replace('adscrita a DOE', 'adscrita a operacion');
        await client.notify('textDocument/didOpen', { textDocument: { uri: uri(UEOD), languageId: 'estructura', version: 1, text: edited } });
        try {
            const at = positionOf(edited, 'adscrita a operacion', 'operacion');
            const end = { line: at.line, character: at.character + 'operacion'.length };
            const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri(UEOD) }, position: end });
            const doe = list.items.find(i => i.label === 'DOE');
            expect(doe, `offered: ${list.items.map(i => i.label).join(', ')}`).toBeDefined();
            expect(doe!.labelDetails).toEqual({ detail: ' Dirección de Operación y Evaluación', description: '7.1' });
            expect(doe!.filterText).toContain('operacion');
            expect(doe!.textEdit).toEqual({ newText: 'DOE', range: { start: at, end } });
            expect(list.isIncomplete).toBe(true);
        } finally {
            await client.notify('textDocument/didClose', { textDocument: { uri: uri(UEOD) } });
        }
    });

    it('answers estructura/buscarUnidad by name without accents («Estructura: Buscar unidad…»)', async () => {
        const result = await client.request<BuscarUnidadResult>('estructura/buscarUnidad', { query: 'direccion juridica' });
        const dj = result.unidades.find(u => u.id === 'IMSS.DJ');
        expect(dj).toMatchObject({ nombre: 'Dirección Jurídica', numero: '8.1.5', uri: uri(INSTITUTIONAL) });
        expect(textAt(text(INSTITUTIONAL), dj!.range)).toBe('DJ');
        expect(result.omitidas).toBe(0);
        // `limite` bounds the answer; malformed parameters are InvalidParams (test/protocol-errors.test.ts).
        const bounded = await client.request<BuscarUnidadResult>('estructura/buscarUnidad', { query: 'dir', limite: 3 });
        expect(bounded.unidades).toHaveLength(3);
        expect(bounded.omitidas).toBeGreaterThan(0);
    });

    it('shuts down and exits cleanly', async () => {
        const code = await client.shutdown();
        expect(code).toBe(0);
    });
});
