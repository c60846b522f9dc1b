// `node scripts/bench/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> [top]`: what a burst
// of edits left in the server's heap (snapshots from `BENCH_LSP_HEAP_DIR=… node scripts/bench-lsp.mjs`).
// Sums the objects' own sizes and counts by kind and constructor name in each snapshot and prints
// the groups that grew most, then the totals. Reads each snapshot whole: a 400 MB heap makes a
// snapshot of about 1 GB, which needs `node --max-old-space-size=8192`.
import { readFileSync } from 'node:fs';

function groups(file) {
    const snapshot = JSON.parse(readFileSync(file, 'utf-8'));
    const fields = snapshot.snapshot.meta.node_fields;
    const types = snapshot.snapshot.meta.node_types[0];
    const width = fields.length;
    const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map(f => fields.indexOf(f));
    const { nodes, strings } = snapshot;
    const byGroup = new Map();
    let total = 0;
    for (let i = 0; i < nodes.length; i += width) {
        const type = types[nodes[i + typeAt]];
        // Strings and code are grouped by kind; objects by constructor name.
        const name = type === 'object' || type === 'closure' ? `${type} ${strings[nodes[i + nameAt]]}` : type;
        const size = nodes[i + sizeAt];
        const group = byGroup.get(name) ?? { count: 0, bytes: 0 };
        group.count++;
        group.bytes += size;
        byGroup.set(name, group);
        total += size;
    }
    return { byGroup, total, count: nodes.length / width };
}

const [beforeFile, afterFile, topArg] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
    console.error('usage: node scripts/bench/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> [top]');
    process.exit(2);
}
const before = groups(beforeFile);
const after = groups(afterFile);
const names = new Set([...before.byGroup.keys(), ...after.byGroup.keys()]);
const rows = [...names].map(name => {
    const b = before.byGroup.get(name) ?? { count: 0, bytes: 0 };
    const a = after.byGroup.get(name) ?? { count: 0, bytes: 0 };
    return { name, bytes: a.bytes - b.bytes, count: a.count - b.count, after: a.bytes };
}).sort((x, y) => y.bytes - x.bytes);
const mb = bytes => (bytes / 1e6).toFixed(2);
console.log('growth (MB)  objects      now (MB)  group');
for (const row of rows.slice(0, Number(topArg ?? 25))) {
    console.log(`${mb(row.bytes).padStart(11)}  ${String(row.count).padStart(9)}  ${mb(row.after).padStart(10)}  ${row.name}`);
}
console.log(`total: ${mb(before.total)} MB in ${before.count} objects → ${mb(after.total)} MB in ${after.count} objects (${mb(after.total - before.total)} MB)`);
