// The comparison for a terminal or a pipe: plain lines, places as `file:line`, the word difference
// of an edited function as [-removed-]{+added+}; optionally with ANSI colors.
import type { Comparison, Difference, RecordRef } from '../compare.js';
import type { ChangeRecord } from '../snapshot.js';
import { KIND_LABELS, MATCH_LABELS, WORDS } from './labels.js';
import { costLines, PLAZA_WORDS, plazaColumns, plazaRows, unpricedRows } from './plazas.js';
import type { PlazaReport } from '../differences.js';
import {
    functionPosition, functionSpans, groupDifferences, placeOf, placeText, problemPlace, plainText, recordSpans, scopeText, sideFacts, splitSpace, stateTree, subtreeSpans,
    summaryOf, summarySentence, treeSpans, unitSpans, valueSpans, type RenderOptions, type ReportInput, type ReportSections, type Span, writeSections
} from './model.js';

interface Paint {
    heading(text: string): string;
    style(span: Span): string;
    muted(text: string): string;
    warn(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => text === '' ? text : `\x1b[${open}m${text}\x1b[${close}m`;
const bold = sgr(1, 22);
const dim = sgr(90, 39);
const red = sgr(31, 39);
const green = sgr(32, 39);
const cyan = sgr(36, 39);

const PLAIN: Paint = {
    heading: text => text,
    style: span => markers(span),
    muted: text => text,
    warn: text => text
};

const ANSI: Paint = {
    heading: bold,
    style: span => {
        const text = markers(span);
        switch (span.style) {
            case 'label': return bold(text);
            case 'id': return cyan(text);
            case 'warn': return bold(red(text));
            case 'muted': return dim(text);
            case 'del': return red(text);
            case 'ins': return green(text);
            default: return text;
        }
    },
    muted: dim,
    warn: text => bold(red(text))
};

/** Control characters (an escape sequence in a name) would drive the terminal: shown as `�`. */
function clean(text: string): string {
    return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text) ? text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd') : text;
}

/** A removed or added word run between its markers, its surrounding white space outside them. */
function markers(span: Span): string {
    const text = clean(span.text);
    if (span.style !== 'del' && span.style !== 'ins') return text;
    const [lead, core, trail] = splitSpace(text);
    if (core === '') return text;
    return span.style === 'del' ? `${lead}[-${core}-]${trail}` : `${lead}{+${core}+}${trail}`;
}

export function renderText(input: ReportInput, options: RenderOptions & { color?: boolean } = {}): string {
    const report = new TextReport(options.color ? ANSI : PLAIN, options.title ?? WORDS.title);
    writeSections(report, input);
    report.out.push('', summarySentence(summaryOf(input.comparison)));
    return report.out.join('\n') + '\n';
}

/** The lines of a report for a terminal, section by section. */
class TextReport implements ReportSections {
    readonly out: string[] = [];

    constructor(private readonly paint: Paint, private readonly title: string) {}

    private spans(list: readonly Span[]): string {
        let text = '';
        for (const span of list) text += this.paint.style(span);
        return text;
    }

    private at(place: Parameters<typeof placeText>[0]): string {
        const text = placeText(place);
        return text ? `  ${this.paint.muted(clean(text))}` : '';
    }

    private recordLine(record: RecordRef | ChangeRecord): string {
        return this.spans(recordSpans(record)) + this.at(record.place);
    }

    /** Header: the two sides and what could not be read. */
    sides(comparison: Comparison): void {
        const out = this.out;
        out.push(this.paint.heading(this.title));
        out.push(`  ${WORDS.before}:   ${clean(comparison.before.label)} — ${sideFacts(comparison.before)}`);
        out.push(`  ${WORDS.after}: ${clean(comparison.after.label)} — ${sideFacts(comparison.after)}`);
        const scope = scopeText(comparison);
        if (scope) out.push(`  ${clean(scope)}`);
        for (const side of [comparison.before, comparison.after]) {
            if (side.problems.length === 0) continue;
            out.push('', this.paint.warn(`${WORDS.problems(clean(side.label))}:`));
            for (const problem of side.problems) out.push(clean(`  ${problemPlace(problem)}: ${problem.message}`));
        }
    }

    /** The structure at a date: the records undone, skipped or inconsistent, and its units as a tree. */
    asOf({ date, result }: NonNullable<ReportInput['asOf']>): void {
        const out = this.out;
        out.push('', this.paint.heading(WORDS.asOf(date)));
        out.push(`  ${WORDS.applied} (${result.applied.length}). ${WORDS.appliedNote(date)}`);
        for (const applied of result.applied) {
            out.push(`    ${this.recordLine(applied.record)}`);
            if (applied.units.length > 0) out.push(clean(`        ${applied.units.join(', ')}`));
        }
        if (result.skipped.length > 0) {
            out.push(`  ${WORDS.skipped} (${result.skipped.length}):`);
            for (const skipped of result.skipped) out.push(`    ${this.recordLine(skipped.record)}`, clean(`        ${skipped.reason}`));
        }
        if (result.inconsistencies.length > 0) {
            out.push(`  ${WORDS.inconsistencies} (${result.inconsistencies.length}):`);
            for (const item of result.inconsistencies) out.push(`    ${this.recordLine(item.record)}`, clean(`        ${item.message}`));
        }
        const tree = stateTree(result.state);
        out.push(`  ${WORDS.stateUnits(date)} (${tree.length}):`);
        for (const entry of tree) out.push(`    ${'  '.repeat(entry.depth)}${this.spans(treeSpans(entry.unit))}`);
    }

    matches(comparison: Comparison): void {
        if (comparison.matches.length === 0) return;
        this.out.push('', this.paint.heading(`${WORDS.matches} (${comparison.matches.length})`));
        for (const match of comparison.matches) this.out.push(clean(`  ${match.before} → ${match.after}  (${MATCH_LABELS[match.by]})`));
    }

    /** Units, positions, then the function edits per unit. */
    differences(comparison: Comparison): void {
        const out = this.out;
        const groups = groupDifferences(comparison.differences);
        if (comparison.differences.length === 0) out.push('', WORDS.noDifferences);
        if (groups.units.length > 0) {
            out.push('', this.paint.heading(`${WORDS.units} (${groups.units.length})`));
            for (const d of groups.units) this.difference(d, '  ');
        }
        if (groups.positions.length > 0) {
            out.push('', this.paint.heading(`${WORDS.positions} (${groups.positions.length})`));
            for (const d of groups.positions) this.difference(d, '  ');
        }
        if (groups.functions.length > 0) this.functions(groups.functions);
    }

    private difference(d: Difference, indent: string): void {
        const { out, paint } = this;
        const head = d.position !== undefined
            ? [{ text: `${WORDS.position} ` }, { text: d.position, style: 'id' as const }, { text: ' en ' }, ...unitSpans(d, undefined)]
            : unitSpans(d, undefined);
        out.push(`${indent}${paint.heading(KIND_LABELS[d.kind].label)}  ${this.spans(head)}${this.at(placeOf(d))}`);
        const before = valueSpans(d, 'before');
        const after = valueSpans(d, 'after');
        if (before && after) out.push(`${indent}    antes:   ${this.spans(before)}`, `${indent}    después: ${this.spans(after)}`);
        else if ((before || after) && plainText((before ?? after)!) !== d.unitName) out.push(`${indent}    ${this.spans((before ?? after)!)}`);
        const subtree = subtreeSpans(d);
        if (subtree) out.push(`${indent}    ${this.spans(subtree)}`);
        for (const record of d.records) out.push(`${indent}    acuerdo: ${this.recordLine(record)}`);
        if (d.uncovered) out.push(`${indent}    ${paint.warn(WORDS.uncovered)}`);
    }

    private functions(groups: ReturnType<typeof groupDifferences>['functions']): void {
        const { out, paint } = this;
        const count = groups.reduce((n, g) => n + g.differences.length, 0);
        out.push('', paint.heading(`${WORDS.functions} (${count})`));
        for (const group of groups) {
            out.push(`  ${this.spans([{ text: group.unit ?? WORDS.none, style: 'id' }, { text: group.unitName ? ` ${group.unitName}` : '' }])} (${group.differences.length})`);
            for (const d of group.differences) {
                out.push(`    ${paint.heading(KIND_LABELS[d.kind].label)}, ${functionPosition(d)}${this.at(placeOf(d))}`);
                out.push(`        ${this.spans(functionSpans(d))}`);
                for (const record of d.records) out.push(`        acuerdo: ${this.recordLine(record)}`);
                if (d.uncovered) out.push(`        ${paint.warn(WORDS.uncovered)}`);
            }
        }
    }

    /** Each changed unit (with those below it) on a line: its plazas, their changes and cost; then the cost. */
    plazas(report: PlazaReport): void {
        const out = this.out;
        out.push('', this.paint.heading(PLAZA_WORDS.heading), `  ${PLAZA_WORDS.note}`);
        const names = plazaColumns(report).slice(1).map(c => c.toLowerCase());
        for (const row of plazaRows(report)) {
            const facts = row.cells.map((cell, i) => `${names[i]} ${cell}`).join('; ');
            out.push(`  ${'  '.repeat(row.depth)}${this.spans(row.unit)}: ${clean(facts)}`);
        }
        if (!report.cost) return;
        out.push('');
        for (const line of costLines(report.cost)) out.push(`  ${this.spans(line)}`);
        if (report.cost.unpriced.length === 0) return;
        out.push(`  ${PLAZA_WORDS.unpriced}:`);
        for (const cells of unpricedRows(report.cost)) out.push(`    ${cells.map(c => this.spans(c)).join('  ')}`);
    }

    unfulfilled(comparison: Comparison): void {
        if (comparison.unfulfilled.length === 0) return;
        this.out.push('', this.paint.heading(`${WORDS.unfulfilled} (${comparison.unfulfilled.length})`));
        for (const item of comparison.unfulfilled) {
            this.out.push(`  ${this.recordLine(item.record)}`);
            if (item.units.length > 0) this.out.push(clean(`      ${item.units.join(', ')}`));
            this.out.push(clean(`      ${item.reason}`));
        }
    }
}
