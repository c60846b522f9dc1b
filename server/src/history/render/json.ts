// The comparison as versioned JSON for other tools; its schema is in docs/comparar.md. Every
// optional value is present as null, so each object of a kind has the same keys.
import type { Difference, PlazaCounts, PlazaReport, RecordRef } from '../compare.js';
import type { ChangeRecord, Place } from '../snapshot.js';
import { KIND_LABELS } from './labels.js';
import { stateTree, summaryOf, type ReportInput } from './model.js';

/** Changes when a field changes meaning or disappears; adding fields keeps it. */
export const COMPARISON_JSON_VERSION = 1;

const nil = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function placeJson(place: Place | undefined) {
    return place ? { file: place.file, line: place.line, absolute: place.absolute } : null;
}

function recordJson(record: RecordRef | ChangeRecord) {
    return { act: record.act, date: nil(record.date), kind: nil(record.kind), source: record.source, place: placeJson(record.place) };
}

function differenceJson(d: Difference) {
    return {
        kind: d.kind,
        label: KIND_LABELS[d.kind].label,
        unit: nil(d.unit),
        unitBefore: nil(d.unitBefore),
        unitName: nil(d.unitName),
        position: nil(d.position),
        before: nil(d.before),
        after: nil(d.after),
        beforeName: nil(d.beforeName),
        afterName: nil(d.afterName),
        subtree: d.subtree ? [...d.subtree] : null,
        index: d.index ? { before: nil(d.index.before), after: nil(d.index.after) } : null,
        words: d.words ? d.words.map(w => ({ text: w.text, change: nil(w.change) })) : null,
        placeBefore: placeJson(d.placeBefore),
        placeAfter: placeJson(d.placeAfter),
        records: d.records.map(recordJson),
        uncovered: d.uncovered
    };
}

/** Centavos as pesos (a number with at most two decimals), null where there is no amount. */
const money = (centavos: number | undefined): number | null => (centavos === undefined ? null : centavos / 100);

function countsJson(c: PlazaCounts, priced: boolean) {
    return {
        before: c.before, after: c.after, created: c.created, suppressed: c.suppressed,
        movedIn: c.movedIn, movedOut: c.movedOut, relevelled: c.relevelled,
        monthlyBefore: priced ? money(c.costBefore ?? 0) : null,
        monthlyAfter: priced ? money(c.costAfter ?? 0) : null,
        monthlyDifference: priced ? money((c.costAfter ?? 0) - (c.costBefore ?? 0)) : null,
        unpricedBefore: c.unpricedBefore, unpricedAfter: c.unpricedAfter
    };
}

function plazasJson(report: PlazaReport | undefined) {
    if (!report) return null;
    const cost = report.cost;
    const priced = cost?.monthlyBefore !== undefined && cost.monthlyAfter !== undefined;
    const both = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? null : money(b - a));
    return {
        units: report.units.map(u => ({
            unit: u.unit === '' ? null : u.unit, name: u.name === '' ? null : u.name, depth: u.depth, suppressed: u.suppressed, changed: u.changed,
            own: countsJson(u.own, priced), subtree: countsJson(u.subtree, priced)
        })),
        total: { ...countsJson(report.total, priced), moved: report.total.moved },
        cost: cost ? {
            scaleBefore: nil(cost.scale.before), scaleAfter: nil(cost.scale.after),
            monthlyBefore: money(cost.monthlyBefore), monthlyAfter: money(cost.monthlyAfter), monthlyDifference: both(cost.monthlyBefore, cost.monthlyAfter),
            annualBefore: money(cost.annualBefore), annualAfter: money(cost.annualAfter), annualDifference: both(cost.annualBefore, cost.annualAfter),
            increases: cost.monthlyBefore === undefined || cost.monthlyAfter === undefined ? null : cost.monthlyAfter > cost.monthlyBefore,
            unpriced: cost.unpriced.map(u => ({ side: u.side, position: u.position, unit: nil(u.unit), level: nil(u.level), plazas: u.plazas }))
        } : null
    };
}

export function comparisonJson(input: ReportInput): Record<string, unknown> {
    const { comparison, asOf } = input;
    const side = (s: typeof comparison.before) => ({
        label: s.label, files: s.files, units: s.units, positions: s.positions,
        problems: s.problems.map(p => ({ file: p.file, line: p.line, message: p.message }))
    });
    const summary = summaryOf(comparison);
    return {
        version: COMPARISON_JSON_VERSION,
        generator: 'estructura comparar',
        before: side(comparison.before),
        after: side(comparison.after),
        asOf: asOf ? {
            date: asOf.date,
            label: asOf.result.state.label,
            applied: asOf.result.applied.map(a => ({ record: recordJson(a.record), units: [...a.units] })),
            skipped: asOf.result.skipped.map(s => ({ record: recordJson(s.record), units: [...s.record.units], reason: s.reason })),
            inconsistencies: asOf.result.inconsistencies.map(i => ({ record: recordJson(i.record), message: i.message })),
            units: stateTree(asOf.result.state).map(({ unit, depth }) => ({
                id: unit.id, name: unit.name, kind: nil(unit.kind), number: nil(unit.number), parent: nil(unit.parent), depth
            }))
        } : null,
        scope: comparison.scope ? { before: nil(comparison.scope.before), after: nil(comparison.scope.after) } : null,
        matches: comparison.matches.map(m => ({ before: m.before, after: m.after, by: m.by })),
        differences: comparison.differences.map(differenceJson),
        unfulfilled: comparison.unfulfilled.map(u => ({ record: recordJson(u.record), units: [...u.units], reason: u.reason })),
        plazas: plazasJson(comparison.plazas),
        summary: {
            differences: summary.total,
            byKind: Object.fromEntries(summary.byKind.map(k => [k.kind, k.count])),
            uncovered: summary.uncovered,
            unfulfilled: summary.unfulfilled
        }
    };
}
