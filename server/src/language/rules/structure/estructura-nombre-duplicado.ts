// estructura-nombre-duplicado: two units of one institution with the same name.
// Names compare as a reader would (accents, case and spacing aside). The profile decides the
// scope: "mismo-padre" (default) only reports equal names under the same unit — the ISSSTE has
// nine «Coordinación Administrativa», one per Dirección —, "siempre" reports them anywhere.
// Units linked with `misma unidad que` are descriptions of one unit, never duplicates; so are
// their parents when comparing "the same parent".
import type { ValidationAcceptor } from 'langium';
import type { Unidad } from '../../generated/ast.js';
import { institutionOf, parentOf } from '../../model.js';
import type { RuleSettings } from '../../settings.js';
import { unitNameKey, type StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';
import { byLocation, placeOf, sameUnit } from './shared.js';

export function checkDuplicateName(unit: Unidad, accept: ValidationAcceptor, index: StructureIndex, settings: RuleSettings): void {
    if (!unit.nombre?.trim()) return;
    const institution = institutionOf(unit);
    const namesakes = index.snapshot.unitsByName.get(unitNameKey(institution, unit.nombre));
    if (namesakes.length < 2) return;
    const self = sameUnit(unit, index);
    const candidates = namesakes.filter(other => !self.has(other));
    if (candidates.length === 0) return;

    const everywhere = settings.profile(institution).nombreDuplicado === 'siempre';
    const parent = parentOf(unit);
    const parents = parent ? sameUnit(parent, index) : undefined;
    const sameParent = (other: Unidad) => {
        const otherParent = parentOf(other);
        return parents ? otherParent !== undefined && parents.has(otherParent) : otherParent === undefined;
    };
    const others = (everywhere ? candidates : candidates.filter(sameParent)).sort(byLocation);
    if (others.length === 0) return;

    const first = others[0];
    const more = others.length > 1 ? ` y ${others.length - 1} más` : '';
    const scope = everywhere
        ? `otra unidad${institution ? ` del ${institution}` : ''}`
        : parent ? `otra unidad de «${parent.nombre}»` : 'otra unidad sin unidad superior';
    report(accept, 'estructura-nombre-duplicado',
        `${scope} tiene el mismo nombre: ${first.name ?? '(sin identificador)'} (${placeOf(first, unit)})${more}; si es la misma unidad descrita en otro manual, declárelo con «misma unidad que».`,
        { node: unit, property: 'nombre' });
}
