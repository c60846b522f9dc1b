// puesto-nivel-superior: the position a position reports to (`reporta a`) has a higher level.
// Only where the institution's profile orders its levels (`ordenNiveles`: the federal codes by
// grupo, or also by grado and nivel, or the institution's own list) and both levels are in it.
import type { ValidationAcceptor } from 'langium';
import type { Puesto } from '../../generated/ast.js';
import { institutionOf } from '../../model.js';
import type { RuleSettings } from '../../settings.js';
import { report } from '../catalog.js';
import { placeOf } from '../structure/shared.js';
import { compareRanks, levelRank } from './shared.js';

export function checkSuperiorLevel(position: Puesto, accept: ValidationAcceptor, settings: RuleSettings): void {
    const boss = position.reportaA?.ref;
    if (!boss || boss === position || !position.nivel || !boss.nivel) return;
    // The superior may be of another institution (`reporta a IMSS.X`): both profiles must order the levels.
    const profile = settings.profile(institutionOf(position));
    const bossProfile = settings.profile(institutionOf(boss));
    if (profile.ordenNiveles === undefined || bossProfile.ordenNiveles === undefined) return;
    const own = levelRank(position.nivel, profile);
    const above = levelRank(boss.nivel, profile);
    if (!own || !above) return;
    const comparison = compareRanks(above, own);
    // By grupo alone, two levels of one grupo are not compared (the same rank says nothing).
    if (comparison > 0 || (comparison === 0 && profile.ordenNiveles === 'federal')) return;
    const relation = comparison === 0 ? 'el mismo nivel' : 'un nivel más bajo';
    report(accept, 'puesto-nivel-superior',
        `el superior «${boss.name}» (${placeOf(boss, position)}) tiene ${relation}, «${boss.nivel}», que este puesto, «${position.nivel}»; el puesto al que se reporta tiene un nivel más alto.`,
        { node: position, property: 'reportaA' });
}
