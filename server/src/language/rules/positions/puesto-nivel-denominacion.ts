// puesto-nivel-denominacion: one level, one name in the institution's catalog. Positions of one
// institution with the same level (`levelKey`: MC03 = MC3) and different `denominación` (accents,
// case and spaces aside) are each reported, naming the first position that calls it otherwise.
import type { ValidationAcceptor } from 'langium';
import type { Puesto } from '../../generated/ast.js';
import { normalizeKey } from '../../text-keys.js';
import { report } from '../catalog.js';
import { placeOf } from '../structure/shared.js';
import { levelGroupKey, type PositionLookupCache } from './shared.js';

export function checkLevelName(position: Puesto, accept: ValidationAcceptor, lookups: PositionLookupCache): void {
    if (!position.nivel || !position.denominacion) return;
    const own = normalizeKey(position.denominacion);
    // The other names of the level, each with its first position: the first of them in workspace
    // order is the first position that names the level otherwise.
    const others = [...(lookups.get().namesByLevel.get(levelGroupKey(position)) ?? new Map<string, Puesto>())].filter(([name]) => name !== own);
    if (others.length === 0) return;
    const first = others[0][1];
    const more = others.length > 1 ? ` (y ${others.length - 1} ${others.length === 2 ? 'denominación' : 'denominaciones'} más)` : '';
    report(accept, 'puesto-nivel-denominacion',
        `denominación «${position.denominacion}» del nivel «${position.nivel}», que el puesto «${first.name}» (${placeOf(first, position)}) llama «${first.denominacion}»${more}; un nivel tiene un solo nombre en el catálogo de la institución.`,
        { node: position, property: 'denominacion' });
}
