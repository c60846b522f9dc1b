// Editor features on the examples: the imported manuals (examples/manuales/), which refer to each
// other across files and manuals, and the hand-written files (examples/ejemplos/) that refer to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CancellationToken, CompletionItemKind, InsertTextFormat, SymbolKind,
    type CodeAction, type CompletionItem, type DocumentSymbol, type Hover, type Location, type LocationLink
} from 'vscode-languageserver';
import { URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Documento } from '../server/src/language/generated/ast.js';
import { INSTITUTIONAL, DOE, UEOD, SG_MANUAL, POSITIONS, ERRORS, CAPSOI, DRAFT, DRAFT_TEXT } from './helpers/examples.js';
import { buildWorkspace, exampleFiles, lineOf, positionOf, textParams, uriOf, type TestWorkspace } from './helpers/workspace.js';
import { searchUnits } from '../server/src/lsp/search-request.js';
import { MAX_SYMBOLS } from '../server/src/lsp/workspace-symbols.js';

const token = CancellationToken.None;

/** `file.estructura:line` of each location, sorted. */
function places(locations: Array<{ uri: string; range: { start: { line: number } } }>): string[] {
    return locations.map(l => `${l.uri.split('/').pop()}:${l.range.start.line}`).sort();
}

function hoverText(hover: Hover | undefined): string {
    expect(hover, 'no hover').toBeTruthy();
    return (hover!.contents as { value: string }).value;
}

describe('language features across the examples', () => {
    let ws: TestWorkspace;
    // Documents are looked up on each use: a test may update a file of the shared workspace.
    const doc = (name: string): LangiumDocument<Documento> => ws.docs[name];
    const lsp = () => ws.services.lsp;

    beforeAll(async () => {
        ws = await buildWorkspace(exampleFiles());
    });

    it('outlines the manual › units › sub-units, number first, with function count and id', async () => {
        const inst = doc(INSTITUTIONAL);
        const symbols = await lsp().DocumentSymbolProvider!.getSymbols(inst, { textDocument: { uri: inst.uri.toString() } }, token) as DocumentSymbol[];
        expect(symbols).toHaveLength(1);
        const manual = symbols[0];
        expect(manual).toMatchObject({ name: 'MANUAL DE ORGANIZACIÓN DEL INSTITUTO MEXICANO DEL SEGURO SOCIAL', kind: SymbolKind.Module });
        // The organigrama and the four change records each under a node of their own, after the units.
        expect(manual.children!.map(s => s.name)).toEqual(['8.1 Dirección General', 'Organigramas (1)', 'Cambios (4)']);
        expect(manual.children![1].children!.map(s => s.name)).toEqual(['Organigrama Estructural']);
        expect(manual.children![2].children!.map(s => s.name)).toEqual([
            'Cambio ACDO.SA2.HCT.111213/361.P.DAED', 'Cambio ACDO.SA2.HCT.111213/361.P.DAED',
            'Cambio ACDO.SA2.HCT.111213/361.P.DAED', 'Cambio ACDO.AS2.HCT.310816/218.P.DA'
        ]);
        const dg = manual.children![0];
        expect(dg.detail).toBe('16 funciones · DG');
        expect(dg.kind).toBe(SymbolKind.Class);
        expect(dg.selectionRange.start).toEqual(positionOf(inst, 'unidad DG "Dirección General"', 'DG'));
        expect(dg.children!.map(c => c.name)).toEqual([
            '8.1.1 Secretaría General', '8.1.2 Dirección de Prestaciones Médicas', '8.1.3 Dirección de Prestaciones Económicas y Sociales',
            '8.1.4 Dirección de Incorporación y Recaudación', '8.1.5 Dirección Jurídica', '8.1.6 Dirección de Finanzas',
            '8.1.7 Dirección de Administración', '8.1.8 Dirección de Innovación y Desarrollo Tecnológico',
            '8.1.9 Dirección de Vinculación Institucional y Evaluación de Delegaciones',
            '8.1.10 Dirección de Planeación Estratégica Institucional', '8.1.11 Órganos de Operación Administrativa Desconcentrada'
        ]);
        expect(dg.children!.every(c => c.kind === SymbolKind.Class)).toBe(true);
        expect(dg.children![0].detail).toBe('19 funciones · SG');
        // A third level: the generic units grouped under the OOAD.
        const ooad = dg.children!.find(c => c.name === '8.1.11 Órganos de Operación Administrativa Desconcentrada')!;
        expect(ooad.detail).toBe('0 funciones · OOAD');
        expect(ooad.children!.map(c => c.name)).toEqual(['8.1.11.1 Delegaciones', '8.1.11.2 Unidades Médicas de Alta Especialidad']);
        expect(ooad.children![0].selectionRange.start).toEqual(positionOf(inst, 'unidad DELEGACIONES', 'DELEGACIONES'));
    });

    it('outlines the DOE manual as its Dirección, its 7 organigramas and its 22 change records, three rows', async () => {
        const doe = doc(DOE);
        const symbols = await lsp().DocumentSymbolProvider!.getSymbols(doe, { textDocument: { uri: doe.uri.toString() } }, token) as DocumentSymbol[];
        const top = symbols[0].children!;
        expect(top.map(s => [s.name, s.kind])).toEqual([
            ['7.1 Dirección de Operación y Evaluación', SymbolKind.Class],
            ['Organigramas (7)', SymbolKind.Namespace],
            ['Cambios (22)', SymbolKind.Namespace]
        ]);
        expect(top[0].detail).toBe('21 funciones · DOE');
        const [, charts, changes] = top;
        expect(charts.children!.map(c => c.name)[0]).toBe('Organigrama Dirección de Operación y Evaluación');
        expect(changes.children!.every(c => c.name.startsWith('Cambio ') && c.kind === SymbolKind.Event)).toBe(true);
        // Each group spans its members, and is selected at the first one.
        expect(changes.range.start).toEqual(changes.children![0].range.start);
        expect(changes.range.end).toEqual(changes.children![21].range.end);
        expect(changes.selectionRange).toEqual(changes.children![0].selectionRange);
        expect(changes.range.start).toEqual(positionOf(doe, 'cambio "ACDO.AS2.HCT.270922/264.P.DA"'));
    });

    it('outlines the positions of the hand-written file', async () => {
        const positions = doc(POSITIONS);
        const symbols = await lsp().DocumentSymbolProvider!.getSymbols(positions, { textDocument: { uri: positions.uri.toString() } }, token) as DocumentSymbol[];
        expect(symbols).toHaveLength(1);
        expect(symbols[0].name).toBe('Puestos de mando de la Dirección General y de sus Direcciones (ejemplo)');
        expect(symbols[0].children!.map(s => [s.name, s.detail, s.kind])).toEqual([
            ['Titular de la Dirección General', 'mando · titular · TIT_DG', SymbolKind.Field],
            ['Titular de la Secretaría General', 'mando · titular · TIT_SG', SymbolKind.Field],
            ['Titular de la Dirección de Operación y Evaluación', 'mando · titular · TIT_DOE', SymbolKind.Field],
            ['Titular de la Unidad de Evaluación de Órganos Desconcentrados', 'mando · titular · TIT_UEOD', SymbolKind.Field]
        ]);
        expect(symbols[0].children![0].selectionRange.start).toEqual(positionOf(positions, 'puesto TIT_DG', 'TIT_DG'));
    });

    it('goes to the definition of a unit in another manual', async () => {
        const doe = doc(DOE);
        const inst = doc(INSTITUTIONAL);
        const result = await lsp().DefinitionProvider!.getDefinition(doe, textParams(doe, positionOf(doe, 'adscrita a DG', 'DG')), token) as LocationLink[];
        expect(result).toHaveLength(1);
        expect(result[0].targetUri).toBe(inst.uri.toString());
        expect(result[0].targetSelectionRange.start).toEqual(positionOf(inst, 'unidad DG "Dirección General"', 'DG'));
    });

    it.each([
        ['`adscrita a DOE` of a part file, to the manual file', UEOD, 'adscrita a DOE', 'DOE', DOE, 'unidad DOE "'],
        ['`misma unidad que SG`, to the institutional manual', SG_MANUAL, 'misma unidad que SG', 'SG', INSTITUTIONAL, 'unidad SG "'],
        ['`titular de DOE` of a hand-written position, to the imported manual', POSITIONS, 'titular de DOE', 'DOE', DOE, 'unidad DOE "'],
        ['`unidades CAPSOI` of an imported change, to a part file', DOE, 'unidades CAPSOI', 'CAPSOI', CAPSOI, 'unidad CAPSOI "'],
        ['`raíz UEOD` of an organigrama, to a part file', DOE, 'raíz UEOD', 'UEOD', UEOD, 'unidad UEOD "']
    ])('goes to the definition of %s', async (_what, from, context, id, to, declaration) => {
        const source = doc(from);
        const target = doc(to);
        const result = await lsp().DefinitionProvider!.getDefinition(source, textParams(source, positionOf(source, context, id)), token) as LocationLink[];
        expect(result).toHaveLength(1);
        expect(result[0].targetUri).toBe(target.uri.toString());
        expect(result[0].targetSelectionRange.start).toEqual(positionOf(target, declaration, id));
        expect(target.textDocument.getText(result[0].targetSelectionRange)).toBe(id);
    });

    it('finds the references of a unit in every file: typed references first, then mentions in prose', async () => {
        const inst = doc(INSTITUTIONAL);
        const all = await lsp().ReferencesProvider!.findReferences(inst, {
            ...textParams(inst, positionOf(inst, 'unidad DG "', 'DG')), context: { includeDeclaration: false }
        }, token) as Location[];
        const refs = all.slice(0, 4);
        const prose = all.slice(4);
        expect(prose.length).toBeGreaterThan(20);
        for (const location of prose) {
            const text = ws.shared.workspace.LangiumDocuments.getDocument(URI.parse(location.uri))!.textDocument.getText(location.range);
            expect(text.replace(/\s+/g, ' '), location.uri).toBe('Dirección General');
        }
        expect(places(refs)).toEqual([
            `con-errores.estructura:${lineOf(doc(ERRORS), 'adscrita a DG')}`,
            `imss-puestos.estructura:${lineOf(doc(POSITIONS), 'titular de DG')}`,
            `imss-doe-2022.estructura:${lineOf(doc(DOE), 'adscrita a DG')}`,
            `imss-2018.estructura:${lineOf(inst, 'raíz DG')}`
        ].sort());
    });

    it('renames a unit in every file that refers to it', async () => {
        const inst = doc(INSTITUTIONAL);
        const edit = await lsp().RenameProvider!.rename(inst, { ...textParams(inst, positionOf(inst, 'unidad DG "', 'DG')), newName: 'DIRGEN' }, token);
        const changes = edit!.changes!;
        const expected: Record<string, Array<[LangiumDocument, string]>> = {
            [INSTITUTIONAL]: [[inst, 'unidad DG "'], [inst, 'raíz DG']],
            [DOE]: [[doc(DOE), 'adscrita a DG']],
            [POSITIONS]: [[doc(POSITIONS), 'titular de DG']],
            [ERRORS]: [[doc(ERRORS), 'adscrita a DG']]
        };
        expect(Object.keys(changes).sort()).toEqual(Object.keys(expected).map(name => uriOf(name).toString()).sort());
        for (const [name, spots] of Object.entries(expected)) {
            const edits = changes[uriOf(name).toString()];
            const target = doc(name);
            for (const e of edits) {
                expect(target.textDocument.getText(e.range)).toBe('DG');
                expect(e.newText).toBe('DIRGEN');
            }
            expect(edits.map(e => e.range.start).sort((a, b) => a.line - b.line))
                .toEqual(spots.map(([d, context]) => positionOf(d, context, 'DG')));
        }
    });

    it('refuses a new name that is not an identifier', async () => {
        const inst = doc(INSTITUTIONAL);
        await expect(lsp().RenameProvider!.rename(inst, { ...textParams(inst, positionOf(inst, 'unidad DG "', 'DG')), newName: 'Dirección General' }, token))
            .rejects.toThrow(/no es un identificador válido/);
    });

    it('shows a unit card on hover, with the adscription path across files and manuals', async () => {
        const ueod = doc(UEOD);
        const text = hoverText(await lsp().HoverProvider!.getHoverContent(ueod, textParams(ueod, positionOf(ueod, 'unidad CECM', 'CECM')), token));
        expect(text).toContain('**Coordinación de Evaluación de la Calidad Médica**');
        expect(text).toContain('Tipo: Coordinación · Número: 7.1.1.1 · Id: `IMSS.CECM`');
        expect(text).toContain('Adscripción: Unidad de Evaluación de Órganos Desconcentrados (7.1.1) › Dirección de Operación y Evaluación (7.1) › Dirección General (8.1)');
        expect(text).toContain('15 funciones · 2 unidades subordinadas · 0 puestos\n');
        expect(text).toContain('Definida en `imss-doe-2022.7.1.1-ueod.estructura`');
        expect(text).toContain('Texto original: imss-manual-direccion-operacion-evaluacion-2022.txt, línea 897');
    });

    it('shows the adscription into another manual, the titular and the areas of other files on hover', async () => {
        const doe = doc(DOE);
        const text = hoverText(await lsp().HoverProvider!.getHoverContent(doe, textParams(doe, positionOf(doe, 'unidad DOE "', 'DOE')), token));
        expect(text).toContain('**Dirección de Operación y Evaluación**');
        expect(text).toContain('Tipo: Dirección · Número: 7.1 · Id: `IMSS.DOE`');
        expect(text).toContain('Adscripción: Dirección General (8.1)\n');
        // The titular is declared in examples/ejemplos/imss-puestos.estructura.
        expect(text).toContain('Titular: Titular de la Dirección de Operación y Evaluación\n');
        // UEOD, UCS, UAD, CV, CAPSOI and CA, one part file each, attached with `adscrita a DOE`.
        expect(text).toContain('21 funciones · 6 unidades subordinadas · ');
        expect(text).toContain('Definida en `imss-doe-2022.estructura`');
    });

    it('shows the titular and counts on hover over a reference', async () => {
        const doe = doc(DOE);
        const text = hoverText(await lsp().HoverProvider!.getHoverContent(doe, textParams(doe, positionOf(doe, 'adscrita a DG', 'DG')), token));
        expect(text).toContain('**Dirección General**');
        expect(text).toContain('Tipo: Dirección General · Número: 8.1 · Id: `IMSS.DG`');
        expect(text).toContain('Adscripción: unidad raíz');
        expect(text).toContain('Titular: Titular de la Dirección General\n');
        // SG … OOAD nested (11); DOE (other manual) and DPRUEBA (error example) attached by reference.
        // TIT_DG is declared apart, in imss-puestos.estructura, with `titular de DG`.
        expect(text).toContain('16 funciones · 13 unidades subordinadas · 1 puesto\n');
        expect(text).toContain('Definida en `imss-2018.estructura`');
        expect(text).toContain('Texto original: imss-manual-organizacion-2018.txt, línea 803');
    });

    it('shows where a function text comes from on hover inside it, for a function and an inciso', async () => {
        const inst = doc(INSTITUTIONAL);
        const fn = hoverText(await lsp().HoverProvider!.getHoverContent(inst, textParams(inst, positionOf(inst, 'Ejercer el poder para representar', 'poder')), token));
        expect(fn).toBe('**Función 1** de Dirección General (8.1)\n\nTexto original: imss-manual-organizacion-2018.txt, línea 805');
        const closing = hoverText(await lsp().HoverProvider!.getHoverContent(inst, textParams(inst, positionOf(inst, 'cierre "Las demás que le confieran la Ley', 'confieran')), token));
        expect(closing).toMatch(/^\*\*Función 16\*\* de Dirección General \(8\.1\)\n\ncláusula de cierre\n\nTexto original: imss-manual-organizacion-2018\.txt, línea \d+$/u);
        const inciso = hoverText(await lsp().HoverProvider!.getHoverContent(inst, textParams(inst, positionOf(inst, 'a) "El registro de patrones', 'registro')), token));
        expect(inciso).toContain('de Delegaciones (8.1.11.1)\n\n16 incisos\n\nTexto original: imss-manual-organizacion-2018.txt, línea 1862');
    });

    it('shows the unit a `misma unidad que` declaration stands for on hover', async () => {
        const sg = doc(SG_MANUAL);
        const text = hoverText(await lsp().HoverProvider!.getHoverContent(sg, textParams(sg, positionOf(sg, 'unidad SG_2', 'SG_2')), token));
        expect(text).toContain('**Secretaría General**');
        expect(text).toContain('Id: `IMSS.SG_2`');
        expect(text).toContain('Misma unidad que: Secretaría General (8.1.1), en `imss-2018.estructura`');
        // Its adscription is the one of the unit it stands for.
        expect(text).toContain('Adscripción: Dirección General (8.1)\n');
    });

    it('finds workspace symbols by official name, ignoring accents and case', async () => {
        const symbols = await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'direccion operacion evaluacion' });
        const names = symbols.map(s => s.name);
        expect(names).toContain('Dirección de Operación y Evaluación');
        expect(names).toContain('Titular de la Dirección de Operación y Evaluación');
        const doeSymbol = symbols.find(s => s.name === 'Dirección de Operación y Evaluación')!;
        expect((doeSymbol.location as Location).uri).toBe(doc(DOE).uri.toString());
        expect(doeSymbol.containerName).toBe('7.1 IMSS.DOE');
        const titular = symbols.find(s => s.name === 'Titular de la Dirección de Operación y Evaluación')!;
        expect((titular.location as Location).uri).toBe(doc(POSITIONS).uri.toString());
    });

    it('answers workspace symbols best first (the id, then names that start with the query), at most MAX_SYMBOLS', async () => {
        const symbols = await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'doe' });
        expect(symbols[0].containerName).toBe('7.1 IMSS.DOE');
        const all = await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' });
        expect(all.length).toBe(Math.min(MAX_SYMBOLS, ws.shared.workspace.IndexManager.allElements().count()));
    });

    it('folds units, function lists and long strings', async () => {
        const doe = doc(DOE);
        const ranges = await lsp().FoldingRangeProvider!.getFoldingRanges(doe, { textDocument: { uri: doe.uri.toString() } }, token);
        const starts = ranges.map(r => r.startLine);
        expect(starts).toContain(lineOf(doe, 'unidad DOE'));
        expect(starts).toContain(lineOf(doe, 'sección "Introducción"'));
        expect(starts).toContain(lineOf(doe, '1. "Determinar las políticas'));
        const ueod = doc(UEOD);
        const nested = await lsp().FoldingRangeProvider!.getFoldingRanges(ueod, { textDocument: { uri: ueod.uri.toString() } }, token);
        expect(nested.map(r => r.startLine)).toContain(lineOf(ueod, 'unidad CECM'));
    });

    it('keeps the document uri scheme used by the workspace', () => {
        expect(doc(DOE).uri.toString()).toBe(uriOf(DOE).toString());
    });

    describe('completion', () => {
        it('completes references with ids and official names', async () => {
            const original = doc(DOE).textDocument.getText();
            await ws.update(DOE, original.replace('adscrita a DG', 'adscrita a '));
            try {
                const probe = doc(DOE);
                const list = await lsp().CompletionProvider!.getCompletion(probe, textParams(probe, positionOf(probe, 'adscrita a \n', '\n')));
                const dg = list!.items.find(i => i.label === 'DG');
                expect(dg?.detail).toBe('8.1 Dirección General');
                // Same institution: bare ids only, no IMSS.DG duplicate.
                expect(list!.items.some(i => i.label === 'IMSS.DG')).toBe(false);
                // Units of another manual are offered too; not those below the DOE (a cycle), like CECM.
                expect(list!.items.find(i => i.label === 'SG')?.detail).toBe('8.1.1 Secretaría General');
                expect(list!.items.some(i => i.label === 'CECM')).toBe(false);
                expect(dg?.filterText).toContain('Dirección General');
            } finally {
                await ws.update(DOE, original);
            }
            expect(doc(DOE).diagnostics).toEqual([]);
        });

        it('completes unit kinds after `tipo`', async () => {
            const ws2 = await buildWorkspace({ 'a.estructura': 'manual M "M" { institucion IMSS }\nunidad X "División de Prueba" {\n    tipo \n}' });
            const probe = ws2.docs['a.estructura'];
            const list = await ws2.services.lsp.CompletionProvider!.getCompletion(probe, textParams(probe, positionOf(probe, 'tipo \n', '\n')));
            const labels = list!.items.map(i => i.label);
            expect(labels).toContain('División');
            expect(labels).toContain('Jefatura de Servicios');
        });

        /**
         * Completion with the cursor at `¦` in the text `edit` makes of the file `name`; the file is
         * restored afterwards. Items in the order the editor shows them (by sortText).
         */
        async function completeIn(name: string, edit: (text: string) => string): Promise<{ items: CompletionItem[]; probe: TextDocument }> {
            const original = doc(name).textDocument.getText();
            const marked = edit(original);
            const at = marked.indexOf('¦');
            expect(at, 'no cursor mark in the edited text').toBeGreaterThanOrEqual(0);
            await ws.update(name, marked.replace('¦', ''));
            try {
                const probe = doc(name);
                const list = await lsp().CompletionProvider!.getCompletion(probe, textParams(probe, probe.textDocument.positionAt(at)));
                const items = [...list!.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
                // The edited text, to read what the items' edits replace once the file is restored.
                return { items, probe: TextDocument.create(probe.uri.toString(), 'estructura', 0, probe.textDocument.getText()) };
            } finally {
                await ws.update(name, original);
            }
        }

        const editRange = (item: CompletionItem) => (item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined);

        it('finds a unit by any part of its official name after `adscrita a`, ignoring accents and case, with the name on its row', async () => {
            const { items, probe } = await completeIn(UEOD, text => text.replace('adscrita a DOE', 'adscrita a operacion¦'));
            const doe = items.find(i => i.label === 'DOE');
            expect(doe, `offered: ${items.map(i => i.label).join(', ')}`).toBeDefined();
            // First: «Operación» is the third word of its name, and the DOE is of the file's own manual.
            expect(items.map(i => i.label).slice(0, 3)).toEqual(['DOE', 'OOAD', 'CAPSOI']);
            expect(doe!.labelDetails).toEqual({ detail: ' Dirección de Operación y Evaluación', description: '7.1' });
            expect(doe!.detail).toBe('7.1 Dirección de Operación y Evaluación');
            // What VS Code filters on holds the typed word: the item is not dropped on the client.
            expect(doe!.filterText).toContain('operacion');
            expect(doe!.filterText!.startsWith('operacion')).toBe(true);
            // The edit replaces the typed word with the id.
            const range = editRange(doe!)!;
            expect(probe.getText(range)).toBe('operacion');
            expect(doe!.textEdit!.newText).toBe('DOE');
            // Every row shows its unit's name.
            expect(items.every(i => i.labelDetails?.detail?.trim())).toBe(true);

            const accented = await completeIn(UEOD, text => text.replace('adscrita a DOE', 'adscrita a Evaluación¦'));
            expect(accented.items.map(i => i.label)).toContain('DOE');
        });

        it('matches the whole phrase typed after `adscrita a`, and replaces it', async () => {
            const { items, probe } = await completeIn(UEOD, text => text.replace('adscrita a DOE', 'adscrita a direccion de oper¦'));
            expect(items[0]?.label).toBe('DOE');
            expect(items[0].filterText!.startsWith('direccion de oper')).toBe(true);
            expect(probe.getText(editRange(items[0])!)).toBe('direccion de oper');
            // Words of no unit's name: nothing, not every unit.
            const none = await completeIn(UEOD, text => text.replace('adscrita a DOE', 'adscrita a zzqx¦'));
            expect(none.items).toEqual([]);
        });

        it('never offers the unit being written, nor a unit below it, as its adscription', async () => {
            const { items } = await completeIn(UEOD, text => text.replace('adscrita a DOE', 'adscrita a ¦'));
            const labels = items.map(i => i.label);
            expect(labels).toContain('DOE');
            expect(labels).toContain('DG');
            expect(labels).not.toContain('UEOD');
            // CECM and DEMA are nested in UEOD: a cycle.
            expect(labels).not.toContain('CECM');
            expect(labels).not.toContain('DEMA');
            // Units of the other part files of the manual are still offered.
            expect(labels).toContain('CAPSOI');
        });

        it('completes `tipo` without accents, the kinds the parent allows first', async () => {
            const typed = await completeIn(UEOD, text => text.replace('    tipo Unidad\n', '    tipo coordinacion¦\n'));
            const labels = typed.items.map(i => i.label);
            expect(labels[0]).toBe('Coordinación');
            // UEOD hangs from the DOE, a Dirección: Coordinación, Normativa and Administrativa are allowed there, Técnica is not.
            expect(labels.slice(0, 3)).toEqual(['Coordinación', 'Coordinación Normativa', 'Coordinación Administrativa']);
            expect(labels).toContain('Coordinación Técnica');
            expect(labels.indexOf('Coordinación Técnica')).toBeGreaterThan(2);
            expect(typed.items[0].labelDetails?.description).toBe('bajo Dirección');
            expect(typed.items[0].filterText!.startsWith('coordinacion')).toBe(true);
            expect(typed.probe.getText(editRange(typed.items[0])!)).toBe('coordinacion');
            expect(labels.every(l => l.startsWith('Coordinación') || l === 'Subcoordinación')).toBe(true);

            // Nothing typed: the kind the name suggests (Unidad) and the others allowed under a Dirección first.
            const empty = await completeIn(UEOD, text => text.replace('    tipo Unidad\n', '    tipo ¦\n'));
            expect(empty.items.slice(0, 4).map(i => i.label)).toEqual(['Unidad', 'Coordinación', 'Coordinación Normativa', 'Coordinación Administrativa']);
            expect(empty.items[0].preselect).toBe(true);
        });

        it('offers a unit template with the next number, the parent and the closing clause of the profile', async () => {
            const clause = 'Las demás que le confiera su superior jerárquico en el ámbito de su competencia.';
            // At the top of a part file of the DOE manual, after UEOD (7.1.1): a sibling under the DOE,
            // whose six units (7.1.1–7.1.6) are in six files.
            const top = await completeIn(UEOD, text => `${text}\nunid¦`);
            const unit = top.items.find(i => i.kind === CompletionItemKind.Snippet && i.label === 'unidad');
            expect(unit, `offered: ${top.items.map(i => `${i.label}/${i.kind}`).join(', ')}`).toBeDefined();
            expect(unit!.insertTextFormat).toBe(InsertTextFormat.Snippet);
            const text = unit!.textEdit!.newText;
            expect(text).toContain('\tnúmero ${4:7.1.7}');
            expect(text).toContain('\tadscrita a ${5:DOE}');
            expect(text).toContain('\ttipo ${3|Unidad,Coordinación,Coordinación Normativa,Coordinación Administrativa|}');
            expect(text).toContain(`\t\t2. cierre "${clause}"`);
            expect(unit!.labelDetails?.description).toBe('plantilla, número 7.1.7, adscrita a DOE');
            // The keyword itself is still offered.
            expect(top.items.some(i => i.label === 'unidad' && i.kind === CompletionItemKind.Keyword)).toBe(true);

            // Inside UEOD, after its seven sub-units (7.1.1.1–7.1.1.7): nested, no `adscrita a`.
            const nested = await completeIn(UEOD, text => text.replace('    número 7.1.1\n', '    número 7.1.1\n    unid¦\n'));
            const child = nested.items.find(i => i.kind === CompletionItemKind.Snippet && i.label === 'unidad')!;
            expect(child.textEdit!.newText).toContain('\tnúmero ${4:7.1.1.8}');
            expect(child.textEdit!.newText).not.toContain('adscrita a');
            expect(child.textEdit!.newText).toContain('\ttipo ${3|Coordinación,Coordinación Normativa,Coordinación Técnica,División|}');

            // `misma unidad que`: the keyword `unidad` there opens no template.
            const same = await completeIn(UEOD, text => text.replace('    número 7.1.1\n', '    número 7.1.1\n    misma unid¦\n'));
            expect(same.items.some(i => i.kind === CompletionItemKind.Snippet)).toBe(false);
        });

        it('offers templates for `funciones`, `puesto`, `cambio` and `parte de`', async () => {
            const clause = 'Las demás que le confiera su superior jerárquico en el ámbito de su competencia.';
            const snippet = (items: CompletionItem[], label: string) => items.find(i => i.kind === CompletionItemKind.Snippet && i.label === label)?.textEdit?.newText;
            const inUnit = (typed: string) => completeIn(UEOD, text => text.replace('    número 7.1.1\n', `    número 7.1.1\n    ${typed}¦\n`));
            expect(snippet((await inUnit('funci')).items, 'funciones')).toBe(`funciones {\n\t1. "\${1:Función.}"\n\t2. cierre "${clause}"\n}`);
            expect(snippet((await inUnit('pues')).items, 'puesto')).toContain('\t${4:titular}');
            const change = snippet((await completeIn(UEOD, text => `${text}\ncamb¦`)).items, 'cambio');
            expect(change).toContain('\tfecha ${2:${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}}');
            expect(change).toContain('\ttipo ${3|creación,supresión,fusión,denominación,adscripción,transformación,reubicación|}');
            // A new file in the DOE manual's folder: a part of that manual, of its institution.
            const fresh = 'manuales/imss-doe-2022/nueva.estructura';
            await ws.update(fresh, 'par');
            try {
                const probe = doc(fresh);
                const list = await lsp().CompletionProvider!.getCompletion(probe, textParams(probe, { line: 0, character: 3 }));
                expect(snippet(list!.items, 'parte')).toBe('parte de ${1:IMSS_DOE_2022} "${2:Título de esta parte}" {\n\tinstitucion ${3:IMSS}\n}');
            } finally {
                await ws.remove(fresh);
            }
        });

        it('matches a name after a comma of a list, and not inside a function text or a comment', async () => {
            const text = [
                'manual M "M" { institucion IMSS }',
                'unidad DOPER "Dirección de Operaciones" { }',
                'unidad X "Dirección X" {',
                '    funciones {',
                '        1. "Coordinar con la Dirección de',
                '            la unidad de oper"',
                '    }',
                '    // adscrita a oper',
                '}',
                'cambio "ACDO.1" {',
                '    unidades X, oper',
                '}'
            ].join('\n');
            const ws2 = await buildWorkspace({ 'l.estructura': text });
            const probe = ws2.docs['l.estructura'];
            const labelsAfter = async (needle: string) => {
                const at = probe.textDocument.positionAt(text.indexOf(needle) + needle.length);
                return (await ws2.services.lsp.CompletionProvider!.getCompletion(probe, textParams(probe, at)))!.items.map(i => i.label);
            };
            expect(await labelsAfter('unidades X, oper')).toEqual(['DOPER']);
            expect(await labelsAfter('la unidad de oper')).not.toContain('DOPER');
            expect(await labelsAfter('// adscrita a oper')).not.toContain('DOPER');
        });

        it('closes the function list of a template with the clause of the file\'s profile (ISSSTE)', async () => {
            const ws2 = await buildWorkspace({ 'i.estructura': 'manual M "M" { institucion ISSSTE }\nunidad X "Dirección X" {\n    funci\n}' });
            const probe = ws2.docs['i.estructura'];
            const list = await ws2.services.lsp.CompletionProvider!.getCompletion(probe, textParams(probe, positionOf(probe, 'funci\n', '\n')));
            const functions = list!.items.find(i => i.kind === CompletionItemKind.Snippet && i.label === 'funciones');
            expect(functions?.textEdit?.newText).toContain('2. cierre "Realizar las demás funciones inherentes al cargo que le señale su superior jerárquico o sean determinadas por la normatividad aplicable."');
        });
    });

    describe('a mistyped keyword', () => {
        async function fixesFor(text: string) {
            const ws2 = await buildWorkspace({ 't.estructura': text });
            const probe = ws2.docs['t.estructura'];
            const syntax = probe.diagnostics!.filter(d => d.code === 'estructura-sintaxis');
            const actions = [];
            for (const diagnostic of syntax) {
                const found = await ws2.services.lsp.CodeActionProvider!.getCodeActions(probe, {
                    textDocument: { uri: probe.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
                }) as CodeAction[];
                actions.push(...found.map(a => ({ title: a.title, preferred: a.isPreferred, edits: a.edit!.changes![probe.uri.toString()].map(e => [probe.textDocument.getText(e.range), e.newText]) })));
            }
            return { syntax, actions };
        }

        it('gets «¿Quiso decir «numero»?» when the word was read as part of the kind before it', async () => {
            // `tipo Dirección numro` is a kind of two words: the syntax error falls on `7.1`.
            const { syntax, actions } = await fixesFor('manual M "M" { institucion IMSS }\nunidad X "Dirección X" {\n    tipo Dirección\n    numro 7.1\n}\n');
            expect(syntax).toHaveLength(1);
            expect(actions).toEqual([{ title: '¿Quiso decir «numero»?', preferred: true, edits: [['numro', 'numero']] }]);
        });

        it('keeps the accents the word was typed with, and fixes a keyword at the error itself', async () => {
            const accented = await fixesFor('manual M "M" { institucion IMSS }\nunidad X "Dirección X" {\n    tipo Dirección\n    númro 7.1\n}\n');
            expect(accented.actions.map(a => a.edits)).toEqual([[['númro', 'número']]]);
            const at = await fixesFor('manual M "M" { institucion IMSS }\nunidad X "Dirección X" {\n    adscrta a DG\n}\n');
            expect(at.actions).toEqual([{ title: '¿Quiso decir «adscrita»?', preferred: true, edits: [['adscrta', 'adscrita']] }]);
        });

        it('offers nothing for a word that is no keyword', async () => {
            const { syntax, actions } = await fixesFor('manual M "M" { institucion IMSS }\nunidad X "Dirección X" {\n    zzqx 7.1\n}\n');
            expect(syntax.length).toBeGreaterThan(0);
            expect(actions).toEqual([]);
        });
    });

    describe('«Buscar unidad…» (estructura/buscarUnidad)', () => {
        it('finds a unit by its name without accents, where VS Code\'s Ctrl+T filter does not', () => {
            const { unidades } = searchUnits(ws.shared, { query: 'direccion juridica' });
            const dj = unidades.find(u => u.id === 'IMSS.DJ');
            expect(dj).toMatchObject({ nombre: 'Dirección Jurídica', numero: '8.1.5', tipo: 'Dirección', superior: 'Dirección General', uri: doc(INSTITUTIONAL).uri.toString() });
            expect(doc(INSTITUTIONAL).textDocument.getText(dj!.range)).toBe('DJ');
            expect(unidades.every(u => /juridic/i.test(u.nombre.normalize('NFD').replace(/\p{M}/gu, '')))).toBe(true);
        });

        it('ranks the units whose name starts with the query first, and bounds the answer', () => {
            expect(searchUnits(ws.shared, { query: 'Operación y Evaluación' }).unidades[0]?.id).toBe('IMSS.DOE');
            expect(searchUnits(ws.shared, { query: 'direccion de operacion y ev' }).unidades[0]?.id).toBe('IMSS.DOE');
            const all = searchUnits(ws.shared, { query: '', limite: 5 });
            expect(all.unidades).toHaveLength(5);
            expect(all.omitidas).toBeGreaterThan(100);
        });
    });

    describe('a qualified reference (`IMSS.TIT_DG`) in a file being written', () => {
        beforeAll(async () => {
            await ws.update(DRAFT, DRAFT_TEXT);
        });

        afterAll(async () => {
            await ws.remove(DRAFT);
        });

        it('links without errors', () => {
            expect(doc(DRAFT).diagnostics).toEqual([]);
        });

        it('goes to the definition of a position through a qualified reference', async () => {
            const draft = doc(DRAFT);
            const positions = doc(POSITIONS);
            const result = await lsp().DefinitionProvider!.getDefinition(draft, textParams(draft, positionOf(draft, 'reporta a IMSS.TIT_DG', 'TIT_DG')), token) as LocationLink[];
            expect(result).toHaveLength(1);
            expect(result[0].targetUri).toBe(positions.uri.toString());
            expect(result[0].targetSelectionRange.start).toEqual(positionOf(positions, 'puesto TIT_DG', 'TIT_DG'));
        });

        it('renames through a qualified reference, keeping the institution', async () => {
            const draft = doc(DRAFT);
            const positions = doc(POSITIONS);
            const edit = await lsp().RenameProvider!.rename(draft, { ...textParams(draft, positionOf(draft, 'IMSS.TIT_DG', 'TIT_DG')), newName: 'TITULAR_DG' }, token);
            expect(Object.keys(edit!.changes!).sort()).toEqual([draft.uri.toString(), positions.uri.toString()].sort());
            const draftEdits = edit!.changes![draft.uri.toString()];
            expect(draftEdits.map(e => draft.textDocument.getText(e.range))).toEqual(['TIT_DG']);
            expect(draftEdits[0].range.start).toEqual(positionOf(draft, 'IMSS.TIT_DG', 'TIT_DG'));
            const positionEdits = edit!.changes![positions.uri.toString()];
            expect(positionEdits.map(e => positions.textDocument.getText(e.range))).toEqual(['TIT_DG', 'TIT_DG', 'TIT_DG']);
            expect(positionEdits.map(e => e.range.start.line).sort((a, b) => a - b)).toEqual([
                lineOf(positions, 'puesto TIT_DG'),
                positionOf(positions, 'reporta a TIT_DG', 'TIT_DG', 0).line,
                positionOf(positions, 'reporta a TIT_DG', 'TIT_DG', 1).line
            ]);
            expect([...draftEdits, ...positionEdits].every(e => e.newText === 'TITULAR_DG')).toBe(true);
        });
    });
});

describe('region folding', () => {
    it('folds `// #region … // #endregion` markers', async () => {
        const text = 'manual M "M" { institucion IMSS }\n// #region Direcciones\nunidad A "Dirección A" { }\nunidad B "Dirección B" { }\n// #endregion\n';
        const ws = await buildWorkspace({ 'r.estructura': text });
        const doc = ws.docs['r.estructura'];
        const ranges = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(doc, { textDocument: { uri: doc.uri.toString() } }, CancellationToken.None);
        expect(ranges).toContainEqual({ startLine: 1, endLine: 4, kind: 'region' });
    });
});
