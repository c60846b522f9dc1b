// The comparison as one self-contained HTML page (inline CSS, no scripts, nothing remote), printable:
// the same sections as the Markdown report, function edits with <del>/<ins>. Every text and every
// attribute is escaped; a link target that is not a plain address (javascript:, data:) is dropped.
import type { Comparison, Difference, RecordRef } from '../compare.js';
import type { ChangeRecord, Place } from '../snapshot.js';
import { KIND_LABELS, MATCH_LABELS, WORDS } from './labels.js';
import { costLines, PLAZA_WORDS, plazaColumns, plazaRows, unpricedRows } from './plazas.js';
import type { PlazaReport } from '../differences.js';
import {
    cuadroRow, functionPosition, functionSpans, groupDifferences, placeOf, problemPlace, recordKindLabel, scopeText, stateTree, summaryOf,
    summarySentence, treeSpans, type RenderOptions, type ReportInput, type ReportSections, type Span, writeSections
} from './model.js';

const CSS = `
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1f2933; max-width: 72em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .6em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #cbd2d9; padding-bottom: .2em; margin-top: 1.8em; }
h3 { font-size: 1.1em; margin: 1.4em 0 .4em; }
table { border-collapse: collapse; margin: .6em 0 1.2em; width: 100%; }
th, td { border: 1px solid #cbd2d9; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #f0f4f8; font-weight: 600; }
table.lados { width: auto; }
table.cuadro td:first-child { width: 22%; }
table.cuadro td:last-child { width: 22%; }
table.registros td:first-child { white-space: nowrap; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .88em; color: #3e4c59; }
.tipo { display: block; color: #52606d; font-size: .9em; font-style: italic; }
.aspecto { font-weight: 600; }
.tenue { color: #7b8794; }
.alerta { color: #b3261e; font-weight: 700; }
.resumen { background: #f0f4f8; border-left: 4px solid #52606d; padding: .5em .8em; }
del { background: #fde8e8; color: #9b1c1c; }
ins { background: #def7ec; color: #03543f; text-decoration: none; border-bottom: 1px solid #31c48d; }
ul.arbol, ul.arbol ul { list-style: none; padding-left: 1.4em; margin: 0; }
ul.arbol { padding-left: 0; }
ul.funciones > li { margin: .5em 0; text-align: justify; }
.problemas li { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }
@media print {
  @page { size: letter landscape; margin: 1.5cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, ul.funciones > li { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The table of plazas and cost: amounts right-aligned; only in pages that have it. */
const PLAZAS_CSS = `table.plazas td:not(:first-child) { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.plazas tr.total td { font-weight: 700; border-top: 2px solid #52606d; }
`;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
    return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, c => HTML_ENTITIES[c]) : text;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A link target, unless it names a scheme that runs or embeds content. */
function safeUrl(url: string): string | undefined {
    // Browsers skip control characters inside a scheme (`java\tscript:`).
    const bare = /[\u0000-\u001f]/.test(url) ? url.replace(/[\u0000-\u001f]/g, '') : url;
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1].toLowerCase();
    return scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data' ? undefined : url;
}

export function renderHtml(input: ReportInput, options: RenderOptions = {}): string {
    const report = new HtmlReport(options);
    writeSections(report, input);
    report.out.push('</body>', '</html>');
    return report.out.join('\n') + '\n';
}

/** The HTML lines of a report, section by section. */
class HtmlReport implements ReportSections {
    readonly out: string[] = [];

    constructor(private readonly options: RenderOptions) {}

    private link(inner: string, place: Place | undefined): string {
        const raw = place && this.options.href?.(place);
        const url = raw === undefined ? undefined : safeUrl(raw);
        return url ? `<a href="${escapeHtml(url)}">${inner}</a>` : inner;
    }

    private span(s: Span): string {
        const text = escapeHtml(s.text);
        let inner: string;
        switch (s.style) {
            case 'id': inner = `<code>${text}</code>`; break;
            case 'label': inner = `<span class="aspecto">${text}</span>`; break;
            case 'warn': inner = `<span class="alerta">${text}</span>`; break;
            case 'muted': inner = `<span class="tenue">${text}</span>`; break;
            case 'del': inner = `<del>${text}</del>`; break;
            case 'ins': inner = `<ins>${text}</ins>`; break;
            default: inner = text;
        }
        return this.link(inner, s.place);
    }

    private spans(list: readonly Span[]): string {
        let text = '';
        for (const s of list) text += this.span(s);
        return text;
    }

    private table(className: string, head: string[], rows: string[][]): void {
        this.out.push(`<table class="${className}">`, `<thead><tr>${head.map(h => `<th>${h}</th>`).join('')}</tr></thead>`, '<tbody>');
        for (const row of rows) this.out.push(`<tr>${row.map(c => `<td>${c}</td>`).join('')}</tr>`);
        this.out.push('</tbody>', '</table>');
    }

    private recordCells(record: RecordRef | ChangeRecord): string[] {
        return [
            escapeHtml(record.date ?? WORDS.noDate),
            this.spans([{ text: record.act || WORDS.noAct, place: record.place }]),
            escapeHtml(recordKindLabel(record.kind) ?? '')
        ];
    }

    /** The page's head and title, the two sides, the scope, the summary and each side's problems. */
    sides(comparison: Comparison): void {
        const out = this.out;
        const title = escapeHtml(this.options.title ?? WORDS.title);
        out.push('<!DOCTYPE html>', '<html lang="es">', '<head>', '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            `<title>${title}</title>`, `<style>${CSS}${comparison.plazas ? PLAZAS_CSS : ''}</style>`, '</head>', '<body>', `<h1>${title}</h1>`);
        this.table('lados', ['', WORDS.before, WORDS.after], [
            [`<strong>${WORDS.version}</strong>`, escapeHtml(comparison.before.label), escapeHtml(comparison.after.label)],
            [`<strong>${WORDS.files}</strong>`, String(comparison.before.files), String(comparison.after.files)],
            [`<strong>${WORDS.units}</strong>`, String(comparison.before.units), String(comparison.after.units)],
            [`<strong>${WORDS.positions}</strong>`, String(comparison.before.positions), String(comparison.after.positions)]
        ]);
        const scope = scopeText(comparison);
        if (scope) out.push(`<p>${escapeHtml(scope)}</p>`);
        out.push(`<p class="resumen">${escapeHtml(summarySentence(summaryOf(comparison)))}</p>`);
        for (const side of [comparison.before, comparison.after]) {
            if (side.problems.length === 0) continue;
            out.push(`<p class="alerta">${escapeHtml(WORDS.problems(side.label))}:</p>`, '<ul class="problemas">');
            for (const problem of side.problems) out.push(`<li>${escapeHtml(`${problemPlace(problem)}: ${problem.message}`)}</li>`);
            out.push('</ul>');
        }
    }

    /** The structure at a date: the records undone, skipped or inconsistent, and its units as a tree. */
    asOf({ date, result }: NonNullable<ReportInput['asOf']>): void {
        const out = this.out;
        out.push('<section class="al">', `<h2>${escapeHtml(WORDS.asOf(date))}</h2>`);
        out.push(`<h3>${WORDS.applied} (${result.applied.length})</h3>`, `<p>${escapeHtml(WORDS.appliedNote(date))}</p>`);
        if (result.applied.length > 0) {
            this.table('registros', [WORDS.date, WORDS.act, WORDS.kind, WORDS.units], result.applied.map(a => [...this.recordCells(a.record), ids(a.units)]));
        }
        if (result.skipped.length > 0) {
            out.push(`<h3>${WORDS.skipped} (${result.skipped.length})</h3>`);
            this.table('registros', [WORDS.date, WORDS.act, WORDS.kind, WORDS.reason], result.skipped.map(s => [...this.recordCells(s.record), escapeHtml(s.reason)]));
        }
        if (result.inconsistencies.length > 0) {
            out.push(`<h3>${WORDS.inconsistencies} (${result.inconsistencies.length})</h3>`);
            this.table('registros', [WORDS.date, WORDS.act, WORDS.kind, WORDS.reason], result.inconsistencies.map(i => [...this.recordCells(i.record), escapeHtml(i.message)]));
        }
        const tree = stateTree(result.state);
        out.push(`<h3>${escapeHtml(WORDS.stateUnits(date))} (${tree.length})</h3>`);
        this.tree(tree);
        out.push('</section>');
    }

    /** Nested lists from the depths: open a list on going down, close on coming back up. */
    private tree(tree: ReturnType<typeof stateTree>): void {
        const out = this.out;
        let depth = -1;
        for (const entry of tree) {
            if (entry.depth > depth) {
                for (let d = depth; d < entry.depth; d++) out.push(d === -1 ? '<ul class="arbol">' : '<ul>');
            } else {
                out.push('</li>');
                for (let d = depth; d > entry.depth; d--) out.push('</ul></li>');
            }
            depth = entry.depth;
            out.push(`<li>${this.spans(treeSpans(entry.unit))}`);
        }
        if (depth >= 0) {
            out.push('</li>');
            for (let d = depth; d > 0; d--) out.push('</ul></li>');
            out.push('</ul>');
        }
    }

    matches(comparison: Comparison): void {
        if (comparison.matches.length === 0) return;
        this.out.push(`<h2>${WORDS.matches} (${comparison.matches.length})</h2>`);
        this.table('coincidencias', [WORDS.before, WORDS.after, WORDS.evidence],
            comparison.matches.map(m => [ids([m.before]), ids([m.after]), escapeHtml(MATCH_LABELS[m.by])]));
    }

    /** The cuadro comparativo of units and positions, then the function edits per unit. */
    differences(comparison: Comparison): void {
        const out = this.out;
        const groups = groupDifferences(comparison.differences);
        if (comparison.differences.length === 0) out.push(`<p>${WORDS.noDifferences}</p>`);
        if (groups.units.length > 0 || groups.positions.length > 0) {
            out.push(`<h2>${WORDS.cuadro}</h2>`);
            this.cuadro(WORDS.units, groups.units);
            this.cuadro(WORDS.positions, groups.positions);
        }
        if (groups.functions.length > 0) this.functions(groups.functions);
    }

    private cuadro(heading: string, list: Difference[]): void {
        if (list.length === 0) return;
        this.out.push(`<h3>${heading} (${list.length})</h3>`);
        this.table('cuadro', [WORDS.unit, WORDS.current, WORDS.proposed, WORDS.act], list.map(d => {
            const row = cuadroRow(d);
            return [`${this.spans(row.unit)}<span class="tipo">${escapeHtml(KIND_LABELS[d.kind].label)}</span>`, this.spans(row.current), this.spans(row.proposed), this.spans(row.act)];
        }));
    }

    private functions(groups: ReturnType<typeof groupDifferences>['functions']): void {
        const out = this.out;
        const count = groups.reduce((n, g) => n + g.differences.length, 0);
        out.push(`<h2>${WORDS.functions} (${count})</h2>`);
        for (const group of groups) {
            out.push(`<h3>${this.spans([{ text: group.unit ?? WORDS.none, style: 'id' }, { text: group.unitName ? ` ${group.unitName}` : '' }])} (${group.differences.length})</h3>`, '<ul class="funciones">');
            for (const d of group.differences) {
                const where = this.spans([{ text: functionPosition(d), place: placeOf(d) }]);
                const act = d.records.length > 0 || d.uncovered ? `<br>${WORDS.act}: ${this.spans(cuadroRow(d).act)}` : '';
                out.push(`<li><strong>${escapeHtml(KIND_LABELS[d.kind].label)}</strong>, ${where}: ${this.spans(functionSpans(d))}${act}</li>`);
            }
            out.push('</ul>');
        }
    }

    /** The table «plazas y costo por unidad» (units indented by depth, the total row in bold), the cost and the plazas without one. */
    plazas(report: PlazaReport): void {
        const out = this.out;
        out.push(`<h2>${PLAZA_WORDS.heading}</h2>`, `<p>${escapeHtml(PLAZA_WORDS.note)}</p>`);
        out.push('<table class="plazas">', `<thead><tr>${plazaColumns(report).map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`, '<tbody>');
        for (const row of plazaRows(report)) {
            const indent = row.depth > 0 ? ` style="padding-left: ${0.5 + 1.2 * row.depth}em"` : '';
            out.push(`<tr${row.total ? ' class="total"' : ''}><td${indent}>${this.spans(row.unit)}</td>${row.cells.map(c => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
        }
        out.push('</tbody>', '</table>');
        if (!report.cost) return;
        for (const line of costLines(report.cost)) out.push(`<p>${this.spans(line)}</p>`);
        if (report.cost.unpriced.length === 0) return;
        out.push(`<h3>${escapeHtml(PLAZA_WORDS.unpriced)}</h3>`);
        this.table('registros', [...PLAZA_WORDS.unpricedColumns], unpricedRows(report.cost).map(cells => cells.map(c => this.spans(c))));
    }

    unfulfilled(comparison: Comparison): void {
        if (comparison.unfulfilled.length === 0) return;
        this.out.push(`<h2>${WORDS.unfulfilled} (${comparison.unfulfilled.length})</h2>`);
        this.table('registros', [WORDS.date, WORDS.act, WORDS.kind, WORDS.units, WORDS.reason],
            comparison.unfulfilled.map(u => [...this.recordCells(u.record), ids(u.units), escapeHtml(u.reason)]));
    }
}

function ids(list: readonly string[]): string {
    return list.map(id => `<code>${escapeHtml(id)}</code>`).join(', ');
}
