// Which documents an edit rebuilds: the same institution's documents are relinked and revalidated
// when the edit changes what they can see (units, positions, changes, where they start), or share a
// function text the edit changed; an edit inside a function text rebuilds only what depends on it.
import { DocumentState } from 'langium';
import { describe, expect, it } from 'vitest';
import { withCode } from './helpers/fixes.js';
import { buildWorkspace, type TestWorkspace } from './helpers/workspace.js';

const header = (id: string) => `parte de M "Parte" { institucion IMSS }\n`.replace('M', id);
const MAIN = 'manual M "Manual" { institucion IMSS }\n';
const unit = (id: string, name: string, number: string, functions: string[]) =>
    `unidad ${id} "${name}" {\n    número ${number}\n    funciones {\n${functions.map((f, i) => `        ${i + 1}. "${f}"`).join('\n')}\n    }\n}\n`;

const SHARED = 'Integrar el informe trimestral de la evaluación.';
const files = {
    'm.estructura': MAIN,
    'a.estructura': header('M') + unit('UA', 'Coordinación A', '1', [SHARED, 'Coordinar las acciones de A.']),
    'b.estructura': header('M') + unit('UB', 'Coordinación B', '2', [SHARED, 'Coordinar las acciones de B.']),
    'c.estructura': header('M') + unit('UC', 'Coordinación C', '3', ['Coordinar las acciones de C.'])
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
    it('a typo fixed in a function text shared with another file revalidates that file only, and its funcion-duplicada follows', async () => {
        const ws = await buildWorkspace(files);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'funcion-duplicada')).toHaveLength(1);
        const edited = files['a.estructura'].replace(SHARED, 'Integrar el informe mensual de la evaluación.');
        expect(await validatedDuring(ws, () => ws.update('a.estructura', edited))).toEqual(['a.estructura', 'b.estructura']);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'funcion-duplicada')).toEqual([]);
        expect(await validatedDuring(ws, () => ws.update('a.estructura', files['a.estructura']))).toEqual(['a.estructura', 'b.estructura']);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'funcion-duplicada')).toHaveLength(1);
    });

    it('an edit in a text no other file shares revalidates the edited file alone', async () => {
        const ws = await buildWorkspace(files);
        const edited = files['c.estructura'].replace('acciones de C', 'acciones de la C');
        expect(await validatedDuring(ws, () => ws.update('c.estructura', edited))).toEqual(['c.estructura']);
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
