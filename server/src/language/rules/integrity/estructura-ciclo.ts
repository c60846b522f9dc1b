// estructura-ciclo: following `adscrita a` (across files and manuals) must reach a root.
import type { ValidationAcceptor } from 'langium';
import type { Unidad } from '../../generated/ast.js';
import { parentOf } from '../../model.js';
import { report } from '../catalog.js';

export function checkCycle(unit: Unidad, accept: ValidationAcceptor): void {
    if (!unit.adscripcion?.ref) return; // nesting alone cannot form a cycle
    const chain: Unidad[] = [unit];
    const seen = new Set<Unidad>([unit]);
    let current = parentOf(unit);
    while (current) {
        if (current === unit) {
            const names = [...chain, unit].map(u => u.name).join(' → ');
            report(accept, 'estructura-ciclo', `la cadena de adscripción forma un ciclo: ${names}.`,
                { node: unit, property: 'adscripcion' });
            return;
        }
        if (seen.has(current)) return; // a cycle above this unit, reported on its own members
        seen.add(current);
        chain.push(current);
        current = parentOf(current);
    }
}
