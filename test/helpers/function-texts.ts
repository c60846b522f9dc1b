// The function texts of a file, as written: the source text of every `texto` string of a function,
// an inciso or an activity, in document order. Text preservation compares them byte for byte.
import { AstUtils, GrammarUtils, URI, type LangiumDocument } from 'langium';
import type { EstructuraServices } from '../../server/src/language/estructura-module.js';
import { isActividad, isFuncion, isInciso, type Documento } from '../../server/src/language/generated/ast.js';

export interface FunctionText {
    /** The string token as written, quotes included. */
    source: string;
    /** Its value (spaces normalized, escapes resolved). */
    value: string;
    offset: number;
    end: number;
}

/** Every function, inciso and activity text of a parsed document, in order. */
export function functionTextsOf(doc: LangiumDocument<Documento>): FunctionText[] {
    const found: FunctionText[] = [];
    for (const node of AstUtils.streamAllContents(doc.parseResult.value)) {
        if (!isFuncion(node) && !isInciso(node) && !isActividad(node)) continue;
        const cst = GrammarUtils.findNodeForProperty(node.$cstNode, 'texto');
        if (!cst) continue;
        found.push({ source: cst.text, value: node.texto, offset: cst.offset, end: cst.end });
    }
    return found;
}

/** Lexer and parser errors of a parsed document. */
export function syntaxErrorCount(doc: LangiumDocument): number {
    return doc.parseResult.lexerErrors.length + doc.parseResult.parserErrors.length;
}

let counter = 0;

/** Parses `text` (no linking) and returns its function texts as written, and its syntax error count. */
export function functionTexts(services: EstructuraServices, text: string): { texts: string[]; errors: number } {
    const doc = services.shared.workspace.LangiumDocumentFactory.fromString<Documento>(text, URI.parse(`file:///parsed/${counter++}.estructura`));
    return { texts: functionTextsOf(doc).map(t => t.source), errors: syntaxErrorCount(doc) };
}
