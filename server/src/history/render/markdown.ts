// The comparison as Markdown (GitHub flavored) an analyst can attach to a proposal: the sides, the
// summary, the structure at a date, the cuadro comparativo (Unidad | Situación actual | Situación
// propuesta | Acuerdo), the function edits per unit (~~removed~~ **added**) and the records without
// a visible change. Every text is escaped; table cells also escape `|` and line breaks.
import type { Comparison, Difference, RecordRef } from '../compare.js';
import type { ChangeRecord, Place } from '../snapshot.js';
import { KIND_LABELS, MATCH_LABELS, WORDS } from './labels.js';
import { costLines, PLAZA_WORDS, plazaColumns, plazaRows, unpricedRows } from './plazas.js';
import type { PlazaReport } from '../differences.js';
import {
    cuadroRow, functionPosition, functionSpans, groupDifferences, placeOf, problemPlace, recordKindLabel, scopeText, splitSpace, stateTree, summaryOf,
    summarySentence, treeSpans, type RenderOptions, type ReportInput, type ReportSections, type Span, writeSections
} from './model.js';

const MARKUP = /[\\`*_[\]|~&<>$\r\n]/;
const MARKUP_ALL = /[\\`*_[\]|~&<>$]|\r\n?|\n/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes what Markdown reads as markup inside a line (`$` too: GitHub reads `$…$` as math, and
 * amounts are written `$1,234.56`); `<`, `>` and `&` as entities, so that no
 * renderer, with raw HTML allowed or not, reads a tag in a name. Line breaks become spaces.
 */
export function mdText(text: string): string {
    return MARKUP.test(text) ? text.replace(MARKUP_ALL, c => ENTITIES[c] ?? (c[0] === '\r' || c === '\n' ? ' ' : `\\${c}`)) : text;
}

/** A table cell: markup escaped (`|` too), line breaks as `<br>`. */
function mdCell(text: string): string {
    return MARKUP.test(text) ? text.replace(MARKUP_ALL, c => ENTITIES[c] ?? (c[0] === '\r' || c === '\n' ? '<br>' : `\\${c}`)) : text;
}

/** A code span (for ids and places): no backticks, pipes or line breaks to break it or a table. */
function code(text: string): string {
    return `\`${text.replace(/[`|\r\n]/g, '')}\``;
}

/** A link target Markdown cannot misread: no spaces, parentheses, angle brackets or pipes. */
function mdUrl(url: string): string {
    return url.replace(/[\s()<>|\\]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function renderMarkdown(input: ReportInput, options: RenderOptions = {}): string {
    const report = new MarkdownReport(options);
    writeSections(report, input);
    return report.out.join('\n').replace(/\n+$/, '') + '\n';
}

/** The Markdown lines of a report, section by section. */
class MarkdownReport implements ReportSections {
    readonly out: string[] = [];

    constructor(private readonly options: RenderOptions) {}

    private link(place: Place | undefined): string | undefined {
        const url = place && this.options.href?.(place);
        return url ? mdUrl(url) : undefined;
    }

    private span(s: Span, cell: boolean): string {
        const escape = cell ? mdCell : mdText;
        let text: string;
        if (s.style === 'del' || s.style === 'ins') {
            const [lead, core, trail] = splitSpace(s.text);
            if (core === '') return escape(s.text);
            const mark = s.style === 'del' ? '~~' : '**';
            return `${escape(lead)}${mark}${escape(core)}${mark}${escape(trail)}`;
        }
        if (s.style === 'id' && s.text !== '') text = code(s.text);
        else if ((s.style === 'label' || s.style === 'warn') && s.text.trim() !== '') {
            const [lead, core, trail] = splitSpace(s.text);
            text = `${escape(lead)}**${escape(core)}**${escape(trail)}`;
        } else if (s.style === 'muted' && s.text.trim() !== '' && s.text !== WORDS.none) {
            const [lead, core, trail] = splitSpace(s.text);
            text = `${escape(lead)}*${escape(core)}*${escape(trail)}`;
        } else text = escape(s.text);
        const url = this.link(s.place);
        return url ? `[${text}](${url})` : text;
    }

    private spans(list: readonly Span[], cell = false): string {
        let text = '';
        for (const s of list) text += this.span(s, cell);
        return text;
    }

    /** A table; `right` aligns all columns but the first to the right (numbers and amounts). */
    private table(head: string[], rows: string[][], right = false): void {
        this.out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (right && i > 0 ? '---:' : '---')).join('|')}|`);
        for (const row of rows) this.out.push(`| ${row.map(c => (c === '' ? ' ' : c)).join(' | ')} |`);
        this.out.push('');
    }

    private recordCells(record: RecordRef | ChangeRecord): string[] {
        return [
            mdCell(record.date ?? WORDS.noDate),
            this.spans([{ text: record.act || WORDS.noAct, place: record.place }], true),
            mdCell(recordKindLabel(record.kind) ?? '')
        ];
    }

    /** The title, the two sides, the scope, the summary and each side's problems. */
    sides(comparison: Comparison): void {
        const out = this.out;
        out.push(`# ${mdText(this.options.title ?? WORDS.title)}`, '');
        this.table(['', WORDS.before, WORDS.after], [
            [WORDS.version, mdCell(comparison.before.label), mdCell(comparison.after.label)],
            [WORDS.files, String(comparison.before.files), String(comparison.after.files)],
            [WORDS.units, String(comparison.before.units), String(comparison.after.units)],
            [WORDS.positions, String(comparison.before.positions), String(comparison.after.positions)]
        ]);
        const scope = scopeText(comparison);
        if (scope) out.push(mdText(scope), '');
        out.push(`**${mdText(summarySentence(summaryOf(comparison)))}**`, '');
        for (const side of [comparison.before, comparison.after]) {
            if (side.problems.length === 0) continue;
            out.push(`**${mdText(WORDS.problems(side.label))}:**`, '');
            for (const problem of side.problems) out.push(`- ${code(problemPlace(problem))}: ${mdText(problem.message)}`);
            out.push('');
        }
    }

    /** The structure at a date: the records undone, skipped or inconsistent, and its units as a tree. */
    asOf({ date, result }: NonNullable<ReportInput['asOf']>): void {
        const out = this.out;
        out.push(`## ${mdText(WORDS.asOf(date))}`, '');
        out.push(`### ${WORDS.applied} (${result.applied.length})`, '', mdText(WORDS.appliedNote(date)), '');
        if (result.applied.length > 0) {
            this.table([WORDS.date, WORDS.act, WORDS.kind, WORDS.units], result.applied.map(a => [...this.recordCells(a.record), ids(a.units)]));
        }
        if (result.skipped.length > 0) {
            out.push(`### ${WORDS.skipped} (${result.skipped.length})`, '');
            this.table([WORDS.date, WORDS.act, WORDS.kind, WORDS.reason], result.skipped.map(s => [...this.recordCells(s.record), mdCell(s.reason)]));
        }
        if (result.inconsistencies.length > 0) {
            out.push(`### ${WORDS.inconsistencies} (${result.inconsistencies.length})`, '');
            this.table([WORDS.date, WORDS.act, WORDS.kind, WORDS.reason], result.inconsistencies.map(i => [...this.recordCells(i.record), mdCell(i.message)]));
        }
        const tree = stateTree(result.state);
        out.push(`### ${mdText(WORDS.stateUnits(date))} (${tree.length})`, '');
        for (const entry of tree) {
            // A number like `12.` then a space at the start of an item would open an ordered list.
            out.push(`${'  '.repeat(entry.depth)}- ${this.spans(treeSpans(entry.unit)).replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')}`);
        }
        out.push('');
    }

    matches(comparison: Comparison): void {
        if (comparison.matches.length === 0) return;
        this.out.push(`## ${WORDS.matches} (${comparison.matches.length})`, '');
        this.table([WORDS.before, WORDS.after, WORDS.evidence], comparison.matches.map(m => [ids([m.before]), ids([m.after]), mdCell(MATCH_LABELS[m.by])]));
    }

    /** The cuadro comparativo of units and positions, then the function edits per unit. */
    differences(comparison: Comparison): void {
        const out = this.out;
        const groups = groupDifferences(comparison.differences);
        if (comparison.differences.length === 0) out.push(WORDS.noDifferences, '');
        if (groups.units.length > 0 || groups.positions.length > 0) {
            out.push(`## ${WORDS.cuadro}`, '');
            this.cuadro(WORDS.units, groups.units);
            this.cuadro(WORDS.positions, groups.positions);
        }
        if (groups.functions.length > 0) this.functions(groups.functions);
    }

    private cuadro(title: string, list: Difference[]): void {
        if (list.length === 0) return;
        this.out.push(`### ${title} (${list.length})`, '');
        this.table([WORDS.unit, WORDS.current, WORDS.proposed, WORDS.act], list.map(d => {
            const row = cuadroRow(d);
            return [this.spans(row.unit, true) + `<br>*${mdCell(KIND_LABELS[d.kind].label)}*`, this.spans(row.current, true), this.spans(row.proposed, true), this.spans(row.act, true)];
        }));
    }

    private functions(groups: ReturnType<typeof groupDifferences>['functions']): void {
        const out = this.out;
        const count = groups.reduce((n, g) => n + g.differences.length, 0);
        out.push(`## ${WORDS.functions} (${count})`, '');
        for (const group of groups) {
            out.push(`### ${this.spans([{ text: group.unit ?? WORDS.none, style: 'id' }, { text: group.unitName ? ` ${group.unitName}` : '' }])} (${group.differences.length})`, '');
            for (const d of group.differences) {
                const where = this.spans([{ text: functionPosition(d), place: placeOf(d) }]);
                out.push(`- **${KIND_LABELS[d.kind].label}**, ${where}: ${this.spans(functionSpans(d))}`);
                if (d.records.length > 0 || d.uncovered) out.push(`  ${WORDS.act}: ${this.spans(cuadroRow(d).act)}`);
            }
            out.push('');
        }
    }

    /** The table «plazas y costo por unidad» (units indented by depth, the total in bold), the cost and the plazas without one. */
    plazas(report: PlazaReport): void {
        const out = this.out;
        out.push(`## ${PLAZA_WORDS.heading}`, '', mdText(PLAZA_WORDS.note), '');
        // Table cells drop leading spaces: no-break spaces keep the indentation of a unit under another.
        this.table(plazaColumns(report), plazaRows(report).map(row => {
            const unit = '\u00a0\u00a0'.repeat(row.depth) + this.spans(row.unit, true);
            return [unit, ...row.cells.map(c => row.total ? `**${mdCell(c)}**` : mdCell(c))];
        }), true);
        if (!report.cost) return;
        for (const line of costLines(report.cost)) out.push(this.spans(line), '');
        if (report.cost.unpriced.length === 0) return;
        out.push(`### ${mdText(PLAZA_WORDS.unpriced)}`, '');
        this.table([...PLAZA_WORDS.unpricedColumns], unpricedRows(report.cost).map(cells => cells.map(c => this.spans(c, true))));
    }

    unfulfilled(comparison: Comparison): void {
        if (comparison.unfulfilled.length === 0) return;
        this.out.push(`## ${WORDS.unfulfilled} (${comparison.unfulfilled.length})`, '');
        this.table([WORDS.date, WORDS.act, WORDS.kind, WORDS.units, WORDS.reason],
            comparison.unfulfilled.map(u => [...this.recordCells(u.record), ids(u.units), mdCell(u.reason)]));
    }
}

function ids(list: readonly string[]): string {
    return list.map(code).join(', ');
}
