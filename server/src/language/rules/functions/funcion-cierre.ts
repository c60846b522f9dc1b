// funcion-cierre: a unit's function list ends with one closing catch-all ("Las demás que le
// confieran…", "Realizar las demás funciones inherentes al cargo…"), marked `cierre` or recognized
// by its wording. Units without functions are another rule's business (estructura-sin-funciones).
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { CodeAction } from 'vscode-languageserver-types';
import { isUnidad, type Unidad } from '../../generated/ast.js';
import { institutionOf, numberKey } from '../../model.js';
import { report } from '../catalog.js';
import { fixAction, nodeAtDiagnostic, type FixContext } from '../fixes.js';
import { formatNumeral, numeralValue } from '../../numerals.js';
import { indentationOf, quoteString } from './fix-utils.js';
import { listSystem } from './funcion-numeracion.js';
import { isClosing, unitLabel } from './text.js';

export interface ClosingData { falta: true }

export function checkClosing(unit: Unidad, accept: ValidationAcceptor): void {
    const list = unit.funciones;
    if (list.length === 0) return;
    const last = list.length - 1;
    const endsWithClosing = isClosing(list[last]);
    let misplaced = false;
    list.forEach((fn, i) => {
        if (i === last || !isClosing(fn)) return;
        misplaced = true;
        report(accept, 'funcion-cierre', endsWithClosing
            ? 'sobra esta cláusula de cierre: la lista ya termina con una y solo lleva una.'
            : 'la cláusula de cierre va al final de la lista de funciones.',
        { node: fn, property: 'texto' });
    });
    if (!endsWithClosing && !misplaced) {
        report(accept, 'funcion-cierre',
            `la lista de funciones de ${unitLabel(unit)} no termina con una cláusula de cierre («Las demás que le confiera…»).`,
            { node: list[last], property: 'texto', data: { falta: true } satisfies ClosingData });
    }
}

/** Adds the profile's closing clause as the new last function, numbered when the list is. */
export function closingFix({ document, diagnostic, services }: FixContext): CodeAction[] {
    if (!(diagnostic.data as ClosingData | undefined)?.falta) return [];
    const unit = AstUtils.getContainerOfType(nodeAtDiagnostic(document, diagnostic), isUnidad);
    const last = unit?.funciones.at(-1);
    if (!unit || !last?.$cstNode) return [];
    const clause = services.settings.RuleSettings.profile(institutionOf(unit)).clausulaCierre;
    const numbered = unit.funciones.some(f => f.numero);
    let prefix = '';
    if (numbered) {
        const system = listSystem(unit);
        const lastNumber = numeralValue(numberKey(last.numero) ?? '', system);
        const next = lastNumber?.system === system ? lastNumber.value + 1 : unit.funciones.length + 1;
        const dot = system === 'roman' || (unit.funciones.find(f => f.numero)?.numero ?? '.').endsWith('.') ? '.' : '';
        prefix = `${formatNumeral(next, system)}${dot} `;
    }
    const offset = last.$cstNode.end;
    const position = document.textDocument.positionAt(offset);
    const newText = `\n${indentationOf(document, last)}${prefix}cierre ${quoteString(clause)}`;
    return [fixAction('Añadir la cláusula de cierre usual', document, diagnostic, [{ range: { start: position, end: position }, newText }])];
}
