// estructura-nivel: a unit's kind is allowed under its parent's kind, per the level table
// (`niveles`) of the child's institution profile. The parent may be in another file or manual
// (`adscrita a`). A kind is the declared `tipo`, else `Agrupación` for a grouping, else the
// kind the name suggests. Kinds missing from the table are not checked: a parent kind with no
// row, or a child kind the table never mentions.
import type { ValidationAcceptor } from 'langium';
import type { Unidad } from '../../generated/ast.js';
import { institutionOf, parentOf } from '../../model.js';
import { normalizeKey } from '../../text-keys.js';
import type { InstitutionProfile } from '../../profiles.js';
import type { RuleSettings } from '../../settings.js';
import { report } from '../catalog.js';
import { unitKind } from './shared.js';

interface LevelTable {
    /** Parent kind key → child kind keys allowed, and the kinds as written for messages. */
    rows: Map<string, { keys: Set<string>; kinds: string[] }>;
    /** Every kind key the table mentions, as parent or child. */
    known: Set<string>;
}

const tables = new WeakMap<Record<string, string[]>, LevelTable>();

function levelTable(profile: InstitutionProfile): LevelTable {
    let table = tables.get(profile.niveles);
    if (!table) {
        table = { rows: new Map(), known: new Set() };
        for (const [parent, children] of Object.entries(profile.niveles)) {
            const keys = new Set(children.map(normalizeKey));
            table.rows.set(normalizeKey(parent), { keys, kinds: children });
            table.known.add(normalizeKey(parent));
            for (const key of keys) table.known.add(key);
        }
        tables.set(profile.niveles, table);
    }
    return table;
}

export function checkLevel(unit: Unidad, accept: ValidationAcceptor, settings: RuleSettings): void {
    const parent = parentOf(unit);
    if (!parent || parent === unit) return;
    const child = unitKind(unit);
    const above = unitKind(parent);
    if (!child || !above) return;
    const institution = institutionOf(unit);
    const table = levelTable(settings.profile(institution));
    const row = table.rows.get(normalizeKey(above.kind));
    const childKey = normalizeKey(child.kind);
    if (!row || !table.known.has(childKey) || row.keys.has(childKey)) return;
    const allowed = row.kinds.length > 0
        ? `bajo una unidad de tipo «${above.kind}» van: ${row.kinds.join(', ')}`
        : `una unidad de tipo «${above.kind}» no tiene unidades dependientes`;
    const profileName = institution ? `del perfil ${institution}` : 'del perfil';
    const parentKind = above.declared ? above.kind : `${above.kind}, por su nombre`;
    report(accept, 'estructura-nivel',
        `una unidad de tipo «${child.kind}» no puede depender de «${parent.nombre}» (${parentKind}) según la tabla de niveles ${profileName}: ${allowed}.`,
        unit.tipo?.trim() ? { node: unit, property: 'tipo' } : { node: unit, property: 'nombre' });
}
