// estructura-titular-unico: at most one titular position per unit. Titulares may be declared in
// any file (`titular de X`); the first in workspace order (file, then position) is the titular,
// every other one is reported on its `titular` declaration.
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Puesto } from '../../generated/ast.js';
import { titularTarget } from '../../model.js';
import type { StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';
import { byLocation, placeOf } from './shared.js';

export function checkSingleTitular(position: Puesto, accept: ValidationAcceptor, index: StructureIndex): void {
    const unit = titularTarget(position);
    if (!unit) return;
    const titulares = index.snapshot.titulares.get(unit);
    if (titulares.length < 2) return;
    const first = [...titulares].sort(byLocation)[0];
    if (first === position) return;
    // The same unit named by `titular de` from another file, or nested: name where it is.
    const unitPlace = AstUtils.getDocument(unit) === AstUtils.getDocument(position) ? '' : ` (${placeOf(unit, position)})`;
    report(accept, 'estructura-titular-unico',
        `la unidad «${unit.nombre}»${unitPlace} ya tiene como titular el puesto «${first.name}» (${placeOf(first, position)}); una unidad tiene a lo más un puesto titular.`,
        position.titularDe ? { node: position, property: 'titularDe' } : { node: position, keyword: 'titular' });
}
