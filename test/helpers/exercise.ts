// Sends a document through every editor feature the fuzz tests exercise, and checks the formatter's
// promise on whatever text it accepts: only white space between tokens changes, never a function text.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationToken } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { EstructuraServices } from '../../server/src/language/estructura-module.js';
import type { Documento } from '../../server/src/language/generated/ast.js';
import { functionTexts, syntaxErrorCount } from './function-texts.js';
import { QUICK_FIXES } from '../../server/src/lsp/quick-fixes.js';
import type { Rng } from './fuzz.js';

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'estructura', 0, text), edits);
}

/**
 * Symbols, hover, definition and completion at `positions` random places, every quick fix (some
 * applied) and formatting. Throws whatever a provider throws; returns a description of a broken
 * promise of a quick fix or of the formatter, if any.
 */
export async function exercise(
    services: EstructuraServices, doc: LangiumDocument<Documento>, rng: Rng, positions = 3,
    /** How many quick fixes to apply and re-parse (each is a parse of the whole text). */
    { applyFixes = 10 }: { applyFixes?: number } = {}
): Promise<string | undefined> {
    const lsp = services.lsp;
    const token = CancellationToken.None;
    const textDocument = { uri: doc.uri.toString() };
    const text = doc.textDocument.getText();
    if (!doc.diagnostics) return 'document has no diagnostics after the build';
    // The rule guard turns a rule's exception into a diagnostic: for the fuzzer that is a crash.
    const failed = doc.diagnostics.find(d => d.code === 'estructura-regla-fallida');
    if (failed) return `a rule failed: ${failed.message}`;
    await lsp.DocumentSymbolProvider!.getSymbols(doc, { textDocument }, token);
    await lsp.FoldingRangeProvider?.getFoldingRanges(doc, { textDocument }, token);
    for (let i = 0; i < positions; i++) {
        const position: Position = doc.textDocument.positionAt(rng.int(text.length + 1));
        const params = { textDocument, position };
        await lsp.HoverProvider!.getHoverContent(doc, params, token);
        await lsp.DefinitionProvider!.getDefinition(doc, params, token);
        await lsp.CompletionProvider!.getCompletion(doc, params, token);
    }
    // Every quick fix offered for the diagnostics, called directly (the code action provider swallows
    // their exceptions; a fix that throws is a bug, even if hidden from the user),
    // applied as the editor would: its edits must not overlap, and a file without syntax errors must
    // stay without. (In a file that has some, error recovery makes their count no measure: inserting
    // a valid function after a half-typed one can split one error into two.)
    const parsesCleanly = syntaxErrorCount(doc) === 0;
    let applied = 0;
    for (const diagnostic of doc.diagnostics) {
        const provide = typeof diagnostic.code === 'string' ? QUICK_FIXES[diagnostic.code] : undefined;
        if (!provide) continue;
        let actions;
        try {
            actions = await provide({ document: doc, diagnostic, services });
        } catch (error) {
            return `the quick fix for ${diagnostic.code} threw: ${(error as Error)?.stack ?? String(error)}`;
        }
        for (const action of actions) {
            const edits = action.edit?.changes?.[doc.textDocument.uri];
            if (!edits || edits.length === 0 || applied++ >= applyFixes) continue;
            let fixed: string;
            try {
                fixed = applyEdits(text, edits);
            } catch (error) {
                return `the quick fix «${action.title}» (${diagnostic.code}) has edits that cannot be applied: ${(error as Error).message}`;
            }
            const errorsAfter = parsesCleanly ? functionTexts(services, fixed).errors : 0;
            if (errorsAfter > 0) return `the quick fix «${action.title}» (${diagnostic.code}) left ${errorsAfter} syntax errors in a file that had none`;
        }
    }
    await lsp.CodeActionProvider?.getCodeActions(doc, { textDocument, range: { start: { line: 0, character: 0 }, end: doc.textDocument.positionAt(text.length) }, context: { diagnostics: doc.diagnostics } }, token);
    await lsp.SemanticTokenProvider?.semanticHighlight(doc, { textDocument }, token);
    {
        const position: Position = doc.textDocument.positionAt(rng.int(text.length + 1));
        await lsp.ReferencesProvider?.findReferences(doc, { textDocument, position, context: { includeDeclaration: true } }, token);
        const range = await lsp.RenameProvider?.prepareRename(doc, { textDocument, position }, token);
        if (range) await lsp.RenameProvider!.rename(doc, { textDocument, position, newName: 'NUEVO_ID' }, token);
        const words = text.match(/\p{L}{3,}/gu) ?? [];
        await services.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: words.length > 0 ? words[rng.int(words.length)] : '' }, token);
    }
    const edits = await lsp.Formatter!.formatDocument(doc, { textDocument, options: { tabSize: 4, insertSpaces: true } }, token);
    if (edits.length === 0) return undefined;
    // The formatter formats only files without syntax errors; the result must parse the same way
    // and keep every function text, byte for byte.
    const formatted = applyEdits(text, edits);
    const before = functionTexts(services, text);
    const after = functionTexts(services, formatted);
    if (after.errors > 0) return `formatting produced ${after.errors} syntax errors`;
    const a = before.texts.join('\u0001');
    const b = after.texts.join('\u0001');
    if (a !== b) return `formatting changed function texts (${before.texts.length} before, ${after.texts.length} after)`;
    return undefined;
}
