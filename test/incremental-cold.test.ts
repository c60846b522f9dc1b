// Incremental equals cold: seeded sequences of edits over a copy of examples/ are sent to the bundled
// server over stdio (typing in function texts, deleting and restoring lines and braces, pasting
// blocks from other files, pointing `adscrita a` / `misma unidad que` / `titular de` / `reporta a`
// elsewhere, adding and removing functions and objetivos, renaming and renumbering units, undo,
// closing without saving, an edit followed by the file's text as it was). At each quiet point every
// file's published diagnostics must equal what `estructura revisar` gives, cold, on the same texts.
// Before the edits, several starts of the server on the unmodified copy (each loads the files in the
// order its reads finish) must publish what the cold check gives. `npm run fuzz` runs a bigger budget
// (FUZZ_DIFFERENTIAL_STEPS quiet points, FUZZ_SEED; DIFFERENTIAL_STARTS starts).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, InitializeParams } from 'vscode-languageserver-protocol/node';
import { declaredIds, randomEdit, type EditContext } from './helpers/edits.js';
import { EXAMPLES, REPO, exampleFileNames } from './helpers/examples.js';
import { Rng } from './helpers/fuzz.js';
import { LspTestClient } from './helpers/lsp-client.js';

// Overridable to run the same sequences against another build (e.g. an older commit's out/).
const SERVER = process.env.ESTRUCTURA_SERVER ?? path.join(REPO, 'out/server.cjs');
const CLI = process.env.ESTRUCTURA_CLI ?? path.join(REPO, 'out/cli.cjs');
const QUIET_POINTS = Number(process.env.FUZZ_DIFFERENTIAL_STEPS ?? 14);
/** Servers started on the unmodified copy besides the one the edits go to. */
const STARTS = Number(process.env.DIFFERENTIAL_STARTS ?? 3);
const SEED = 20261206 ^ Number(process.env.FUZZ_SEED ?? 0);
/** A file of no institution's structure, answered quickly: asking for its chart waits for every build queued before. */
const QUIET_FILE = 'zz-punto-de-quietud.estructura';
const QUIET_TEXT = 'manual PUNTO_DE_QUIETUD "Archivo de la prueba diferencial" {\n    institucion PRUEBA\n}\n';

const SEVERITY = ['', 'error', 'advertencia', 'informativo', 'sugerencia'];

interface ColdDiagnostic { file: string; line: number; column: number; severity: string; code: string; message: string }

function lineOf(d: { line: number; column: number; severity: string; code: string; message: string }): string {
    return `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

function published(d: Diagnostic): string {
    return lineOf({ line: d.range.start.line + 1, column: d.range.start.character + 1, severity: SEVERITY[d.severity ?? 1], code: String(d.code ?? ''), message: typeof d.message === 'string' ? d.message : d.message.value });
}

describe('the server after any sequence of edits equals a cold check of the same texts', () => {
    const served = mkdtempSync(path.join(tmpdir(), 'estructura-servido-'));
    const cold = mkdtempSync(path.join(tmpdir(), 'estructura-en-frio-'));
    const files = [...exampleFileNames(), QUIET_FILE];
    const onDisk = new Map<string, string>();
    /** What the server has of each file: its disk text, or the editor's text while open. */
    const current = new Map<string, string>();
    const history = new Map<string, string[]>();
    const versions = new Map<string, number>();
    const written = new Map<string, string>();
    let client: LspTestClient;
    let kept = false;
    const uriOf = (file: string) => pathToFileURL(path.join(served, file)).href;

    beforeAll(async () => {
        for (const dir of [served, cold]) {
            cpSync(EXAMPLES, dir, { recursive: true });
            writeFileSync(path.join(dir, QUIET_FILE), QUIET_TEXT);
        }
        for (const file of files) {
            const text = readFileSync(path.join(served, file), 'utf-8');
            onDisk.set(file, text);
            current.set(file, text);
            written.set(file, text);
        }
        client = await startServer();
        // The first open validates the whole workspace.
        await open(QUIET_FILE);
        await quiet();
    }, 120_000);

    afterAll(() => {
        client?.dispose();
        rmSync(served, { recursive: true, force: true });
        if (!kept) rmSync(cold, { recursive: true, force: true });
    });

    /** A server on the served copy, initialized (its startup build then runs). */
    async function startServer(): Promise<LspTestClient> {
        const server = LspTestClient.start(SERVER, REPO);
        const root = pathToFileURL(served).href;
        const params: InitializeParams = {
            processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'examples' }],
            capabilities: { workspace: { configuration: false, workspaceFolders: true } }
        };
        await server.request('initialize', params, 30_000);
        await server.notify('initialized', {});
        return server;
    }

    async function open(file: string): Promise<void> {
        if (versions.has(file)) return;
        versions.set(file, 1);
        await client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'estructura', version: 1, text: current.get(file) } });
    }

    async function change(file: string, text: string): Promise<void> {
        await open(file);
        const version = versions.get(file)! + 1;
        versions.set(file, version);
        current.set(file, text);
        await client.notify('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: [{ text }] });
    }

    /** Closing without saving: the server goes back to the file on disk. */
    async function close(file: string): Promise<void> {
        versions.delete(file);
        history.delete(file);
        current.set(file, onDisk.get(file)!);
        await client.notify('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
    }

    const waits: number[] = [];
    /** Resolves once every edit sent before has been built and its diagnostics published. */
    async function quiet(server = client): Promise<void> {
        const started = performance.now();
        await server.request('estructura/organigrama', { uri: uriOf(QUIET_FILE), alcance: 'manual' }, 120_000);
        if (server === client) waits.push(performance.now() - started);
    }

    function coldCheck(): Map<string, string[]> {
        for (const file of files) {
            if (written.get(file) === current.get(file)) continue;
            writeFileSync(path.join(cold, file), current.get(file)!);
            written.set(file, current.get(file)!);
        }
        let stdout: string;
        try {
            stdout = execFileSync(process.execPath, [CLI, 'revisar', '--formato', 'json', '.'], { cwd: cold, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
        } catch (error) {
            // Exit code 1: errors were found, as expected in examples/.
            stdout = (error as { stdout?: string }).stdout ?? '';
            if (!stdout) throw error;
        }
        const byFile = new Map<string, string[]>();
        for (const d of (JSON.parse(stdout) as { diagnostics: ColdDiagnostic[] }).diagnostics) {
            const list = byFile.get(d.file) ?? [];
            list.push(lineOf(d));
            byFile.set(d.file, list);
        }
        return byFile;
    }

    function compare(log: string[], server = client): void {
        const expected = coldCheck();
        const mismatches: string[] = [];
        for (const file of files) {
            const want = [...(expected.get(file) ?? [])].sort();
            const got = (server.diagnostics.get(uriOf(file)) ?? []).map(published).sort();
            const missing = want.filter(d => !got.includes(d));
            const extra = got.filter(d => !want.includes(d));
            if (missing.length > 0 || extra.length > 0) {
                mismatches.push(`${file}:\n  cold only: ${JSON.stringify(missing.slice(0, 5))}\n  server only: ${JSON.stringify(extra.slice(0, 5))}`);
            }
        }
        if (mismatches.length > 0) {
            // The texts of this quiet point stay on disk (the cold copy) to study the failure.
            kept = true;
            throw new Error(`after these edits (seed ${SEED}; the texts are in ${cold}):\n${log.slice(-12).join('\n')}\n${mismatches.slice(0, 6).join('\n')}`);
        }
    }

    it(`every start of the server (${STARTS + 1}) publishes what a cold check of the same files gives`, async () => {
        // The server the edits go to, then others on the same unmodified files.
        compare(['start 1 (the server of the edits below)']);
        for (let start = 2; start <= STARTS + 1; start++) {
            const server = await startServer();
            try {
                await quiet(server);
                compare([`start ${start}`], server);
                expect(server.stderr).toBe('');
                expect(await server.shutdown()).toBe(0);
            } finally {
                server.dispose();
            }
        }
    }, Math.max(120_000, STARTS * 60_000));

    it(`holds at ${QUIET_POINTS} quiet points of seeded edit bursts over a copy of examples/`, async () => {
        const rng = new Rng(SEED);
        const editable = files.filter(f => f !== QUIET_FILE);
        const texts = editable.map(f => onDisk.get(f)!);
        // Most edits go to a few files, so that they come to refer to each other's units (a
        // description of a unit in another file, a titular of another's unit) and the next edits
        // change what those references read; the rest go anywhere.
        const focus = Array.from({ length: 4 }, () => rng.pick(editable));
        const focusTexts = focus.map(f => onDisk.get(f)!);
        const contexts: EditContext[] = [{ texts, ...declaredIds(texts) }, { texts: focusTexts, ...declaredIds(focusTexts) }];
        const log: string[] = [];
        let edits = 0;
        let restored = 0;
        for (let point = 0; point < QUIET_POINTS; point++) {
            // A burst: the next edit arrives before the previous one is built (typing), or after.
            const burst = 1 + rng.int(4);
            for (let i = 0; i < burst; i++) {
                const file = rng.int(4) === 0 ? rng.pick(editable) : rng.pick(focus);
                const context = contexts[rng.int(2)];
                const text = current.get(file)!;
                const roll = rng.int(20);
                const past = history.get(file) ?? [];
                if (roll === 0 && versions.has(file)) {
                    log.push(`[${point}] ${file}: close without saving`);
                    await close(file);
                } else if (roll <= 2 && past.length > 0) {
                    log.push(`[${point}] ${file}: undo`);
                    await change(file, past.pop()!);
                } else if (roll <= 4) {
                    // An edit, built or not, then the text as it was: the file's symbols come back
                    // last in Langium's index, and nothing may follow that order.
                    const edit = randomEdit(text, rng, context);
                    const built = rng.int(2) === 0;
                    log.push(`[${point}] ${file}: ${edit.op}, then${built ? ' (after its build)' : ''} its text restored`);
                    await change(file, edit.text);
                    if (built) await quiet();
                    await change(file, text);
                    restored++;
                } else {
                    const edit = randomEdit(text, rng, context);
                    log.push(`[${point}] ${file}: ${edit.op}`);
                    history.set(file, [...past, text]);
                    await change(file, edit.text);
                }
                edits++;
                if (rng.int(3) === 0) await quiet();
            }
            await quiet();
            compare(log);
            expect(client.process.exitCode, `server exited: ${client.stderr.slice(-500)}`).toBeNull();
        }
        expect(client.stderr).toBe('');
        const sorted = waits.slice(1).sort((a, b) => a - b);
        console.log(`[incremental-cold] ${edits} edits (${restored} of them edits then restored), ${QUIET_POINTS} quiet points, seed ${SEED} (focus: ${focus.join(', ')}): server equals cold check; `
            + `builds done ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0)} ms (median), ${(sorted.at(-1) ?? 0).toFixed(0)} ms (max) after the request`);
    }, Math.max(300_000, QUIET_POINTS * 20_000));
});
