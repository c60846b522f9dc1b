// The same function (equal once accents, case, punctuation and spacing are ignored) twice in one
// unit is `funcion-duplicada`, a warning on the second; in two units of the institution it is
// `funcion-duplicada-entre-unidades`, a hint on each (issue 19: 440 infos filled the Problems panel
// of the real manuals; VS Code does not list hints there), naming another unit and linking the
// others. Closing clauses are exempt, and so are the functions the institution gives to many units
// alike (its standard functions: ISSSTE repeats some in hundreds of units) and the two
// descriptions of one unit in two manuals (`misma unidad que`).
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Unidad } from '../../generated/ast.js';
import { manualKey } from '../../model.js';
import { report } from '../catalog.js';
import { unitIdentity, type FunctionIndex, type IndexedFunction } from '../../function-index.js';
import { functionLabel, unitLabel } from './text.js';

/** A text shared by this many units or more is one of the institution's standard functions. */
export const STANDARD_FUNCTION_UNITS = 10;

export function checkDuplicates(unit: Unidad, accept: ValidationAcceptor, index: FunctionIndex): void {
    const snapshot = index.snapshot;
    const identity = unitIdentity(unit);
    const firstInUnit = new Map<string, number>();
    unit.funciones.forEach((fn, i) => {
        const key = snapshot.keyOf(fn);
        if (!key) return;
        const earlier = firstInUnit.get(key);
        if (earlier !== undefined) {
            report(accept, 'funcion-duplicada',
                `esta función repite la función ${functionLabel(unit.funciones[earlier], earlier)} de la misma unidad.`,
                { node: fn, property: 'texto', relatedInformation: related([{ fn: unit.funciones[earlier], unit, index: earlier, identity }], 'Primera aparición') });
            return;
        }
        firstInUnit.set(key, i);
        // Most texts are written once in their institution: no other unit to name, and no need
        // for `firstPerUnit`'s sorted map of units (computed per key and kept for the build).
        const sharing = snapshot.byKey.get(key);
        if (sharing.length === 1 && sharing[0].fn === fn) return;
        // One entry per other unit, preferring units of the same manual. A standard function is
        // recognized from the count alone: its hundreds of units are never listed.
        const perUnit = snapshot.firstPerUnit(key);
        const count = perUnit.size - (perUnit.has(identity) ? 1 : 0);
        if (count === 0 || count + 1 >= STANDARD_FUNCTION_UNITS) return;
        const others = new Map<Unidad, IndexedFunction>([...perUnit].filter(([other]) => other !== identity));
        const sorted = [...others.values()].sort((a, b) => Number(manualKey(b.unit) === manualKey(unit)) - Number(manualKey(a.unit) === manualKey(unit)));
        const first = sorted[0];
        const more = sorted.length - 1;
        report(accept, 'funcion-duplicada-entre-unidades',
            `la misma función está en ${unitLabel(first.unit)}, función ${functionLabel(first.fn, first.index)}${more > 0 ? ` (y en ${more} ${more === 1 ? 'unidad más' : 'unidades más'})` : ''}.`,
            { node: fn, property: 'texto', relatedInformation: related(sorted, 'La misma función') });
    });
}

function related(entries: IndexedFunction[], what: string): DiagnosticRelatedInformation[] {
    const out: DiagnosticRelatedInformation[] = [];
    for (const entry of entries.slice(0, 20)) {
        const range = entry.fn.$cstNode?.range;
        if (!range) continue;
        const uri = AstUtils.getDocument(entry.fn).uri.toString();
        out.push({ location: { uri, range }, message: `${what}: ${unitLabel(entry.unit)}` });
    }
    return out;
}
