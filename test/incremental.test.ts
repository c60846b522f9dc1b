// Which documents an edit rebuilds: the same institution's documents are relinked and revalidated
// when the edit changes what they can see (units, positions, changes, where they start), or share a
// function text the edit changed; an edit inside a function text rebuilds only what depends on it.
import { DocumentState } from 'langium';
import { describe, expect, it } from 'vitest';
import { header, part, withCode } from './helpers/rules.js';
import { buildWorkspace, type TestWorkspace } from './helpers/workspace.js';

const MAIN = header();
const unit = (id: string, name: string, number: string, functions: string[]) =>
    `unidad ${id} "${name}" {\n    número ${number}\n    funciones {\n${functions.map((f, i) => `        ${i + 1}. "${f}"`).join('\n')}\n    }\n}\n`;

const SHARED = 'Integrar el informe trimestral de la evaluación.';
const files = {
    'm.estructura': MAIN,
    'a.estructura': part('M') + unit('UA', 'Coordinación A', '1', [SHARED, 'Coordinar las acciones de A.']),
    'b.estructura': part('M') + unit('UB', 'Coordinación B', '2', [SHARED, 'Coordinar las acciones de B.']),
    'c.estructura': part('M') + unit('UC', 'Coordinación C', '3', ['Coordinar las acciones de C.'])
};

/** The documents validated while `run` updates the workspace. */
async function validatedDuring(ws: TestWorkspace, run: () => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    const listener = ws.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, d => { seen.push(d.uri.path.split('/').pop()!); });
    try {
        await run();
    } finally {
        listener.dispose();
    }
    return seen.sort();
}

describe('an edit rebuilds what depends on it', () => {
    it('a typo fixed in a function text shared with another file revalidates that file only, and its funcion-duplicada-entre-unidades follows', async () => {
        const ws = await buildWorkspace(files);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'funcion-duplicada-entre-unidades')).toHaveLength(1);
        const edited = files['a.estructura'].replace(SHARED, 'Integrar el informe mensual de la evaluación.');
        expect(await validatedDuring(ws, () => ws.update('a.estructura', edited))).toEqual(['a.estructura', 'b.estructura']);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'funcion-duplicada-entre-unidades')).toEqual([]);
        expect(await validatedDuring(ws, () => ws.update('a.estructura', files['a.estructura']))).toEqual(['a.estructura', 'b.estructura']);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'funcion-duplicada-entre-unidades')).toHaveLength(1);
    });

    it('an edit in a text no other file shares revalidates the edited file alone', async () => {
        const ws = await buildWorkspace(files);
        const edited = files['c.estructura'].replace('acciones de C', 'acciones de la C');
        expect(await validatedDuring(ws, () => ws.update('c.estructura', edited))).toEqual(['c.estructura']);
    });

    it('a function text shared with another institution\'s file does not revalidate it (funcion-duplicada-entre-unidades compares within an institution)', async () => {
        const other = 'manual N "Otro manual" { institucion ISSSTE }\n' + unit('XA', 'Coordinación X', '1', [SHARED, 'Coordinar las acciones de X.']);
        const ws = await buildWorkspace({ ...files, 'x.estructura': other });
        const edited = files['a.estructura'].replace(SHARED, 'Integrar el informe mensual de la evaluación.');
        expect(await validatedDuring(ws, () => ws.update('a.estructura', edited))).toEqual(['a.estructura', 'b.estructura']);
        const cold = await buildWorkspace({ ...files, 'a.estructura': edited, 'x.estructura': other });
        expect(diagnosticsOf(ws)).toEqual(diagnosticsOf(cold));
    });

    it('a change to a unit (number, name, position in the file) revalidates the whole institution', async () => {
        const ws = await buildWorkspace(files);
        expect(await validatedDuring(ws, () => ws.update('c.estructura', files['c.estructura'].replace('número 3', 'número 2'))))
            .toEqual(['a.estructura', 'b.estructura', 'c.estructura', 'm.estructura']);
        // The duplicated number is reported in the other file too.
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'estructura-numeracion')).toHaveLength(1);
        expect(await validatedDuring(ws, () => ws.update('c.estructura', '\n' + files['c.estructura'])))
            .toEqual(['a.estructura', 'b.estructura', 'c.estructura', 'm.estructura']);
    });
});

/** Every document's diagnostics, as `line:col code message`, by file name. */
function diagnosticsOf(ws: TestWorkspace): Record<string, string[]> {
    return Object.fromEntries(Object.entries(ws.docs).map(([name, doc]) => [name,
        (doc.diagnostics ?? []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).sort()]));
}

/**
 * Builds `files`, applies `edits` one by one as an editor would, and expects every document's
 * diagnostics to equal those of a workspace built cold from the final texts.
 */
async function expectIncrementalEqualsCold(files: Record<string, string>, edits: Array<[string, string]>): Promise<Record<string, string[]>> {
    const ws = await buildWorkspace(files);
    const final = { ...files };
    for (const [name, text] of edits) {
        await ws.update(name, text);
        final[name] = text;
    }
    const cold = diagnosticsOf(await buildWorkspace(final));
    expect(diagnosticsOf(ws)).toEqual(cold);
    return cold;
}

describe('what a rule reads of another file is seen by the edit that changes it', () => {
    const functions = (...texts: string[]) => `    funciones {\n${texts.map((t, i) => `        ${i + 1}. "${t}"`).join('\n')}\n    }\n`;
    const CLOSING = 'Las demás que le confieran las disposiciones aplicables.';

    it('functions added to one description of a unit (misma unidad que) clear the other file\'s estructura-sin-funciones', async () => {
        // Two parts of one manual: neither file points at the other's header.
        const a = `${part('M')}unidad DX1 "Dirección X" {\n    número 1\n    misma unidad que DX2\n}\n`;
        const b = `${part('M')}unidad DX2 "Dirección X" {\n    número 9\n}\n`;
        const files = { 'm.estructura': MAIN, 'a.estructura': a, 'b.estructura': b };
        const before = await buildWorkspace(files);
        expect(withCode(before.docs['b.estructura'].diagnostics, 'estructura-sin-funciones')).toHaveLength(1);
        const withFunctions = a.replace('    misma unidad que DX2\n', `    misma unidad que DX2\n${functions('Coordinar las acciones de X.', CLOSING)}`);
        const cold = await expectIncrementalEqualsCold(files, [['a.estructura', withFunctions]]);
        expect(cold['b.estructura'].filter(d => d.includes('estructura-sin-funciones'))).toEqual([]);
    });

    it('an objetivo added to one description of an ISSSTE unit clears the other file\'s estructura-objetivo', async () => {
        const issste = (text: string) => text.replace(/institucion IMSS/g, 'institucion ISSSTE');
        const a = issste(`${part('M')}unidad DX1 "Dirección X" {\n    número 1\n    misma unidad que DX2\n}\n`);
        const b = issste(`${part('M')}unidad DX2 "Dirección X" {\n    número 9\n${functions('Coordinar las acciones de X.', CLOSING)}}\n`);
        const files = { 'm.estructura': issste(MAIN), 'a.estructura': a, 'b.estructura': b };
        expect(withCode((await buildWorkspace(files)).docs['b.estructura'].diagnostics, 'estructura-objetivo')).toHaveLength(1);
        const withObjective = a.replace('    misma unidad que DX2\n', '    misma unidad que DX2\n    objetivo "Coordinar las acciones de X."\n');
        const cold = await expectIncrementalEqualsCold(files, [['a.estructura', withObjective]]);
        expect(cold['b.estructura'].filter(d => d.includes('estructura-objetivo'))).toEqual([]);
    });

    it('a file that moves to another institution takes its ids out of the old one', async () => {
        const a = `${MAIN}unidad UX "Coordinación X" {\n    número 1\n${functions('Coordinar las acciones de X.', CLOSING)}}\n`;
        const b = `manual N "Otro" { institucion IMSS }\nunidad UX "Coordinación Y" {\n    número 1\n${functions('Coordinar las acciones de Y.', CLOSING)}}\n`;
        expect(withCode((await buildWorkspace({ 'a.estructura': a, 'b.estructura': b })).docs['a.estructura'].diagnostics, 'estructura-id-duplicado')).toHaveLength(1);
        const cold = await expectIncrementalEqualsCold({ 'a.estructura': a, 'b.estructura': b }, [['b.estructura', b.replace('IMSS', 'ISSSTE')]]);
        expect(cold['a.estructura'].filter(d => d.includes('estructura-id-duplicado'))).toEqual([]);
    });

    it('a position of another institution declared titular of a unit (titular de IMSS.DG), then removed, clears estructura-titular-unico', async () => {
        const a = `${MAIN}unidad DG "Dirección General" {\n    número 1\n    puesto TIT_DG "Titular de la Dirección General" {\n        clase mando\n        titular\n    }\n${functions('Coordinar las acciones.', CLOSING)}}\n`;
        const b = `manual N "Otro" { institucion ISSSTE }\npuesto OTRO "Titular" {\n    clase mando\n    titular de IMSS.DG\n}\n`;
        // The titular listed first (by file) is b's: the diagnostic falls on z's, which points at nothing in b.
        const files = { 'z.estructura': a, 'b.estructura': b };
        expect(withCode((await buildWorkspace(files)).docs['z.estructura'].diagnostics, 'estructura-titular-unico')).toHaveLength(1);
        const cold = await expectIncrementalEqualsCold(files, [['b.estructura', b.replace('    titular de IMSS.DG\n', '')]]);
        expect(cold['z.estructura'].filter(d => d.includes('estructura-titular-unico'))).toEqual([]);
    });

    it('a file without an institution sees the names of every institution: a unit renamed elsewhere resolves its mention', async () => {
        const a = `${MAIN}unidad UX "Coordinación X" {\n    número 1\n${functions('Coordinar las acciones de X.', CLOSING)}}\n`;
        const c = `unidad UC "Coordinación C" {\n${functions('Coordinar con la Dirección de Finanzas las acciones.', CLOSING)}}\n`;
        const cold = await expectIncrementalEqualsCold({ 'a.estructura': a, 'c.estructura': c }, [['a.estructura', a.replace('Coordinación X', 'Dirección de Finanzas')]]);
        expect(cold['c.estructura'].filter(d => d.includes('funcion-mencion'))).toEqual([]);
    });
});
