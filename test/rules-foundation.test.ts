// The structure rules of the foundation: numbering, cycles, duplicate ids, file header.
import { describe, expect, it } from 'vitest';
import { withCode } from './helpers/fixes.js';
import { buildWorkspace, lineOf } from './helpers/workspace.js';

const header = (institution = 'IMSS', id = 'M') => `manual ${id} "Manual" { institucion ${institution} }\n`;

describe('estructura-numeracion', () => {
    it('accepts a well numbered tree, with or without trailing periods', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad D "Dirección A" { número 7.1
    unidad U1 "Unidad Uno" { número 7.1.1.
        unidad C1 "Coordinación Uno" { número 7.1.1.1 }
        unidad C2 "Coordinación Dos" { número 7.1.1.2 }
    }
    unidad U2 "Unidad Dos" { número 7.1.2 }
}`
        });
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-numeracion')).toEqual([]);
    });

    it('reports a gap, a repeated number and a number that does not extend its parent', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad D "Dirección A" { número 7.1
    unidad U1 "Unidad Uno" { número 7.1.1 }
    unidad U3 "Unidad Tres" { número 7.1.3 }
    unidad U3B "Unidad Tres Bis" { número 7.1.3 }
    unidad X "Unidad Extraviada" { número 7.2.4 }
}`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-numeracion');
        expect(found.map(d => [d.range.start.line, d.severity])).toEqual([
            [lineOf(doc, 'número 7.1.3'), 1],
            [lineOf(doc, 'Unidad Tres Bis'), 1],
            [lineOf(doc, 'número 7.2.4'), 1]
        ]);
        expect(found[0].message).toMatch(/^El número 7\.1\.3 se repite/);
        expect(found[2].message).toBe('El número 7.2.4 no continúa el de su unidad superior «Dirección A» (7.1); se esperaba 7.1.N.');
        // The range is the number itself.
        const range = found[2].range;
        expect(doc.textDocument.getText(range)).toBe('7.2.4');
    });

    it('reports a gap on the first unit after it', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad D "Dirección A" { número 7.1
    unidad U1 "Unidad Uno" { número 7.1.1 }
    unidad U3 "Unidad Tres" { número 7.1.3 }
}`
        });
        const found = withCode(ws.docs['a.estructura'].diagnostics, 'estructura-numeracion');
        expect(found).toHaveLength(1);
        expect(found[0].message).toBe('Falta el número 7.1.2: las unidades hermanas se numeran de 1 en 1 y después de 7.1.1 sigue 7.1.3.');
    });

    it('allows ISSSTE staff segments `.0.` and counts them apart', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('ISSSTE') + `
unidad D "Dirección de Administración" { número 5
    unidad S1 "Coordinación de Staff Uno" { número 5.0.1 }
    unidad S2 "Coordinación de Staff Dos" { número 5.0.2 }
    unidad D1 "Subdirección Uno" { número 5.1 }
}`
        });
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-numeracion')).toEqual([]);
    });

    it('does not allow `.0.` segments in the IMSS profile', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('IMSS') + `
unidad D "Dirección" { número 5
    unidad S1 "Coordinación de Staff" { número 5.0.1 }
}`
        });
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-numeracion')).toHaveLength(1);
    });

    it('compares siblings declared in other files of the same manual, not across manuals', async () => {
        const ws = await buildWorkspace({
            'main.estructura': header('IMSS', 'MO') + `unidad DG "Dirección General" { número 8.1 }`,
            'parte.estructura': `parte de MO { institucion IMSS }
unidad SG "Secretaría General" { número 8.1.1 adscrita a DG }
unidad DX "Dirección Equis" { número 8.1.3 adscrita a DG }`,
            // Another manual numbers its own root locally: 7.1 under 8.1 is fine.
            'doe.estructura': header('IMSS', 'DOE_M') + `unidad DOE "Dirección de Operación" { número 7.1 adscrita a DG }`
        });
        const part = ws.docs['parte.estructura'];
        const found = withCode(part.diagnostics, 'estructura-numeracion');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(part, 'número 8.1.3')]);
        expect(withCode(ws.docs['doe.estructura'].diagnostics, 'estructura-numeracion')).toEqual([]);
    });
});

describe('estructura-ciclo', () => {
    const files = {
        'a.estructura': header('IMSS', 'MA') + `unidad A "Coordinación A" { adscrita a C }`,
        'b.estructura': header('IMSS', 'MB') + `unidad B "Coordinación B" { adscrita a A }`,
        'c.estructura': header('IMSS', 'MC') + `unidad C "Coordinación C" { adscrita a B }`
    };

    it('reports a cycle through three files on every unit in it', async () => {
        const ws = await buildWorkspace(files);
        for (const name of Object.keys(files)) {
            const found = withCode(ws.docs[name].diagnostics, 'estructura-ciclo');
            expect(found, name).toHaveLength(1);
            expect(found[0].severity).toBe(1);
            expect(found[0].message).toMatch(/^La cadena de adscripción forma un ciclo: ([ABC]) → [ABC] → [ABC] → \1\.$/);
            expect(ws.docs[name].textDocument.getText(found[0].range)).toMatch(/^[ABC]$/);
        }
    });

    it('updates the diagnostic of the other files when one file breaks the cycle', async () => {
        const ws = await buildWorkspace(files);
        await ws.update('c.estructura', header('IMSS', 'MC') + `unidad C "Coordinación C" { }`);
        for (const name of Object.keys(files)) {
            expect(withCode(ws.docs[name].diagnostics, 'estructura-ciclo'), name).toEqual([]);
        }
        await ws.update('c.estructura', files['c.estructura']);
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-ciclo')).toHaveLength(1);
    });

    it('accepts a unit nested in a chain that reaches a root', async () => {
        const ws = await buildWorkspace({ 'a.estructura': header() + `unidad R "Dirección Raíz" { unidad H "Coordinación Hija" { } }\nunidad N "Coordinación Nieta" { adscrita a H }` });
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-ciclo')).toEqual([]);
    });
});

describe('estructura-id-duplicado', () => {
    it('reports an id defined in two files of one institution, on both', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('IMSS', 'MA') + `unidad DG "Dirección General" { }`,
            'b.estructura': header('IMSS', 'MB') + `\nunidad DG "Otra Dirección General" { }`
        });
        const a = withCode(ws.docs['a.estructura'].diagnostics, 'estructura-id-duplicado');
        const b = withCode(ws.docs['b.estructura'].diagnostics, 'estructura-id-duplicado');
        expect(a).toHaveLength(1);
        expect(b).toHaveLength(1);
        expect(a[0].message).toBe('El identificador «DG» ya está definido en b.estructura:3 (institución IMSS); los identificadores son únicos por institución.');
        expect(ws.docs['a.estructura'].textDocument.getText(a[0].range)).toBe('DG');
    });

    it('counts positions and units in one namespace', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `unidad X "Dirección X" { puesto X "Titular" { } }`
        });
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-id-duplicado')).toHaveLength(2);
    });

    it('updates when the other file changes', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('IMSS', 'MA') + `unidad DG "Dirección General" { }`,
            'b.estructura': header('IMSS', 'MB') + `unidad DG "Otra" { }`
        });
        await ws.update('b.estructura', header('IMSS', 'MB') + `unidad DG2 "Otra" { }`);
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-id-duplicado')).toEqual([]);
    });
});

describe('manual-encabezado', () => {
    it('warns about a file without header or institution', async () => {
        const ws = await buildWorkspace({
            'sin.estructura': `unidad X "Dirección X" { }`,
            'sin-inst.estructura': `manual M "Manual" { clave "A" }\nunidad Y "Dirección Y" { }`
        });
        expect(withCode(ws.docs['sin.estructura'].diagnostics, 'manual-encabezado').map(d => d.severity)).toEqual([2]);
        expect(withCode(ws.docs['sin-inst.estructura'].diagnostics, 'manual-encabezado').map(d => d.severity)).toEqual([2]);
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
