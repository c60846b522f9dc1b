// Helpers the structure rules share: a unit's kind, the descriptions of one unit linked with
// `misma unidad que`, and how to name another element's place in a message.
import { AstUtils, type AstNode } from 'langium';
import type { Unidad } from '../../generated/ast.js';
import { kindFromName, UNIT_KINDS } from '../../kinds.js';
import { normalizeKey } from '../../text-keys.js';
import type { StructureIndex } from '../../structure-index.js';

const KIND_BY_KEY = new Map<string, string>([
    ...UNIT_KINDS.map(kind => [normalizeKey(kind), kind] as [string, string]),
    // Long forms and abbreviations analysts write after `tipo`.
    [normalizeKey('Unidad Médica de Alta Especialidad'), 'UMAE'],
    [normalizeKey('OOAD'), 'Órgano de Operación Administrativa Desconcentrada']
]);

/** A declared `tipo` written as one of the known kinds (accents and case aside); else as written. */
export function canonicalKind(tipo: string): string {
    return KIND_BY_KEY.get(normalizeKey(tipo)) ?? tipo.trim();
}

export interface UnitKind {
    kind: string;
    /** Declared with `tipo` (else read from the `agrupación` mark or the name's prefix). */
    declared: boolean;
}

/** The kind of a unit: its `tipo`, else `Agrupación` for a grouping, else the kind its name suggests. */
export function unitKind(unit: Unidad): UnitKind | undefined {
    if (unit.tipo?.trim()) return { kind: canonicalKind(unit.tipo), declared: true };
    if (unit.agrupacion) return { kind: 'Agrupación', declared: false };
    const guess = unit.nombre ? kindFromName(unit.nombre) : undefined;
    return guess ? { kind: guess.kind, declared: false } : undefined;
}

/**
 * Every description of the same unit: the unit and those linked to it with `misma unidad que`,
 * in either direction and through chains (A → B ← C).
 */
export function sameUnit(unit: Unidad, index: StructureIndex): Set<Unidad> {
    const equivalents = index.snapshot.equivalents;
    const found = new Set<Unidad>([unit]);
    const pending = [unit];
    while (pending.length > 0) {
        for (const other of equivalents.get(pending.pop()!)) {
            if (!found.has(other)) {
                found.add(other);
                pending.push(other);
            }
        }
    }
    return found;
}

/** Document order across the workspace: by file, then by offset. */
export function byLocation(a: AstNode, b: AstNode): number {
    const ua = AstUtils.getDocument(a).uri.toString();
    const ub = AstUtils.getDocument(b).uri.toString();
    if (ua !== ub) return ua < ub ? -1 : 1;
    return (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0);
}

/** "la línea 12" in the same file as `from`, else "archivo.estructura:12". */
export function placeOf(node: AstNode, from: AstNode): string {
    const doc = AstUtils.getDocument(node);
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    if (doc === AstUtils.getDocument(from)) return `línea ${line}`;
    return `${doc.uri.path.split('/').pop()}:${line}`;
}
