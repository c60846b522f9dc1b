// What a long editing session costs the server, over stdio (out/server.cjs started with
// `--expose-gc` and ESTRUCTURA_TEST_HOOKS=1, see server/src/lsp/test-hooks.ts): the heap after a full
// garbage collection does not grow with edits typed at new places (the caches keyed by text are
// bounded by the workspace's characters, and hold copies, not slices of whole document versions),
// closing a huge document frees its memory at once, and a burst of queued changes is parsed a few
// times, not once per change.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { RawRpc } from './helpers/raw-rpc.js';

const SERVER = process.env.ESTRUCTURA_SERVER ?? path.join(REPO, 'out/server.cjs');
const INSTITUTION = 'manuales/issste-2018';
/** A part of about 35 KB with 111 functions: the file typed in. */
const EDITED = 'issste-2018.3.3-sssc.estructura';
/** The largest file of the institution (139 KB): the one the bursts go to. */
const LARGEST = 'issste-2018.estructura';
/** The workspace: the edited part, its parent part and the institution's main file (185 KB). */
const FILES = [LARGEST, 'issste-2018.3-dpesc.estructura', EDITED];
const EDITS = Number(process.env.MEMORY_EDITS ?? 2000);
const WARM_UP = 200;
const MB = 1024 * 1024;

interface Heap { heapUsed: number; gc: boolean }
interface Parses { parses: number; chars: number; large: number; cpuMs: number }

/** A word of letters for k (aab, aac…): a new word at a new place for every edit. */
function word(k: number): string {
    let out = '';
    for (let n = k + 26 * 26; n > 0; n = Math.floor(n / 26)) out = String.fromCharCode(97 + (n % 26)) + out;
    return out;
}

/** Where each function text starts (just after its opening quote). */
function functionStarts(text: string): number[] {
    return [...text.matchAll(/^\s*\d+\. "/gmu)].map(m => m.index + m[0].length);
}

describe('memory and bursts of edits over stdio', () => {
    let folder: string;
    let rpc: RawRpc;
    const log: string[] = [];

    async function heap(): Promise<number> {
        const answer = await rpc.request('estructura/test/heap', undefined, 120_000);
        const result = answer.result as Heap;
        expect(answer.error, 'estructura/test/heap').toBeUndefined();
        expect(result.gc, 'the server runs with --expose-gc').toBe(true);
        return result.heapUsed;
    }

    async function parses(): Promise<Parses> {
        const answer = await rpc.request('estructura/test/parses', undefined, 120_000);
        expect(answer.error, 'estructura/test/parses').toBeUndefined();
        return answer.result as Parses;
    }

    const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;

    beforeAll(async () => {
        folder = mkdtempSync(path.join(tmpdir(), 'estructura-memoria-'));
        for (const name of FILES) cpSync(path.join(EXAMPLES, INSTITUTION, name), path.join(folder, name));
        rpc = RawRpc.start(SERVER, REPO, { nodeArgs: ['--expose-gc'], env: { ESTRUCTURA_TEST_HOOKS: '1' } });
        await rpc.initialize(pathToFileURL(folder).href);
        await rpc.waitForNotification(n => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uriOf(EDITED), 60_000, `diagnostics of ${EDITED}`);
        await parses();
    }, 90_000);

    afterAll(async () => {
        if (rpc?.alive) await rpc.shutdown().catch(() => rpc.dispose());
        if (folder) rmSync(folder, { recursive: true, force: true });
        console.log(log.join('\n'));
    });

    it(`${EDITS} edits typed at new places: the heap after a full GC grows less than 5 MB`, async () => {
        const uri = uriOf(EDITED);
        const base = readFileSync(path.join(folder, EDITED), 'utf-8');
        const starts = functionStarts(base);
        expect(starts.length).toBeGreaterThan(100);
        rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'estructura', version: 1, text: base } });
        let version = 1;
        // Edit k: a new word typed into function k (mod the count), each time at a new place of its
        // text; each edit is built before the next one (a request waits behind the build).
        const edit = async (k: number) => {
            const start = starts[k % starts.length];
            const line = base.indexOf('\n', start);
            const at = start + Math.min(k % 37, Math.max(0, line - start - 2));
            const text = `${base.slice(0, at)}${word(k)} ${base.slice(at)}`;
            rpc.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
            await parses();
        };
        for (let k = 0; k < WARM_UP; k++) await edit(k);
        const before = await heap();
        const started = performance.now();
        for (let k = WARM_UP; k < WARM_UP + EDITS; k++) await edit(k);
        const seconds = (performance.now() - started) / 1000;
        const after = await heap();
        log.push(`${EDITS} edits in ${seconds.toFixed(1)} s: heap after GC ${(before / MB).toFixed(1)} → ${(after / MB).toFixed(1)} MB (${((after - before) / EDITS / 1024).toFixed(2)} KB per edit)`);
        expect(after - before, 'growth of the heap after a full GC').toBeLessThan(5 * MB);
    }, 600_000);
});
