// `.estructura` text of the imported positions, laid out as the formatter lays it out: a main file
// with the `manual` header and the positions of workspace units (`adscrito a`), then one file per
// unit created from the sheet (`parte de` the manual), the unit holding its positions.
import { quote } from '../emit.js';
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
    const attached = units.filter(u => u.existing).flatMap(u => u.positions.map(p => position(p, 0, options, u.id)));
    const files: PositionsFile[] = [{ name: `${options.baseName}.estructura`, text: join([`${comment}\n${header}`, ...attached]) }];
    for (const unit of units.filter(u => !u.existing)) {
        const part = [
            `parte de ${options.manualId} ${quote(unit.name, 0, 'parte de '.length + options.manualId.length + 1)} {`,
            `${INDENT}institucion ${options.institution}`,
            `${INDENT}fuente ${quote(options.source, 1, 7)}`,
            '}'
        ].join('\n');
        const body = [
            `unidad ${unit.id} ${quote(unit.name, 0, 'unidad '.length + unit.id.length + 1)} {`,
            ...(unit.parent ? [`${INDENT}adscrita a ${unit.parent}`] : []),
            `${INDENT}${provenance(unit, options)}`,
            ...unit.positions.map(p => position(p, 1, options))
        ].join('\n') + '\n}';
        files.push({ name: `${options.baseName}.${unit.id.toLowerCase().replace(/_/g, '-')}.estructura`, text: join([part, body]) });
    }
    return files;
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
