// estructura-sin-funciones: every unit of a manual has functions, except groupings
// (`agrupación`) and generic units (`genérica`).
// A unit described in several manuals (`misma unidad que`, in either direction) is one unit:
// its functions may be written in only one of the descriptions (the institutional manual, or
// the Dirección's own manual), so it is reported only when no description has functions.
import type { ValidationAcceptor } from 'langium';
import type { Unidad } from '../../generated/ast.js';
import type { StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';
import { sameUnit } from './shared.js';

export function checkNoFunctions(unit: Unidad, accept: ValidationAcceptor, index: StructureIndex): void {
    if (unit.agrupacion || unit.generica || !unit.nombre?.trim()) return;
    if (unit.funciones.length > 0) return;
    for (const other of sameUnit(unit, index)) {
        if (other.funciones.length > 0) return;
    }
    report(accept, 'estructura-sin-funciones',
        `«${unit.nombre}» no tiene funciones; si solo agrupa otras unidades, márquela como «agrupación», y si representa varias unidades iguales, como «genérica».`,
        { node: unit, property: 'nombre' });
}
