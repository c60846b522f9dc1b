// `npm run bench` (after `npm run build`): cold `estructura revisar` on three workloads (all
// examples/, the imported ISSSTE manual alone, a synthetic workload ten times the ISSSTE manual),
// two baselines for each (lexing only; Langium's parse, index and link without validation), and the
// language server over stdio on examples/. Writes bench/bench.json and bench/bench.md.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 9);
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const work = mkdtempSync(path.join(tmpdir(), 'estructura-bench-'));

// The measured programs, bundled like the CLI (same polyfill).
const entry = path.join(work, 'entry.cjs');
await esbuild.build({
    entryPoints: [path.join(root, 'scripts/bench/entry.ts')], outfile: entry, bundle: true, platform: 'node',
    target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' },
    banner: { js: readFileSync(path.join(root, 'server/src/polyfill.cjs'), 'utf-8') }
});
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
const profile = JSON.parse(run([entry, 'profile', 'ISSSTE'], 'profile').stdout);
const perfiles = {};
for (let k = 1; k <= 10; k++) {
    const institution = `ISSSTE${String(k).padStart(2, '0')}`;
    perfiles[institution] = profile;
    const dir = path.join(tenfold, institution.toLowerCase());
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(issste)) {
        const text = readFileSync(path.join(issste, name), 'utf-8')
            .replace(/^(\s*institucion) ISSSTE$/mu, `$1 ${institution}`)
            .replace(/^(manual|parte de) ISSSTE_2018\b/mu, `$1 ISSSTE_2018_${k}`);
        writeFileSync(path.join(dir, name), text);
    }
}
writeFileSync(path.join(tenfold, 'estructura.json'), JSON.stringify({ perfiles }, null, 2));

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

// The language server on examples/, with edits in the largest ISSSTE file.
// The ISSSTE file with the most functions: the edits go into a function text.
const functionsIn = file => (readFileSync(file, 'utf-8').match(/^\s+\d+\. "/gmu) ?? []).length;
const largest = readdirSync(path.join(examples, 'manuales/issste-2018')).map(f => path.join(examples, 'manuales/issste-2018', f))
    .sort((a, b) => functionsIn(b) - functionsIn(a))[0];
const lsp = JSON.parse(run([entry, 'lsp', examples, largest, path.join(root, 'out/server.cjs')], 'lsp').stdout);
rmSync(work, { recursive: true, force: true });

const single = results[1].revisar.ms;
const tenfoldRatio = Math.round((results[2].revisar.ms / single) * 100) / 100;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.versions.node}`;
const date = new Date().toISOString().slice(0, 10);
const targets = [
    ['cold check of examples/ ≤ 3× lexing', `${results[0].ratioToLex}×`, results[0].ratioToLex <= 3],
    ['edit → diagnostics p95 ≤ 100 ms (largest ISSSTE file by functions)', `${lsp.editToDiagnostics.p95Ms} ms`, lsp.editToDiagnostics.p95Ms <= 100],
    ['definition p95 ≤ 20 ms', `${lsp.definition.p95Ms} ms`, lsp.definition.p95Ms <= 20],
    ['hover p95 ≤ 20 ms', `${lsp.hover.p95Ms} ms`, lsp.hover.p95Ms <= 20],
    ['server memory ≤ 300 MB (examples/)', `${lsp.serverMemoryMb} MB`, lsp.serverMemoryMb <= 300],
    ['ISSSTE ×10 ≤ 12× ISSSTE', `${tenfoldRatio}×`, tenfoldRatio <= 12]
];
writeFileSync(path.join(root, 'bench/bench.json'), JSON.stringify({ date, machine, workloads: results, lsp, tenfoldRatio, targets: targets.map(([target, value, met]) => ({ target, value, met })) }, null, 2) + '\n');
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
    '| target | measured | met |',
    '|---|---:|:---:|',
    ...targets.map(([target, value, met]) => `| ${target} | ${value} | ${met ? 'yes' : '**no**'} |`)
].join('\n');
writeFileSync(path.join(root, 'bench/bench.md'), md + '\n');
console.log(md);
