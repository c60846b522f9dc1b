// Templates the completion offers beside the keywords that start a unit, a part header, a
// position, a function list and a change record. What can be computed is filled in: the next number
// under the parent (from its sub-units in every file of the manual), the parent itself for a unit
// written at the top of a file, the kinds the parent allows, and the profile's closing clause.
import { CstUtils, type LangiumDocument } from 'langium';
import { isDocumento, isManual, isUnidad, type Unidad } from '../language/generated/ast.js';
import { institutionOf, manualKey, numberKey, parentOf, qualifiedName } from '../language/model.js';
import { normalizeKey } from '../language/text-keys.js';
import type { InstitutionProfile } from '../language/profiles.js';
import { unitKind } from '../language/rules/structure/shared.js';
import type { StructureIndex } from '../language/structure-index.js';
import type { EstructuraServices } from '../language/estructura-module.js';

/** The keywords that open a template, as the grammar writes them. */
export const SNIPPET_KEYWORDS = new Set(['unidad', 'parte', 'puesto', 'funciones', 'cambio']);

export interface Snippet {
    /** Snippet syntax (tab stops, placeholders, choices). */
    text: string;
    /** What the row says beside the keyword. */
    description: string;
}

/** Escapes text for a snippet: `$`, `}` and `\` are syntax there. */
function literal(text: string): string {
    return text.replace(/[$}\\]/g, '\\$&');
}

/** Escapes text for a choice of a snippet (`${1|a,b|}`): also `,` and `|`. */
function choice(text: string): string {
    return text.replace(/[$}\\,|]/g, '\\$&');
}

/** A string of the language: quotes and backslashes escaped. */
function quoted(text: string): string {
    return text.replace(/[\\"]/g, '\\$&');
}

/** The innermost unit whose braces contain `offset` (the cursor is inside its body). */
export function unitAround(document: LangiumDocument, offset: number): Unidad | undefined {
    const cst = document.parseResult.value.$cstNode;
    if (!cst) return undefined;
    const leaf = CstUtils.findLeafNodeBeforeOffset(cst, offset);
    let node = leaf?.astNode;
    while (node) {
        if (isUnidad(node) && node.$cstNode && node.$cstNode.offset < offset && offset < node.$cstNode.end) return node;
        node = node.$container;
    }
    return undefined;
}

/**
 * Where a unit written at `offset` would hang: the unit around the cursor, else (at the top of a
 * file) the parent of the nearest unit before it, or after it, in the same file.
 */
export function parentForNewUnit(document: LangiumDocument, offset: number): { parent?: Unidad; nested: boolean } {
    const around = unitAround(document, offset);
    if (around) return { parent: around, nested: true };
    const root = document.parseResult.value;
    if (!isDocumento(root)) return { nested: false };
    const tops = root.elementos.filter(isUnidad);
    const before = tops.filter(u => (u.$cstNode?.end ?? Infinity) <= offset).pop();
    const after = tops.find(u => (u.$cstNode?.offset ?? -1) >= offset);
    const neighbour = before ?? after;
    return { parent: neighbour ? parentOf(neighbour) : undefined, nested: false };
}

/**
 * The number the next sub-unit of `parent` takes in the manual being written: one past the last
 * sibling's (7.1.6 → 7.1.7), or the parent's number with `.1` when it has none yet; a trailing
 * period as the siblings write it. Undefined when nothing says how the manual numbers.
 */
export function nextNumber(parent: Unidad | undefined, manual: string, index: StructureIndex): string | undefined {
    if (!parent) return undefined;
    const parentNumber = manualKey(parent) === manual ? numberKey(parent.numero) : undefined;
    const siblings = index.snapshot.children.get(parent).filter(u => manualKey(u) === manual && u.numero);
    let prefix = parentNumber;
    if (prefix === undefined) {
        // The parent is in another manual (a Dirección's manual under the Dirección General): the
        // siblings' own prefix, the most frequent one.
        const counts = new Map<string, number>();
        for (const sibling of siblings) {
            const m = /^(.*)\.\d+$/.exec(numberKey(sibling.numero)!);
            if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
        }
        prefix = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    }
    if (prefix === undefined) return undefined;
    let last = 0;
    let trailing = '';
    for (const sibling of siblings) {
        const number = numberKey(sibling.numero)!;
        if (!number.startsWith(`${prefix}.`)) continue;
        const rest = number.substring(prefix.length + 1);
        if (!/^\d+$/.test(rest)) continue;
        last = Math.max(last, Number(rest));
        if (sibling.numero!.endsWith('.')) trailing = '.';
    }
    return `${prefix}.${last + 1}${trailing}`;
}

/** The kinds allowed under `parent` by the profile's level table, as the table writes them. */
export function kindsAllowedUnder(parent: Unidad | undefined, profile: InstitutionProfile): { parentKind?: string; kinds: string[] } {
    const parentKind = parent ? unitKind(parent)?.kind : undefined;
    if (!parentKind) return { kinds: [] };
    const key = normalizeKey(parentKind);
    const row = Object.entries(profile.niveles).find(([kind]) => normalizeKey(kind) === key);
    return { parentKind, kinds: row ? row[1] : [] };
}

/** The function list of a template: one function to write and the profile's closing clause. */
function functionLines(clause: string, first: number, indent: string): string {
    return [
        `${indent}funciones {`,
        `${indent}\t1. "\${${first}:Función.}"`,
        `${indent}\t2. cierre "${literal(quoted(clause))}"`,
        `${indent}}`
    ].join('\n');
}

/** The template for the keyword `keyword` at `offset` of `document`, or undefined when there is none. */
export function snippetFor(keyword: string, document: LangiumDocument, offset: number, services: EstructuraServices): Snippet | undefined {
    const root = document.parseResult.value;
    const profile = services.settings.RuleSettings.profile(institutionOf(root));
    const clause = profile.clausulaCierre;
    switch (keyword) {
        case 'unidad':
            return unitSnippet(document, offset, services, profile);
        case 'funciones':
            if (!unitAround(document, offset)) return undefined;
            return { text: functionLines(clause, 1, ''), description: 'plantilla con la cláusula de cierre' };
        case 'puesto': {
            const unit = unitAround(document, offset);
            const lines = [
                'puesto ${1:ID} "${2:Título del puesto}" {',
                '\tclase ${3|mando,operativo,enlace,homólogo de autorización específica|}'
            ];
            lines.push(unit ? '\t${4:titular}' : '\tadscrito a ${4:ID}', '}');
            return { text: lines.join('\n'), description: 'plantilla' };
        }
        case 'parte': {
            const manuals = manualsNear(document, services);
            const manual = manuals.length === 1 ? `\${1:${manuals[0].name}}`
                : manuals.length > 1 ? `\${1|${manuals.map(m => choice(m.name)).join(',')}|}` : '${1:MANUAL}';
            const institution = manuals[0]?.institucion ?? 'IMSS';
            return {
                text: [`parte de ${manual} "\${2:Título de esta parte}" {`, `\tinstitucion \${3:${literal(institution)}}`, '}'].join('\n'),
                description: 'plantilla'
            };
        }
        case 'cambio':
            return {
                text: [
                    'cambio "${1:ACDO.AS2.HCT.DDMMAA/NNN.P.DA}" {',
                    '\tfecha ${2:${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}}',
                    '\ttipo ${3|creación,supresión,fusión,denominación,adscripción,transformación,reubicación|}',
                    '\tunidades ${4:ID}',
                    '\tdescripción "${5:Descripción del cambio.}"',
                    '}'
                ].join('\n'),
                description: 'plantilla'
            };
    }
    return undefined;
}

/** `unidad`: numbered after its siblings, its kind among those allowed under its parent, attached to it unless nested. */
function unitSnippet(document: LangiumDocument, offset: number, services: EstructuraServices, profile: InstitutionProfile): Snippet {
    const root = document.parseResult.value;
    const { parent, nested } = parentForNewUnit(document, offset);
    const number = nextNumber(parent, manualKey(root), services.structure.StructureIndex);
    const { kinds } = kindsAllowedUnder(parent, profile);
    const tipo = kinds.length > 0 ? `\${3|${kinds.map(choice).join(',')}|}` : '${3:Tipo}';
    const lines = [
        'unidad ${1:ID} "${2:Nombre oficial}" {',
        `\ttipo ${tipo}`,
        `\tnúmero \${4:${literal(number ?? 'N.N')}}`
    ];
    if (!nested) lines.push(`\tadscrita a \${5:${literal(parent ? referenceTo(parent, institutionOf(root)) : 'ID')}}`);
    lines.push(functionLines(profile.clausulaCierre, 6, '\t'), '}');
    const where = nested ? `dentro de ${parent!.name}` : parent ? `adscrita a ${parent.name}` : '';
    return { text: lines.join('\n'), description: ['plantilla', number && `número ${number}`, where].filter(Boolean).join(', ') };
}

/** How a file of `institution` names `unit`: its bare id, or qualified for another institution's. */
function referenceTo(unit: Unidad, institution: string): string {
    const own = institutionOf(unit);
    return own && own !== institution ? qualifiedName(own, unit.name) : unit.name;
}

/** The manuals a new part file most likely belongs to: those in its folder, else every manual. */
function manualsNear(document: LangiumDocument, services: EstructuraServices): Array<{ name: string; institucion?: string }> {
    const folder = document.uri.path.substring(0, document.uri.path.lastIndexOf('/') + 1);
    const found: Array<{ name: string; institucion?: string; near: boolean }> = [];
    for (const other of services.shared.workspace.LangiumDocuments.all) {
        if (other === document) continue;
        const header = (other.parseResult.value as { encabezado?: unknown }).encabezado;
        if (isManual(header) && header.name) {
            found.push({ name: header.name, institucion: header.institucion, near: other.uri.path.startsWith(folder) });
        }
    }
    const near = found.filter(m => m.near);
    return (near.length > 0 ? near : found).sort((a, b) => a.name.localeCompare(b.name)).slice(0, 20);
}

