// The measured programs of `npm run bench` (bundled by scripts/bench.mjs into one CommonJS file):
//   lex <folder>        the lower bound: read every .estructura file and run the project's lexer
//   framework <folder>  Langium's own cost: parse, index and link every file, no validation at all
//   lsp <folder> <file> the language server over stdio: startup to all diagnostics, edit latency
//                       in <file>, definition/hover/symbol latency, server memory
//   profile <name>      the default profile of an institution, as `estructura.json` writes it
//                       (the synthetic workload gives each copy of the ISSSTE manual its own)
// Each prints one JSON object on stdout.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { createEstructuraServices } from '../../server/src/language/estructura-module.js';
import { DEFAULT_PROFILES } from '../../server/src/language/profiles.js';
import { collectFiles, loadWorkspace } from '../../server/src/workspace.js';
import { LspTestClient } from '../../test/helpers/lsp-client.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];
const round = (ms: number) => Math.round(ms * 10) / 10;

async function lex(folder: string): Promise<object> {
    const { Estructura } = createEstructuraServices(EmptyFileSystem);
    const { files } = await collectFiles([folder]);
    let tokens = 0;
    for (const file of files) tokens += Estructura.parser.Lexer.tokenize(readFileSync(file, 'utf-8')).tokens.length;
    return { files: files.length, tokens };
}

async function framework(folder: string): Promise<object> {
    const { documents } = await loadWorkspace([folder], false);
    return { files: documents.length };
}

async function lsp(folder: string, editedFile: string, server: string): Promise<object> {
    const { files } = await collectFiles([folder]);
    const uris = new Set(files.map(f => pathToFileURL(path.resolve(f)).href));
    const started = performance.now();
    const client = LspTestClient.start(server, folder);
    try {
        const root = pathToFileURL(path.resolve(folder)).href;
        await client.request('initialize', {
            processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }],
            capabilities: { textDocument: { publishDiagnostics: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, definition: { linkSupport: true } } }
        }, 120_000);
        await client.notify('initialized', {});
        await waitFor(() => [...uris].every(u => client.diagnostics.has(u)), 300_000, 'diagnostics of every file');
        const startupMs = performance.now() - started;

        // One-character edits inside a function text of the largest file: insert, then delete.
        const uri = pathToFileURL(path.resolve(editedFile)).href;
        let text = readFileSync(editedFile, 'utf-8');
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'estructura', version: 1, text } });
        await client.waitForDiagnostics(uri, () => true, 60_000);
        const anchor = text.indexOf('1. "') + 4;
        const at = positionAt(text, anchor);
        const edits: number[] = [];
        for (let version = 2; version < 2 + 60; version++) {
            const insert = version % 2 === 0;
            const change = insert
                ? { range: { start: at, end: at }, text: 'x' }
                : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
            text = insert ? text.slice(0, anchor) + 'x' + text.slice(anchor) : text.slice(0, anchor) + text.slice(anchor + 1);
            const published = nextPublication(client, uri);
            const start = performance.now();
            await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
            await published;
            edits.push(performance.now() - start);
        }
        const editMs = edits.slice(10); // the first edits warm the JIT up

        // Requests on the institutional manual's `adscrita a DG` (definition) and a unit name (hover).
        const doe = files.find(f => f.endsWith('imss-doe-2022.estructura'));
        const requests: Record<string, number[]> = { definition: [], hover: [], documentSymbol: [] };
        if (doe) {
            const doeUri = pathToFileURL(path.resolve(doe)).href;
            const doeText = readFileSync(doe, 'utf-8');
            await client.notify('textDocument/didOpen', { textDocument: { uri: doeUri, languageId: 'estructura', version: 1, text: doeText } });
            const reference = positionAt(doeText, doeText.indexOf('adscrita a DG') + 'adscrita a '.length);
            const unit = positionAt(doeText, doeText.indexOf('unidad DOE') + 'unidad '.length);
            for (let i = 0; i < 60; i++) {
                requests.definition.push(await timed(() => client.request('textDocument/definition', { textDocument: { uri: doeUri }, position: reference })));
                requests.hover.push(await timed(() => client.request('textDocument/hover', { textDocument: { uri: doeUri }, position: unit })));
                requests.documentSymbol.push(await timed(() => client.request('textDocument/documentSymbol', { textDocument: { uri } })));
            }
        }
        const memoryMb = serverMemoryMb(client.process.pid!);
        const stats = (values: number[]) => ({ medianMs: round(median(values)), p95Ms: round(p95(values)), n: values.length });
        return {
            files: files.length,
            startupToAllDiagnosticsMs: Math.round(startupMs),
            editToDiagnostics: stats(editMs),
            definition: stats(requests.definition.slice(10)),
            hover: stats(requests.hover.slice(10)),
            documentSymbol: stats(requests.documentSymbol.slice(10)),
            serverMemoryMb: memoryMb
        };
    } finally {
        client.dispose();
    }
}

function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The next diagnostics published for `uri` (not the latest already received). */
function nextPublication(client: LspTestClient, uri: string): Promise<unknown> {
    const previous = client.diagnostics.get(uri);
    return client.waitForDiagnostics(uri, ds => ds !== previous, 60_000);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
    const start = performance.now();
    await run();
    return performance.now() - start;
}

async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 20));
    }
}

/** Resident memory of the server process, from /proc (Linux). */
function serverMemoryMb(pid: number): number | undefined {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf-8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
        return Math.round(kb / 1024);
    } catch {
        return undefined;
    }
}

async function main(): Promise<void> {
    const [command, ...args] = process.argv.slice(2);
    // Paths are resolved here: the server process runs in the workspace folder.
    const [folder, file, server] = command === 'profile' ? args : args.map(a => path.resolve(a));
    const result = command === 'lex' ? await lex(folder)
        : command === 'framework' ? await framework(folder)
            : command === 'lsp' ? await lsp(folder, file, server)
                : command === 'profile' ? DEFAULT_PROFILES[folder]
                    : undefined;
    if (!result) throw new Error(`unknown command ${command}`);
    process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch(error => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
});
