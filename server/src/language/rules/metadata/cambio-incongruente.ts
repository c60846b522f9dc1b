// cambio-incongruente: a change record (`cambio`) agrees with the structure as written. For each
// unit the record names (in `unidades`) and that resolves:
//   - a `nombre nuevo` (any kind but supresión and fusión) is its name now, or a former name its
//     unit keeps with `anterior`;
//   - an `adscripción nueva` (same kinds) is the unit it hangs from now; units named together with
//     one of their superiors ride along with it (`unidades UAD, CAO, DAC`: only UAD is checked);
//   - a supresión or fusión: the unit is no longer in the structure (a fusión's resulting unit,
//     the one that bears the record's `nombre nuevo`, stays);
// unless a later record speaks about the same unit again (renames, moves or suppresses it; for a
// suppression, any later record about it). Later: a later `fecha`, or the same `fecha` further down
// the same file. A record without `fecha` is not checked: which records are later is not known.
// The rule reads the record's own text and what other files say of the units it names (names,
// nesting, `adscrita a`, the records that name them): all of it is in the files' cross-file summary,
// so an edit there revalidates the record's file (document-builder.ts).
// Drafting without a record (editing a name or an adscription) never fires it: the state before
// an edit is not in the text; comparing two versions lists those changes.
import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Cambio, Unidad } from '../../generated/ast.js';
import { institutionOf, parentOf, qualifiedName } from '../../model.js';
import { normalizeKey } from '../../text-keys.js';
import type { StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';
import { placeOf, sameUnit } from '../structure/shared.js';
import type { FunctionIndex } from '../../function-index.js';

type Aspect = 'name' | 'adscription' | 'existence';

/** The kind of a record, folded (`denominación` → `denominacion`). */
function kindOf(change: Cambio): string {
    return normalizeKey(change.tipo ?? '');
}

function removes(change: Cambio): boolean {
    const kind = kindOf(change);
    return kind === 'supresion' || kind === 'fusion';
}

/** Whether `other` comes after `change` in the history: a later date, or the same date further down the same file. */
function isLater(other: Cambio, change: Cambio): boolean {
    if (other === change || !other.fecha || !change.fecha) return false;
    if (other.fecha !== change.fecha) return other.fecha > change.fecha;
    return AstUtils.getDocument(other) === AstUtils.getDocument(change)
        && (other.$cstNode?.offset ?? 0) > (change.$cstNode?.offset ?? 0);
}

/** Whether a record about `unit` says something again about this aspect of it. */
function speaksAbout(other: Cambio, aspect: Aspect): boolean {
    if (aspect === 'existence') return true;
    if (removes(other)) return true;
    return aspect === 'name' ? other.nombreNuevo !== undefined : other.adscripcionNueva !== undefined;
}

/** Whether a record later than `change` names the unit (any of its descriptions) and speaks about this aspect. */
function supersededAfter(change: Cambio, unit: Unidad, aspect: Aspect, structure: StructureIndex, index: FunctionIndex): boolean {
    for (const same of sameUnit(unit, structure)) {
        for (const other of index.snapshot.changesByUnit.get(same)) {
            if (!isLater(other, change)) continue;
            // changesByUnit also holds records where the unit is the former or new adscription:
            // those say it exists then, which is enough to answer a suppression.
            const inUnits = other.unidades.some(ref => ref.ref === same);
            if (inUnits ? speaksAbout(other, aspect) : aspect === 'existence') return true;
        }
    }
    return false;
}

export function checkChangeRecord(change: Cambio, accept: ValidationAcceptor, structure: StructureIndex, index: FunctionIndex): void {
    if (!change.fecha || change.unidades.length === 0) return;
    const named = new Set<Unidad>();
    for (const ref of change.unidades) if (ref.ref) named.add(ref.ref);
    if (named.size === 0) return;

    const superseded = (unit: Unidad, aspect: Aspect) => supersededAfter(change, unit, aspect, structure, index);
    const act = actLabel(change);
    const done = new Set<Unidad>();
    change.unidades.forEach((ref, i) => {
        const unit = ref.ref;
        if (!unit || done.has(unit)) return;
        done.add(unit);
        const at = { node: change, property: 'unidades' as const, index: i };
        if (removes(change)) {
            // A fusión's resulting unit may be one of those it names: the one that bears the new name.
            if (change.nombreNuevo && bearsName(unit, change.nombreNuevo, structure)) return;
            if (superseded(unit, 'existence')) return;
            const verb = kindOf(change) === 'fusion' ? 'fusiona' : 'suprime';
            report(accept, 'cambio-incongruente',
                `el cambio ${act} ${verb} la unidad «${unit.nombre ?? unit.name}» (${unit.name}), pero sigue en la estructura (${placeOf(unit, change)}) y ningún registro posterior la vuelve a crear.`,
                at);
            return;
        }
        const nombreNuevo = change.nombreNuevo;
        if (nombreNuevo?.trim() && !bearsName(unit, nombreNuevo, structure) && !superseded(unit, 'name')) {
            report(accept, 'cambio-incongruente',
                `el cambio ${act} da a la unidad ${unit.name} el nombre «${nombreNuevo}», pero hoy se llama «${unit.nombre ?? ''}» y ningún registro posterior la renombra.`,
                at);
        }
        const target = change.adscripcionNueva?.ref;
        if (target && !ridesAlong(unit, named) && !hangsFrom(unit, target, structure) && !superseded(unit, 'adscription')) {
            const now = parentOf(unit);
            const today = now ? `hoy está adscrita a ${idOf(now, change)}` : 'hoy no depende de ninguna unidad';
            report(accept, 'cambio-incongruente',
                `el cambio ${act} deja a la unidad «${unit.nombre ?? unit.name}» (${unit.name}) adscrita a ${change.adscripcionNueva!.$refText}, pero ${today} y ningún registro posterior la mueve.`,
                at);
        }
    });
}

/** The record's act as messages name it: «ACDO…» (fecha) or del oficio «…» (fecha). */
function actLabel(change: Cambio): string {
    const id = change.acuerdo?.trim() ? `«${change.acuerdo.trim()}»` : change.oficio?.trim() ? `del oficio «${change.oficio.trim()}»` : 'sin Acuerdo';
    return `${id} (${change.fecha})`;
}

/** Whether the unit (or another description of it) bears this name now, or keeps it as a former name. */
function bearsName(unit: Unidad, name: string, structure: StructureIndex): boolean {
    const key = normalizeKey(name);
    for (const same of sameUnit(unit, structure)) {
        if (same.nombre && normalizeKey(same.nombre) === key) return true;
        if (same.anteriores.some(former => former.nombre && normalizeKey(former.nombre) === key)) return true;
    }
    return false;
}

/** Whether one of the unit's superiors (up to the root) is named by the same record: it moved with it. */
function ridesAlong(unit: Unidad, named: ReadonlySet<Unidad>): boolean {
    const seen = new Set<Unidad>([unit]);
    for (let up = parentOf(unit); up && !seen.has(up); up = parentOf(up)) {
        if (named.has(up)) return true;
        seen.add(up);
    }
    return false;
}

/**
 * Whether the unit (or another description of it) hangs from `target` (or another description of
 * it): directly, or through groupings (`agrupación`), which are no unit of the hierarchy.
 */
function hangsFrom(unit: Unidad, target: Unidad, structure: StructureIndex): boolean {
    const targets = sameUnit(target, structure);
    for (const same of sameUnit(unit, structure)) {
        const seen = new Set<Unidad>([same]);
        for (let up = parentOf(same); up && !seen.has(up); up = parentOf(up)) {
            if (targets.has(up)) return true;
            if (!up.agrupacion) break;
            seen.add(up);
        }
    }
    return false;
}

/** A unit's id as the record's file would write it: qualified when it is of another institution. */
function idOf(unit: Unidad, from: Cambio): string {
    const institution = institutionOf(unit);
    return institution !== institutionOf(from) ? qualifiedName(institution, unit.name) : unit.name;
}
