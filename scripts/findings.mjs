// Counts the diagnostics of `estructura revisar examples/` per rule and per manual (folder of
// examples/manuales/, or the hand-written examples), for the README. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(process.execPath, [path.join(root, 'bin/estructura.cjs'), 'revisar', 'examples/', '--formato', 'json'], { cwd: root, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
const { diagnostics } = JSON.parse(run.stdout);
const manualOf = file => {
    const m = /examples\/manuales\/([^/]+)\//u.exec(file);
    return m ? m[1] : 'ejemplos (a mano)';
};
const manuals = [...new Set(diagnostics.map(d => manualOf(d.file)))].sort();
const codes = [...new Set(diagnostics.map(d => d.code))].sort();
const count = (code, manual) => diagnostics.filter(d => d.code === code && manualOf(d.file) === manual).length;
const lines = [
    `| regla | ${manuals.join(' | ')} |`,
    `|---|${manuals.map(() => '---:').join('|')}|`,
    ...codes.map(code => `| \`${code}\` | ${manuals.map(m => count(code, m) || '').join(' | ')} |`)
];
console.log(lines.join('\n'));
