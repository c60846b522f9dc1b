// puesto-unidad-suprimida: no position stays attached to a unit whose last dated change record
// (`cambio` naming it in `unidades`) is a supresión. A later record about the unit (its
// re-creation, a new name…) lifts it. The records come from the FunctionIndex, in any file.
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Cambio, Puesto } from '../../generated/ast.js';
import type { FunctionIndex } from '../../function-index.js';
import { unitOfPosition } from '../../model.js';
import { normalizeKey } from '../../text-keys.js';
import { report } from '../catalog.js';
import { byLocation, placeOf } from '../structure/shared.js';

export function checkSuppressedUnit(position: Puesto, accept: ValidationAcceptor, functions: FunctionIndex): void {
    const unit = unitOfPosition(position);
    if (!unit) return;
    const records = functions.snapshot.changesByUnit.get(unit).filter(c => c.fecha && c.unidades.some(r => r.ref === unit));
    if (records.length === 0) return;
    const last = [...records].sort(byDate).at(-1)!;
    if (normalizeKey(last.tipo ?? '') !== 'supresion') return;
    const what = last.acuerdo ? `el Acuerdo «${last.acuerdo}»` : last.oficio ? `el oficio «${last.oficio}»` : 'un cambio';
    const sameFile = AstUtils.getDocument(unit) === AstUtils.getDocument(position);
    report(accept, 'puesto-unidad-suprimida',
        `la unidad del puesto, «${unit.nombre}»${sameFile ? '' : ` (${placeOf(unit, position)})`}, fue suprimida por ${what} del ${last.fecha} (${placeOf(last, position)}); un puesto se adscribe a una unidad vigente.`,
        position.adscripcion ? { node: position, property: 'adscripcion' }
            : position.titularDe ? { node: position, property: 'titularDe' } : { node: position, property: 'name' });
}

/** By date, then in workspace order (a later record of the same date is the later one). */
function byDate(a: Cambio, b: Cambio): number {
    return a.fecha! !== b.fecha! ? (a.fecha! < b.fecha! ? -1 : 1) : byLocation(a, b);
}
