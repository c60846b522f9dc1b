// estructura-numeracion: a unit's number extends its parent's by one segment and siblings run 1..n.
// Federal manuals number otherwise, and the rule reads them as written: a unit heading may carry
// the institution's code (`100`, `111`: a child's code starts with its parent's code without the
// trailing zeros, and codes leave gaps), or a Roman numeral or a letter that need not extend its
// parent's number (`I.`, `II.` under `A.`; `a)` under `I.`; or I.–V. in document order), with arabic
// sub-numbers (`I.1`, `I.2`) that extend it.
import { AstUtils, GrammarUtils, MultiMap, type ValidationAcceptor } from 'langium';
import { CodeActionKind, TextEdit, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver';
import { isUnidad, type Unidad } from '../../generated/ast.js';
import { institutionOf, manualKey, numberKey, parentOf } from '../../model.js';
import type { StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';
import { nodeAtDiagnostic, type FixContext } from '../fixes.js';
import type { RuleSettings } from '../../settings.js';
import { formatNumeral, numeralValue, type NumeralSystem } from '../../numerals.js';

interface Numbered {
    unit: Unidad;
    number: string;
    prefix: string;
    last: number;
    /** How the last segment is written; `code` for a federal code (`111`). */
    system: NumeralSystem | 'code';
}

/** What the quick fix "Renumerar como …" needs (`renumberUnitFix`). */
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

/** Numbered units of the same manual, written in the same system with the given prefix, under a parent (or among the manual's roots). */
function numberedSiblings(unit: Unidad, parent: Unidad | undefined, self: Pick<Numbered, 'prefix' | 'system'>, index: StructureIndex): Numbered[] {
    const manual = manualKey(unit);
    const candidates = parent ? index.snapshot.children.get(parent) : index.snapshot.rootsByManual.get(manual);
    return candidates
        .filter(other => manualKey(other) === manual)
        .map(split)
        .filter((n): n is Numbered => n !== undefined && n.prefix === self.prefix && n.system === self.system);
}

/** A unit's number as segments; undefined when it is not one the rule reads (then it is not checked). */
function split(unit: Unidad): Numbered | undefined {
    const number = numberKey(unit.numero);
    if (!number) return undefined;
    const dot = number.lastIndexOf('.');
    const prefix = dot < 0 ? '' : number.substring(0, dot);
    // A code: one segment of three digits or more (100, 111); outlines start with one or two.
    if (!prefix && /^\d{3,}$/.test(number)) return { unit, number, prefix, last: Number(number), system: 'code' };
    const numeral = numeralValue(number.substring(dot + 1));
    if (!numeral) return undefined;
    // Sub-numbers are arabic, after an arabic or Roman first segment: 7.1.1, 5.3.0.1, I.1.
    if (prefix && (numeral.system !== 'arabic' || !/^(?:\d+|[IVXLCDM]+)(?:\.\d+)*$/.test(prefix))) return undefined;
    return { unit, number, prefix, last: numeral.value, system: numeral.system };
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
    const parent = numberedParent(unit);
    if (self.system === 'code') {
        checkCode(unit, self, parent, accept, index);
        return;
    }
    const parentNumber = parent ? numberKey(parent.numero) : undefined;
    // A lone Roman numeral or letter starts the numbering again under its parent.
    const restarts = self.prefix === '' && self.system !== 'arabic';
    if (parent && parentNumber && !restarts) {
        const staff = allowsStaffSegments(unit) && self.prefix === `${parentNumber}.0`;
        if (self.prefix !== parentNumber && !staff) {
            const expected = allowsStaffSegments(unit) ? `${parentNumber}.N o ${parentNumber}.0.N` : `${parentNumber}.N`;
            // The fix keeps the unit's own last segment (and its staff shape) under the parent's
            // number, unless a sibling already has it.
            const staffShape = allowsStaffSegments(unit) && /(^|\.)0$/.test(self.prefix);
            const prefix = staffShape ? `${parentNumber}.0` : parentNumber;
            const used = numberedSiblings(unit, parent, { prefix, system: self.system }, index).filter(n => n.unit !== unit).map(n => n.last);
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
    const siblings = numberedSiblings(unit, parent, self, index);
    const prefix = self.prefix ? `${self.prefix}.` : '';
    const written = (last: number) => `${prefix}${formatNumeral(last, self.system === 'code' ? 'arabic' : self.system)}`;
    const byLast = new MultiMap<number, Numbered>();
    for (const sibling of siblings) byLast.add(sibling.last, sibling);
    const twins = byLast.get(self.last).filter(n => n.unit !== unit);
    if (twins.length > 0) {
        report(accept, 'estructura-numeracion',
            `el número ${self.number} se repite (también lo tiene «${twins[0].unit.nombre}»).`,
            { node: unit, property: 'numero', ...(self.system === 'code' ? {} : renumberData(self, written(firstFree(siblings.map(s => s.last))))) });
        return;
    }
    // A manual may describe only part of the structure above its roots (the IMSS manual starts
    // at 8.1, an ISSSTE area at 10.1): gaps are checked only among children of a unit. Codes
    // leave gaps on purpose (111, 112, 114); a lone Roman numeral or letter may number the
    // headings in document order across the tree (a Comisión's I.–V., with II.–V. under I. in its
    // Estructura orgánica), so only its sub-numbers (I.1, I.2) must run without gaps.
    if (!parent || self.system === 'code' || (self.prefix === '' && self.system !== 'arabic')) return;
    // Report a gap once, on the first unit after it.
    const lasts = [...new Set(siblings.map(s => s.last))].sort((a, b) => a - b);
    const position = lasts.indexOf(self.last);
    const expectedLast = position === 0 ? 1 : lasts[position - 1] + 1;
    if (self.last !== expectedLast) {
        report(accept, 'estructura-numeracion',
            `falta el número ${written(expectedLast)}: las unidades hermanas se numeran de 1 en 1 y después ${position === 0 ? 'del inicio' : `de ${written(lasts[position - 1])}`} sigue ${self.number}.`,
            { node: unit, property: 'numero', ...renumberData(self, written(expectedLast)) });
    }
}

/**
 * A federal code: it starts with its parent's code without the trailing zeros (121 and 122 under
 * 120, 111 under 100), and no sibling has the same one.
 */
function checkCode(unit: Unidad, self: Numbered, parent: Unidad | undefined, accept: ValidationAcceptor, index: StructureIndex): void {
    const parentNumber = parent ? numberKey(parent.numero) : undefined;
    if (parent && parentNumber && /^\d{3,}$/.test(parentNumber)) {
        const stem = parentNumber.replace(/0+$/, '');
        if (!self.number.startsWith(stem) || self.number === parentNumber || self.number.length !== parentNumber.length) {
            report(accept, 'estructura-numeracion',
                `el código ${self.number} no continúa el de su unidad superior «${parent.nombre}» (${parentNumber}): los códigos de sus unidades empiezan con ${stem} y tienen ${parentNumber.length} cifras.`,
                { node: unit, property: 'numero' });
            return;
        }
    }
    checkSiblings(unit, self, parent, accept, index);
}

/**
 * Quick fix: "Renumerar como 7.1.2". The rule puts the expected number in the diagnostic's data
 * (`RenumberData`); the fix writes it, keeping a trailing period if the number had one, and
 * renumbers the units below it in the same manual (in any of its files) whose numbers extend the
 * old one, so the subtree stays consistent.
 */
export function renumberUnitFix({ document, diagnostic, services }: FixContext): CodeAction[] {
    const data = diagnostic.data as Partial<RenumberData> | undefined;
    if (!data?.numero || !data.actual) return [];
    const node = nodeAtDiagnostic(document, diagnostic);
    const unit = node && AstUtils.getContainerOfType(node, isUnidad);
    // Offer it only while the diagnostic still points at that number.
    if (!unit || numberKey(unit.numero) !== data.actual) return [];
    const edit: WorkspaceEdit = { changes: {} };
    renumber(unit, data.actual, data.numero, edit);
    for (const descendant of descendants(unit, services.structure.StructureIndex)) {
        const number = numberKey(descendant.numero);
        if (number?.startsWith(`${data.actual}.`)) renumber(descendant, number, data.numero + number.substring(data.actual.length), edit);
    }
    return [{
        title: `Renumerar como ${data.numero}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit
    }];
}

function renumber(unit: Unidad, from: string, to: string, edit: WorkspaceEdit): void {
    const node = unit.$cstNode && GrammarUtils.findNodeForProperty(unit.$cstNode, 'numero');
    if (!node) return;
    const trailing = node.text.endsWith('.') && !from.endsWith('.') ? '.' : '';
    const uri = AstUtils.getDocument(unit).uri.toString();
    (edit.changes![uri] ??= []).push(TextEdit.replace(node.range, to + trailing));
}

/** Units below `unit` in its own manual, nested or attached from other files; each once. */
function descendants(unit: Unidad, index: StructureIndex): Unidad[] {
    const manual = manualKey(unit);
    const seen = new Set<Unidad>([unit]);
    const out: Unidad[] = [];
    const pending = [unit];
    while (pending.length > 0) {
        for (const child of index.snapshot.children.get(pending.pop()!)) {
            if (seen.has(child) || manualKey(child) !== manual) continue;
            seen.add(child);
            out.push(child);
            pending.push(child);
        }
    }
    return out;
}
