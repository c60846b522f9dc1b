// `npm run bench:organigrama`: lays out the organigrama of the ISSSTE Dirección de Administración
// (~163 units, the largest chart the examples state) 7 times after a first layout; median and p95
// of the layout and of the SVG drawing. Aim: under a second.
// Writes bench/organigrama.json and bench/organigrama.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bench/bundle-entry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(path.join(tmpdir(), 'estructura-bench-'));
const bundle = path.join(out, 'bench-organigrama.cjs');
await bundleEntry(root, 'scripts/bench-organigrama-entry.ts', bundle);
const result = JSON.parse(execFileSync(process.execPath, [bundle, path.join(root, 'examples/manuales/issste-2018')], { encoding: 'utf-8' }));
rmSync(out, { recursive: true, force: true });
const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.versions.node}`;
const date = new Date().toISOString().slice(0, 10);
writeFileSync(path.join(root, 'bench/organigrama.json'), JSON.stringify({ date, machine, ...result }, null, 2) + '\n');
const md = [
    `Organigrama of the ISSSTE ${result.chart} (${result.units} units, ${result.width} × ${result.height} px, SVG ${Math.round(result.svgBytes / 1024)} KB); ${date}, ${machine}; ${result.runs} runs after a first one.`,
    '',
    '| measure | median (ms) | p95 (ms) | aim |',
    '|---|---:|---:|---:|',
    `| layout (compact, every subtree open) | ${result.layout.medianMs} | ${result.layout.p95Ms} | 1000 |`,
    `| SVG drawing | ${result.svg.medianMs} | ${result.svg.p95Ms} | |`,
    `| first layout in the process | ${result.firstLayoutMs} | | |`
].join('\n');
writeFileSync(path.join(root, 'bench/organigrama.md'), md + '\n');
console.log(md);
