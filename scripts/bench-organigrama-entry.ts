// Benchmark body (bundled by scripts/bench-organigrama.mjs): the organigrama of the ISSSTE
// Dirección de Administración (the largest stated chart of the examples), laid out and drawn as
// SVG. Prints one JSON object.
import * as path from 'node:path';
import { isUnidad } from '../server/src/language/generated/ast.js';
import { structureElements } from '../server/src/language/model.js';
import { ChartBuilder, chartBoxes, chartSvg, layoutChart } from '../server/src/organigrama/index.js';
import { loadWorkspace } from '../server/src/workspace.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];
const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
    const folder = path.resolve(process.argv[2] ?? 'examples/manuales/issste-2018');
    const { documents } = await loadWorkspace([folder], false);
    let da;
    for (const d of documents) {
        for (const e of structureElements(d.parseResult.value)) if (isUnidad(e) && e.name === 'DA' && e.nombre === 'Dirección de Administración') da = e;
    }
    if (!da) throw new Error('no unit DA "Dirección de Administración" in ' + folder);
    const builder = new ChartBuilder(documents);
    const chart = builder.unitChart(da);
    const units = [...chartBoxes(chart)].length;

    // The first layout in a process runs cold (not yet optimized by V8).
    let start = performance.now();
    let layout = await layoutChart(chart);
    const firstMs = performance.now() - start;
    const layoutMs: number[] = [];
    const svgMs: number[] = [];
    let svg = '';
    for (let i = 0; i < runs; i++) {
        start = performance.now();
        layout = await layoutChart(builder.unitChart(da));
        layoutMs.push(performance.now() - start);
        start = performance.now();
        svg = chartSvg(layout);
        svgMs.push(performance.now() - start);
    }
    process.stdout.write(JSON.stringify({
        chart: chart.title, units, runs,
        width: layout.width, height: layout.height, svgBytes: Buffer.byteLength(svg),
        firstLayoutMs: round(firstMs),
        layout: { medianMs: round(median(layoutMs)), p95Ms: round(p95(layoutMs)) },
        svg: { medianMs: round(median(svgMs)), p95Ms: round(p95(svgMs)) }
    }) + '\n');
}

main().catch(error => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
});
