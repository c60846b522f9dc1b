// Text is data, never markup or code: a unit named `<img src=x onerror=alert(1)>`, a function
// text with `</script>` and Markdown's own marks reach the editor as text. The hover escapes them
// as Markdown (server/src/lsp/markdown.ts), the outline carries them as plain names, the chart's SVG
// as escaped text. Checked on the web worker's server, which the playground page shows as is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { REPO } from './helpers/examples.js';
import { answerFilesFromDisk, LspTestClient } from './helpers/lsp-client.js';

const NAME = '<img src=x onerror=alert(1)> *negrita* [enlace](http://x)';
const TEXT = 'Coordinar </script><script>alert(1)</script> las pruebas.';
const FILE = `manual PELIGRO "Manual <b>hostil</b>" {
    institucion IMSS
}

unidad HOSTIL "${NAME}" {
    tipo Dirección
    objetivo "Objetivo con <iframe src=x></iframe>"
    funciones {
        1. "${TEXT}"
    }
}

unidad HIJA "Unidad hija" {
    adscrita a HOSTIL
}
`;

describe('hostile names and texts are data in the hover, the outline and the chart', () => {
    let folder: string;
    let client: LspTestClient;
    let uri: string;

    beforeAll(async () => {
        folder = mkdtempSync(path.join(tmpdir(), 'estructura-hostil-'));
        writeFileSync(path.join(folder, 'hostil.estructura'), FILE);
        uri = pathToFileURL(path.join(folder, 'hostil.estructura')).href;
        client = LspTestClient.startWorker(path.join(REPO, 'out/web/server.js'), REPO);
        answerFilesFromDisk(client);
        const folderUri = pathToFileURL(folder).href;
        await client.request('initialize', { processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'h' }], capabilities: { workspace: { configuration: false } } }, 30_000);
        await client.notify('initialized', {});
        await client.waitForDiagnostics(uri, () => true, 30_000);
    }, 60_000);

    afterAll(() => {
        client?.dispose();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('escapes every Markdown and HTML mark of a name in the hover, so it reads as written', async () => {
        const line = FILE.split('\n').findIndex(l => l.includes('adscrita a HOSTIL'));
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 16 } });
        const value = (hover.contents as MarkupContent).value;
        expect(value).toContain('**\\<img src=x onerror=alert(1)\\> \\*negrita\\* \\[enlace\\](http://x)**');
        expect(value).toContain('*Objetivo:* Objetivo con \\<iframe src=x\\>\\</iframe\\>');
        // No mark left unescaped: every `<`, `[` and `*` of the data is preceded by a backslash.
        expect(value).not.toMatch(/(?<!\\)<(?:img|iframe|\/iframe)/);
        const inText = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: FILE.split('\n').findIndex(l => l.includes('</script>')), character: 20 } });
        expect((inText.contents as MarkupContent).value).toContain('de \\<img src=x');
    });

    it('gives the outline the name as plain text', async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const names = JSON.stringify(symbols);
        expect(names).toContain(JSON.stringify(NAME).slice(1, -1));
    });

    it('draws the chart with the name as escaped SVG text, no element or attribute from it', async () => {
        const chart = await client.request<{ svg: string }>('estructura/organigrama', { uri, alcance: 'manual' }, 30_000);
        expect(chart.svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(chart.svg).not.toMatch(/<(?:img|script|iframe|foreignObject)\b/);
        // No event attribute: the text's `onerror=` is inside escaped text, not an attribute.
        expect(chart.svg).not.toMatch(/\son\w+="/);
    });
});
