// Times the mention index (issue: unit names in prose) on every example: the cold build over all
// files, and the update after one edit in the largest ISSSTE file, median of several runs.
// Writes bench/menciones.json and bench/menciones.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bench/bundle-entry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(path.join(tmpdir(), 'estructura-bench-'));
const bundle = path.join(out, 'bench-mentions.cjs');
await bundleEntry(root, 'scripts/bench-mentions-entry.ts', bundle);
const result = JSON.parse(execFileSync(process.execPath, [bundle, path.join(root, 'examples')], { encoding: 'utf-8' }));
rmSync(out, { recursive: true, force: true });
const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.versions.node}`;
writeFileSync(path.join(root, 'bench/menciones.json'), JSON.stringify({ machine, ...result }, null, 2) + '\n');
const md = [
    `Mention index on examples/ (${result.files} files, ${result.functions} functions, ${result.names} names, ${result.mentions} mentions); ${machine}; median of ${result.runs}.`,
    '',
    '| measure | ms | aim |',
    '|---|---:|---:|',
    `| build the index over every example (names, scan, resolve) | ${result.coldIndexMs} | 200 |`,
    `| update after one edit in \`${result.editedFile}\` (names, rescan of ${result.documentsRescannedAfterEdit} file, its mentions) | ${result.afterEditMs} | 20 |`,
    `| then every file's mentions again (what find-references needs) | ${result.afterEditAllDocumentsMs} | |`
].join('\n');
writeFileSync(path.join(root, 'bench/menciones.md'), md + '\n');
console.log(md);
