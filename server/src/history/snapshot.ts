// A version of a structure as plain data: units, positions, their functions and the change records
// (`cambio`, and the `anterior … hasta` names of units), keyed by qualified id. Comparing two
// versions, and deriving the structure in force at a date, work on this shape, so that they do not
// depend on which Langium workspace (a folder, a git revision, the editor's documents) it came from.
import * as path from 'node:path';
import type { AstNode, LangiumDocument, Reference } from 'langium';
import { isCambio, isDocumento, isPuesto, isUnidad, type Cambio, type Puesto, type Unidad } from '../language/generated/ast.js';
import { kindFromName } from '../language/kinds.js';
import { institutionOf, numberKey, parentOf, qualifiedName, splitQualified, structureElements, unitOfPosition } from '../language/model.js';
import { normalizeSpace } from '../language/text-keys.js';
import { recordKindOf, type RecordKind } from './record-kinds.js';

export { recordKindOf, type RecordKind };

export interface Place {
    /** The file as the side names it (relative to the side's base folder, or `REV:path`). */
    file: string;
    /** Absolute path of the file, for links (the working-tree path for a git revision). */
    absolute: string;
    /** 1-based. */
    line: number;
}

export interface FunctionState {
    /** The number as written (`12.`, `XXV.`), if any. */
    number?: string;
    /** The text with its white space collapsed (wrapping is not a change). */
    text: string;
    place?: Place;
}

export interface UnitState {
    /** `IMSS.DOE`. */
    id: string;
    name: string;
    /** Declared kind, else the one the name suggests. */
    kind?: string;
    /** Whether the kind was declared (`tipo`) rather than read from the name. */
    kindDeclared: boolean;
    number?: string;
    /** Qualified id of the unit it hangs from (nesting or `adscrita a`), possibly not in this version. */
    parent?: string;
    functions: FunctionState[];
    place?: Place;
}

export interface PositionState {
    id: string;
    title: string;
    /** Qualified id of the unit it is attached to. */
    unit?: string;
    /** Qualified id of the unit it heads. */
    titularOf?: string;
    clase?: string;
    nivel?: string;
    /** Number of plazas; a position without `plazas` is one plaza. */
    plazas: number;
    place?: Place;
}


export interface ChangeRecord {
    /** Stable within one version: `file:line` of the record. */
    key: string;
    /** `ACDO.AS2.HCT.270922/264.P.DA`, or `oficio 0952171000/089`. */
    act: string;
    date?: string;
    kind?: RecordKind;
    /** Qualified ids of the units the record names (resolved or not: a suppressed unit is gone). */
    units: string[];
    positions: string[];
    nameBefore?: string;
    nameAfter?: string;
    parentBefore?: string;
    parentAfter?: string;
    /** `con tramo de control`. */
    withSubtree: boolean;
    description?: string;
    /** `cambio` record, or the `anterior "…" hasta …` line of a unit. */
    source: 'cambio' | 'anterior';
    place?: Place;
}

export interface Snapshot {
    /** How the version is named in reports: a folder, `HEAD~3`, `estado al 2018-07-25`. */
    label: string;
    /** Units in document order (depth first), by qualified id. */
    units: Map<string, UnitState>;
    positions: Map<string, PositionState>;
    records: ChangeRecord[];
    /**
     * The date the version speaks for: the date it was derived at, else the newest `vigencia` of its
     * manuals or date of its records. Records of a later version dated up to it are old history.
     */
    date?: string;
    /** Files with syntax errors: compared on what parses, listed here. */
    problems: Array<{ file: string; line: number; message: string }>;
    files: string[];
}

export interface SnapshotOptions {
    label: string;
    /** Names a document's file in reports (default: its path relative to the working folder). */
    fileName?: (document: LangiumDocument) => string;
}

/** The version held by these linked documents. Ids collide harmlessly: the first definition wins. */
export function snapshotOf(documents: readonly LangiumDocument[], options: SnapshotOptions): Snapshot {
    const snapshot: Snapshot = { label: options.label, units: new Map(), positions: new Map(), records: [], problems: [], files: [] };
    const nameOf = options.fileName ?? ((d: LangiumDocument) => path.relative(process.cwd(), d.uri.fsPath) || d.uri.fsPath);
    const sorted = [...documents].sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
    for (const document of sorted) {
        const file = nameOf(document);
        snapshot.files.push(file);
        const placeOf = (node: AstNode): Place | undefined => {
            const range = node.$cstNode?.range;
            return range ? { file, absolute: document.uri.fsPath, line: range.start.line + 1 } : undefined;
        };
        for (const error of [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors]) {
            const line = 'line' in error && typeof error.line === 'number' ? error.line
                : 'token' in error ? (error.token.startLine ?? 0) : 0;
            // An error at the end of the file (an unclosed brace) has no token line: name the last line.
            const known = line !== undefined && Number.isFinite(line) && line > 0;
            snapshot.problems.push({ file, line: known ? line : document.textDocument.lineCount, message: error.message });
        }
        const root = document.parseResult.value;
        if (!isDocumento(root)) continue;
        snapshot.date = latest(snapshot.date, root.encabezado?.vigencia);
        for (const element of structureElements(root)) {
            if (isUnidad(element)) addUnit(snapshot, element, placeOf);
            else if (isPuesto(element)) addPosition(snapshot, element, placeOf);
            else if (isCambio(element)) snapshot.records.push(recordOf(element, placeOf));
        }
    }
    for (const record of snapshot.records) snapshot.date = latest(snapshot.date, record.date);
    return snapshot;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
    return a === undefined ? b : b === undefined || a >= b ? a : b;
}

function addUnit(snapshot: Snapshot, unit: Unidad, placeOf: (node: AstNode) => Place | undefined): void {
    if (!unit.name) return;
    const institution = institutionOf(unit);
    const id = qualifiedName(institution, unit.name);
    if (snapshot.units.has(id)) return;
    const name = normalizeSpace(unit.nombre ?? '');
    const parent = parentOf(unit);
    snapshot.units.set(id, {
        id, name,
        kind: unit.tipo ? normalizeSpace(unit.tipo) : kindFromName(name)?.kind,
        kindDeclared: Boolean(unit.tipo),
        number: numberKey(unit.numero),
        parent: parent?.name ? qualifiedName(institutionOf(parent), parent.name)
            : unit.adscripcion ? refId(unit.adscripcion, institution) : undefined,
        functions: unit.funciones.map(f => ({ number: f.numero, text: normalizeSpace(f.texto ?? ''), place: placeOf(f) })),
        place: placeOf(unit)
    });
    for (const anterior of unit.anteriores) {
        if (!anterior.nombre) continue;
        snapshot.records.push({
            key: recordKey(placeOf(anterior)), act: anterior.acuerdo ?? '', date: anterior.hasta,
            kind: 'denominacion', units: [id], positions: [], nameBefore: normalizeSpace(anterior.nombre),
            withSubtree: false, source: 'anterior', place: placeOf(anterior)
        });
    }
}

function addPosition(snapshot: Snapshot, position: Puesto, placeOf: (node: AstNode) => Place | undefined): void {
    if (!position.name) return;
    const institution = institutionOf(position);
    const id = qualifiedName(institution, position.name);
    if (snapshot.positions.has(id)) return;
    const unit = unitOfPosition(position);
    const titular = position.titularDe ? refId(position.titularDe, institution)
        : position.titular && unit?.name ? qualifiedName(institutionOf(unit), unit.name) : undefined;
    snapshot.positions.set(id, {
        id,
        title: normalizeSpace(position.titulo ?? ''),
        unit: unit?.name ? qualifiedName(institutionOf(unit), unit.name)
            : position.adscripcion ? refId(position.adscripcion, institution) : undefined,
        titularOf: titular,
        clase: position.clase ? normalizeSpace(position.clase) : undefined,
        nivel: position.nivel?.replace(/^"|"$/g, ''),
        plazas: position.plazas === undefined ? 1 : Number(position.plazas),
        place: placeOf(position)
    });
}

function recordOf(record: Cambio, placeOf: (node: AstNode) => Place | undefined): ChangeRecord {
    const institution = institutionOf(record);
    const place = placeOf(record);
    return {
        key: recordKey(place),
        act: record.acuerdo ?? (record.oficio ? `oficio ${record.oficio}` : ''),
        date: record.fecha,
        kind: recordKindOf(record.tipo),
        units: record.unidades.map(ref => refId(ref, institution)),
        positions: record.puestos.map(ref => refId(ref, institution)),
        nameBefore: record.nombreAnterior === undefined ? undefined : normalizeSpace(record.nombreAnterior),
        nameAfter: record.nombreNuevo === undefined ? undefined : normalizeSpace(record.nombreNuevo),
        parentBefore: record.adscripcionAnterior ? refId(record.adscripcionAnterior, institution) : undefined,
        parentAfter: record.adscripcionNueva ? refId(record.adscripcionNueva, institution) : undefined,
        withSubtree: record.tramo,
        description: record.descripcion === undefined ? undefined : normalizeSpace(record.descripcion),
        source: 'cambio',
        place
    };
}

function recordKey(place: Place | undefined): string {
    return place ? `${place.file}:${place.line}` : '?';
}

/**
 * The qualified id a reference names: its target's when it resolves, else its text qualified by the
 * file's institution (a record still names the unit it suppressed, which no longer exists).
 */
function refId(ref: Reference<Unidad | Puesto>, institution: string): string {
    const target = ref.ref;
    if (target?.name) return qualifiedName(institutionOf(target), target.name);
    const [qualifier, id] = splitQualified(ref.$refText);
    return qualifiedName(qualifier ?? institution, id);
}

/** A deep copy, so that deriving an earlier state never touches the version it starts from. */
export function cloneSnapshot(snapshot: Snapshot, label: string): Snapshot {
    return {
        label,
        units: new Map([...snapshot.units].map(([id, u]) => [id, { ...u, functions: [...u.functions] }])),
        positions: new Map([...snapshot.positions].map(([id, p]) => [id, { ...p }])),
        records: [...snapshot.records],
        date: snapshot.date,
        problems: [...snapshot.problems],
        files: [...snapshot.files]
    };
}

/** Children by parent id, in the snapshot's order. */
export function childrenOf(snapshot: Snapshot): Map<string, string[]> {
    const children = new Map<string, string[]>();
    for (const unit of snapshot.units.values()) {
        if (unit.parent === undefined) continue;
        let list = children.get(unit.parent);
        if (!list) children.set(unit.parent, list = []);
        list.push(unit.id);
    }
    return children;
}

/**
 * Whether `ancestor` is `id` itself or a unit above it in the version, following adscriptions
 * (stops at a cycle).
 */
export function isAtOrBelow(snapshot: Snapshot, id: string | undefined, ancestor: string): boolean {
    const seen = new Set<string>();
    for (let current = id; current !== undefined && !seen.has(current); current = snapshot.units.get(current)?.parent) {
        if (current === ancestor) return true;
        seen.add(current);
    }
    return false;
}

/** The unit and everything below it. */
export function subtreeOf(snapshot: Snapshot, id: string, children = childrenOf(snapshot)): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
        const next = stack.pop()!;
        if (seen.has(next) || !snapshot.units.has(next)) continue;
        seen.add(next);
        out.push(next);
        const kids = children.get(next) ?? [];
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
    return out;
}
