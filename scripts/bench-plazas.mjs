// Times the positions side at the size of a real plantilla (issue 24): `estructura importar-plazas --agrupar`
// of a 50,000-row plantilla (one row per plaza) whose rows name the units of the ISSSTE manual (553 units), then
// `estructura revisar` of the imported positions together with the ISSSTE workspace, and
// `estructura plazas` over both. The spreadsheet is SYNTHETIC (generated here: unit names from
// examples/manuales/issste-2018, invented cargos, levels and plaza keys); only its size and shape
// matter. Median of BENCH_RUNS runs (default 3). Writes bench/plazas.json and bench/plazas.md.
// Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'cli.cjs');
const issste = path.join(root, 'examples', 'manuales', 'issste-2018');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const ROWS = Number(process.env.BENCH_PLAZAS_ROWS ?? 50_000);
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The official names of the ISSSTE units, from the manual's files. */
function unitNames() {
    const names = [];
    for (const file of readdirSync(issste).filter(f => f.endsWith('.estructura')).sort()) {
        for (const match of readFileSync(path.join(issste, file), 'utf-8').matchAll(/^\s*unidad\s+\S+\s+"([^"]+)"/gmu)) names.push(match[1]);
    }
    // Names given to several units (nine «Coordinación Administrativa») would make rows ambiguous.
    const counts = new Map();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    return names.filter(n => counts.get(n) === 1);
}

// A plantilla lists one row per plaza: each unit's head, then its plazas over a few categories
// (invented names, not unit-shaped), each category at one level.
const CATEGORIES = [['Analista', 'PA1'], ['Técnico especializado', 'PC3'], ['Auxiliar administrativo', 'PA1'], ['Enfermera general', 'PC2'],
    ['Médico no familiar', 'OA1'], ['Jefe de oficina', 'OC1'], ['Secretaria', 'PA1'], ['Chofer', 'PA1']];
const csvCell = text => /[",\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;

function syntheticSheet(units) {
    const lines = ['Unidad Administrativa,Nombre del Cargo,Nombre del Cargo Superior,Clave del Puesto,Clave de plaza,Ocupada o vacante'];
    for (let i = 0; i < ROWS; i++) {
        const u = i % units.length;
        const unit = units[u];
        const head = i < units.length;
        const [cargo, level] = head ? [unit, 'KB2'] : CATEGORIES[Math.floor(i / units.length) % CATEGORIES.length];
        lines.push([unit, cargo, head ? '' : unit, level, `P${u}-${i}`, i % 7 === 0 ? 'Vacante' : 'Ocupada'].map(csvCell).join(','));
    }
    return lines.join('\n') + '\n';
}

function time(args) {
    const start = performance.now();
    let status = 0;
    try {
        execFileSync(process.execPath, [cli, ...args], { stdio: 'pipe', maxBuffer: 1 << 28 });
    } catch (error) {
        status = error.status ?? 1;
    }
    return { ms: performance.now() - start, status };
}

const work = mkdtempSync(path.join(tmpdir(), 'estructura-bench-plazas-'));
const units = unitNames();
const sheet = path.join(work, 'plantilla-sintetica.csv');
writeFileSync(sheet, syntheticSheet(units));
const measures = { importar: [], revisar: [], plazas: [] };
let outputBytes = 0;
let importStatus = 0;
let checkStatus = 0;
for (let r = 0; r < runs; r++) {
    const out = path.join(work, `salida-${r}`);
    const imported = time(['importar-plazas', sheet, '--salida', out, '--espacio', issste, '--agrupar', '--reporte', path.join(work, `reporte-${r}.json`)]);
    measures.importar.push(imported.ms);
    importStatus = imported.status;
    outputBytes = readdirSync(out).reduce((sum, f) => sum + statSync(path.join(out, f)).size, 0);
    // revisar exits 1 when it finds errors or warnings: the time is what matters here.
    const checked = time(['revisar', out, '--espacio', issste]);
    measures.revisar.push(checked.ms);
    checkStatus = checked.status;
    measures.plazas.push(time(['plazas', out, issste, '--formato', 'json']).ms);
}
const report = JSON.parse(readFileSync(path.join(work, 'reporte-0.json'), 'utf-8'));
rmSync(work, { recursive: true, force: true });

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, Node ${process.version}`;
const result = {
    date, machine, runs, rows: ROWS, units: units.length, positions: report.puestos, plazas: report.plazas, importStatus, checkStatus,
    outputMB: Math.round(outputBytes / 1e5) / 10,
    medianMs: Object.fromEntries(Object.entries(measures).map(([k, v]) => [k, Math.round(median(v))]))
};
writeFileSync(path.join(root, 'bench/plazas.json'), JSON.stringify(result, null, 2) + '\n');
const md = [
    `Plazas (${date}, ${machine}; mediana de ${runs} ejecuciones; hoja SINTÉTICA de ${ROWS.toLocaleString('en-US')} filas sobre ${units.length} unidades del ISSSTE)`,
    '',
    '| paso | comando | mediana (ms) |',
    '|---|---|---:|',
    `| importar | \`estructura importar-plazas plantilla.csv --espacio issste-2018 --agrupar\` (${result.positions} puestos con ${result.plazas} plazas, ${result.outputMB} MB de texto) | ${result.medianMs.importar} |`,
    `| revisar | \`estructura revisar salida/ --espacio issste-2018\` | ${result.medianMs.revisar} |`,
    `| plazas | \`estructura plazas salida/ issste-2018 --formato json\` | ${result.medianMs.plazas} |`
].join('\n');
writeFileSync(path.join(root, 'bench/plazas.md'), md + '\n');
console.log(md);
