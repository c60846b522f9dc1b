// Writes the setting `estructura.reglas` of package.json (contributes.configuration) from the rule
// catalog: part of `npm run build` (also `npm run docs:ajustes` alone), so a change to
// server/src/language/rules/catalog.ts reaches package.json with the next build. It writes only
// when the schema changed: a build of a clean checkout leaves the tree as it is. The schema comes from
// server/src/language/rules/settings-schema.ts, bundled here with esbuild; the rest of package.json
// is kept as it is. test/rules-config.test.ts still fails while package.json is out of date
// (a catalog change committed without building).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = await esbuild.build({
    entryPoints: [path.join(root, 'server/src/language/rules/settings-schema.ts')],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, logLevel: 'warning'
});
const { reglasSettingSchema } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);

const file = path.join(root, 'package.json');
const before = readFileSync(file, 'utf-8');
const manifest = JSON.parse(before);
manifest.contributes.configuration.properties['estructura.reglas'] = reglasSettingSchema();
const after = JSON.stringify(manifest, null, 2) + '\n';
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'package.json: estructura.reglas ya estaba al día.' : 'package.json: estructura.reglas actualizado desde el catálogo.');
