// Writes an imported manual as `.estructura` text in the formatter's canonical layout. Function
// texts are written whole (wrapped only between words, which the language's STRING value
// collapses back), each unit and function with the source line it came from.

import { kindFromName } from '../language/kinds.js';
import { foldName, normalizeSpace } from '../language/text-keys.js';
import { resolveParent, type AttachmentCandidate, type AttachmentResolution, type AttachmentStatement } from './attachment.js';
import { acronym, IdAllocator } from './ids.js';
import type { ImportedChange } from './history.js';
import type { ImportedFunction, ImportedManual, ImportedUnit } from './model.js';

/** A unit already defined in the workspace, for cross-manual links and unique ids. */
export interface KnownUnit {
    id: string;
    name: string;
    kind?: string;
    institution: string;
    /** `alias "…"` of the unit. */
    aliases?: string[];
    /** Its former names: `anterior "…"`, and the `nombre anterior` of a change that gave it its name. */
    formerNames?: string[];
    /** `genérica` or `agrupación`: the unit stands for (or groups) many instances. */
    generic?: boolean;
    /** `misma unidad que X`: the id of the unit it is the same as. */
    sameAs?: string;
}

export interface EmitOptions {
    /** File name of the source text, recorded as `fuente`. */
    sourceName: string;
    /** Base name of the output files (`imss-doe-2022`). */
    baseName: string;
    /** Units defined elsewhere in the workspace. */
    known: KnownUnit[];
    /** Split into one file per top-level area above this many functions. */
    splitAbove?: number;
    /** Split an area again into its sub-areas above this many functions. */
    filesAbove?: number;
    /** Changes the manual's history states, written after its units. */
    history?: ImportedChange[];
    /** What the text states about each root's parent (see attachment.ts); none → no `adscrita a`. */
    attachments?: Map<ImportedUnit, AttachmentStatement[]>;
}

export interface EmittedFile {
    name: string;
    text: string;
}

export interface EmitResult {
    manualId: string;
    files: EmittedFile[];
    /** Id given to each unit, by number. */
    ids: Map<string, string>;
    /** Where a root unit was attached, or why not. */
    notes: string[];
    /** For each root unit: its link and where it came from. */
    roots: RootAttachment[];
}

/**
 * Where a root's `adscrita a` (or `misma unidad que`) came from. `texto`: a sentence of the manual
 * names the parent and the workspace has it; `misma-unidad`: the workspace defines a unit with the
 * same official name; `no-declarada`: no sentence states the parent; `fuera-del-espacio`: the
 * sentence names a unit the workspace does not have; `ambigua`: the name fits several units;
 * `cabeza`: the Dirección General, head of the institution.
 */
export type AttachmentOrigin = 'texto' | 'misma-unidad' | 'no-declarada' | 'fuera-del-espacio' | 'ambigua' | 'cabeza';

export interface RootAttachment {
    unit: ImportedUnit;
    origin: AttachmentOrigin;
    /** The unit written after `adscrita a`. */
    parent?: { id: string; name: string; by: 'nombre' | 'alias' | 'nombre anterior' };
    /** The unit written after `misma unidad que`. */
    same?: KnownUnit;
    /** The statement the decision rests on (for `fuera-del-espacio` and `ambigua`, the one that failed). */
    statement?: AttachmentStatement;
    /** Why, in Spanish, as the report and the comment in the file say it. */
    explanation: string;
    /** Other statements that name a different parent (the text contradicts itself). */
    others: AttachmentStatement[];
}

const INDENT = '    ';
const WIDTH = 100;

export function emitManual(manual: ImportedManual, options: EmitOptions): EmitResult {
    const known = options.known.filter(k => k.institution === manual.institution);
    const allocator = new IdAllocator(new Set(known.map(k => k.id)));
    const manualId = manualIdFor(manual, allocator);
    const ids = allocateUnitIds(manual, allocator);
    const children = new Map<string | null, ImportedUnit[]>();
    for (const unit of manual.units) {
        const list = children.get(unit.parent) ?? [];
        list.push(unit);
        children.set(unit.parent, list);
    }
    const roots = children.get(null) ?? [];
    const links = linkRoots(roots, manual, known, ids, children, options.attachments);

    const totalFunctions = manual.units.reduce((n, u) => n + u.functions.length, 0);
    const split = totalFunctions > (options.splitAbove ?? 400);
    const ctx: Context = { manual, ids, children, rootLinks: links.rootLinks, rootComments: links.rootComments, generalId: known.find(k => sameName(k.name, 'Dirección General'))?.id };
    const header = manualHeader(manual, manualId, options.sourceName);
    const organigramas = manual.organigramas.map((o, i) => organigrama(o, i, manual, ids, roots)).filter(Boolean) as string[];
    organigramas.push(...changes(options.history ?? [], unitIdsByName(manual, ids, known)));

    const files: EmittedFile[] = split
        ? splitFiles(ctx, manualId, header, organigramas, options)
        : [{ name: `${options.baseName}.estructura`, text: join([header, ...roots.map(r => unit(ctx, r, 0)), ...organigramas]) }];
    return { manualId, files, ids, notes: links.notes, roots: links.rootAttachments };
}

interface RootLinks {
    /** `misma unidad que …` or `adscrita a …`, by root. */
    rootLinks: Map<ImportedUnit, string>;
    /** The comment above a root that says where its link came from (or why it has none). */
    rootComments: Map<ImportedUnit, string>;
    rootAttachments: RootAttachment[];
    notes: string[];
}

/**
 * Cross-manual links: the same unit described elsewhere, or the parent the text states. A parent
 * the text does not state is never written: the root stays unattached and the notes say why.
 */
function linkRoots(
    roots: ImportedUnit[], manual: ImportedManual, known: KnownUnit[], ids: Map<string, string>,
    children: Map<string | null, ImportedUnit[]>, attachments: EmitOptions['attachments']
): RootLinks {
    const links: RootLinks = { rootLinks: new Map(), rootComments: new Map(), rootAttachments: [], notes: [] };
    const { rootLinks, rootComments, notes } = links;
    for (const root of roots) {
        const decision = attachRoot(root, manual, known, ids, children, attachments?.get(root) ?? []);
        links.rootAttachments.push(decision);
        const where = `La unidad raíz «${root.name}» (${root.number})`;
        if (decision.same) {
            rootLinks.set(root, `misma unidad que ${decision.same.id}`);
            notes.push(`${where} es la misma que ${manual.institution}.${decision.same.id}, definida en otro manual.`);
        } else if (decision.parent) {
            rootLinks.set(root, `adscrita a ${decision.parent.id}`);
            rootComments.set(root, `Adscripción: ${decision.explanation}.`);
            notes.push(`${where} se adscribe a «${decision.parent.name}» (${manual.institution}.${decision.parent.id}): ${decision.explanation}.`);
        } else {
            if (decision.origin !== 'cabeza') rootComments.set(root, `Sin adscripción: ${decision.explanation.replace(/^sin adscripción: /u, '')}.`);
            notes.push(`${where} queda ${decision.explanation}.`);
        }
        for (const other of decision.others) {
            notes.push(`${where}: el texto declara también otra adscripción (línea ${other.line}: «${other.text}»), que no se escribió.`);
        }
    }
    return links;
}

/**
 * A large manual as one file per top-level area (the children of a single root, or each root),
 * after the main file with the header, the single root and the organigramas.
 */
function splitFiles(ctx: Context, manualId: string, header: string, organigramas: string[], options: EmitOptions): EmittedFile[] {
    const { manual, ids, children } = ctx;
    const roots = children.get(null) ?? [];
    const files: EmittedFile[] = [];
    const single = roots.length === 1 ? roots[0] : undefined;
    const areas = single ? children.get(single.number) ?? [] : roots;
    const mainUnits = single ? [unit(ctx, single, 0, true)] : [];
    files.push({ name: `${options.baseName}.estructura`, text: join([header, ...mainUnits, ...organigramas]) });
    // An area too large for one file (typing latency grows with file size) is split again:
    // its own file keeps the area's unit, each sub-area gets a file attached to it.
    const subtreeFunctions = (u: ImportedUnit): number =>
        u.functions.length + (children.get(u.number) ?? []).reduce((n, c) => n + subtreeFunctions(c), 0);
    const emitArea = (area: ImportedUnit, link: string | undefined) => {
        const part = [
            `parte de ${manualId} ${quote(area.name, 0, 'parte de '.length + manualId.length + 1)} {`,
            `${INDENT}institucion ${manual.institution}`,
            `${INDENT}fuente ${quote(options.sourceName, 1, 7)}`,
            '}'
        ].join('\n');
        const subAreas = children.get(area.number) ?? [];
        const tooLarge = subtreeFunctions(area) > (options.filesAbove ?? 400) && subAreas.length > 0;
        files.push({
            name: `${options.baseName}.${area.number}-${ids.get(area.number)!.toLowerCase()}.estructura`,
            text: join([part, unit(ctx, area, 0, tooLarge, link)])
        });
        if (tooLarge) for (const sub of subAreas) emitArea(sub, `adscrita a ${ids.get(area.number)}`);
    };
    for (const area of areas) emitArea(area, single ? `adscrita a ${ids.get(single.number)}` : undefined);
    return files;
}

/**
 * A root's link: `misma unidad que` a workspace unit with its official name; else `adscrita a` the
 * unit the text names, if the workspace (or another part of this manual) has it. The last statement
 * that names an existing unit wins (a history tells the latest last); statements that name
 * another unit are kept to be reported.
 */
function attachRoot(
    root: ImportedUnit, manual: ImportedManual, known: KnownUnit[], ids: Map<string, string>,
    children: Map<string | null, ImportedUnit[]>, statements: AttachmentStatement[]
): RootAttachment {
    const same = known.find(k => sameName(k.name, root.name));
    if (same) return { unit: root, origin: 'misma-unidad', same, explanation: `es la misma unidad que ${manual.institution}.${same.id}, con el mismo nombre oficial`, others: [] };
    if (statements.length === 0) return undeclaredAttachment(root, manual, children);
    const resolve = parentResolver(known, attachmentCandidates(root, manual, known, ids, children));
    const resolved: ResolvedStatement[] = statements.map(statement => ({ statement, resolution: resolve(statement) }));
    const found = resolved.filter(r => r.resolution.kind === 'found');
    const chosen = found.at(-1) ?? resolved.at(-1)!;
    const { statement, resolution } = chosen;
    const parentOf = (r: AttachmentResolution) => (r.kind === 'found' ? r.candidate.id : undefined);
    const others = resolved
        .filter(r => r !== chosen && (r.resolution.kind === 'found' ? parentOf(r.resolution) !== parentOf(resolution) : foldName(r.statement.parentName) !== foldName(statement.parentName)))
        .map(r => r.statement);
    return attachmentOf(root, manual, chosen, others);
}

interface ResolvedStatement { statement: AttachmentStatement; resolution: AttachmentResolution }

/** A root no sentence attaches: the head of the institution, or unattached. */
function undeclaredAttachment(root: ImportedUnit, manual: ImportedManual, children: Map<string | null, ImportedUnit[]>): RootAttachment {
    if (sameName(root.name, 'Dirección General')) return { unit: root, origin: 'cabeza', explanation: 'sin adscripción: la Dirección General encabeza la institución', others: [] };
    // A federal manual's root named as the institution (100 SECRETARÍA DE ENERGÍA), or as its
    // head (I. DIRECCIÓN GENERAL DE LA COMISIÓN NACIONAL DE ENERGÍA), heads the institution.
    const institution = manual.institutionName ? foldName(manual.institutionName) : undefined;
    if (institution && sameName(root.name, manual.institutionName!)) {
        return { unit: root, origin: 'cabeza', explanation: `sin adscripción: es la institución (${manual.institutionName}), que encabeza la estructura`, others: [] };
    }
    if (institution && foldName(root.name).endsWith(` ${institution}`) && (children.get(null)?.length ?? 0) === 1) {
        return { unit: root, origin: 'cabeza', explanation: `sin adscripción: encabeza la institución (${manual.institutionName})`, others: [] };
    }
    return { unit: root, origin: 'no-declarada', explanation: 'sin adscripción: el texto no la declara', others: [] };
}

/** The units a root may be attached to: the workspace's, and this manual's outside the root's subtree. */
function attachmentCandidates(
    root: ImportedUnit, manual: ImportedManual, known: KnownUnit[], ids: Map<string, string>, children: Map<string | null, ImportedUnit[]>
): AttachmentCandidate[] {
    const subtree = new Set<string>();
    const collect = (u: ImportedUnit) => { subtree.add(u.number); for (const c of children.get(u.number) ?? []) collect(c); };
    collect(root);
    const isGeneric = (name: string, kind?: string) => {
        const guess = kindFromName(name);
        return !!(guess?.generic || guess?.grouping || kind === 'Agrupación');
    };
    return [
        ...known.map(k => ({ id: k.id, name: k.name, aliases: k.aliases, formerNames: k.formerNames, generic: k.generic || isGeneric(k.name, k.kind) })),
        ...manual.units.filter(u => !subtree.has(u.number)).map(u => ({ id: ids.get(u.number)!, name: u.name, generic: !!(u.generic || u.grouping) }))
    ];
}

/** Resolves a statement's parent among the candidates; units that are the same (`misma unidad que`) are one. */
function parentResolver(known: KnownUnit[], candidates: AttachmentCandidate[]): (statement: AttachmentStatement) => AttachmentResolution {
    // Two manuals may describe the same unit (`misma unidad que`): one unit, not an ambiguity.
    const sameAs = new Map(known.filter(k => k.sameAs).map(k => [k.id, k.sameAs!]));
    const canonical = (id: string) => {
        const seen = new Set<string>();
        while (sameAs.has(id) && !seen.has(id)) { seen.add(id); id = sameAs.get(id)!; }
        return id;
    };
    return statement => {
        const r = resolveParent(statement, candidates);
        if (r.kind !== 'ambiguous' || new Set(r.candidates.map(c => canonical(c.id))).size > 1) return r;
        const id = canonical(r.candidates[0].id);
        return { kind: 'found', candidate: r.candidates.find(c => c.id === id) ?? r.candidates[0], by: 'nombre' };
    };
}

/** The attachment the chosen statement gives: its parent, or why it has none. */
function attachmentOf(root: ImportedUnit, manual: ImportedManual, { statement, resolution }: ResolvedStatement, others: AttachmentStatement[]): RootAttachment {
    const cited = `línea ${statement.line}: «${statement.text}»`;
    if (resolution.kind === 'found') {
        const { candidate, by } = resolution;
        const through = by === 'nombre' ? '' : ` (por su ${by})`;
        return {
            unit: root, origin: 'texto', parent: { id: candidate.id, name: candidate.name, by }, statement,
            explanation: `el texto la declara en la ${cited}${through}`, others
        };
    }
    if (resolution.kind === 'ambiguous') {
        return {
            unit: root, origin: 'ambigua', statement, others,
            explanation: `sin adscripción: el texto la declara (${cited}) pero «${statement.parentName}» nombra a varias unidades del espacio de trabajo (${resolution.candidates.map(c => `${manual.institution}.${c.id}`).join(', ')})`
        };
    }
    return {
        unit: root, origin: 'fuera-del-espacio', statement, others,
        explanation: `sin adscripción: el texto la declara (${cited}) pero la unidad «${statement.parentName}» no está en el espacio de trabajo`
    };
}

interface Context {
    manual: ImportedManual;
    ids: Map<string, string>;
    children: Map<string | null, ImportedUnit[]>;
    rootLinks: Map<ImportedUnit, string>;
    /** Why a root is attached where it is, or not: a `//` comment before its link. */
    rootComments: Map<ImportedUnit, string>;
    /** The id of the workspace's Dirección General, if known. */
    generalId?: string;
}

function manualIdFor(manual: ImportedManual, allocator: IdAllocator): string {
    const rest = manual.title.replace(/^\s*manual de organizaci[oó]n\s*/iu, '');
    const year = manual.vigencia?.slice(0, 4);
    // The institution-wide manual: "…General del Instituto…", a federal "Manual de Organización
    // General (de la Secretaría de Energía)".
    const general = /^(?:general\s+)?del instituto\b/iu.test(rest) || rest === '' || (manual.profile === 'apf' && /^general\b/iu.test(rest));
    const base = general ? manual.institution : `${manual.institution}_${acronym(rest.replace(/^(?:de la|del|de los|de las|de)\s+/iu, ''))}`;
    const id = year ? `${base}_${year}` : base;
    if (allocator.claim(id)) return id;
    for (let n = 2; ; n++) if (allocator.claim(`${id}_${n}`)) return `${id}_${n}`;
}

/** Shallow units first, so Direcciones get the short acronyms and children can append their parent's id. */
function allocateUnitIds(manual: ImportedManual, allocator: IdAllocator): Map<string, string> {
    const ids = new Map<string, string>();
    const depth = (u: ImportedUnit): number => {
        let d = 0;
        for (let p = u.parent; p; p = manual.units.find(x => x.number === p)?.parent ?? null) d++;
        return d;
    };
    const order = manual.units.map((u, i) => ({ u, i, d: depth(u) })).sort((a, b) => a.d - b.d || a.i - b.i);
    for (const { u } of order) {
        if (ids.has(u.number)) continue;
        ids.set(u.number, allocator.allocate(u.name, u.parent ? ids.get(u.parent) : undefined));
    }
    return ids;
}

function manualHeader(manual: ImportedManual, id: string, sourceName: string): string {
    const lines = [`// Importado con «estructura importar» desde ${sourceName}.`,
        '// Los textos de las funciones son los del manual: corríjalos solo si el manual cambia.',
        `manual ${id} ${quote(manual.title, 0, 8 + id.length)} {`, `${INDENT}institucion ${manual.institution}`];
    if (manual.clave) lines.push(`${INDENT}clave ${quote(manual.clave, 1, 6)}`);
    if (manual.vigencia) lines.push(`${INDENT}vigencia ${manual.vigencia}`);
    for (const a of manual.acuerdos) lines.push(`${INDENT}acuerdo ${quote(a.id, 1, 8)}${a.date ? ` fecha ${a.date}` : ''} línea ${a.line}`);
    lines.push(`${INDENT}fuente ${quote(sourceName, 1, 7)}`);
    for (const section of manual.sections) {
        lines.push(`${INDENT}sección ${quote(section.title, 1, 8)} {`);
        if (section.line > 0) lines.push(`${INDENT}${INDENT}línea ${section.line}`);
        for (const p of section.paragraphs) lines.push(`${INDENT}${INDENT}${quote(p.text, 2, 0)}`);
        lines.push(`${INDENT}}`);
    }
    lines.push('}');
    return lines.join('\n');
}

function unit(ctx: Context, u: ImportedUnit, depth: number, withoutChildren = false, link?: string): string {
    const pad = INDENT.repeat(depth);
    const inner = INDENT.repeat(depth + 1);
    const id = ctx.ids.get(u.number)!;
    const lines = [`${pad}unidad ${id} ${quote(u.name, depth, 'unidad '.length + id.length + 1)} {`];
    if (isKindName(u.kind)) lines.push(`${inner}tipo ${u.kind}`);
    lines.push(`${inner}número ${u.written ?? u.number}`);
    const rootLink = link ?? ctx.rootLinks.get(u);
    const comment = link ? undefined : ctx.rootComments.get(u);
    if (comment) lines.push(...commentLines(comment, depth + 1));
    if (rootLink) lines.push(`${inner}${rootLink}`);
    if (isNormative(ctx, u, rootLink)) lines.push(`${inner}órgano normativo`);
    if (u.grouping) lines.push(`${inner}agrupación`);
    if (u.generic) lines.push(`${inner}genérica`);
    lines.push(`${inner}línea ${u.line}`);
    if (u.objetivo) lines.push(`${inner}objetivo ${quote(u.objetivo.text, depth + 1, 'objetivo '.length)}`);
    if (u.functions.length > 0) {
        lines.push(`${inner}funciones {`);
        for (const f of u.functions) lines.push(fn(f, depth + 2));
        lines.push(`${inner}}`);
    }
    if (!withoutChildren) {
        for (const child of ctx.children.get(u.number) ?? []) lines.push('', unit(ctx, child, depth + 1));
    }
    lines.push(`${pad}}`);
    return lines.join('\n');
}

/**
 * IMSS: the Direcciones and the Secretaría General directly under the Dirección General are the
 * Órganos Normativos (the manuals call them so); written as data the analyst can change.
 */
function isNormative(ctx: Context, u: ImportedUnit, rootLink: string | undefined): boolean {
    if (ctx.manual.profile !== 'imss' || !['Dirección', 'Dirección Normativa', 'Secretaría General'].includes(u.kind)) return false;
    const parent = u.parent ? ctx.manual.units.find(p => p.number === u.parent) : undefined;
    return parent ? parent.kind === 'Dirección General' : rootLink?.startsWith('adscrita a ') === true && ctx.generalId === rootLink.slice('adscrita a '.length);
}

function fn(f: ImportedFunction, depth: number): string {
    const pad = INDENT.repeat(depth);
    const head = [f.number, f.closing ? 'cierre' : undefined].filter(Boolean).join(' ');
    const prefix = head ? head + ' ' : '';
    let text = `${pad}${prefix}${quote(f.text, depth, prefix.length)} línea ${f.line}`;
    if (f.items.length > 0) {
        const lines = [text + ' {'];
        for (const item of f.items) {
            const label = item.label === '-' ? '- ' : `${item.label}) `;
            lines.push(`${INDENT.repeat(depth + 1)}${label}${quote(item.text, depth + 1, label.length)} línea ${item.line}`);
        }
        lines.push(`${pad}}`);
        text = lines.join('\n');
    }
    return text;
}

function organigrama(o: ImportedManual['organigramas'][number], index: number, manual: ImportedManual, ids: Map<string, string>, roots: ImportedUnit[]): string | undefined {
    const target = manual.units.find(u => sameName(u.name, o.title)) ?? (o.number ? undefined : roots[0]);
    const rootId = target ? ids.get(target.number) : undefined;
    const id = `ORG_${rootId ?? index + 1}`;
    const lines = [`organigrama ${id} ${quote(o.title, 0, 13 + id.length)} {`];
    if (o.vigencia) lines.push(`${INDENT}vigencia ${o.vigencia}`);
    if (rootId) lines.push(`${INDENT}raíz ${rootId}`);
    lines.push(`${INDENT}línea ${o.line}`, '}');
    return lines.join('\n');
}

/** The id of each unit by folded official name: this manual's first, then the workspace's. */
function unitIdsByName(manual: ImportedManual, ids: Map<string, string>, known: KnownUnit[]): Map<string, string> {
    const byName = new Map<string, string>();
    for (const u of manual.units) if (!byName.has(foldName(u.name))) byName.set(foldName(u.name), ids.get(u.number)!);
    for (const k of known) if (!byName.has(foldName(k.name))) byName.set(foldName(k.name), k.id);
    return byName;
}

/**
 * The history as `cambio` blocks. A renamed unit is linked when it exists today under the new
 * name, or under the name a later change of the same history gave it (A → B in 2015, B → C in 2021).
 */
function changes(history: ImportedChange[], idsByName: Map<string, string>): string[] {
    const renamedLater = (name: string, after: number) => history.find((c, i) => i !== after && c.nombreAnterior && sameName(c.nombreAnterior, name) && c.nombreNuevo);
    // The name at the end of the chain is today's: an older name may still be a unit of an older
    // manual of the workspace (the 2018 manual's Dirección de Vinculación Institucional y Evaluación
    // de Delegaciones is today's Dirección de Operación y Evaluación), so only the last one is linked.
    const idOf = (name: string | undefined, index: number): string | undefined => {
        const seen = new Set<string>();
        let current = name;
        while (current && !seen.has(foldName(current))) {
            seen.add(foldName(current));
            const next = renamedLater(current, index)?.nombreNuevo;
            if (!next) break;
            current = next;
        }
        return current ? idsByName.get(foldName(current)) : undefined;
    };
    return history.map((c, index) => {
        const head = c.acuerdo ? `cambio ${quote(c.acuerdo, 0, 7)} {` : `cambio oficio ${quote(c.oficio ?? '', 0, 14)} {`;
        const lines = [head];
        if (c.fecha) lines.push(`${INDENT}fecha ${c.fecha}`);
        lines.push(`${INDENT}tipo ${c.tipo}`);
        if (c.tramo) lines.push(`${INDENT}con tramo de control`);
        const units = [...new Set((c.unidades ?? []).map(name => idOf(name, index)).filter(id => id !== undefined))];
        if (units.length > 0) lines.push(`${INDENT}unidades ${units.join(', ')}`);
        if (c.nombreAnterior) lines.push(`${INDENT}nombre anterior ${quote(c.nombreAnterior, 1, 16)}`);
        if (c.nombreNuevo) lines.push(`${INDENT}nombre nuevo ${quote(c.nombreNuevo, 1, 13)}`);
        const before = idOf(c.adscripcionAnterior, index);
        if (before) lines.push(`${INDENT}adscripción anterior ${before}`);
        const after = idOf(c.adscripcionNueva, index);
        if (after) lines.push(`${INDENT}adscripción nueva ${after}`);
        lines.push(`${INDENT}descripción ${quote(c.descripcion, 1, 12)}`, `${INDENT}línea ${c.line}`, '}');
        return lines.join('\n');
    });
}

/** A kind can be written after `tipo` when its words are identifiers (`Jefatura de Servicios`). */
export function isKindName(kind: string): boolean {
    return /^[\p{L}_][\p{L}\d_]*(?: [\p{L}_][\p{L}\d_]*)*$/u.test(kind) && !/^\d/u.test(kind);
}

export function sameName(a: string, b: string): boolean {
    return foldName(a) === foldName(b);
}

/**
 * A string literal, wrapped between words so that no line exceeds the width. `depth` is the
 * statement's indentation, `used` the columns already taken on the first line after it.
 */
export function quote(text: string, depth: number, used: number): string {
    const escaped = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    const indent = INDENT.repeat(depth) + INDENT;
    const words = escaped.split(' ');
    const lines: string[] = [];
    let current = '"';
    let empty = true;
    let limit = WIDTH - INDENT.length * depth - used;
    for (const word of words) {
        if (!empty && current.length + 1 + word.length > limit) {
            lines.push(current);
            current = word;
            limit = WIDTH - indent.length;
        } else {
            current = empty ? current + word : `${current} ${word}`;
        }
        empty = false;
    }
    lines.push(current + '"');
    return lines.join('\n' + indent);
}

/** A `//` comment wrapped between words at the width, at the statement's indentation. */
function commentLines(text: string, depth: number): string[] {
    const pad = INDENT.repeat(depth) + '// ';
    const lines: string[] = [];
    let current = '';
    for (const word of normalizeSpace(text).split(' ')) {
        if (current && pad.length + current.length + 1 + word.length > WIDTH) {
            lines.push(pad + current);
            current = word;
        } else current = current ? `${current} ${word}` : word;
    }
    if (current) lines.push(pad + current);
    return lines;
}

function join(blocks: string[]): string {
    return blocks.join('\n\n') + '\n';
}
