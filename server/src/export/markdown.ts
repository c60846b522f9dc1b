// A manual as Markdown, in the official order: header, prose sections, organigramas, then every
// unit in number order with its functions (numbers as in the source), incisos and positions.
// Texts are written verbatim; only the characters Markdown would read as markup are escaped.
import type { Funcion } from '../language/generated/ast.js';
import { changeSummary, isChartSection, positionSummary, unitFacts, type ManualDocument, type UnitEntry } from './manual-document.js';

export interface MarkdownCharts {
    /** SVG documents embedded as HTML blocks (stdout: one file only). */
    inline?: string[];
    /** SVG files written beside the document, linked by relative name. */
    linked?: Array<{ file: string; title: string }>;
}

export function manualMarkdown(manual: ManualDocument, charts: MarkdownCharts = {}): string {
    const out: string[] = [...headerMarkdown(manual)];
    const chartBlock = (): string[] => {
        const lines: string[] = [];
        for (const c of charts.linked ?? []) lines.push(`![Organigrama: ${inline(c.title)}](${encodeURI(c.file)})`, '');
        for (const svg of charts.inline ?? []) lines.push('<div class="organigrama">', '', svg.replace(/\n+/g, '\n'), '', '</div>', '');
        return lines;
    };
    let chartsPlaced = false;
    for (const section of manual.sections) {
        out.push(`## ${inline(section.titulo)}`, '');
        for (const paragraph of section.parrafos) out.push(paragraphText(paragraph), '');
        if (!chartsPlaced && isChartSection(section)) {
            out.push(...chartBlock());
            chartsPlaced = true;
        }
    }
    const hasCharts = (charts.linked?.length ?? 0) + (charts.inline?.length ?? 0) > 0;
    if (!chartsPlaced && hasCharts && manual.units.length > 0) {
        out.push('## Organigramas', '', ...chartBlock());
    }

    if (manual.units.length > 0) {
        out.push('## Funciones', '');
        for (const entry of manual.units) out.push(...unitMarkdown(entry, manual));
    }
    const unattached = manual.positions.filter(p => !manual.units.some(u => u.positions.includes(p)));
    if (unattached.length > 0) {
        out.push('## Puestos', '');
        for (const p of unattached) out.push(`- ${inline(positionSummary(p))}`);
        out.push('');
    }
    out.push(...changesMarkdown(manual));
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The manual's title, its data as a table, and its acuerdos. */
function headerMarkdown(manual: ManualDocument): string[] {
    const out: string[] = [];
    const header = manual.header;
    out.push(`# ${inline(manual.title)}`, '');
    const rows: Array<[string, string]> = [];
    if (manual.institution) rows.push(['Institución', manual.institution]);
    if (header?.clave) rows.push(['Clave', header.clave]);
    if (header?.vigencia) rows.push(['Vigencia', header.vigencia]);
    if (header?.publicacion) rows.push(['Publicación', header.publicacion]);
    if (header?.fuente) rows.push(['Fuente', header.fuente]);
    if (rows.length > 0) {
        out.push('| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`), '');
    }
    if (manual.acuerdos.length > 0) {
        out.push('**Acuerdos:**', '');
        for (const a of manual.acuerdos) out.push(`- ${inline(a.id)}${a.fecha ? ` (${a.fecha})` : ''}`);
        out.push('');
    }
    return out;
}

function changesMarkdown(manual: ManualDocument): string[] {
    if (manual.changes.length === 0) return [];
    const out: string[] = ['## Cambios registrados', ''];
    for (const change of manual.changes) {
        const c = changeSummary(change);
        out.push(`- **${inline(c.authority)}**${c.date ? ` (${c.date})` : ''}${c.type ? `, ${c.type}` : ''}${c.units ? `: ${inline(c.units)}` : ''}`);
        if (c.description) out.push(`  > ${inline(c.description)}`);
    }
    out.push('');
    return out;
}

function unitMarkdown(entry: UnitEntry, manual: ManualDocument): string[] {
    const out: string[] = [];
    const level = Math.min(6, 3 + entry.depth);
    out.push(`${'#'.repeat(level)} ${entry.number ? `${entry.number} ` : ''}${inline(entry.name)}`, '');
    const facts = unitFacts(entry, manual);
    const line: string[] = [];
    if (facts.kind) line.push(`*${inline(facts.kind)}*`);
    if (facts.adscription) {
        const a = facts.adscription;
        line.push(`adscrita a: ${a.number ? `${a.number} ` : ''}${inline(a.name)}${a.inManual ? '' : ` (\`${a.qualifiedId}\`, otro manual)`}`);
    } else if (facts.unresolvedAdscription) {
        line.push(`adscrita a: \`${facts.unresolvedAdscription}\` (no definida)`);
    }
    if (facts.sameAs) line.push(`misma unidad que: ${inline(facts.sameAs)}`);
    line.push(...facts.attributes);
    out.push(`${line.join(' · ')}${line.length > 0 ? ' · ' : ''}\`${entry.qualifiedId}\``, '');
    if (facts.aliases.length > 0) out.push(`**También llamada:** ${facts.aliases.map(inline).join('; ')}`, '');
    if (facts.formerNames.length > 0) out.push(`**Nombres anteriores:** ${facts.formerNames.map(inline).join('; ')}`, '');
    if (entry.unit.objetivo) out.push(`**Objetivo:** ${inline(entry.unit.objetivo)}`, '');
    if (entry.unit.funciones.length > 0) {
        out.push('**Funciones:**', '');
        for (const fn of entry.unit.funciones) out.push(...functionMarkdown(fn));
    }
    if (entry.positions.length > 0) {
        out.push('**Puestos:**', '');
        for (const p of entry.positions) out.push(`- ${inline(positionSummary(p))}`);
        out.push('');
    }
    return out;
}

function functionMarkdown(fn: Funcion): string[] {
    const out: string[] = [];
    const marks = [fn.autoridad ? 'acto de autoridad' : '', fn.fundamento ? `fundamento: ${fn.fundamento}` : ''].filter(Boolean);
    const text = fn.numero ? `**${fn.numero.replace(/\.$/, '')}.** ${inline(fn.texto)}` : paragraphText(fn.texto);
    out.push(`${text}${marks.length > 0 ? ` *(${inline(marks.join('; '))})*` : ''}`, '');
    if (fn.incisos.length > 0) {
        for (const inciso of fn.incisos) out.push(`- ${inciso.letra ? `${inciso.letra}) ` : ''}${inline(inciso.texto)}`);
        out.push('');
    }
    return out;
}

/** Escapes what Markdown reads as markup inside a line of text (nothing for a property a half-typed file lacks). */
export function inline(text: string | undefined): string {
    return (text ?? '').replace(/[\\`*_[\]<>|]/g, c => `\\${c}`);
}

/** A paragraph that must not start a heading, list, quote or code block. */
function paragraphText(text: string): string {
    return inline(text).replace(/^(\s*)(#|>|[-+=]|\d+(?=[.)]))/, (_m, space: string, lead: string) => (/^\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`));
}

function cell(text: string): string {
    return inline(text);
}
