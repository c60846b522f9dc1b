// Norma 7.2.1.15 and 5.48 on puestos homólogos de autorización específica (PHAE): what needs
// code — edits across files, the quick fix of norma-7.2.1.15-sede, the 2022 DOE case and the real
// manuals. The cases that are only text in, diagnostics out are fixtures:
// test/fixtures/reglas/norma-*/ (docs/fixtures.md).
import { describe, expect, it } from 'vitest';
import { applyEdit, codeActions } from './helpers/fixes.js';
import { ERROR, withCode } from './helpers/rules.js';
import { buildWorkspace, exampleFiles } from './helpers/workspace.js';

const STRUCTURE = [
    'manual M "Manual" {',
    '    institucion IMSS',
    '}',
    '',
    'unidad DG "Dirección General" {',
    '    tipo Dirección General',
    '    unidad DOE "Dirección de Operación y Evaluación" {',
    '        tipo Dirección',
    '        órgano normativo',
    '        unidad CAPSOI "Coordinación de Análisis" {',
    '            tipo Coordinación',
    '            estructura no básica',
    '        }',
    '    }',
    '}',
    ''
].join('\n');

const phae = (body: string) => ['parte de M "Puestos" {', '    institucion IMSS', '}', '', body, ''].join('\n');

async function diagnosticsOf(positions: string) {
    const ws = await buildWorkspace({ 'a.estructura': STRUCTURE, 'b.estructura': phae(positions) });
    return { ws, list: (ws.docs['b.estructura'].diagnostics ?? []).map(d => ({ code: d.code, severity: d.severity, line: d.range.start.line, message: d.message })) };
}

const JD = (unit: string, extra = '') => `puesto JD "Jefe de División" {\n    clase homólogo de autorización específica\n    adscrito a ${unit}\n${extra}}`;

describe('Norma 7.2.1.15', () => {
    it('rejects personnel under a PHAE declared in another file, and updates when that file changes', async () => {
        const { ws, list } = await diagnosticsOf(JD('DOE'));
        expect(list).toEqual([]);
        await ws.update('a.estructura', STRUCTURE + 'puesto AN "Analista" {\n    clase operativo\n    reporta a JD\n}\n');
        const now = (ws.docs['b.estructura'].diagnostics ?? []).filter(d => d.code === 'norma-7.2.1.15-sin-personal');
        expect(now.map(d => [d.severity, d.range.start.line, d.message])).toEqual([[ERROR, 4, 'El puesto homólogo «Jefe de División» no puede tener personal a su cargo, y le reportan: AN.']]);
        await ws.update('a.estructura', STRUCTURE);
        expect((ws.docs['b.estructura'].diagnostics ?? []).filter(d => d.code === 'norma-7.2.1.15-sin-personal')).toEqual([]);
    });

});

describe('quick fix of norma-7.2.1.15-sede', () => {
    it('replaces the attachment with the nearest sede, and the error goes away', async () => {
        const { ws } = await diagnosticsOf(JD('CAPSOI'));
        const doc = ws.docs['b.estructura'];
        const [diagnostic] = withCode(doc.diagnostics, 'norma-7.2.1.15-sede');
        expect(doc.textDocument.getText(diagnostic.range)).toBe('CAPSOI');
        const actions = await codeActions(ws, doc, diagnostic);
        expect(actions.map(a => a.title)).toEqual(['Adscribir a la sede DOE']);
        const fixed = applyEdit(ws, actions[0].edit!)['b.estructura'];
        expect(fixed).toBe(phae(JD('DOE')));
        await ws.update('b.estructura', fixed);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'norma-7.2.1.15-sede')).toEqual([]);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'norma-7.2.1.15-no-basica')).toEqual([]);
    });

    it('adds an attachment to a PHAE nested in a unit below the sede', async () => {
        const nested = STRUCTURE.replace('            estructura no básica\n',
            '            puesto JD "Jefe de División" {\n                clase homólogo de autorización específica\n            }\n');
        const ws = await buildWorkspace({ 'a.estructura': nested });
        const doc = ws.docs['a.estructura'];
        const [diagnostic] = withCode(doc.diagnostics, 'norma-7.2.1.15-sede');
        expect(doc.textDocument.getText(diagnostic.range)).toBe('JD');
        const actions = await codeActions(ws, doc, diagnostic);
        const fixed = applyEdit(ws, actions[0].edit!)['a.estructura'];
        expect(fixed).toContain('            puesto JD "Jefe de División" {\n                adscrito a DOE\n                clase homólogo');
        await ws.update('a.estructura', fixed);
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'norma-7.2.1.15-sede')).toEqual([]);
    });

    it('offers nothing once the attachment has changed', async () => {
        const { ws } = await diagnosticsOf(JD('CAPSOI'));
        const doc = ws.docs['b.estructura'];
        const [diagnostic] = withCode(doc.diagnostics, 'norma-7.2.1.15-sede');
        await ws.update('b.estructura', phae(JD('DG')));
        expect(await codeActions(ws, ws.docs['b.estructura'], diagnostic)).toEqual([]);
    });
});

describe('the 2022 DOE case of examples/ejemplos/phae-doe-2022 and the real manuals', async () => {
    const ws = await buildWorkspace(exampleFiles());
    const dir = 'ejemplos/phae-doe-2022/';
    const norma = (name: string) => (ws.docs[name].diagnostics ?? []).filter(d => String(d.code).startsWith('norma-'));

    it('attached to the Dirección and converted into the División: valid; relocated to the Coordinación: one error, fixed by moving it to the sede', async () => {
        expect(ws.docs[`${dir}1-adscrito-a-la-direccion.estructura`].diagnostics).toEqual([]);
        expect(ws.docs[`${dir}3-convertido-en-division.estructura`].diagnostics).toEqual([]);
        const moved = ws.docs[`${dir}2-reubicado-en-la-coordinacion.estructura`];
        expect(moved.diagnostics!.map(d => [d.code, d.severity, moved.textDocument.getText(d.range), d.range.start.line + 1])).toEqual([['norma-7.2.1.15-sede', ERROR, 'CAPSOI', 14]]);
        const actions = await codeActions(ws, moved, moved.diagnostics![0]);
        const fixed = applyEdit(ws, actions[0].edit!)['2-reubicado-en-la-coordinacion.estructura'];
        expect(fixed.split('\n')[13]).toBe('    adscrito a DOE');
    });

    it('raises no Norma diagnostic on the imported manuals (they declare no puestos homólogos)', () => {
        for (const name of Object.keys(ws.docs).filter(n => n.startsWith('manuales/'))) expect(norma(name), name).toEqual([]);
    });
});
