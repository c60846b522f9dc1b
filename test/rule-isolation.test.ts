// Rule isolation, element by element: a rule that throws on one element gives exactly one
// `estructura-regla-fallida` diagnostic, on that element, naming that rule and the error; every
// other diagnostic of the file (other rules on the same element, the same rule on other elements)
// is exactly what it was without the failure. A cancellation is not a failure: it propagates.
import { describe, expect, it } from 'vitest';
import { OperationCancelled, type AstNode, type ValidationAcceptor } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { guard, ruleCheck } from '../server/src/language/rules/rule-check.js';
import { isUnidad, type Unidad } from '../server/src/language/generated/ast.js';
import { buildWorkspace, exampleFiles } from './helpers/workspace.js';

const ERRORS = 'ejemplos/con-errores.estructura';
const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

describe('rule isolation', () => {
    const files = exampleFiles();

    for (const [label, thrown] of [['an Error', new Error('fallo simulado')], ['a string', 'cadena lanzada'], ['undefined', undefined]] as const) {
        it(`a rule that throws ${label} on one unit: one diagnostic there, every other diagnostic unchanged`, async () => {
            const imss = Object.fromEntries(Object.entries(files).filter(([name]) => !name.includes('issste')));
            const ws = await buildWorkspace(imss);
            const baseline = ws.docs[ERRORS].diagnostics!.map(key).sort();
            expect(baseline.length).toBeGreaterThan(7);
            // The code of a real rule that reports on this file (estructura-sin-funciones), failing on UPC only.
            const failing = ruleCheck('estructura-sin-funciones', 'Unidad', (node: Unidad) => {
                if (node.name === 'UPC') throw thrown;
            });
            ws.services.validation.ValidationRegistry.register({ Unidad: guard(failing) });
            await ws.update(ERRORS, `${files[ERRORS]} `);
            const diagnostics = ws.docs[ERRORS].diagnostics!;
            const failed = diagnostics.filter(d => d.code === 'estructura-regla-fallida');
            expect(failed).toHaveLength(1);
            const upc = ws.docs[ERRORS].parseResult.value.elementos.flatMap(e => (isUnidad(e) ? [e, ...e.unidades] : [])).find(u => u.name === 'UPC')!;
            const upcLine = upc.$cstNode!.range.start.line;
            expect(failed[0].range.start.line).toBe(upcLine);
            const detail = thrown instanceof Error ? thrown.message : String(thrown);
            expect(failed[0].message).toBe(`La regla «estructura-sin-funciones» falló al revisar este elemento (${detail}); las demás reglas sí se aplicaron.`);
            // Everything else is exactly the baseline: the other rules, and this rule on the other units.
            expect(diagnostics.filter(d => d.code !== 'estructura-regla-fallida').map(key).sort()).toEqual(baseline);
            expect(baseline.some(k => k.startsWith('estructura-sin-funciones@'))).toBe(true);
            expect(baseline.some(k => k.startsWith(`estructura-numeracion@${upcLine + 2}`))).toBe(true);
        }, 60_000);
    }

    it('a cancellation inside a rule propagates: it is not reported as a failed rule', () => {
        const check = guard(ruleCheck('estructura-ciclo', 'Unidad', () => { throw OperationCancelled; }));
        const reported: unknown[] = [];
        const accept = ((...args: unknown[]) => { reported.push(args); }) as unknown as ValidationAcceptor;
        expect(() => check({ $type: 'Unidad' } as AstNode, accept)).toThrow();
        expect(reported).toEqual([]);
    });
});
