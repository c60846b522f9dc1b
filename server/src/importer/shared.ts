// Small pieces both profiles' parsers use.

import type { ImportedAcuerdo, ImportedManual, LineFate, SourceLine } from './model.js';
import { findAcuerdos, joinLines, parseSpanishDate, stripMarkdown } from './source.js';

export function markKept(fates: LineFate[], line: number): void {
    fates[line - 1] = { kind: 'kept' };
}

/** A line no rule placed: reported as unrecognized, and kept in a section so no text is lost. */
export function keepUnrecognized(manual: ImportedManual, line: number, text: string): void {
    manual.fates[line - 1] = { kind: 'unrecognized' };
    let section = manual.sections.find(s => s.title === 'Texto sin reconocer');
    if (!section) {
        section = { title: 'Texto sin reconocer', line: 0, paragraphs: [] };
        manual.sections.push(section);
    }
    section.paragraphs.push({ text: joinLines([text]), line });
}

/**
 * A unit heading's name, joined with the lines that continue it (a heading wrapped by the PDF),
 * without the trailing period or footnote marks such as "(M)⁵". `consumed` counts extra lines.
 */
export function unitHeadingName(
    first: string, lines: SourceLine[], index: number, continues: (nameSoFar: string, next: string) => boolean
): { name: string; consumed: number } {
    const parts = [first];
    let consumed = 0;
    while (index + consumed + 1 < lines.length && consumed < 3) {
        const next = stripMarkdown(lines[index + consumed + 1].text);
        if (!continues(joinLines(parts), next)) break;
        parts.push(next);
        consumed++;
    }
    return { name: cleanUnitName(joinLines(parts)), consumed };
}

export function cleanUnitName(name: string): string {
    return name
        .replace(/\s*\((?:M|N|\d+)\)\s*[\u00b9\u00b2\u00b3\u2070-\u2079]*\s*$/u, '')
        .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+$/u, '')
        .replace(/\s*\.+\s*$/u, '')
        .trim();
}

/** Acuerdo ids found in the text, first occurrence each, dated by their id or the sentence around it. */
export function collectAcuerdos(content: SourceLine[]): ImportedAcuerdo[] {
    const seen = new Map<string, ImportedAcuerdo>();
    for (let i = 0; i < content.length; i++) {
        for (const { id, date } of findAcuerdos(content[i].text)) {
            if (seen.has(id)) continue;
            const around = content.slice(Math.max(0, i - 1), i + 2).map(l => l.text).join(' ');
            seen.set(id, { id, date: date ?? parseSpanishDate(around), line: content[i].line });
        }
    }
    return [...seen.values()];
}

/** "Manual de Organización de la Dirección de…" when the text never states its own title. */
export function fallbackTitle(rootName: string | undefined): string {
    if (!rootName) return 'Manual de Organización';
    const first = rootName.split(/\s+/)[0];
    const feminine = /(?:ción|sión|ía|dad|ura|a)$/iu.test(first);
    return `Manual de Organización ${feminine ? 'de la' : 'del'} ${rootName}`;
}

export { joinLines };
