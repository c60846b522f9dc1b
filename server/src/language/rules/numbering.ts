// estructura-numeracion: a unit's number extends its parent's by one segment and siblings run 1..n.
import { MultiMap, type ValidationAcceptor } from 'langium';
import type { Unidad } from '../generated/ast.js';
import { institutionOf, manualKey, numberKey, parentOf } from '../model.js';
import type { StructureIndex } from '../structure-index.js';
import { report } from './catalog.js';
import type { RuleSettings } from '../settings.js';


interface Numbered { unit: Unidad; number: string; prefix: string; last: number }

/** What the quick fix "Renumerar como …" needs (`structure/renumber.ts`). */
export interface RenumberData {
    /** The number the unit should have. */
    numero: string;
    /** The number as reported (without a trailing period), to check the fix still applies. */
    actual: string;
}

function renumberData(self: Numbered, numero: string): { data: RenumberData } {
    return { data: { numero, actual: self.number } };
}

/** The smallest positive segment not used by the siblings. */
function firstFree(used: Iterable<number>): number {
    const taken = new Set(used);
    let n = 1;
    while (taken.has(n)) n++;
    return n;
}

/** Numbered units of the same manual with the given prefix under a parent (or among the manual's roots). */
function numberedSiblings(unit: Unidad, parent: Unidad | undefined, prefix: string, index: StructureIndex): Numbered[] {
    const manual = manualKey(unit);
    const candidates = parent ? index.snapshot.children.get(parent) : index.snapshot.rootsByManual.get(manual);
    return candidates
        .filter(other => manualKey(other) === manual)
        .map(split)
        .filter((n): n is Numbered => n !== undefined && n.prefix === prefix);
}

function split(unit: Unidad): Numbered | undefined {
    const number = numberKey(unit.numero);
    if (!number) return undefined;
    const dot = number.lastIndexOf('.');
    return { unit, number, prefix: dot < 0 ? '' : number.substring(0, dot), last: Number(number.substring(dot + 1)) };
}

/** The parent whose number this unit's number must extend: only within the same manual. */
function numberedParent(unit: Unidad): Unidad | undefined {
    const parent = parentOf(unit);
    return parent && manualKey(parent) === manualKey(unit) ? parent : undefined;
}

export function checkNumbering(unit: Unidad, accept: ValidationAcceptor, index: StructureIndex, settings: RuleSettings): void {
    // ISSSTE codes attach staff units with a `.0.` segment (5.3.0.1 hangs from 5.3).
    const allowsStaffSegments = (u: Unidad) => settings.profile(institutionOf(u)).segmentosStaff;
    const self = split(unit);
    if (!self) return;
    if (!/^\d+(\.\d+)*$/.test(self.number)) return;
    const parent = numberedParent(unit);
    const parentNumber = parent ? numberKey(parent.numero) : undefined;
    if (parent && parentNumber) {
        const staff = allowsStaffSegments(unit) && self.prefix === `${parentNumber}.0`;
        if (self.prefix !== parentNumber && !staff) {
            const expected = allowsStaffSegments(unit) ? `${parentNumber}.N o ${parentNumber}.0.N` : `${parentNumber}.N`;
            // The fix keeps the unit's own last segment (and its staff shape) under the parent's
            // number, unless a sibling already has it.
            const staffShape = allowsStaffSegments(unit) && /(^|\.)0$/.test(self.prefix);
            const prefix = staffShape ? `${parentNumber}.0` : parentNumber;
            const used = numberedSiblings(unit, parent, prefix, index).filter(n => n.unit !== unit).map(n => n.last);
            const last = self.last >= 1 && !used.includes(self.last) ? self.last : firstFree(used);
            report(accept, 'estructura-numeracion',
                `el número ${self.number} no continúa el de su unidad superior «${parent.nombre}» (${parentNumber}); se esperaba ${expected}.`,
                { node: unit, property: 'numero', ...renumberData(self, `${prefix}.${last}`) });
            return;
        }
    }
    checkSiblings(unit, self, parent, accept, index);
}

function checkSiblings(unit: Unidad, self: Numbered, parent: Unidad | undefined, accept: ValidationAcceptor, index: StructureIndex): void {
    const siblings = numberedSiblings(unit, parent, self.prefix, index);
    const prefix = self.prefix ? `${self.prefix}.` : '';
    const byLast = new MultiMap<number, Numbered>();
    for (const sibling of siblings) byLast.add(sibling.last, sibling);
    const twins = byLast.get(self.last).filter(n => n.unit !== unit);
    if (twins.length > 0) {
        report(accept, 'estructura-numeracion',
            `el número ${self.number} se repite (también lo tiene «${twins[0].unit.nombre}»).`,
            { node: unit, property: 'numero', ...renumberData(self, `${prefix}${firstFree(siblings.map(s => s.last))}`) });
        return;
    }
    // A manual may describe only part of the structure above its roots (the IMSS manual starts
    // at 8.1, an ISSSTE area at 10.1): gaps are checked only among children of a unit.
    if (!parent) return;
    // Report a gap once, on the first unit after it.
    const lasts = [...new Set(siblings.map(s => s.last))].sort((a, b) => a - b);
    const position = lasts.indexOf(self.last);
    const expectedLast = position === 0 ? 1 : lasts[position - 1] + 1;
    if (self.last !== expectedLast) {
        report(accept, 'estructura-numeracion',
            `falta el número ${prefix}${expectedLast}: las unidades hermanas se numeran de 1 en 1 y después ${position === 0 ? 'del inicio' : `de ${prefix}${lasts[position - 1]}`} sigue ${self.number}.`,
            { node: unit, property: 'numero', ...renumberData(self, `${prefix}${expectedLast}`) });
    }
}
