// Fuzzing in-process: thousands of deterministic mutations of the examples (token deletions,
// insertions, swaps, duplications, truncations, random characters) are sent, as editor changes,
// through parse, link, validate, document symbols, folding, hover, definition, completion and
// formatting, with the Langium services the server uses. No exception may escape, no change may
// take longer than its bound, and formatting may never change a function text.
// FUZZ_ITERATIONS (mutations per file, default below) makes a bigger run: `npm run fuzz`.
// Hostile documents and the regressions of what fuzzing found: test/fuzz-hostile.test.ts.
import { describe, expect, it } from 'vitest';
import { buildWorkspace, exampleFiles, type TestWorkspace } from './helpers/workspace.js';
import { Rng, mutate } from './helpers/fuzz.js';
import { exercise } from './helpers/exercise.js';

const PER_FILE = Number(process.env.FUZZ_ITERATIONS ?? 20);
/** FUZZ_SEED explores other mutations (the default run always tries the same ones). */
const SEED = Number(process.env.FUZZ_SEED ?? 0);
/** Test timeouts grow with a bigger run. */
const TIMEOUT = Math.max(120_000, PER_FILE * 2_000);
/** A small file's mutation (update + every feature) must finish within this, on a loaded 2-core CI machine. */
const BOUND_MS = 5_000;
const SMALL = 25_000;

interface Failure { file: string; seed: number; index: number; op: string; error: string }

function seedOf(name: string): number {
    let h = 2166136261;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
    return (h ^ SEED) >>> 0;
}

function describeError(error: unknown): string {
    return error instanceof Error ? `${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n')}` : String(error);
}

function report(label: string, tried: number, failures: Failure[], times: number[]) {
    const sorted = [...times].sort((a, b) => a - b);
    const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(1);
    console.log(`[fuzz] ${label}: ${tried} mutations, ${failures.length} failures, per mutation median ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${p(1)} ms`);
}


/** Applies one mutation to `name` in `ws`, sends it through every feature, and records what broke and how long it took. */
async function tryMutation(ws: TestWorkspace, name: string, text: string, at: Omit<Failure, 'file' | 'error'>, rng: Rng, positions: number,
    failures: Failure[], times: number[]): Promise<void> {
    const started = performance.now();
    try {
        await ws.update(name, text);
        const broken = await exercise(ws.services, ws.docs[name], rng, positions);
        if (broken) failures.push({ file: name, ...at, error: broken });
    } catch (error) {
        failures.push({ file: name, ...at, error: describeError(error) });
    }
    const ms = performance.now() - started;
    times.push(ms);
    if (ms > BOUND_MS) failures.push({ file: name, ...at, error: `took ${ms.toFixed(0)} ms` });
}

describe('fuzzing the language services in-process', () => {
    const files = exampleFiles();
    const small = Object.keys(files).filter(name => files[name].length <= SMALL);

    it(`survives ${PER_FILE} mutations of each of the ${small.length} examples under ${SMALL / 1000} KB`, async () => {
        const failures: Failure[] = [];
        const times: number[] = [];
        let tried = 0;
        for (const name of small) {
            // Each file in a workspace of its own: the mutations are the point, and a file alone
            // rebuilds fast; cross-file linking is fuzzed below in the whole IMSS workspace.
            const ws = await buildWorkspace({ [name]: files[name] });
            const seed = seedOf(name);
            const rng = new Rng(seed);
            for (let index = 0; index < PER_FILE; index++) {
                const mutation = mutate(files[name], rng);
                tried++;
                await tryMutation(ws, name, mutation.text, { seed, index, op: mutation.op }, rng, 3, failures, times);
            }
        }
        report('small examples', tried, failures, times);
        expect(failures.slice(0, 5)).toEqual([]);
        expect(tried).toBe(small.length * PER_FILE);
    }, TIMEOUT);

    it('survives a few mutations of each example above 25 KB', async () => {
        const large = Object.keys(files).filter(name => files[name].length > SMALL);
        const perFile = Math.max(2, Math.round(PER_FILE / 10));
        const failures: Failure[] = [];
        const times: number[] = [];
        for (const name of large) {
            const ws = await buildWorkspace({ [name]: files[name] });
            const seed = seedOf(name);
            const rng = new Rng(seed);
            for (let index = 0; index < perFile; index++) {
                const mutation = mutate(files[name], rng);
                await tryMutation(ws, name, mutation.text, { seed, index, op: mutation.op }, rng, 1, failures, times);
            }
        }
        report(`examples above ${SMALL / 1000} KB (${large.length} files)`, large.length * perFile, failures, times);
        expect(failures.slice(0, 5)).toEqual([]);
    }, TIMEOUT);

    it('survives mutations of a part file inside the whole IMSS workspace (cross-file links)', async () => {
        const PART = 'manuales/imss-doe-2022/imss-doe-2022.7.1.6-ca.estructura';
        const imss = Object.fromEntries(Object.entries(files).filter(([name]) => !name.includes('issste')));
        const ws = await buildWorkspace(imss);
        const seed = 2026 ^ SEED;
        const rng = new Rng(seed);
        const failures: Failure[] = [];
        const times: number[] = [];
        const count = Math.max(20, Math.round(PER_FILE * 2));
        for (let index = 0; index < count; index++) {
            const mutation = mutate(files[PART], rng);
            await tryMutation(ws, PART, mutation.text, { seed, index, op: mutation.op }, rng, 3, failures, times);
        }
        report('IMSS workspace part', count, failures, times);
        expect(failures.slice(0, 5)).toEqual([]);
        // Back to the real text: the workspace is clean again, nothing stale was left behind.
        await ws.update(PART, files[PART]);
        expect(ws.docs[PART].diagnostics!.filter(d => d.severity === 1)).toEqual([]);
    }, TIMEOUT);

    it('survives truncation at every position of a small file', async () => {
        const name = 'ejemplos/imss-puestos.estructura';
        const source = files[name];
        const ws = await buildWorkspace({ [name]: source });
        const rng = new Rng(7);
        const failures: Failure[] = [];
        const times: number[] = [];
        for (let cut = 0; cut <= source.length; cut++) {
            await tryMutation(ws, name, source.substring(0, cut), { seed: 7, index: cut, op: `truncate at ${cut}` }, rng, 1, failures, times);
        }
        console.log(`[fuzz] truncations of ${name}: ${source.length + 1}, ${failures.length} failures`);
        expect(failures.slice(0, 5)).toEqual([]);
    }, 60_000);
});
