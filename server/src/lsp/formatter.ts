// Layout only: one statement per line, blocks indented, one blank line between top-level
// elements. It rewrites nothing but the white space between tokens, so the inside of a
// string (a function text) stays byte for byte as written. A file with syntax errors is left
// alone: its tree may miss tokens, and formatting it could drop text.
import { CstUtils, isLeafCstNode, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit
} from 'vscode-languageserver';
import * as ast from '../language/generated/ast.js';

const MANUAL_KEYWORDS = ['institucion', 'institución', 'clave', 'vigencia', 'acuerdo', 'publicacion', 'publicación', 'fuente'];

/** Keywords that begin a statement, per node type. Others (`de`, `a`, `línea` after a function…) continue one. */
const STATEMENT_KEYWORDS: Record<string, ReadonlySet<string>> = {
    Manual: new Set(MANUAL_KEYWORDS),
    Parte: new Set(MANUAL_KEYWORDS),
    Seccion: new Set(['linea', 'línea']),
    Unidad: new Set(['tipo', 'numero', 'número', 'adscrita', 'misma', 'organo', 'órgano', 'estructura', 'agrupacion', 'agrupación',
        'generica', 'genérica', 'alias', 'objetivo', 'linea', 'línea', 'desde', 'funciones']),
    Puesto: new Set(['clase', 'titular', 'adscrito', 'adscrita', 'reporta', 'nivel', 'clave', 'denominacion', 'denominación', 'personal',
        'plazas', 'ocupadas', 'vacantes', 'claves', 'actividades', 'linea', 'línea', 'desde']),
    Tabulador: new Set(['fuente', 'año', 'vigencia', 'linea', 'línea', 'desde']),
    Organigrama: new Set(['vigencia', 'raiz', 'raíz', 'puestos', 'linea', 'línea']),
    Cambio: new Set(['fecha', 'con', 'tipo', 'unidades', 'puestos', 'nombre', 'adscripcion', 'adscripción', 'descripcion', 'descripción', 'linea', 'línea'])
};

/** Nodes that stand on a line of their own. */
function isStatementNode(node: AstNode): boolean {
    return ast.isUnidad(node) || ast.isPuesto(node) || ast.isFuncion(node) || ast.isInciso(node) || ast.isActividad(node)
        || ast.isSeccion(node) || ast.isNombreAnterior(node) || ast.isOrganigrama(node) || ast.isCambio(node)
        || ast.isManual(node) || ast.isParte(node) || ast.isTabulador(node) || ast.isFilaTabulador(node) || ast.isParteSueldo(node);
}

type Break = { lines: number } | { spaces: number };

export class EstructuraFormatter implements Formatter {
    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document, params.options);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const { start, end } = params.range;
        return this.edits(document, params.options).filter(e => !before(e.range.start, start) && !before(end, e.range.end));
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private edits(document: LangiumDocument, options: FormattingOptions): TextEdit[] {
        const { parseResult, textDocument } = document;
        const root = parseResult.value.$cstNode;
        if (!root || parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return [];
        const text = textDocument.getText();
        const unit = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
        const leaves = CstUtils.streamCst(root).filter(isLeafCstNode).filter(l => l.text.trim().length > 0)
            .toArray().sort((a, b) => a.offset - b.offset);
        const edits: TextEdit[] = [];
        let depth = 0;
        let previous: LeafCstNode | undefined;
        for (const leaf of leaves) {
            if (leaf.text === '}') depth = Math.max(0, depth - 1);
            const gapStart = previous ? previous.end : 0;
            const existing = text.substring(gapStart, leaf.offset);
            const wanted = previous ? render(this.breakBefore(previous, leaf, existing), depth, unit) : '';
            if (existing !== wanted) {
                edits.push({ range: { start: textDocument.positionAt(gapStart), end: textDocument.positionAt(leaf.offset) }, newText: wanted });
            }
            if (leaf.text === '{') depth++;
            previous = leaf;
        }
        if (previous) {
            const tail = text.substring(previous.end);
            if (tail !== '\n') {
                edits.push({ range: { start: textDocument.positionAt(previous.end), end: textDocument.positionAt(text.length) }, newText: '\n' });
            }
        }
        return edits;
    }

    private breakBefore(previous: LeafCstNode, leaf: LeafCstNode, existing: string): Break {
        const existingLines = (existing.match(/\n/g) ?? []).length;
        const keepBlank = { lines: Math.min(Math.max(existingLines, 1), 2) };
        if (previous.hidden && previous.text.startsWith('//')) return keepBlank; // a line comment ends its line
        if (leaf.hidden) {
            // A comment stays where it was: at the end of a line, or on a line of its own.
            return existingLines === 0 ? { spaces: 1 } : keepBlank;
        }
        if (leaf.text === '}') return { lines: 1 };
        if (previous.text === '{') return { lines: 1 };
        const node = leaf.astNode;
        if (ast.isDocumento(node.$container) && startsNode(leaf)) {
            // Top-level elements are separated by one blank line.
            return previous.hidden ? keepBlank : { lines: 2 };
        }
        // `tipo adscripción` in a change record: the kind's value, not the `adscripción anterior` statement.
        if (previous.text === 'tipo' && !previous.hidden) return { spaces: 1 };
        if (previous.text === '}' || this.startsStatement(leaf)) return keepBlank;
        if (previous.hidden) return keepBlank;
        // A period inside a function is the end of its Roman number (`XXV. "…"`), not a qualifier.
        if (previous.text === '.' && ast.isFuncion(previous.astNode)) return { spaces: 1 };
        if (leaf.text === '.' || leaf.text === ')' || leaf.text === ',' || previous.text === '.') return { spaces: 0 };
        return { spaces: 1 };
    }

    private startsStatement(leaf: LeafCstNode): boolean {
        const node = leaf.astNode;
        if (isStatementNode(node) && startsNode(leaf)) return true;
        if (ast.isSeccion(node) && isParagraph(leaf)) return true;
        return isKeywordOf(leaf, node.$type);
    }
}

function isKeywordOf(leaf: LeafCstNode, type: string): boolean {
    return STATEMENT_KEYWORDS[type]?.has(leaf.text) === true && leaf.grammarSource?.$type === 'Keyword';
}

function isParagraph(leaf: LeafCstNode): boolean {
    const assignment = leaf.grammarSource?.$container;
    return assignment?.$type === 'Assignment' && (assignment as { feature?: string }).feature === 'parrafos';
}

function startsNode(leaf: LeafCstNode): boolean {
    return leaf.astNode.$cstNode?.offset === leaf.offset;
}

function render(brk: Break, depth: number, unit: string): string {
    return 'lines' in brk ? '\n'.repeat(brk.lines) + unit.repeat(depth) : ' '.repeat(brk.spaces);
}

function before(a: Range['start'], b: Range['start']): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}
