// puesto-adscripcion-superior: a position belongs to the unit of the position it reports to, or
// to a unit below it. The units are followed through nesting, `adscrita a` and `misma unidad
// que`, across files and manuals.
import type { ValidationAcceptor } from 'langium';
import type { Puesto } from '../../generated/ast.js';
import { unitIdentity } from '../../function-index.js';
import { adscriptionPath, unitOfPosition } from '../../model.js';
import { report } from '../catalog.js';
import { placeOf } from '../structure/shared.js';

export function checkSuperiorUnit(position: Puesto, accept: ValidationAcceptor): void {
    const boss = position.reportaA?.ref;
    if (!boss || boss === position) return;
    const unit = unitOfPosition(position);
    const bossUnit = unitOfPosition(boss);
    if (!unit || !bossUnit) return;
    const target = unitIdentity(bossUnit);
    if (adscriptionPath(unit).some(u => unitIdentity(u) === target)) return;
    report(accept, 'puesto-adscripcion-superior',
        `la unidad del puesto, «${unit.nombre}», no es «${bossUnit.nombre}», la de su superior «${boss.name}» (${placeOf(boss, position)}), ni depende de ella.`,
        { node: position, property: 'reportaA' });
}
