// The structure rules of the foundation (numbering, cycles, duplicate ids, file header, syntax):
// what needs code — edits across files and the parser's recovery. The cases that are only text
// in, diagnostics out are fixtures: test/fixtures/reglas/<código>/ (docs/fixtures.md).
import { describe, expect, it } from 'vitest';
import { header, withCode } from './helpers/rules.js';
import { buildWorkspace } from './helpers/workspace.js';

describe('estructura-ciclo', () => {
    const files = {
        'a.estructura': header('IMSS', 'MA') + `unidad A "Coordinación A" { adscrita a C }`,
        'b.estructura': header('IMSS', 'MB') + `unidad B "Coordinación B" { adscrita a A }`,
        'c.estructura': header('IMSS', 'MC') + `unidad C "Coordinación C" { adscrita a B }`
    };

    it('updates the diagnostic of the other files when one file breaks the cycle', async () => {
        const ws = await buildWorkspace(files);
        await ws.update('c.estructura', header('IMSS', 'MC') + `unidad C "Coordinación C" { }`);
        for (const name of Object.keys(files)) {
            expect(withCode(ws.docs[name].diagnostics, 'estructura-ciclo'), name).toEqual([]);
        }
        await ws.update('c.estructura', files['c.estructura']);
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-ciclo')).toHaveLength(1);
    });

});

describe('estructura-id-duplicado', () => {
    it('updates when the other file changes', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('IMSS', 'MA') + `unidad DG "Dirección General" { }`,
            'b.estructura': header('IMSS', 'MB') + `unidad DG "Otra" { }`
        });
        await ws.update('b.estructura', header('IMSS', 'MB') + `unidad DG2 "Otra" { }`);
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-id-duplicado')).toEqual([]);
    });
});

describe('syntax errors', () => {
    it('gives Spanish diagnostics with a code for a half-typed file, and keeps the rest', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `unidad X "Dirección X" {\n    tipo Dirección\n    funciones {\n        1. "Coordinar`
        });
        const doc = ws.docs['a.estructura'];
        const syntax = withCode(doc.diagnostics, 'estructura-sintaxis');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax.every(d => /^[A-ZÁÉÍÓÚÑ«]/u.test(String(d.message)))).toBe(true);
        expect(syntax.some(d => /Carácter inesperado|Se esperaba|Texto inesperado/.test(String(d.message)))).toBe(true);
        expect(doc.parseResult.value.elementos[0]?.$type).toBe('Unidad');
    });
});
