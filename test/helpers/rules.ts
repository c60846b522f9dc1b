// The small helpers every rule test shares: the file header, diagnostics of one code, the text a
// diagnostic covers, and the LSP severities by name. Rule cases that are only «text in,
// diagnostics out» are fixture files instead (test/fixtures/reglas/, docs/fixtures.md).
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/** LSP severities (1 error … 4 hint), as the diagnostics carry them. */
export const ERROR = 1, WARNING = 2, INFO = 3, HINT = 4;

/** `manual <id> "Manual" { institucion <institution> }` and a line break. */
export function header(institution = 'IMSS', id = 'M'): string {
    return `manual ${id} "Manual" { institucion ${institution} }\n`;
}

/** `parte de <id> "Parte" { institucion <institution> }` and a line break. */
export function part(id = 'M', institution = 'IMSS'): string {
    return `parte de ${id} "Parte" { institucion ${institution} }\n`;
}

/** The diagnostics of one code, of a document or of a list. */
export function withCode(source: LangiumDocument | readonly Diagnostic[] | undefined, code: string): Diagnostic[] {
    const diagnostics = source === undefined ? [] : Array.isArray(source) ? source : (source as LangiumDocument).diagnostics ?? [];
    return (diagnostics as Diagnostic[]).filter(d => d.code === code);
}

/** The text a diagnostic's range covers. */
export function textOf(doc: LangiumDocument, d: Diagnostic): string {
    return doc.textDocument.getText(d.range);
}
