// Benchmark body (bundled by scripts/bench-compare.mjs): compares two versions of a structure in
// process, phase by phase (load and link each side, snapshot, compare, render). Prints one JSON object.
import * as path from 'node:path';
import { compareSnapshots } from '../server/src/history/compare.js';
import { comparisonJson, renderHtml, renderText } from '../server/src/history/render/index.js';
import { snapshotOf } from '../server/src/history/snapshot.js';
import { loadWorkspace } from '../server/src/workspace.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)];
const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
    const [beforeDir, afterDir] = process.argv.slice(2).map(p => path.resolve(p));
    const phases: Record<string, number[]> = { load: [], snapshot: [], compare: [], text: [], json: [], html: [] };
    let summary = {};
    for (let i = 0; i < runs; i++) {
        let t = performance.now();
        const [before, after] = [await loadWorkspace([beforeDir], false), await loadWorkspace([afterDir], false)];
        phases.load.push(performance.now() - t);
        t = performance.now();
        const a = snapshotOf(before.documents, { label: 'antes' });
        const b = snapshotOf(after.documents, { label: 'después' });
        phases.snapshot.push(performance.now() - t);
        t = performance.now();
        const comparison = compareSnapshots(a, b);
        phases.compare.push(performance.now() - t);
        const input = { comparison };
        t = performance.now(); const text = renderText(input); phases.text.push(performance.now() - t);
        t = performance.now(); const json = JSON.stringify(comparisonJson(input)); phases.json.push(performance.now() - t);
        t = performance.now(); const html = renderHtml(input); phases.html.push(performance.now() - t);
        const kinds: Record<string, number> = {};
        for (const d of comparison.differences) kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
        summary = {
            files: a.files.length, units: a.units.size, functions: [...a.units.values()].reduce((n, u) => n + u.functions.length, 0),
            differences: comparison.differences.length, matchedByOtherId: comparison.matches.length, kinds,
            textBytes: text.length, jsonBytes: json.length, htmlBytes: html.length
        };
    }
    const medians = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(median(v))]));
    process.stdout.write(JSON.stringify({ runs, ...summary, medianMs: medians }) + '\n');
}

main().catch(error => { process.stderr.write(String(error?.stack ?? error) + '\n'); process.exit(1); });
