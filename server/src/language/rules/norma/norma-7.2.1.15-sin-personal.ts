// norma-7.2.1.15-sin-personal: a PHAE has no staff under it: no position reports to it and it is
// titular of no unit. Subordinates may be declared in any file of the workspace.
import type { ValidationAcceptor } from 'langium';
import type { Puesto } from '../../generated/ast.js';
import { isPhae } from '../../model.js';
import type { StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';

export function checkSinPersonal(position: Puesto, accept: ValidationAcceptor, index: StructureIndex): void {
    if (!isPhae(position)) return;
    const subordinates = index.snapshot.subordinates.get(position);
    if (subordinates.length > 0) {
        report(accept, 'norma-7.2.1.15-sin-personal',
            `el puesto homólogo «${position.titulo ?? position.name}» no puede tener personal a su cargo, y le reportan: ${subordinates.map(p => p.name).join(', ')}.`,
            { node: position, property: 'name' });
    }
    if (position.titular) {
        report(accept, 'norma-7.2.1.15-sin-personal',
            `el puesto homólogo «${position.titulo ?? position.name}» no puede ser titular de una unidad.`,
            { node: position, keyword: 'titular' });
    }
}
