// plaza-clave-duplicada: a plaza key (`claves de plaza "2095/001", …`) is unique in an institution,
// across files. Each occurrence is reported, naming the first of the others in workspace order.
import type { ValidationAcceptor } from 'langium';
import type { Puesto } from '../../generated/ast.js';
import { report } from '../catalog.js';
import { placeOf } from '../structure/shared.js';
import { plazaKeyOf, type PositionLookupCache } from './shared.js';

export function checkPlazaKeys(position: Puesto, accept: ValidationAcceptor, lookups: PositionLookupCache): void {
    const byKey = lookups.get().byPlazaKey;
    position.clavesPlaza.forEach((key, index) => {
        const other = byKey.get(plazaKeyOf(position, key)).find(place => place.position !== position || place.index !== index);
        if (!other) return;
        const where = other.position === position ? 'en este mismo puesto' : `en el puesto «${other.position.name}» (${placeOf(other.position, position)})`;
        report(accept, 'plaza-clave-duplicada',
            `la clave de plaza «${key}» está también ${where}; cada plaza tiene una clave única en la institución.`,
            { node: position, property: 'clavesPlaza', index });
    });
}
