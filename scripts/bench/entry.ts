// The measured programs of `npm run bench` (bundled by scripts/bench.mjs into one CommonJS file):
//   lex <folder>        the lower bound: read every .estructura file and run the project's lexer
//   framework <folder>  Langium's own cost: parse, index and link every file, no validation at all
//   lsp <folder> <file> the language server over stdio: startup to all diagnostics, edit latency
//                       in <file>, definition/hover/symbol latency, server memory
//   profile <name>      the default profile of an institution, as `estructura.json` writes it
//                       (the synthetic workload gives each copy of the ISSSTE manual its own)
// Each prints one JSON object on stdout.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEstructuraServices } from '../../server/src/language/estructura-module.js';
import { DEFAULT_PROFILES } from '../../server/src/language/profiles.js';
import { collectFiles, loadWorkspace } from '../../server/src/workspace.js';
import { LspTestClient } from '../../test/helpers/lsp-client.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];
const round = (ms: number) => Math.round(ms * 10) / 10;

async function lex(folder: string): Promise<object> {
    const { Estructura } = createEstructuraServices();
    const { files } = await collectFiles([folder]);
    let tokens = 0;
    for (const file of files) tokens += Estructura.parser.Lexer.tokenize(readFileSync(file, 'utf-8')).tokens.length;
    return { files: files.length, tokens };
}

async function framework(folder: string): Promise<object> {
    const { documents } = await loadWorkspace([folder], false);
    return { files: documents.length };
}

/** Options of the `lsp` measure, from the environment (the bench scripts set them). */
interface LspOptions {
    /** One-character edits in a function text (after 10 warm-up edits). */
    edits: number;
    /** Structural edits (a unit's official name, which other files see). */
    structural: number;
    /** Extra `node` arguments for the server (`--cpu-prof`, `--heapsnapshot-signal=…`); with
     *  BENCH_LSP_STARTUP_ONLY set, the measure stops after the initial build. */
    execArgv: string[];
    /** Where heap snapshots go, after the start and after the edits (BENCH_LSP_HEAP_DIR). */
    heapDir: string | undefined;
}

function lspOptions(): LspOptions {
    return {
        edits: Number(process.env.BENCH_LSP_EDITS ?? 50),
        structural: Number(process.env.BENCH_LSP_STRUCTURAL ?? 10),
        execArgv: [
            ...(process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean),
            ...(process.env.BENCH_LSP_HEAP_DIR ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${process.env.BENCH_LSP_HEAP_DIR}`] : [])
        ],
        heapDir: process.env.BENCH_LSP_HEAP_DIR
    };
}

/**
 * With BENCH_LSP_HEAP_DIR, a heap snapshot of the server (`--heapsnapshot-signal`) written there:
 * waits until the new file stops growing (V8 writes it synchronously, the server answers nothing
 * meanwhile). `scripts/bench/heap-diff.mjs` compares two of them.
 */
async function heapSnapshot(pid: number, dir: string | undefined): Promise<string | undefined> {
    if (!dir) return undefined;
    const before = new Set(readdirSync(dir));
    process.kill(pid, 'SIGUSR2');
    for (let last = -1; ;) {
        await new Promise(resolve => setTimeout(resolve, 1000));
        const file = readdirSync(dir).find(f => f.endsWith('.heapsnapshot') && !before.has(f));
        if (!file) continue;
        const size = statSync(path.join(dir, file)).size;
        if (size === last && size > 0) return file;
        last = size;
    }
}

async function lsp(folder: string, editedFile: string, server: string): Promise<object> {
    const options = lspOptions();
    const { files } = await collectFiles([folder]);
    const uris = new Set(files.map(f => pathToFileURL(path.resolve(f)).href));
    const started = performance.now();
    const client = LspTestClient.start(server, folder, options.execArgv);
    const pid = client.process.pid!;
    try {
        const root = pathToFileURL(path.resolve(folder)).href;
        await client.request('initialize', {
            processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }],
            capabilities: {
                window: { workDoneProgress: true },
                textDocument: { publishDiagnostics: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, definition: { linkSupport: true } }
            }
        }, 120_000);
        await client.notify('initialized', {});
        if (process.env.BENCH_LSP_TYPING_AT_START) return await typingAtStart(client, editedFile, uris, started);
        await waitFor(() => [...uris].every(u => client.diagnostics.has(u)), 600_000, 'diagnostics of every file');
        const startupMs = performance.now() - started;
        const startupCpuMs = serverCpuMs(pid);
        const startupPeakMb = serverMemoryMb(pid, 'VmHWM');
        await new Promise(resolve => setTimeout(resolve, 500));
        const afterStartMb = serverMemoryMb(pid);
        if (process.env.BENCH_LSP_STARTUP_ONLY) { // profiling the initial build alone
            if (options.execArgv.length) await client.shutdown(120_000);
            return { files: files.length, startupToAllDiagnosticsMs: Math.round(startupMs), startupCpuMs, startupPeakMb, afterStartMb };
        }

        // One-character edits inside a function text of the largest file: insert, then delete.
        const uri = pathToFileURL(path.resolve(editedFile)).href;
        let text = readFileSync(editedFile, 'utf-8');
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'estructura', version: 1, text } });
        await client.waitForDiagnostics(uri, () => true, 60_000);
        let version = 1;
        const edit = async (offset: number, insert: boolean): Promise<number> => {
            const at = positionAt(text, offset);
            const change = insert
                ? { range: { start: at, end: at }, text: 'x' }
                : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
            text = insert ? text.slice(0, offset) + 'x' + text.slice(offset) : text.slice(0, offset) + text.slice(offset + 1);
            const published = nextPublication(client, uri);
            const start = performance.now();
            await client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
            await published;
            return performance.now() - start;
        };
        const heapAfterStart = await heapSnapshot(pid, options.heapDir);
        // Peak resident memory during the edits, sampled.
        let peakMb = afterStartMb ?? 0;
        const sampler = setInterval(() => { peakMb = Math.max(peakMb, serverMemoryMb(pid) ?? 0); }, 10);
        const anchor = text.indexOf('1. "') + 4;
        const edits: number[] = [];
        let editCpu = 0;
        for (let i = 0; i < 10 + options.edits; i++) {
            if (i === 10) editCpu = serverCpuMs(pid) ?? 0;
            edits.push(await edit(anchor, i % 2 === 0));
        }
        // The server's CPU time per measured edit (less noisy than the wall clock under load).
        const editCpuMs = options.edits > 0 ? Math.round(((serverCpuMs(pid) ?? 0) - editCpu) / options.edits * 10) / 10 : undefined;
        const editMs = edits.slice(10); // the first edits warm the JIT up
        clearInterval(sampler);
        peakMb = Math.max(peakMb, serverMemoryMb(pid) ?? 0);
        const afterEditsMb = serverMemoryMb(pid);
        const heapAfterEdits = await heapSnapshot(pid, options.heapDir);

        // Structural edits: a character in the official name of the file's first unit, which the
        // other files of its institution see (names, mentions): the edited file's diagnostics, and
        // every file of the institution published again (they are revalidated).
        const siblings = [...uris].filter(u => path.dirname(u) === path.dirname(uri) && u !== uri);
        const nameAt = /^unidad \S+ "/mu.exec(text);
        const structural: number[] = [];
        const structuralAll: number[] = [];
        if (nameAt) {
            const offset = nameAt.index + nameAt[0].length;
            for (let i = 0; i < options.structural; i++) {
                const republished = new Set<string>();
                const listener = (params: { uri: string }) => { republished.add(params.uri); };
                client.diagnosticsListeners.push(listener);
                const start = performance.now();
                structural.push(await edit(offset, i % 2 === 0));
                await waitFor(() => siblings.every(u => republished.has(u)), 120_000, 'the institution revalidated');
                structuralAll.push(performance.now() - start);
                client.diagnosticsListeners.splice(client.diagnosticsListeners.indexOf(listener), 1);
            }
        }

        // Workspace symbols: a one-letter query and a word.
        const symbols: Record<string, number[]> = { letter: [], word: [] };
        for (let i = 0; i < 30; i++) {
            symbols.letter.push(await timed(() => client.request('workspace/symbol', { query: 'd' }, 60_000)));
            symbols.word.push(await timed(() => client.request('workspace/symbol', { query: 'finanzas' }, 60_000)));
        }

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
        const memoryMb = serverMemoryMb(pid);
        const stats = (values: number[]) => ({ medianMs: round(median(values)), p95Ms: round(p95(values)), maxMs: round(Math.max(...values)), n: values.length });
        const result = {
            files: files.length,
            bytes: files.reduce((n, f) => n + statSync(f).size, 0),
            startupToAllDiagnosticsMs: Math.round(startupMs),
            startupCpuMs,
            editToDiagnostics: stats(editMs),
            editCpuMs,
            structuralEdit: structural.length ? stats(structural) : undefined,
            structuralEditAllFiles: structuralAll.length ? stats(structuralAll) : undefined,
            workspaceSymbolsLetter: stats(symbols.letter.slice(5)),
            workspaceSymbolsWord: stats(symbols.word.slice(5)),
            definition: requests.definition.length ? stats(requests.definition.slice(10)) : undefined,
            hover: requests.hover.length ? stats(requests.hover.slice(10)) : undefined,
            documentSymbol: requests.documentSymbol.length ? stats(requests.documentSymbol.slice(10)) : undefined,
            startupPeakMb,
            afterStartMb,
            peakDuringEditsMb: Math.round(peakMb),
            afterEditsMb,
            serverMemoryMb: memoryMb,
            heapSnapshots: options.heapDir ? { afterStart: heapAfterStart, afterEdits: heapAfterEdits } : undefined
        };
        if (options.execArgv.length) await client.shutdown(120_000); // the profiler writes on a clean exit
        return result;
    } finally {
        client.dispose();
    }
}

/**
 * Typing during the startup build (BENCH_LSP_TYPING_AT_START=1): the edited file is opened right
 * after `initialized` and gets 20 one-character edits 100 ms apart, the last one a line the parser
 * rejects; measured: from the last edit to that file's diagnostics showing it, and to all files'.
 */
async function typingAtStart(client: LspTestClient, editedFile: string, uris: Set<string>, started: number): Promise<object> {
    const uri = pathToFileURL(path.resolve(editedFile)).href;
    let text = readFileSync(editedFile, 'utf-8');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'estructura', version: 1, text } });
    const anchor = text.indexOf('1. "') + 4;
    let version = 1;
    for (let i = 0; i < 19; i++) {
        const at = positionAt(text, anchor);
        const insert = i % 2 === 0;
        text = insert ? text.slice(0, anchor) + 'x' + text.slice(anchor) : text.slice(0, anchor) + text.slice(anchor + 1);
        await client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [insert
            ? { range: { start: at, end: at }, text: 'x' }
            : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }] });
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    const line = text.split('\n').length; // a last line the grammar rejects
    await client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n}}}\n' }] });
    const lastEdit = performance.now();
    await client.waitForDiagnostics(uri, ds => ds.some(d => d.range.start.line >= line), 600_000);
    const editedMs = performance.now() - lastEdit;
    await waitFor(() => [...uris].every(u => client.diagnostics.has(u)), 600_000, 'diagnostics of every file');
    return { files: uris.size, lastEditToItsDiagnosticsMs: Math.round(editedMs), lastEditAtMs: Math.round(lastEdit - started), startupToAllDiagnosticsMs: Math.round(performance.now() - started) };
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

/**
 * CPU time (user + system, all threads) the server has used, from /proc (Linux): on this shared
 * machine the wall clock of a build varies ±30 % with the other processes, its CPU time much less.
 */
function serverCpuMs(pid: number): number | undefined {
    try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf-8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in 10 ms ticks
    } catch {
        return undefined;
    }
}

/** Resident memory of the server process (or its peak, VmHWM), from /proc (Linux). */
function serverMemoryMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf-8');
        const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
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
