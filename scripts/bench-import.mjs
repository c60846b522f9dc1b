// Times `estructura importar` on the real manuals (the ISSSTE manual is the big case): whole
// command wall time and the importer's own phases, median of several runs. Writes
// bench/importar.json and bench/importar.md. Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANUALS } from './import-examples.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(root, 'examples', 'fuentes', 'manuales');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const results = [];
for (const m of MANUALS) {
    const walls = [];
    const phases = {};
    for (let i = 0; i < runs; i++) {
        const out = mkdtempSync(path.join(tmpdir(), 'estructura-bench-'));
        const start = performance.now();
        const stdout = execFileSync(process.execPath, [path.join(root, 'out', 'cli.cjs'), 'importar', path.join(sources, m.file),
            '--salida', path.join(out, m.folder), '--perfil', m.profile, '--tiempos'], { encoding: 'utf-8' });
        walls.push(performance.now() - start);
        rmSync(out, { recursive: true, force: true });
        const line = stdout.split('\n').find(l => l.startsWith('tiempos (ms):'));
        for (const part of line.slice('tiempos (ms):'.length).split(',')) {
            const [name, value] = part.trim().split(' ');
            (phases[name] ??= []).push(Number(value));
        }
    }
    results.push({
        manual: m.file,
        runs,
        wallMs: Math.round(median(walls)),
        phasesMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]))
    });
}

const machine = `${cpus().length} núcleos (${cpus()[0]?.model ?? '?'}), Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
mkdirSync(path.join(root, 'bench'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'importar.json'), JSON.stringify({ date, machine, results }, null, 2) + '\n');
const table = [
    `Importación (${date}, ${machine}; mediana de ${runs} ejecuciones)`, '',
    '| manual | comando completo (ms) | leer | importar (analizar + escribir texto) | escribir archivos |',
    '|---|---:|---:|---:|---:|',
    ...results.map(r => `| ${r.manual} | ${r.wallMs} | ${r.phasesMs.leer} | ${r.phasesMs.importar} | ${r.phasesMs.escribir} |`)
].join('\n');
writeFileSync(path.join(root, 'bench', 'importar.md'), table + '\n');
console.log(table);
