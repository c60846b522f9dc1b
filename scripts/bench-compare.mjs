// `npm run bench:comparar` (after `npm run build`): compares the ISSSTE manual (553 units, 5,451
// functions) with a proposal made from it by deterministic edits: one function in 7 reworded, one in
// 50 removed, one unit in 20 renamed, one in 25 given a new id (found again by its name). Times the CLI end to end (`estructura comparar … --formato json`,
// 7 runs) and, in process, each phase. Aim: well under two seconds. Writes bench/comparar.json
// and bench/comparar.md.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bench/bundle-entry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const work = mkdtempSync(path.join(tmpdir(), 'estructura-bench-comparar-'));
const before = path.join(work, 'antes');
const after = path.join(work, 'despues');
cpSync(path.join(root, 'examples/manuales/issste-2018'), before, { recursive: true });
cpSync(before, after, { recursive: true });

// The proposal: edits a reader can count, the same every run.
let functionCount = 0;
let unitCount = 0;
const newIds = [];
for (const name of readdirSync(after).sort()) {
    const file = path.join(after, name);
    const lines = readFileSync(file, 'utf-8').split('\n');
    for (let i = 0; i < lines.length; i++) {
        // A numbered function whose text starts on this line (it may wrap onto the next ones).
        const fn = /^(\s*)(\d+\.|[IVXLCDM]+\.)\s*"([A-ZÁÉÍÓÚÑ][a-záéíóúñ]+) /u.exec(lines[i]);
        const unit = /^(\s*unidad )([A-Za-z_][\w]*)( ")([^"]*)"/u.exec(lines[i]);
        if (unit) {
            unitCount++;
            if (unitCount % 20 === 0) lines[i] = lines[i].replace(/"([^"]*)"/u, '"$1 y Seguimiento"');
            else if (unitCount % 25 === 0) newIds.push(unit[2]);
        } else if (fn) {
            functionCount++;
            if (functionCount % 50 === 0) {
                // The whole function: its text may wrap onto the next lines, up to the closing quote
                // (then `línea N` may follow it).
                let end = i;
                let quotes = (lines[i].match(/"/gu) ?? []).length;
                while (quotes % 2 === 1 && end < lines.length - 1) quotes += (lines[++end].match(/"/gu) ?? []).length;
                lines.splice(i, end - i + 1);
                i--;
            }
            else if (functionCount % 7 === 0) lines[i] = lines[i].replace(`"${fn[3]} `, `"${fn[3]} y evaluar `);
        }
    }
    writeFileSync(file, lines.join('\n'));
}
// New ids: every reference to the unit follows (a rename of the id across the files).
for (const name of readdirSync(after)) {
    const file = path.join(after, name);
    let text = readFileSync(file, 'utf-8');
    for (const id of newIds) text = text.replace(new RegExp(`\\b${id}\\b`, 'g'), `${id}_N`);
    writeFileSync(file, text);
}

const out = path.join(work, 'bench-compare.cjs');
await bundleEntry(root, 'scripts/bench-compare-entry.ts', out);
const phases = JSON.parse(execFileSync(process.execPath, [out, before, after], { encoding: 'utf-8', env: { ...process.env, BENCH_RUNS: String(runs) } }));

const cli = path.join(root, 'out/cli.cjs');
const wall = [];
for (let i = 0; i < runs; i++) {
    const start = performance.now();
    try {
        execFileSync(process.execPath, [cli, 'comparar', before, after, '--formato', 'json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
        // Exit 1 means "there are differences".
        if (error.status !== 1) throw error;
    }
    wall.push(performance.now() - start);
}
rmSync(work, { recursive: true, force: true });
const sorted = [...wall].sort((a, b) => a - b);
const cliMedian = Math.round(sorted[Math.floor(runs / 2)]);
const cliP95 = Math.round(sorted[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.versions.node}`;
const date = new Date().toISOString().slice(0, 10);
writeFileSync(path.join(root, 'bench/comparar.json'), JSON.stringify({ date, machine, runs, cli: { medianMs: cliMedian, p95Ms: cliP95 }, ...phases }, null, 2) + '\n');
const m = phases.medianMs;
const md = [
    `Comparison of the ISSSTE manual (${phases.files} files, ${phases.units} units, ${phases.functions} functions) with a proposal derived from it (${phases.differences} differences, ${phases.matchedByOtherId} units matched under a new id); ${date}, ${machine}; ${runs} runs.`,
    '',
    '| measure | median (ms) | p95 (ms) | aim |',
    '|---|---:|---:|---:|',
    `| \`estructura comparar antes después --formato json\`, wall clock | ${cliMedian} | ${cliP95} | < 2000 |`,
    `| in process: load and link both sides | ${m.load} | | |`,
    `| snapshots of both sides | ${m.snapshot} | | |`,
    `| matching, difference and acts | ${m.compare} | | |`,
    `| render: text / JSON / HTML | ${m.text} / ${m.json} / ${m.html} | | |`,
    '',
    `Differences by kind: ${Object.entries(phases.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}.`
].join('\n');
writeFileSync(path.join(root, 'bench/comparar.md'), md + '\n');
console.log(md);
