// The format-independent shape of an exported manual: its header, its prose sections in order, its
// units in number order (depth first, siblings by number), the positions of each unit, its
// organigramas and changes. One manual may be split over several files (`manual X` plus
// `parte de X`): it is gathered here into one document. HTML, Markdown and JSON all read this.
import * as path from 'node:path';
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import {
    isCambio, isDocumento, isManual, isOrganigrama, isPuesto, isUnidad,
    type AcuerdoManual, type Cambio, type Documento, type Manual, type Organigrama, type Puesto, type Seccion, type Unidad
} from '../language/generated/ast.js';
import { kindFromName } from '../language/kinds.js';
import { institutionOf, manualIdOf, manualKey, parentOf, qualifiedName, structureElements, unitOfPosition } from '../language/model.js';
import { fold, normalizeSpace } from '../language/text-keys.js';

export interface UnitEntry {
    unit: Unidad;
    /** `IMSS.DOE`: unique in a workspace. */
    qualifiedId: string;
    name: string;
    /** The declared kind, else the one the name suggests. */
    kind?: string;
    number?: string;
    /** 0 for a root of the manual (its parent, if any, is in another manual). */
    depth: number;
    /** The unit it hangs from (nesting or `adscrita a`), possibly in another manual. */
    parent?: Unidad;
    /** Units that start a new page in a printed document. */
    pageBreak: boolean;
    /** Positions attached to the unit, wherever they are declared in the workspace. */
    positions: Puesto[];
}

export interface ManualDocument {
    /** `manualKey`: institution and manual id. */
    key: string;
    id?: string;
    institution: string;
    title: string;
    header?: Manual;
    /** The files of the manual, main file first, then parts by file name. */
    files: LangiumDocument[];
    acuerdos: AcuerdoManual[];
    sections: Seccion[];
    units: UnitEntry[];
    /** Positions declared in the manual's files. */
    positions: Puesto[];
    organigramas: Organigrama[];
    changes: Cambio[];
}

/** The manuals of the linked documents, in the order of their main files' paths. */
export function buildManualDocuments(documents: Iterable<LangiumDocument>): ManualDocument[] {
    const byKey = new Map<string, LangiumDocument[]>();
    for (const document of documents) {
        const root = document.parseResult.value;
        if (!isDocumento(root)) continue;
        const key = manualKey(root);
        let files = byKey.get(key);
        if (!files) byKey.set(key, files = []);
        files.push(document);
    }
    // Positions are listed under the unit they are attached to, even when declared in another
    // manual (an occupational structure file, `titular de DOE`).
    const positionsOf = new Map<Unidad, Puesto[]>();
    for (const files of byKey.values()) {
        for (const document of files) {
            for (const element of structureElements(document.parseResult.value)) {
                if (!isPuesto(element)) continue;
                const unit = unitOfPosition(element);
                if (!unit) continue;
                let list = positionsOf.get(unit);
                if (!list) positionsOf.set(unit, list = []);
                list.push(element);
            }
        }
    }
    const manuals = [...byKey.entries()].map(([key, files]) => buildManual(key, files, positionsOf));
    return manuals.sort((a, b) => fileOf(a.files[0]).localeCompare(fileOf(b.files[0])));
}

function buildManual(key: string, files: LangiumDocument[], positionsOf: Map<Unidad, Puesto[]>): ManualDocument {
    const headerOf = (d: LangiumDocument) => (d.parseResult.value as Documento).encabezado;
    files = [...files].sort((a, b) => Number(isManual(headerOf(b))) - Number(isManual(headerOf(a))) || fileOf(a).localeCompare(fileOf(b)));
    const main = files[0];
    const header = isManual(headerOf(main)) ? headerOf(main) as Manual : undefined;
    const units: Unidad[] = [];
    const positions: Puesto[] = [];
    const organigramas: Organigrama[] = [];
    const changes: Cambio[] = [];
    const sections: Seccion[] = [];
    const acuerdos: AcuerdoManual[] = [];
    for (const document of files) {
        const root = document.parseResult.value as Documento;
        const fileHeader = root.encabezado;
        if (fileHeader) {
            sections.push(...fileHeader.secciones);
            acuerdos.push(...fileHeader.acuerdos);
        }
        for (const element of structureElements(root)) {
            if (isUnidad(element)) units.push(element);
            else if (isPuesto(element)) positions.push(element);
            else if (isOrganigrama(element)) organigramas.push(element);
            else if (isCambio(element)) changes.push(element);
        }
    }
    const root = main.parseResult.value;
    const title = normalizeSpace(header?.titulo ?? header?.name ?? headerOf(main)?.titulo ?? manualIdOf(root) ?? '')
        || `Archivo ${path.basename(fileOf(main))}`;
    return {
        key,
        id: manualIdOf(root),
        institution: institutionOf(root),
        title,
        header,
        files,
        acuerdos,
        sections,
        units: orderUnits(key, units, positionsOf),
        positions,
        organigramas,
        changes
    };
}

/** Depth first from the manual's roots; siblings by number, unnumbered ones after, in file order. */
function orderUnits(key: string, units: Unidad[], positionsOf: Map<Unidad, Puesto[]>): UnitEntry[] {
    const inManual = new Set(units);
    const children = new Map<Unidad, Unidad[]>();
    const roots: Unidad[] = [];
    for (const unit of units) {
        const parent = parentOf(unit);
        if (parent && parent !== unit && inManual.has(parent) && manualKey(parent) === key) {
            let list = children.get(parent);
            if (!list) children.set(parent, list = []);
            list.push(unit);
        } else {
            roots.push(unit);
        }
    }
    const order = new Map(units.map((u, i) => [u, i]));
    const sort = (list: Unidad[]) => [...list].sort((a, b) => compareNumbers(a.numero, b.numero) || order.get(a)! - order.get(b)!);
    const out: UnitEntry[] = [];
    const seen = new Set<Unidad>();
    const sortedRoots = sort(roots);
    // A manual of one Dirección has one root: its first-level units start the pages instead.
    const breakDepth = sortedRoots.length === 1 ? 1 : 0;
    const visit = (unit: Unidad, depth: number) => {
        if (seen.has(unit)) return;
        seen.add(unit);
        const name = normalizeSpace(unit.nombre ?? '') || unit.name || '(unidad sin nombre)';
        out.push({
            unit,
            qualifiedId: qualifiedName(institutionOf(unit), unit.name ?? ''),
            name,
            kind: unit.tipo ? normalizeSpace(unit.tipo) : kindFromName(name)?.kind,
            number: unit.numero?.replace(/\.$/, ''),
            depth,
            parent: parentOf(unit),
            pageBreak: depth === breakDepth,
            positions: positionsOf.get(unit) ?? []
        });
        for (const child of sort(children.get(unit) ?? [])) visit(child, depth + 1);
    };
    for (const unit of sortedRoots) visit(unit, 0);
    // Units caught in an adscription cycle have no root above them: listed too, once.
    for (const unit of units) if (!seen.has(unit)) visit(unit, 0);
    return out;
}

/** Compares outline numbers segment by segment (`5.0.1` < `5.1` < `5.10`); missing numbers last. */
export function compareNumbers(a: string | undefined, b: string | undefined): number {
    if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
    const sa = a.replace(/\.$/, '').split('.').map(Number);
    const sb = b.replace(/\.$/, '').split('.').map(Number);
    for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
        if (sa[i] === undefined) return -1;
        if (sb[i] === undefined) return 1;
        if (sa[i] !== sb[i]) return sa[i] - sb[i];
    }
    return 0;
}

/** The file a document was read from (its path, or its URI when it is not a file). */
export function fileOf(document: LangiumDocument): string {
    return document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
}

/** 1-based line of a node in its file. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** The document a node belongs to. */
export function documentOf(node: AstNode): LangiumDocument | undefined {
    return AstUtils.findRootNode(node).$document;
}

/** A file-system friendly base name for a manual: `IMSS_DOE_2022` → `imss-doe-2022`. */
export function manualFileBase(manual: ManualDocument): string {
    const base = fold(manual.id ?? path.basename(fileOf(manual.files[0])).replace(/\..*$/, ''))
        .replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
    return base || 'manual';
}

/** Whether the organigramas are drawn in this section (section 7, «Organigrama(s)», of the manuals). */
export function isChartSection(section: Seccion): boolean {
    return /organigrama/i.test(section.titulo ?? '');
}

/** What a reader is told about a unit besides its name and functions, in Spanish. */
export interface UnitFacts {
    kind?: string;
    /** The unit it hangs from: name, number and id (`IMSS.DG`), in this manual or another. */
    adscription?: { name: string; number?: string; qualifiedId: string; inManual: boolean };
    /** A written `adscrita a` that does not resolve. */
    unresolvedAdscription?: string;
    sameAs?: string;
    attributes: string[];
    aliases: string[];
    formerNames: string[];
}

export function unitFacts(entry: UnitEntry, manual: ManualDocument): UnitFacts {
    const unit = entry.unit;
    const attributes: string[] = [];
    if (unit.organoNormativo) attributes.push('órgano normativo');
    if (unit.estructuraDeclarada) attributes.push(unit.noBasica ? 'estructura no básica' : 'estructura básica');
    if (unit.agrupacion) attributes.push('agrupación');
    if (unit.generica) attributes.push(unit.instancias ? `genérica (${unit.instancias} instancias)` : 'genérica');
    const parent = entry.parent;
    const inManual = Boolean(parent && manual.units.some(u => u.unit === parent));
    return {
        kind: entry.kind,
        adscription: parent ? {
            name: normalizeSpace(parent.nombre ?? '') || parent.name,
            number: parent.numero?.replace(/\.$/, ''),
            qualifiedId: qualifiedName(institutionOf(parent), parent.name ?? ''),
            inManual
        } : undefined,
        unresolvedAdscription: unit.adscripcion && !unit.adscripcion.ref ? unit.adscripcion.$refText : undefined,
        sameAs: unit.equivalente ? (unit.equivalente.ref ? `${normalizeSpace(unit.equivalente.ref.nombre ?? '')} (${manualIdOf(unit.equivalente.ref) ?? '?'})` : unit.equivalente.$refText) : undefined,
        attributes,
        aliases: unit.alias,
        formerNames: unit.anteriores.map(a => `${a.nombre}${a.hasta ? ` (hasta ${a.hasta}${a.acuerdo ? `, ${a.acuerdo}` : ''})` : a.acuerdo ? ` (${a.acuerdo})` : ''}`)
    };
}

/** A position as a line of text: title, class, titular, level, plazas. */
export function positionSummary(position: Puesto): string {
    const details: string[] = [];
    if (position.clase) details.push(normalizeSpace(position.clase));
    if (position.titular) details.push('titular');
    if (position.nivel) details.push(`nivel ${position.nivel}`);
    if (position.plazas) details.push(`${position.plazas} ${position.plazas === '1' ? 'plaza' : 'plazas'}`);
    if (position.reportaA?.ref) details.push(`reporta a: ${normalizeSpace(position.reportaA.ref.titulo ?? position.reportaA.$refText)}`);
    const title = normalizeSpace(position.titulo ?? '') || position.name || '(puesto sin título)';
    return `${title}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/** Spanish label of a change record. */
export function changeSummary(change: Cambio): { authority: string; date?: string; type?: string; units: string; description?: string } {
    const names = [
        ...change.unidades.map(r => (r.ref ? normalizeSpace(r.ref.nombre ?? r.$refText) : r.$refText)),
        ...change.puestos.map(r => (r.ref ? normalizeSpace(r.ref.titulo ?? r.$refText) : r.$refText))
    ];
    const details: string[] = [];
    if (change.nombreAnterior) details.push(`nombre anterior: «${change.nombreAnterior}»`);
    if (change.nombreNuevo) details.push(`nombre nuevo: «${change.nombreNuevo}»`);
    if (change.adscripcionAnterior) details.push(`adscripción anterior: ${change.adscripcionAnterior.ref ? normalizeSpace(change.adscripcionAnterior.ref.nombre ?? '') : change.adscripcionAnterior.$refText}`);
    if (change.adscripcionNueva) details.push(`adscripción nueva: ${change.adscripcionNueva.ref ? normalizeSpace(change.adscripcionNueva.ref.nombre ?? '') : change.adscripcionNueva.$refText}`);
    if (change.tramo) details.push('con su tramo de control');
    return {
        authority: change.acuerdo ? `Acuerdo ${change.acuerdo}` : `Oficio ${change.oficio ?? ''}`,
        date: change.fecha,
        type: change.tipo,
        units: [names.join(', '), ...details].filter(Boolean).join('; '),
        description: change.descripcion
    };
}
