// Resolution and messages do not depend on the order files were loaded or edited in: an id declared
// in three files resolves to its first declaration in workspace order (file path, then position),
// each duplicate names the first of the others, a list in a message follows workspace order, and all
// of it is the same for every load order and after any file is edited and its text restored.
// In-process, every permutation of four files; test/incremental-cold.test.ts checks the same over
// stdio against `estructura revisar`.
import { CancellationToken } from 'vscode-languageserver-protocol';
import type { LocationLink } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, positionOf, textParams, type TestWorkspace } from './helpers/workspace.js';

const FUNCTION = '1. "Coordinar las acciones de prueba de la unidad con las áreas normativas."';

const FILES: Record<string, string> = {
    // X is declared in a, b and c (IMSS). Resolved to b's X, d's Y would close a cycle (X → Y → X).
    'b.estructura': `manual MB "Manual B" {\n    institucion IMSS\n}\n\nunidad X "Dirección X de B" {\n    adscrita a Y\n    funciones {\n        ${FUNCTION}\n    }\n}\n\npuesto P_B "Analista B" {\n    clase operativo\n    adscrito a X\n    reporta a PH\n}\n`,
    'a.estructura': `manual MA "Manual A" {\n    institucion IMSS\n}\n\nunidad X "Dirección X de A" {\n    funciones {\n        ${FUNCTION}\n    }\n}\n\npuesto PH "Jefe de División (puesto homólogo)" {\n    clase homólogo de autorización específica\n    adscrito a X\n}\n\npuesto P_A "Analista A" {\n    clase operativo\n    adscrito a X\n    reporta a PH\n}\n`,
    'd.estructura': `manual MD "Manual D" {\n    institucion IMSS\n}\n\nunidad Y "Dirección Y" {\n    adscrita a X\n}\n`,
    'c.estructura': `manual MC "Manual C" {\n    institucion IMSS\n}\n\nunidad X "Dirección X de C" {\n    funciones {\n        ${FUNCTION}\n    }\n}\n\npuesto P_C "Analista C" {\n    clase operativo\n    adscrito a X\n    reporta a PH\n}\n`
};

function permutations<T>(items: T[]): T[][] {
    if (items.length <= 1) return [items];
    return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map(rest => [item, ...rest]));
}

/** Every file's diagnostics as `file:line code message`, sorted. */
function diagnosticsOf(ws: TestWorkspace): string[] {
    return Object.entries(ws.docs).flatMap(([name, doc]) => (doc.diagnostics ?? [])
        .map(d => `${name}:${d.range.start.line + 1} ${d.code} ${d.message}`)).sort();
}

async function definitionOfX(ws: TestWorkspace): Promise<string> {
    const d = ws.docs['d.estructura'];
    const links = await ws.services.lsp.DefinitionProvider!.getDefinition(d, textParams(d, positionOf(d, 'adscrita a X', 'X')), CancellationToken.None) as LocationLink[];
    return `${links[0].targetUri.split('/').pop()}:${links[0].targetSelectionRange.start.line + 1}`;
}

describe('the same answers whatever the load and edit order', () => {
    it('resolves a repeated id to its first declaration by path, names the first other declaration, and lists in workspace order', async () => {
        const ws = await buildWorkspace(FILES);
        const lines = diagnosticsOf(ws);
        const about = (code: string) => lines.filter(l => l.includes(` ${code} `));
        expect(about('estructura-id-duplicado')).toEqual([
            'a.estructura:5 estructura-id-duplicado El identificador «X» ya está definido en b.estructura:5 (institución IMSS); los identificadores son únicos por institución.',
            'b.estructura:5 estructura-id-duplicado El identificador «X» ya está definido en a.estructura:5 (institución IMSS); los identificadores son únicos por institución.',
            'c.estructura:5 estructura-id-duplicado El identificador «X» ya está definido en a.estructura:5 (institución IMSS); los identificadores son únicos por institución.'
        ]);
        // Y hangs from a's X (no cycle); b's X would have closed one.
        expect(about('estructura-ciclo')).toEqual([]);
        expect(await definitionOfX(ws)).toBe('a.estructura:5');
        expect(about('norma-7.2.1.15-sin-personal')).toEqual([
            'a.estructura:11 norma-7.2.1.15-sin-personal El puesto homólogo «Jefe de División (puesto homólogo)» no puede tener personal a su cargo, y le reportan: P_A, P_B, P_C.'
        ]);
        // Each copy of the function names the first other unit in workspace order.
        const duplicated = about('funcion-duplicada-entre-unidades');
        expect(duplicated).toHaveLength(3);
        expect(duplicated[0]).toMatch(/^a\.estructura:7 .*Dirección X de B.*\(y en 1 unidad más\)\.$/u);
        expect(duplicated[1]).toMatch(/^b\.estructura:8 .*Dirección X de A.*\(y en 1 unidad más\)\.$/u);
        expect(duplicated[2]).toMatch(/^c\.estructura:7 .*Dirección X de A.*\(y en 1 unidad más\)\.$/u);
    });

    it('gives the same diagnostics and definition for all 24 load orders, and after each file is edited and restored', async () => {
        const expected = diagnosticsOf(await buildWorkspace(FILES));
        const names = Object.keys(FILES);
        let builds = 0;
        for (const order of permutations(names)) {
            const ws = await buildWorkspace(Object.fromEntries(order.map(name => [name, FILES[name]])));
            builds++;
            expect(diagnosticsOf(ws), `load order ${order.join(', ')}`).toEqual(expected);
            expect(await definitionOfX(ws)).toBe('a.estructura:5');
            // An edit that takes the file's declarations away for a moment, then the text as it was:
            // Langium's index then lists that file's symbols last, and the answers must not follow.
            for (const name of order.slice(0, 2)) {
                await ws.update(name, FILES[name].replace('unidad X', 'unidad Xq').replace('puesto P', 'puesto Q'));
                await ws.update(name, FILES[name]);
                expect(diagnosticsOf(ws), `load order ${order.join(', ')}, ${name} edited and restored`).toEqual(expected);
                expect(await definitionOfX(ws)).toBe('a.estructura:5');
            }
        }
        expect(builds).toBe(24);
    }, 60_000);
});
