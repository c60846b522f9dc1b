// Editor features on the hand-written examples, which refer to each other across files.
import { describe, expect, it } from 'vitest';
import { CancellationToken, SymbolKind, type DocumentSymbol, type Location, type LocationLink } from 'vscode-languageserver';
import { buildWorkspace, exampleFiles, lineOf, positionOf, textParams, uriOf } from './helpers/workspace.js';

const INSTITUTIONAL = 'ejemplos/imss-institucional.estructura';
const DOE = 'ejemplos/imss-doe.estructura';

describe('language features across the examples', async () => {
    const ws = await buildWorkspace(exampleFiles());
    const lsp = ws.services.lsp;
    const inst = ws.docs[INSTITUTIONAL];
    const doe = ws.docs[DOE];
    const token = CancellationToken.None;

    it('outlines the manual › units › sub-units and positions, with number and function count', async () => {
        const symbols = await lsp.DocumentSymbolProvider!.getSymbols(inst, { textDocument: { uri: inst.uri.toString() } }, token) as DocumentSymbol[];
        expect(symbols).toHaveLength(1);
        const manual = symbols[0];
        expect(manual).toMatchObject({ name: 'Manual de Organización del Instituto Mexicano del Seguro Social', kind: SymbolKind.Module });
        const dg = manual.children!.find(s => s.name === 'Dirección General')!;
        expect(dg.detail).toBe('8.1 · 4 funciones · DG');
        expect(dg.kind).toBe(SymbolKind.Class);
        expect(dg.selectionRange.start.line).toBe(lineOf(inst, 'unidad DG "Dirección General"'));
        expect(dg.children!.map(c => c.name)).toEqual([
            'Titular de la Dirección General', 'Secretaría General', 'Dirección de Prestaciones Médicas',
            'Dirección de Prestaciones Económicas y Sociales', 'Dirección de Incorporación y Recaudación'
        ]);
        expect(dg.children![1].detail).toBe('8.1.1 · 3 funciones · SG');
        expect(manual.children!.some(s => s.name === 'Organigrama Estructural')).toBe(true);
    });

    it('goes to the definition of a unit in another manual', async () => {
        const result = await lsp.DefinitionProvider!.getDefinition(doe, textParams(doe, positionOf(doe, 'adscrita a DG', 'DG')), token) as LocationLink[];
        expect(result).toHaveLength(1);
        expect(result[0].targetUri).toBe(inst.uri.toString());
        expect(result[0].targetSelectionRange.start).toEqual(positionOf(inst, 'unidad DG "Dirección General"', 'DG'));
    });

    it('goes to the definition of a position through a qualified reference', async () => {
        const result = await lsp.DefinitionProvider!.getDefinition(doe, textParams(doe, positionOf(doe, 'reporta a IMSS.TIT_DG', 'TIT_DG')), token) as LocationLink[];
        expect(result[0].targetUri).toBe(inst.uri.toString());
        expect(result[0].targetSelectionRange.start).toEqual(positionOf(inst, 'puesto TIT_DG', 'TIT_DG'));
    });

    it('finds the references of a unit in every file', async () => {
        const refs = await lsp.ReferencesProvider!.findReferences(inst, {
            ...textParams(inst, positionOf(inst, 'unidad DG "', 'DG')), context: { includeDeclaration: false }
        }, token) as Location[];
        const places = refs.map(r => `${r.uri.split('/').pop()}:${r.range.start.line}`).sort();
        const errors = ws.docs['ejemplos/con-errores.estructura'];
        expect(places).toEqual([
            `con-errores.estructura:${lineOf(errors, 'adscrita a DG')}`,
            `imss-doe.estructura:${lineOf(doe, 'adscrita a DG')}`,
            `imss-institucional.estructura:${lineOf(inst, 'raíz DG')}`
        ].sort());
    });

    it('renames a unit in every file that refers to it', async () => {
        const edit = await lsp.RenameProvider!.rename(inst, { ...textParams(inst, positionOf(inst, 'unidad DG "', 'DG')), newName: 'DIRGEN' }, token);
        const files = Object.keys(edit!.changes!).map(u => u.split('/').pop()).sort();
        expect(files).toEqual(['con-errores.estructura', 'imss-doe.estructura', 'imss-institucional.estructura']);
        for (const [uri, edits] of Object.entries(edit!.changes!)) {
            const doc = Object.values(ws.docs).find(d => d.uri.toString() === uri)!;
            for (const e of edits) {
                expect(doc.textDocument.getText(e.range)).toBe('DG');
                expect(e.newText).toBe('DIRGEN');
            }
        }
    });

    it('renames through a qualified reference, keeping the institution', async () => {
        const edit = await lsp.RenameProvider!.rename(doe, { ...textParams(doe, positionOf(doe, 'IMSS.TIT_DG', 'TIT_DG')), newName: 'TITULAR_DG' }, token);
        const doeEdits = edit!.changes![doe.uri.toString()];
        expect(doeEdits.map(e => doe.textDocument.getText(e.range))).toEqual(['TIT_DG']);
        expect(edit!.changes![inst.uri.toString()].map(e => inst.textDocument.getText(e.range))).toEqual(['TIT_DG', 'TIT_DG']);
    });

    it('refuses a new name that is not an identifier', async () => {
        await expect(lsp.RenameProvider!.rename(inst, { ...textParams(inst, positionOf(inst, 'unidad DG "', 'DG')), newName: 'Dirección General' }, token))
            .rejects.toThrow(/no es un identificador válido/);
    });

    it('shows a unit card on hover, with the adscription path across manuals', async () => {
        const hover = await lsp.HoverProvider!.getHoverContent(doe, textParams(doe, positionOf(doe, 'unidad CECM', 'CECM')), token);
        const text = (hover!.contents as { value: string }).value;
        expect(text).toContain('**Coordinación de Evaluación de la Calidad Médica**');
        expect(text).toContain('Tipo: Coordinación · Número: 7.1.1.1 · Id: `IMSS.CECM`');
        expect(text).toContain('Adscripción: Unidad de Evaluación de Órganos Desconcentrados (7.1.1) › Dirección de Operación y Evaluación (7.1) › Dirección General (8.1)');
        expect(text).toContain('2 funciones · 0 unidades subordinadas');
    });

    it('shows the titular and counts on hover over a reference', async () => {
        const hover = await lsp.HoverProvider!.getHoverContent(doe, textParams(doe, positionOf(doe, 'adscrita a DG', 'DG')), token);
        const text = (hover!.contents as { value: string }).value;
        expect(text).toContain('**Dirección General**');
        expect(text).toContain('Adscripción: unidad raíz');
        expect(text).toContain('Titular: Titular de la Dirección General');
        // SG, DPM, DPES, DIR nested; DOE (other manual) and DPRUEBA (error example) attached by reference.
        expect(text).toContain('4 funciones · 6 unidades subordinadas · 1 puesto\n');
        expect(text).toContain('Definida en `imss-institucional.estructura`');
    });

    it('completes references with ids and official names', async () => {
        const text = doe.textDocument.getText();
        const probe = text.replace('adscrita a DG', 'adscrita a ');
        const ws2 = await buildWorkspace({ ...exampleFiles(), [DOE]: probe });
        const doc = ws2.docs[DOE];
        const list = await ws2.services.lsp.CompletionProvider!.getCompletion(doc, textParams(doc, positionOf(doc, 'adscrita a \n', '\n')));
        const dg = list!.items.find(i => i.label === 'DG');
        expect(dg?.detail).toBe('8.1 Dirección General');
        // Same institution: bare ids only, no IMSS.DG duplicate.
        expect(list!.items.some(i => i.label === 'IMSS.DG')).toBe(false);
        expect(list!.items.some(i => i.label === 'CECM')).toBe(true);
        expect(dg?.filterText).toContain('Dirección General');
    });

    it('completes unit kinds after `tipo`', async () => {
        const ws2 = await buildWorkspace({ 'a.estructura': 'manual M "M" { institucion IMSS }\nunidad X "División de Prueba" {\n    tipo \n}' });
        const doc = ws2.docs['a.estructura'];
        const list = await ws2.services.lsp.CompletionProvider!.getCompletion(doc, textParams(doc, positionOf(doc, 'tipo \n', '\n')));
        const labels = list!.items.map(i => i.label);
        expect(labels).toContain('División');
        expect(labels).toContain('Jefatura de Servicios');
    });

    it('finds workspace symbols by official name, ignoring accents and case', async () => {
        const symbols = await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'direccion operacion evaluacion' });
        const names = symbols.map(s => s.name);
        expect(names).toContain('Dirección de Operación y Evaluación');
        expect(names).toContain('Titular de la Dirección de Operación y Evaluación');
        const doeSymbol = symbols.find(s => s.name === 'Dirección de Operación y Evaluación')!;
        expect((doeSymbol.location as Location).uri).toBe(doe.uri.toString());
        expect(doeSymbol.containerName).toBe('7.1 IMSS.DOE');
    });

    it('folds units, function lists and long strings', async () => {
        const ranges = await lsp.FoldingRangeProvider!.getFoldingRanges(doe, { textDocument: { uri: doe.uri.toString() } }, token);
        const starts = ranges.map(r => r.startLine);
        expect(starts).toContain(lineOf(doe, 'unidad DOE'));
        expect(starts).toContain(lineOf(doe, 'unidad UEOD'));
        expect(starts).toContain(lineOf(doe, '1. "Determinar las políticas'));
    });

    it('keeps the document uri scheme used by the workspace', () => {
        expect(doe.uri.toString()).toBe(uriOf(DOE).toString());
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
