// `npm run langium:generate`: Langium's generator (with the Object.groupBy polyfill Node 20 needs),
// without one warning that does not apply to this grammar. Properties of a unit, a position, a
// header… may be written in any order, so the grammar assigns them with `=` inside a `( … )*`
// group; Langium warns on each ("Found multiple assignments to 'numero' with the '=' assignment
// operator"), fearing that a second value overwrites the first; and on the marks written with or
// without accents (`órgano normativo` | `organo normativo`, `?=` twice). Each property is meant to
// be written once (`+=` would turn `número` into a list; the rule estructura-propiedad-repetida
// reports a repetition to the user), so exactly that warning is dropped; any other message, and the
// exit code, pass through.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ANY_ORDER_WARNING = /Found multiple assignments to '\w+' with the '\??=' assignment operator\. Consider using '\+=' instead to prevent data loss\.$/u;

const result = spawnSync(process.execPath, ['-r', './server/src/polyfill.cjs', './node_modules/langium-cli/bin/langium.js', 'generate', ...process.argv.slice(2)],
    { cwd: root, encoding: 'utf-8', env: { ...process.env, FORCE_COLOR: '0' } });
let dropped = 0;
for (const [stream, text] of [[process.stdout, result.stdout], [process.stderr, result.stderr]]) {
    const kept = (text ?? '').split('\n').filter(line => {
        if (!ANY_ORDER_WARNING.test(line)) return true;
        dropped++;
        return false;
    });
    stream.write(kept.join('\n'));
}
if (dropped > 0) process.stdout.write(`(${dropped} warnings about properties written in any order dropped: see scripts/langium-generate.mjs)\n`);
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
