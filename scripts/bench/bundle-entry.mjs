// Bundles a benchmark's measured program like the CLI (Node 20, CommonJS, with the polyfill), so
// that every benchmark times the same kind of code the user runs.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export async function bundleEntry(root, entry, outfile) {
    await esbuild.build({
        entryPoints: [path.join(root, entry)], outfile, bundle: true, platform: 'node', target: 'node20',
        format: 'cjs', minify: true, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' },
        banner: { js: readFileSync(path.join(root, 'server/src/polyfill.cjs'), 'utf-8') }
    });
}
