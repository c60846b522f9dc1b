// funcion-numeracion: a numbered function list runs 1..n, without gaps, repeats or functions
// left without their number (the PDF extraction loses some). Lists with no numbers at all are
// fine (the IMSS 2018 manual does not number its functions). One diagnostic per list, on the first
// function out of place; the quick fix renumbers the whole list.
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { isUnidad, type Unidad } from '../../generated/ast.js';
import { numberKey } from '../../model.js';
import { report } from '../catalog.js';
import { fixAction, nodeAtDiagnostic, type FixContext } from '../fixes.js';
import { cstOf } from './text.js';

export function checkFunctionNumbering(unit: Unidad, accept: ValidationAcceptor): void {
    const list = unit.funciones;
    if (!list.some(fn => fn.numero)) return;
    const n = list.length;
    for (let i = 0; i < n; i++) {
        const fn = list[i];
        const number = numberKey(fn.numero);
        if (number === String(i + 1)) continue;
        if (number === undefined) {
            report(accept, 'funcion-numeracion',
                `la función ${i + 1} de la lista no tiene número; las funciones numeradas van de 1 a ${n}.`,
                fn.texto !== undefined ? { node: fn, property: 'texto' } : { node: fn });
        } else {
            report(accept, 'funcion-numeracion',
                `esta función tiene el número ${number}, pero es la ${i + 1} de la lista: las funciones numeradas van de 1 a ${n} sin saltos ni repeticiones.`,
                { node: fn, property: 'numero' });
        }
        return;
    }
}

/** Rewrites every number of the list (adding the missing ones), keeping its style ("1." or "1"). */
export function renumberFix({ document, diagnostic }: FixContext): CodeAction[] {
    const unit = AstUtils.getContainerOfType(nodeAtDiagnostic(document, diagnostic), isUnidad);
    if (!unit) return [];
    const dot = (unit.funciones.find(f => f.numero)?.numero ?? '.').endsWith('.') ? '.' : '';
    const edits: TextEdit[] = [];
    unit.funciones.forEach((fn, i) => {
        const wanted = `${i + 1}${dot}`;
        const numberCst = cstOf(fn, 'numero');
        if (numberCst) {
            if (numberCst.text !== wanted) edits.push({ range: numberCst.range, newText: wanted });
        } else if (fn.$cstNode) {
            edits.push({ range: { start: fn.$cstNode.range.start, end: fn.$cstNode.range.start }, newText: `${wanted} ` });
        }
    });
    if (edits.length === 0) return [];
    return [fixAction(`Renumerar las funciones de 1 a ${unit.funciones.length}`, document, diagnostic, edits)];
}
