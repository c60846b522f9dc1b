// `.estructura` text of the imported positions, laid out as the formatter lays it out: a main file
// with the `manual` header, the positions of workspace units (`adscrito a`) and the units the
// position tree implies under them (`adscrita a`), then one file per unit the sheet names and
// creates (`parte de` the manual), the unit holding its positions and, nested, its implied units.
import { isKindName, quote } from '../emit.js';
import type { PositionRecord } from './rows.js';
import type { PlannedPosition, PlannedUnit } from './tree.js';

const INDENT = '    ';

export interface EmitPositionsOptions {
    manualId: string;
    institution: string;
    /** The spreadsheet's file name, as `desde` writes it. */
    source: string;
    /** Whether `hoja` is written (a CSV has no sheets). */
    sheets: boolean;
    baseName: string;
}

export interface PositionsFile { name: string; text: string }

export function emitPositions(units: readonly PlannedUnit[], options: EmitPositionsOptions): PositionsFile[] {
    const comment = [
        `// Importado con «estructura importar-plazas» desde ${options.source}.`,
        '// Cada puesto dice de qué fila viene (desde … fila …): corrija la hoja y vuelva a importar, o edite aquí.'
    ].join('\n');
    const header = [
        `manual ${options.manualId} ${quote(`Puestos de ${options.source}`, 0, options.manualId.length + 8)} {`,
        `${INDENT}institucion ${options.institution}`,
        `${INDENT}fuente ${quote(options.source, 1, 7)}`,
        '}'
    ].join('\n');
    const children = childrenOf(units);
    const main = units.flatMap(u => u.existing
        ? u.positions.map(p => position(p, 0, options, u.id))
        : u.implied && !isCreated(units, u.parent) ? [unitBlock(u, 0, children, options)] : []);
    const files: PositionsFile[] = [{ name: `${options.baseName}.estructura`, text: join([`${comment}\n${header}`, ...main]) }];
    for (const unit of units.filter(u => !u.existing && !u.implied)) {
        const part = [
            `parte de ${options.manualId} ${quote(unit.name, 0, 'parte de '.length + options.manualId.length + 1)} {`,
            `${INDENT}institucion ${options.institution}`,
            `${INDENT}fuente ${quote(options.source, 1, 7)}`,
            '}'
        ].join('\n');
        files.push({ name: `${options.baseName}.${unit.id.toLowerCase().replace(/_/g, '-')}.estructura`, text: join([part, unitBlock(unit, 0, children, options)]) });
    }
    return files;
}

/** The created units nested in each created unit (an implied unit under a workspace unit is written apart, `adscrita a` it). */
function childrenOf(units: readonly PlannedUnit[]): Map<string, PlannedUnit[]> {
    const children = new Map<string, PlannedUnit[]>();
    for (const unit of units) {
        if (!unit.implied || unit.existing || !unit.parent || !isCreated(units, unit.parent)) continue;
        const siblings = children.get(unit.parent);
        if (siblings) siblings.push(unit);
        else children.set(unit.parent, [unit]);
    }
    return children;
}

function isCreated(units: readonly PlannedUnit[], id: string | undefined): boolean {
    return id !== undefined && units.some(u => u.id === id && !u.existing);
}

/** A created unit: its kind, where it hangs (when not nested), where it comes from, its positions, the units nested in it. */
function unitBlock(unit: PlannedUnit, depth: number, children: ReadonlyMap<string, PlannedUnit[]>, options: EmitPositionsOptions): string {
    const pad = INDENT.repeat(depth);
    const inner = pad + INDENT;
    const nested = children.get(unit.id) ?? [];
    return [
        `${pad}unidad ${unit.id} ${quote(unit.name, depth, 'unidad '.length + unit.id.length + 1)} {`,
        ...(unit.kind && isKindName(unit.kind) ? [`${inner}tipo ${unit.kind}`] : []),
        ...(unit.parent && depth === 0 ? [`${inner}adscrita a ${unit.parent}`] : []),
        `${inner}${provenance(unit, options)}`,
        ...unit.positions.map(p => position(p, depth + 1, options)),
        ...nested.map(u => unitBlock(u, depth + 1, children, options)),
        `${pad}}`
    ].join('\n');
}

function provenance(at: { hoja: string; fila: number }, options: EmitPositionsOptions): string {
    return `desde ${quote(options.source, 9, 0)}${options.sheets ? ` hoja ${quote(at.hoja, 9, 0)}` : ''} fila ${at.fila}`;
}

/** A level as an identifier when it is one that no keyword can be (`KB2`, `MC03`), else a string. */
function level(text: string): string {
    return /^[A-Za-z][A-Za-z0-9_]*$/u.test(text) && /\d/u.test(text) ? text : quote(text, 9, 0);
}

function position(p: PlannedPosition, depth: number, options: EmitPositionsOptions, adscription?: string): string {
    const pad = INDENT.repeat(depth);
    const r: PositionRecord = p.record;
    const lines = [
        ...(p.head ? ['titular'] : []),
        ...(adscription ? [`adscrito a ${adscription}`] : []),
        ...(r.nivel ? [`nivel ${level(r.nivel)}`] : []),
        ...(r.denominacion ? [`denominación ${quote(r.denominacion, depth + 1, 'denominación '.length)}`] : []),
        ...(r.personal ? [`personal ${r.personal}`] : []),
        ...(r.plazas !== undefined ? [`plazas ${r.plazas}`] : []),
        ...(r.ocupadas !== undefined ? [`ocupadas ${r.ocupadas}`] : []),
        ...(r.vacantes !== undefined ? [`vacantes ${r.vacantes}`] : []),
        ...(r.clavesPlaza.length > 0 ? [`claves de plaza ${r.clavesPlaza.map(k => quote(k, 9, 0)).join(', ')}`] : []),
        ...(p.reportsTo ? [`reporta a ${p.reportsTo}`] : []),
        provenance(r, options)
    ];
    return [
        `${pad}puesto ${p.id} ${quote(r.cargo, depth, 'puesto '.length + p.id.length + 1)} {`,
        ...lines.map(l => `${pad}${INDENT}${l}`),
        `${pad}}`
    ].join('\n');
}

function join(blocks: string[]): string {
    return blocks.join('\n\n') + '\n';
}
