// A half-typed file never breaks the services: every prefix of a real example is parsed,
// linked, validated, outlined, hovered, completed and formatted without an exception.
import { describe, expect, it } from 'vitest';
import { CancellationToken } from 'vscode-languageserver';
import { buildWorkspace, exampleFiles } from './helpers/workspace.js';

describe('half-typed files', () => {
    const files = exampleFiles();
    const source = files['ejemplos/imss-doe.estructura'];

    it('survives every prefix of the DOE example (every 37th character)', async () => {
        const others = Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'ejemplos/imss-doe.estructura'));
        let checked = 0;
        for (let cut = 0; cut <= source.length; cut += 37) {
            const ws = await buildWorkspace({ ...others, 'doe.estructura': source.substring(0, cut) });
            const doc = ws.docs['doe.estructura'];
            const lsp = ws.services.lsp;
            const at = doc.textDocument.positionAt(Math.max(0, cut - 1));
            const params = { textDocument: { uri: doc.uri.toString() }, position: at };
            expect(doc.diagnostics).toBeDefined();
            await lsp.DocumentSymbolProvider!.getSymbols(doc, { textDocument: params.textDocument }, CancellationToken.None);
            await lsp.HoverProvider!.getHoverContent(doc, params, CancellationToken.None);
            await lsp.CompletionProvider!.getCompletion(doc, params, CancellationToken.None);
            await lsp.DefinitionProvider!.getDefinition(doc, params, CancellationToken.None);
            await lsp.Formatter!.formatDocument(doc, { textDocument: params.textDocument, options: { tabSize: 4, insertSpaces: true } }, CancellationToken.None);
            checked++;
        }
        expect(checked).toBeGreaterThan(50);
    }, 120_000);
});
