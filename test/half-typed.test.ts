// A half-typed file never breaks the services: prefixes of a real imported file (a part of the
// DOE manual, whose area is `adscrita a DOE` in another file) are parsed, linked, validated,
// outlined, hovered, completed, followed and formatted without an exception, inside the workspace
// of every other example, as an editor sends them while the file is being typed.
import { describe, expect, it } from 'vitest';
import { CancellationToken } from 'vscode-languageserver';
import { buildWorkspace, exampleFiles } from './helpers/workspace.js';

const PART = 'manuales/imss-doe-2022/imss-doe-2022.7.1.6-ca.estructura';
/** Prime, so the cuts fall at every kind of place: inside keywords, ids, strings, numbers, blanks. */
const STRIDE = 97;

describe('half-typed files', () => {
    const files = exampleFiles();
    const source = files[PART];

    it(`survives prefixes of ${PART} (every ${STRIDE}th character)`, async () => {
        expect(source, `${PART} is missing`).toBeDefined();
        const others = Object.fromEntries(Object.entries(files).filter(([name]) => name !== PART));
        // Built once; each prefix is then an editor change of the file, rebuilt incrementally.
        const ws = await buildWorkspace({ ...others, [PART]: '' });
        const lsp = ws.services.lsp;
        const token = CancellationToken.None;
        const cuts: number[] = [];
        for (let cut = 0; cut < source.length; cut += STRIDE) cuts.push(cut);
        cuts.push(source.length);
        for (const cut of cuts) {
            await ws.update(PART, source.substring(0, cut));
            const doc = ws.docs[PART];
            expect(doc.textDocument.getText().length).toBe(cut);
            const at = doc.textDocument.positionAt(Math.max(0, cut - 1));
            const params = { textDocument: { uri: doc.uri.toString() }, position: at };
            expect(doc.diagnostics, `diagnostics at ${cut}`).toBeDefined();
            await lsp.DocumentSymbolProvider!.getSymbols(doc, { textDocument: params.textDocument }, token);
            await lsp.HoverProvider!.getHoverContent(doc, params, token);
            await lsp.CompletionProvider!.getCompletion(doc, params, token);
            await lsp.DefinitionProvider!.getDefinition(doc, params, token);
            await lsp.Formatter!.formatDocument(doc, { textDocument: params.textDocument, options: { tabSize: 4, insertSpaces: true } }, token);
        }
        expect(cuts.length).toBeGreaterThan(50);
        // The whole file, typed to the end, is the example again: no errors.
        expect(ws.docs[PART].diagnostics!.filter(d => d.severity === 1)).toEqual([]);
    }, 60_000);
});
