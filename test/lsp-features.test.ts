// Editor features on the examples: the imported manuals (examples/manuales/), which refer to each
// other across files and manuals, and the hand-written files (examples/ejemplos/) that refer to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationToken, SymbolKind, type DocumentSymbol, type Hover, type Location, type LocationLink } from 'vscode-languageserver';
import { URI, type LangiumDocument } from 'langium';
import type { Documento } from '../server/src/language/generated/ast.js';
import { INSTITUTIONAL, DOE, UEOD, SG_MANUAL, POSITIONS, ERRORS, CAPSOI, DRAFT, DRAFT_TEXT } from './helpers/examples.js';
import { buildWorkspace, exampleFiles, lineOf, positionOf, textParams, uriOf, type TestWorkspace } from './helpers/workspace.js';
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

    it('outlines the manual › units › sub-units, with number and function count', async () => {
        const inst = doc(INSTITUTIONAL);
        const symbols = await lsp().DocumentSymbolProvider!.getSymbols(inst, { textDocument: { uri: inst.uri.toString() } }, token) as DocumentSymbol[];
        expect(symbols).toHaveLength(1);
        const manual = symbols[0];
        expect(manual).toMatchObject({ name: 'MANUAL DE ORGANIZACIÓN DEL INSTITUTO MEXICANO DEL SEGURO SOCIAL', kind: SymbolKind.Module });
        expect(manual.children!.map(s => s.name)).toEqual([
            'Dirección General', 'Organigrama Estructural', 'Cambio ACDO.SA2.HCT.111213/361.P.DAED',
            'Cambio ACDO.SA2.HCT.111213/361.P.DAED', 'Cambio ACDO.SA2.HCT.111213/361.P.DAED', 'Cambio ACDO.AS2.HCT.310816/218.P.DA'
        ]);
        const dg = manual.children![0];
        expect(dg.detail).toBe('8.1 · 16 funciones · DG');
        expect(dg.kind).toBe(SymbolKind.Class);
        expect(dg.selectionRange.start).toEqual(positionOf(inst, 'unidad DG "Dirección General"', 'DG'));
        expect(dg.children!.map(c => c.name)).toEqual([
            'Secretaría General', 'Dirección de Prestaciones Médicas', 'Dirección de Prestaciones Económicas y Sociales',
            'Dirección de Incorporación y Recaudación', 'Dirección Jurídica', 'Dirección de Finanzas',
            'Dirección de Administración', 'Dirección de Innovación y Desarrollo Tecnológico',
            'Dirección de Vinculación Institucional y Evaluación de Delegaciones',
            'Dirección de Planeación Estratégica Institucional', 'Órganos de Operación Administrativa Desconcentrada'
        ]);
        expect(dg.children!.every(c => c.kind === SymbolKind.Class)).toBe(true);
        expect(dg.children![0].detail).toBe('8.1.1 · 19 funciones · SG');
        // A third level: the generic units grouped under the OOAD.
        const ooad = dg.children!.find(c => c.name === 'Órganos de Operación Administrativa Desconcentrada')!;
        expect(ooad.detail).toBe('8.1.11 · 0 funciones · OOAD');
        expect(ooad.children!.map(c => c.name)).toEqual(['Delegaciones', 'Unidades Médicas de Alta Especialidad']);
        expect(ooad.children![0].selectionRange.start).toEqual(positionOf(inst, 'unidad DELEGACIONES', 'DELEGACIONES'));
    });

    it('outlines a part of a manual as «Parte de …» with its area and sub-units', async () => {
        const ueod = doc(UEOD);
        const symbols = await lsp().DocumentSymbolProvider!.getSymbols(ueod, { textDocument: { uri: ueod.uri.toString() } }, token) as DocumentSymbol[];
        expect(symbols).toHaveLength(1);
        expect(symbols[0]).toMatchObject({ name: 'Parte de IMSS_DOE_2022: Unidad de Evaluación de Órganos Desconcentrados', kind: SymbolKind.Module });
        const area = symbols[0].children!;
        expect(area.map(s => s.name)).toEqual(['Unidad de Evaluación de Órganos Desconcentrados']);
        const cecm = area[0].children!.find(c => c.name === 'Coordinación de Evaluación de la Calidad Médica')!;
        expect(cecm.detail).toBe('7.1.1.1 · 15 funciones · CECM');
        expect(cecm.children!.map(c => c.name)).toEqual([
            'División de Evaluación Médico-Administrativa', 'División de Evaluación de Prestaciones Médicas'
        ]);
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
                // Units of the other files of the manual are offered too.
                expect(list!.items.find(i => i.label === 'CECM')?.detail).toBe('7.1.1.1 Coordinación de Evaluación de la Calidad Médica');
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
