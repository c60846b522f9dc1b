// The full model as JSON, for other tools: manuals with their units, positions, functions,
// organigramas and changes, the typed cross-references and the unit names written in prose with
// what they resolve to. The schema is described in docs/exportar.md; `version` changes when a
// field changes meaning or disappears (adding a field keeps it).
import * as path from 'node:path';
import type { AstNode, LangiumDocument, Reference } from 'langium';
import {
    isFuncion, isInciso, isParte, isPuesto, isUnidad,
    type Actividad, type Cambio, type Documento, type Funcion, type Organigrama, type Puesto, type Unidad
} from '../language/generated/ast.js';
import { mentionRange, type MentionIndex } from '../language/mentions/mention-index.js';
import { institutionOf, isPhae, qualifiedName, titularTarget, unitOfPosition } from '../language/model.js';
import { normalizeSpace } from '../language/text-keys.js';
import { fileOf, type ManualDocument, type UnitEntry } from './manual-document.js';

export const JSON_SCHEMA_VERSION = 1;

export interface Location {
    /** Path relative to the working folder (or to `base`). */
    file: string;
    /** 1-based line and column in the `.estructura` file. */
    line: number;
    column: number;
}

export interface JsonOptions {
    /** Paths in the output are relative to this folder. */
    base: string;
    mentions?: MentionIndex;
}

type Json = Record<string, unknown>;

export function modelJson(manuals: ManualDocument[], options: JsonOptions): Json {
    return {
        version: JSON_SCHEMA_VERSION,
        generator: 'estructura exportar',
        manuals: manuals.map(manual => manualJson(manual, options))
    };
}

function manualJson(manual: ManualDocument, options: JsonOptions): Json {
    const loc = (node: AstNode) => locationOf(node, options.base);
    const header = manual.header;
    const json: Json = {
        id: manual.id ?? null,
        institution: manual.institution || null,
        title: manual.title,
        clave: header?.clave ?? null,
        vigencia: header?.vigencia ?? null,
        publicacion: header?.publicacion ?? null,
        fuente: header?.fuente ?? null,
        files: manual.files.map(d => relative(fileOf(d), options.base)),
        acuerdos: manual.acuerdos.map(a => ({ id: a.id, fecha: a.fecha ?? null, sourceLine: num(a.linea), location: loc(a) })),
        sections: manual.sections.map(s => ({ title: s.titulo, paragraphs: s.parrafos, sourceLine: num(s.linea), location: loc(s) })),
        units: manual.units.map(entry => unitJson(entry, options)),
        positions: manual.positions.map(p => positionJson(p, options)),
        organigramas: manual.organigramas.map(o => organigramaJson(o, options)),
        changes: manual.changes.map(c => changeJson(c, options)),
        references: referencesOf(manual, options),
        mentions: options.mentions ? mentionsOf(manual, options.mentions, options.base) : []
    };
    return json;
}

function unitJson(entry: UnitEntry, options: JsonOptions): Json {
    const unit = entry.unit;
    return {
        id: unit.name,
        qualifiedId: entry.qualifiedId,
        name: entry.name,
        kind: entry.kind ?? null,
        kindDeclared: Boolean(unit.tipo),
        number: unit.numero ?? null,
        depth: entry.depth,
        parent: entry.parent ? qid(entry.parent) : null,
        adscription: unit.adscripcion ? refJson(unit.adscripcion) : null,
        sameUnitAs: unit.equivalente ? refJson(unit.equivalente) : null,
        organoNormativo: unit.organoNormativo,
        estructura: unit.estructuraDeclarada ? (unit.noBasica ? 'no básica' : 'básica') : null,
        agrupacion: unit.agrupacion,
        generica: unit.generica,
        instancias: num(unit.instancias),
        aliases: unit.alias,
        formerNames: unit.anteriores.map(a => ({ name: a.nombre, until: a.hasta ?? null, acuerdo: a.acuerdo ?? null })),
        objetivo: unit.objetivo ?? null,
        functions: unit.funciones.map(f => functionJson(f, options)),
        positions: entry.positions.map(p => qid(p)),
        sourceLine: num(unit.linea),
        location: locationOf(unit, options.base)
    };
}

function functionJson(fn: Funcion, options: JsonOptions): Json {
    return {
        number: fn.numero?.replace(/\.$/, '') ?? null,
        text: fn.texto,
        closing: fn.cierre,
        authority: fn.autoridad,
        fundamento: fn.fundamento ?? null,
        incisos: fn.incisos.map(i => ({
            letter: i.letra ?? null,
            bullet: i.guion,
            text: i.texto,
            sourceLine: num(i.linea),
            location: locationOf(i, options.base)
        })),
        sourceLine: num(fn.linea),
        location: locationOf(fn, options.base)
    };
}

function positionJson(position: Puesto, options: JsonOptions): Json {
    const unit = unitOfPosition(position);
    const heads = titularTarget(position);
    return {
        id: position.name,
        qualifiedId: qid(position),
        title: position.titulo,
        class: position.clase ?? null,
        phae: isPhae(position),
        titular: position.titular,
        titularOf: heads ? qid(heads) : null,
        unit: unit ? qid(unit) : null,
        reportsTo: position.reportaA ? refJson(position.reportaA) : null,
        nivel: position.nivel ?? null,
        plazas: num(position.plazas),
        activities: position.actividades.map((a: Actividad) => ({
            text: a.texto, authority: a.autoridad, fundamento: a.fundamento ?? null, sourceLine: num(a.linea), location: locationOf(a, options.base)
        })),
        sourceLine: num(position.linea),
        location: locationOf(position, options.base)
    };
}

function organigramaJson(chart: Organigrama, options: JsonOptions): Json {
    return {
        id: chart.name,
        title: chart.titulo ?? null,
        vigencia: chart.vigencia ?? null,
        root: chart.raiz ? refJson(chart.raiz) : null,
        positions: chart.puestos.map(refJson),
        sourceLine: num(chart.linea),
        location: locationOf(chart, options.base)
    };
}

function changeJson(change: Cambio, options: JsonOptions): Json {
    return {
        acuerdo: change.acuerdo ?? null,
        oficio: change.oficio ?? null,
        fecha: change.fecha ?? null,
        type: change.tipo ?? null,
        units: change.unidades.map(refJson),
        positions: change.puestos.map(refJson),
        formerName: change.nombreAnterior ?? null,
        newName: change.nombreNuevo ?? null,
        formerAdscription: change.adscripcionAnterior ? refJson(change.adscripcionAnterior) : null,
        newAdscription: change.adscripcionNueva ? refJson(change.adscripcionNueva) : null,
        withSubtree: change.tramo,
        description: change.descripcion ?? null,
        sourceLine: num(change.linea),
        location: locationOf(change, options.base)
    };
}

/** Every reference written in the manual's files, with its kind and its target (null if unresolved). */
function referencesOf(manual: ManualDocument, options: JsonOptions): Json[] {
    const out: Json[] = [];
    const add = (type: string, from: string, ref: Reference | undefined) => {
        if (!ref) return;
        const node = ref.$refNode;
        out.push({ type, from, ...refJson(ref), location: node ? locationAt(node.range.start, node.astNode, options.base) : null });
    };
    for (const document of manual.files) {
        const root = document.parseResult.value as Documento;
        if (isParte(root.encabezado)) add('parte-de', `archivo:${relative(fileOf(document), options.base)}`, root.encabezado.manual);
    }
    for (const entry of manual.units) {
        add('adscrita-a', entry.qualifiedId, entry.unit.adscripcion);
        add('misma-unidad-que', entry.qualifiedId, entry.unit.equivalente);
    }
    for (const position of manual.positions) {
        const from = qid(position);
        add('titular-de', from, position.titularDe);
        add('adscrito-a', from, position.adscripcion);
        add('reporta-a', from, position.reportaA);
    }
    for (const chart of manual.organigramas) {
        add('organigrama-raiz', `organigrama:${chart.name}`, chart.raiz);
        for (const p of chart.puestos) add('organigrama-puesto', `organigrama:${chart.name}`, p);
    }
    manual.changes.forEach((change, i) => {
        const from = `cambio:${i}`;
        for (const u of change.unidades) add('cambio-unidad', from, u);
        for (const p of change.puestos) add('cambio-puesto', from, p);
        add('cambio-adscripcion-anterior', from, change.adscripcionAnterior);
        add('cambio-adscripcion-nueva', from, change.adscripcionNueva);
    });
    return out;
}

/** Unit names in function, inciso and activity texts and objetivos, with what they resolve to. */
function mentionsOf(manual: ManualDocument, index: MentionIndex, base: string): Json[] {
    const out: Json[] = [];
    const functionIndex = new Map<Funcion, number>();
    for (const entry of manual.units) entry.unit.funciones.forEach((f, i) => functionIndex.set(f, i));
    for (const document of manual.files) {
        for (const mention of index.mentionsOf(document)) {
            const node = mention.node;
            let where: Json;
            if (isUnidad(node)) where = { unit: qid(node), text: 'objetivo' };
            else if (isFuncion(node)) where = { unit: qid(node.$container), text: 'funcion', function: functionIndex.get(node) ?? null, functionNumber: node.numero?.replace(/\.$/, '') ?? null };
            else if (isInciso(node)) {
                const fn = node.$container;
                where = { unit: qid(fn.$container), text: 'inciso', function: functionIndex.get(fn) ?? null, functionNumber: fn.numero?.replace(/\.$/, '') ?? null, inciso: fn.incisos.indexOf(node) };
            } else {
                const position = node.$container;
                where = { position: isPuesto(position) ? qid(position) : null, text: 'actividad' };
            }
            const { start } = mentionRange(document.textDocument, mention);
            out.push({
                text: mention.text,
                kind: mention.kind,
                units: mention.units.map(u => qid(u)),
                replacement: mention.replacement ? normalizeSpace(mention.replacement) : null,
                in: where,
                location: { file: relative(fileOf(document), base), line: start.line + 1, column: start.character + 1 }
            });
        }
    }
    return out;
}

function refJson(ref: Reference): Json {
    const target = ref.ref;
    return {
        text: ref.$refText,
        target: target && (isUnidad(target) || isPuesto(target)) ? qid(target) : target ? (target as { name?: string }).name ?? null : null,
        targetKind: target ? (isUnidad(target) ? 'unidad' : isPuesto(target) ? 'puesto' : 'manual') : null
    };
}

function qid(node: Unidad | Puesto): string {
    return qualifiedName(institutionOf(node), node.name ?? '');
}

function num(value: string | undefined): number | null {
    if (value === undefined) return null;
    const n = Number(value.replace(/\.$/, ''));
    return Number.isFinite(n) ? n : null;
}

function locationOf(node: AstNode, base: string): Location | null {
    const start = node.$cstNode?.range.start;
    if (!start) return null;
    return locationAt(start, node, base);
}

function locationAt(start: { line: number; character: number }, node: AstNode, base: string): Location | null {
    let root: AstNode = node;
    while (root.$container) root = root.$container;
    const document = (root as AstNode & { $document?: LangiumDocument }).$document;
    if (!document) return null;
    return { file: relative(fileOf(document), base), line: start.line + 1, column: start.character + 1 };
}

function relative(file: string, base: string): string {
    const rel = path.relative(base, file);
    return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
}
