// `npm run bench` (after `npm run build`): cold `estructura revisar` on three workloads (all
// examples/, the imported ISSSTE manual alone, a synthetic workload ten times the ISSSTE manual),
// two baselines for each (lexing only; Langium's parse, index and link without validation), and the
// language server over stdio on examples/ and on synthetic workloads ten and thirty times the ISSSTE
// manual, in rounds (BENCH_LSP_RUNS, default 3). Writes bench/bench.json and bench/bench.md.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bench/bundle-entry.mjs';
import { buildCopies, largestByFunctions } from './bench/workloads.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 9);
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const work = mkdtempSync(path.join(tmpdir(), 'estructura-bench-'));

// The measured programs, bundled like the CLI (same polyfill).
const entry = path.join(work, 'entry.cjs');
await bundleEntry(root, 'scripts/bench/entry.ts', entry);
// Peak memory of a child: printed by the child itself when it exits.
const maxrss = path.join(work, 'maxrss.cjs');
writeFileSync(maxrss, "process.on('exit', () => require('fs').writeSync(2, `\\nmaxrss-kb ${process.resourceUsage().maxRSS}\\n`));\n");

function run(args, what) {
    const start = performance.now();
    const child = spawnSync(process.execPath, ['-r', maxrss, ...args], { cwd: root, encoding: 'utf-8', maxBuffer: 512 * 1024 * 1024 });
    const ms = performance.now() - start;
    if (child.status !== 0 && child.status !== 1) throw new Error(`${what} failed (${child.status}): ${child.stderr}`);
    const kb = Number(/maxrss-kb (\d+)/.exec(child.stderr)?.[1]);
    return { ms, mb: kb / 1024, stdout: child.stdout };
}

/**
 * Runs the programs in rounds, one of each per round, so that the machine's slow and fast spells
 * (this shared 2-core machine varies by ±30 % within a minute) fall on all of them alike; the
 * ratios are the medians of each round's ratios.
 */
function measureRounds(programs, n) {
    const rounds = Array.from({ length: n }, () => programs.map(p => run(p.args, p.what)));
    const summary = programs.map((p, k) => {
        const results = rounds.map(r => r[k]);
        return { ms: Math.round(median(results.map(r => r.ms))), peakMb: Math.round(median(results.map(r => r.mb))), last: results.at(-1).stdout };
    });
    const ratio = (a, b) => Math.round(median(rounds.map(r => r[a].ms / r[b].ms)) * 100) / 100;
    return { summary, ratio };
}

// Workloads.
const examples = path.join(root, 'examples');
const issste = path.join(work, 'issste');
cpSync(path.join(examples, 'manuales/issste-2018'), issste, { recursive: true });
const tenfold = path.join(work, 'issste-x10');
const thirtyfold = path.join(work, 'issste-x30');
const profile = JSON.parse(run([entry, 'profile', 'ISSSTE'], 'profile').stdout);
buildCopies(issste, tenfold, 10, profile);
buildCopies(issste, thirtyfold, 30, profile);


const cli = path.join(root, 'bin/estructura.cjs');
const sources = dir => readdirSync(dir, { recursive: true }).filter(f => f.endsWith('.estructura'));
const size = dir => sources(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
const workloads = [
    { name: 'examples/', dir: examples, n: runs },
    { name: 'ISSSTE (imported)', dir: issste, n: runs },
    { name: 'ISSSTE ×10 (synthetic)', dir: tenfold, n: Math.max(3, Math.ceil(runs / 2)) }
];
const results = [];
for (const w of workloads) {
    const { summary: [check, lexing, framework], ratio } = measureRounds([
        { args: [cli, 'revisar', w.dir, '--formato', 'json'], what: `revisar ${w.name}` },
        { args: [entry, 'lex', w.dir], what: `lex ${w.name}` },
        { args: [entry, 'framework', w.dir], what: `framework ${w.name}` }
    ], w.n);
    const summary = JSON.parse(check.last).summary;
    results.push({
        workload: w.name, bytes: size(w.dir), files: sources(w.dir).length, runs: w.n,
        revisar: { ms: check.ms, peakMb: check.peakMb, errors: summary.errors, warnings: summary.warnings, infos: summary.infos },
        lexOnly: { ms: lexing.ms, peakMb: lexing.peakMb },
        frameworkOnly: { ms: framework.ms, peakMb: framework.peakMb },
        ratioToLex: ratio(0, 1),
        ratioToFramework: ratio(0, 2)
    });
    console.error(`${w.name}: revisar ${check.ms} ms`);
}

// The language server on examples/ (×1), ×10 and ×30, in rounds (one of each per round), with
// edits in a function text of the largest ISSSTE file (by functions; in ×10 and ×30, its first copy).
const lspRuns = Number(process.env.BENCH_LSP_RUNS ?? 3);
const largest = largestByFunctions(path.join(examples, 'manuales/issste-2018'));
const servers = [
    { name: 'examples/ (×1)', dir: examples, edited: largest },
    { name: 'ISSSTE ×10', dir: tenfold, edited: largestByFunctions(path.join(tenfold, 'issste01')) },
    { name: 'ISSSTE ×30', dir: thirtyfold, edited: largestByFunctions(path.join(thirtyfold, 'issste01')) }
];
const lspRounds = Array.from({ length: lspRuns }, () => servers.map(w => JSON.parse(run([entry, 'lsp', w.dir, w.edited, path.join(root, 'out/server.cjs')], `lsp ${w.name}`).stdout)));
const spread = values => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
const serverResults = servers.map((w, k) => {
    const rs = lspRounds.map(r => r[k]);
    const of = pick => spread(rs.map(pick));
    return {
        workload: w.name, files: rs[0].files, bytes: rs[0].bytes, runs: rs.length,
        startupMs: of(r => r.startupToAllDiagnosticsMs),
        editMedianMs: of(r => r.editToDiagnostics.medianMs), editP95Ms: of(r => r.editToDiagnostics.p95Ms), edits: rs[0].editToDiagnostics.n,
        structuralMs: of(r => r.structuralEdit.medianMs), structuralAllFilesMs: of(r => r.structuralEditAllFiles.medianMs),
        symbolsP95Ms: of(r => r.workspaceSymbolsLetter.p95Ms), symbolsMedianMs: of(r => r.workspaceSymbolsLetter.medianMs),
        afterStartMb: of(r => r.afterStartMb), peakDuringEditsMb: of(r => r.peakDuringEditsMb),
        rounds: rs
    };
});
const lsp = lspRounds.at(-1)[0];
rmSync(work, { recursive: true, force: true });

const single = results[1].revisar.ms;
const tenfoldRatio = Math.round((results[2].revisar.ms / single) * 100) / 100;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.versions.node}`;
const date = new Date().toISOString().slice(0, 10);
const targets = [
    ['cold check of examples/ ≤ 3× lexing', `${results[0].ratioToLex}×`, results[0].ratioToLex <= 3],
    ['edit → diagnostics p95 ≤ 100 ms (largest ISSSTE file by functions)', `${lsp.editToDiagnostics.p95Ms} ms`, lsp.editToDiagnostics.p95Ms <= 100],
    ['×30: edit → diagnostics p95 ≤ 50 ms (median of rounds)', `${serverResults[2].editP95Ms.median} ms`, serverResults[2].editP95Ms.median <= 50],
    ['edit p95 ×30 / ×1 ≤ 1.5', `${(serverResults[2].editP95Ms.median / serverResults[0].editP95Ms.median).toFixed(2)}`, serverResults[2].editP95Ms.median / serverResults[0].editP95Ms.median <= 1.5],
    ['×10: peak RSS during edits ≤ 1.3 × RSS after start', `${serverResults[1].peakDuringEditsMb.median} / ${serverResults[1].afterStartMb.median} MB`, serverResults[1].peakDuringEditsMb.median <= 1.3 * serverResults[1].afterStartMb.median],
    ['×30: start → all diagnostics ≤ 8 s', `${serverResults[2].startupMs.median} ms`, serverResults[2].startupMs.median <= 8000],
    ['×30: workspace symbols p95 ≤ 50 ms', `${serverResults[2].symbolsP95Ms.median} ms`, serverResults[2].symbolsP95Ms.median <= 50],
    ['definition p95 ≤ 20 ms', `${lsp.definition.p95Ms} ms`, lsp.definition.p95Ms <= 20],
    ['hover p95 ≤ 20 ms', `${lsp.hover.p95Ms} ms`, lsp.hover.p95Ms <= 20],
    ['server memory ≤ 300 MB (examples/)', `${lsp.serverMemoryMb} MB`, lsp.serverMemoryMb <= 300],
    ['ISSSTE ×10 ≤ 12× ISSSTE', `${tenfoldRatio}×`, tenfoldRatio <= 12]
];
writeFileSync(path.join(root, 'bench/bench.json'), JSON.stringify({ date, machine, workloads: results, lsp, servers: serverResults, tenfoldRatio, targets: targets.map(([target, value, met]) => ({ target, value, met })) }, null, 2) + '\n');
const md = [
    `Benchmark (${date}, ${machine}; medians of ${runs} rounds, ${workloads[2].n} for the synthetic workload; a round runs revisar and both baselines, and the ratios are medians of each round's ratios)`,
    '',
    '| workload | size | files | `revisar` (ms) | peak MB | lex only (ms) | parse+link only (ms) | ÷ lex | ÷ parse+link |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(r => `| ${r.workload} | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.files} | ${r.revisar.ms} | ${r.revisar.peakMb} | ${r.lexOnly.ms} | ${r.frameworkOnly.ms} | ${r.ratioToLex} | ${r.ratioToFramework} |`),
    '',
    `Language server on examples/ (${lsp.files} files): all diagnostics ${lsp.startupToAllDiagnosticsMs} ms after start; memory ${lsp.serverMemoryMb} MB.`,
    '',
    '| request | median (ms) | p95 (ms) | n |',
    '|---|---:|---:|---:|',
    `| one-character edit in \`${path.basename(largest)}\` → its diagnostics | ${lsp.editToDiagnostics.medianMs} | ${lsp.editToDiagnostics.p95Ms} | ${lsp.editToDiagnostics.n} |`,
    `| definition | ${lsp.definition.medianMs} | ${lsp.definition.p95Ms} | ${lsp.definition.n} |`,
    `| hover | ${lsp.hover.medianMs} | ${lsp.hover.p95Ms} | ${lsp.hover.n} |`,
    `| document symbols (largest file) | ${lsp.documentSymbol.medianMs} | ${lsp.documentSymbol.p95Ms} | ${lsp.documentSymbol.n} |`,
    '',
    `Language server by workload size: medians of ${lspRuns} rounds [lowest–highest]; edits of one character in a function text of \`${path.basename(largest)}\` (its first copy in ×10 and ×30), ${serverResults[0].edits} per round after 10 warm-up edits; the structural edit is a character of the file's first unit name (every file of its institution is revalidated); workspace symbols for the query \`d\`.`,
    '',
    '| workload | files | MB | start → all diagnostics (ms) | edit median (ms) | edit p95 (ms) | structural edit: its file / whole institution (ms) | workspace symbols p95 (ms) | RSS after start (MB) | peak RSS during edits (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...serverResults.map(r => {
        const f = s => `${s.median} [${s.min}–${s.max}]`;
        return `| ${r.workload} | ${r.files} | ${(r.bytes / 1e6).toFixed(1)} | ${f(r.startupMs)} | ${f(r.editMedianMs)} | ${f(r.editP95Ms)} | ${r.structuralMs.median} / ${r.structuralAllFilesMs.median} | ${f(r.symbolsP95Ms)} | ${f(r.afterStartMb)} | ${f(r.peakDuringEditsMb)} |`;
    }),
    '',
    '| target | measured | met |',
    '|---|---:|:---:|',
    ...targets.map(([target, value, met]) => `| ${target} | ${value} | ${met ? 'yes' : '**no**'} |`)
].join('\n');
writeFileSync(path.join(root, 'bench/bench.md'), md + '\n');
console.log(md);
