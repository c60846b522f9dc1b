// estructura-objetivo: in profiles with `objetivoObligatorio` (ISSSTE) every unit states its
// objetivo. Groupings (`agrupación`) describe no unit of their own and are not checked; a unit
// described in several manuals (`misma unidad que`) needs the objetivo in one description.
import type { ValidationAcceptor } from 'langium';
import type { Unidad } from '../../generated/ast.js';
import { institutionOf } from '../../model.js';
import type { RuleSettings } from '../../settings.js';
import type { StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';
import { sameUnit } from './shared.js';

const hasObjective = (unit: Unidad) => Boolean(unit.objetivo?.trim());

export function checkObjective(unit: Unidad, accept: ValidationAcceptor, index: StructureIndex, settings: RuleSettings): void {
    if (unit.agrupacion || !unit.nombre?.trim() || hasObjective(unit)) return;
    const institution = institutionOf(unit);
    if (!settings.profile(institution).objetivoObligatorio) return;
    for (const other of sameUnit(unit, index)) {
        if (hasObjective(other)) return;
    }
    report(accept, 'estructura-objetivo',
        `«${unit.nombre}» no tiene objetivo; en el perfil ${institution || 'de la institución'} cada unidad declara su «objetivo» antes de sus funciones.`,
        { node: unit, property: 'nombre' });
}
