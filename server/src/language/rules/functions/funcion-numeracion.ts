// funcion-numeracion: a numbered function list runs 1..n (or I..n in Roman numerals, as federal
// manuals number it), without gaps, repeats or functions left without their number (the PDF
// extraction loses some). Lists with no numbers at all are fine (the IMSS 2018 manual does not
// number its functions). One diagnostic per list, on the first function out of place; the quick fix
// renumbers the whole list in the list's own system.
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { isUnidad, type Unidad } from '../../generated/ast.js';
import { numberKey } from '../../model.js';
import { formatNumeral, numeralValue } from '../../numerals.js';
import { report } from '../catalog.js';
import { fixAction, nodeAtDiagnostic, type FixContext } from '../fixes.js';
import { cstOf } from './text.js';

export function checkFunctionNumbering(unit: Unidad, accept: ValidationAcceptor): void {
    const list = unit.funciones;
    if (!list.some(fn => fn.numero)) return;
    const system = listSystem(unit);
    const n = list.length;
    const last = formatNumeral(n, system);
    for (let i = 0; i < n; i++) {
        const fn = list[i];
        const number = numberKey(fn.numero);
        const numeral = number === undefined ? undefined : numeralValue(number, system);
        if (numeral?.system === system && numeral.value === i + 1) continue;
        if (number === undefined) {
            report(accept, 'funcion-numeracion',
                `la función ${i + 1} de la lista no tiene número; las funciones numeradas van de ${formatNumeral(1, system)} a ${last}.`,
                fn.texto !== undefined ? { node: fn, property: 'texto' } : { node: fn });
        } else if (numeral?.system !== system) {
            report(accept, 'funcion-numeracion',
                `«${number}» no es un número de esta lista: sus funciones se numeran ${system === 'roman' ? 'con números romanos (I, II, III…)' : 'con números arábigos (1, 2, 3…)'}.`,
                { node: fn, property: 'numero' });
        } else {
            report(accept, 'funcion-numeracion',
                `esta función tiene el número ${number}, pero es la ${formatNumeral(i + 1, system)} de la lista: las funciones numeradas van de ${formatNumeral(1, system)} a ${last} sin saltos ni repeticiones.`,
                { node: fn, property: 'numero' });
        }
        return;
    }
}

/** The numeral system of a list: the one its first numbered function uses (Roman or arabic). */
export function listSystem(unit: Unidad): 'arabic' | 'roman' {
    const first = numberKey(unit.funciones.find(f => f.numero)?.numero);
    return first !== undefined && numeralValue(first)?.system === 'roman' ? 'roman' : 'arabic';
}

/** Rewrites every number of the list (adding the missing ones), keeping its style ("1." or "1"). */
export function renumberFunctionsFix({ document, diagnostic }: FixContext): CodeAction[] {
    const unit = AstUtils.getContainerOfType(nodeAtDiagnostic(document, diagnostic), isUnidad);
    if (!unit) return [];
    const dot = (unit.funciones.find(f => f.numero)?.numero ?? '.').endsWith('.') ? '.' : '';
    const system = listSystem(unit);
    const edits: TextEdit[] = [];
    unit.funciones.forEach((fn, i) => {
        const wanted = `${formatNumeral(i + 1, system)}${system === 'roman' ? '.' : dot}`;
        const numberCst = cstOf(fn, 'numero');
        if (numberCst) {
            if (numberCst.text !== wanted) edits.push({ range: numberCst.range, newText: wanted });
        } else if (fn.$cstNode) {
            edits.push({ range: { start: fn.$cstNode.range.start, end: fn.$cstNode.range.start }, newText: `${wanted} ` });
        }
    });
    if (edits.length === 0) return [];
    return [fixAction(`Renumerar las funciones de ${formatNumeral(1, system)} a ${formatNumeral(unit.funciones.length, system)}`, document, diagnostic, edits)];
}
