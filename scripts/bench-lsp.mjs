// `node scripts/bench-lsp.mjs [x1] [x10] [x30]` (after `npm run bundle`): only the language-server
// part of `npm run bench`, in rounds, on examples/ (×1) and the synthetic ×10 and ×30 ISSSTE
// workloads, printing every round and the medians. For profiling and for iterating on the server:
//   BENCH_RUNS=3            rounds
//   BENCH_LSP_EDITS=50      one-character edits per round (after 10 warm-up edits)
//   BENCH_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'   node arguments of the server
//   ESTRUCTURA_SERVER=…     another server bundle
//   BENCH_WORK=/tmp/dir     keep the workloads there (reused when present)
//   BENCH_LSP_STARTUP_ONLY=1        stop after the initial build
//   BENCH_LSP_HEAP_DIR=/tmp/heap    heap snapshots after the start and after the edits
//                                   (compare them with scripts/bench/heap-diff.mjs)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bench/bundle-entry.mjs';
import { buildCopies, largestByFunctions } from './bench/workloads.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = process.env.BENCH_WORK ?? path.join(tmpdir(), 'estructura-bench-lsp');
const server = path.resolve(process.env.ESTRUCTURA_SERVER ?? path.join(root, 'out/server.cjs'));
mkdirSync(work, { recursive: true });
const entry = path.join(work, 'entry.cjs');
await bundleEntry(root, 'scripts/bench/entry.ts', entry);
const node = (args, env = {}) => {
    const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
    if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}`);
    return child.stdout;
};
const issste = path.join(root, 'examples/manuales/issste-2018');
const profile = JSON.parse(node([entry, 'profile', 'ISSSTE']));
const workload = copies => {
    const dir = path.join(work, `issste-x${copies}`);
    if (!existsSync(path.join(dir, 'estructura.json'))) buildCopies(issste, dir, copies, profile);
    return { name: `ISSSTE ×${copies}`, dir, edited: largestByFunctions(path.join(dir, 'issste01')) };
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['x1', 'x10', 'x30'];
const workloads = wanted.map(w => w === 'x1'
    ? { name: 'examples/', dir: path.join(root, 'examples'), edited: largestByFunctions(issste) }
    : workload(Number(w.slice(1))));
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {};
for (let round = 0; round < runs; round++) {
    for (const w of workloads) {
        const result = JSON.parse(node([entry, 'lsp', w.dir, w.edited, server]));
        (results[w.name] ??= []).push(result);
        console.log(`${w.name} round ${round + 1}: start ${result.startupToAllDiagnosticsMs} ms (CPU ${result.startupCpuMs} ms); edit ${result.editToDiagnostics?.medianMs}/${result.editToDiagnostics?.p95Ms} ms (CPU ${result.editCpuMs} ms each); `
            + `structural ${result.structuralEdit?.medianMs}/${result.structuralEdit?.p95Ms} ms (all files ${result.structuralEditAllFiles?.medianMs}); `
            + `symbols ${result.workspaceSymbolsLetter?.medianMs}/${result.workspaceSymbolsLetter?.p95Ms} ms; `
            + `RSS start ${result.afterStartMb} (peak ${result.startupPeakMb}) edits peak ${result.peakDuringEditsMb} end ${result.serverMemoryMb} MB`);
    }
}
for (const [name, rs] of Object.entries(results)) {
    const m = pick => `${median(rs.map(pick))} [${Math.min(...rs.map(pick))}–${Math.max(...rs.map(pick))}]`;
    console.log(`${name} (${rs[0].files} files, ${(rs[0].bytes / 1e6).toFixed(1)} MB), medians [range] of ${rs.length}: start ${m(r => r.startupToAllDiagnosticsMs)} ms, CPU ${m(r => r.startupCpuMs)} ms; `
        + `edit median ${m(r => r.editToDiagnostics?.medianMs)} p95 ${m(r => r.editToDiagnostics?.p95Ms)} ms, CPU ${m(r => r.editCpuMs)} ms each; structural ${m(r => r.structuralEdit?.medianMs)} ms, all files ${m(r => r.structuralEditAllFiles?.medianMs)} ms; `
        + `symbols p95 ${m(r => r.workspaceSymbolsLetter?.p95Ms)} ms; RSS after start ${m(r => r.afterStartMb)} MB, peak in edits ${m(r => r.peakDuringEditsMb)} MB`);
}
