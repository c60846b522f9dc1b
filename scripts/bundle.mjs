// Bundles the extension client, the language server and the CLI with esbuild (CommonJS, Node 20).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fixGrammarFile } from './textmate-unicode.mjs';

// chevrotain needs Object.groupBy, missing in Node 20 (and in VS Code's extension host).
const polyfill = readFileSync(new URL('../server/src/polyfill.cjs', import.meta.url), 'utf-8');
const watch = process.argv.includes('--watch');
// The CLI's --version and the SARIF tool entry (server/src/cli/package-info.ts).
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf-8'));
const packageInfo = { version: pkg.version, repository: typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url };

// `langium generate` writes ASCII-only keyword boundaries; make accented keywords highlight.
fixGrammarFile(new URL('../syntaxes/estructura.tmLanguage.json', import.meta.url));

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: !watch,
    logLevel: 'info',
    banner: { js: polyfill },
    define: { ESTRUCTURA_PACKAGE: JSON.stringify(packageInfo) },
    // docs-link.ts reads import.meta.url only when __dirname is missing (ESM, tests).
    logOverride: { 'empty-import-meta': 'silent' }
};

const web = {
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    sourcemap: true,
    minify: !watch,
    logLevel: 'info',
    logOverride: common.logOverride
};
export const WEB_SERVER = 'out/web/server.js';

// The language server keeps the spreadsheet reader (exceljs, ~1 MB) in a file of its own beside
// it, compiled when it first reads a spreadsheet, not at every start
// (server/src/spreadsheets/lazy-reader.ts imports it lazily; the CLI bundles it inline).
const SPREADSHEETS = 'spreadsheets.cjs';
const spreadsheetsApart = {
    name: 'spreadsheets-apart',
    setup(build) {
        build.onResolve({ filter: /^\.\/read\.js$/ }, args => args.importer.endsWith('lazy-reader.ts') ? { path: `./${SPREADSHEETS}`, external: true } : undefined);
    }
};

const builds = [
    { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/extension.cjs', external: ['vscode'] },
    { ...common, entryPoints: ['server/src/main.ts'], outfile: 'out/server.cjs', plugins: [spreadsheetsApart] },
    { ...common, entryPoints: ['server/src/spreadsheets/read.ts'], outfile: `out/${SPREADSHEETS}` },
    { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'out/cli.cjs' },
    // VS Code for the Web: the extension (CommonJS, as the web extension host loads it) and the
    // language server as a web worker. platform 'browser' fails the build on any Node built-in
    // (test/web-bundle.test.ts also reads the metafile); Chromium's workers have Object.groupBy.
    { ...web, entryPoints: ['client/src/extension-web.ts'], outfile: 'out/web/extension.js', format: 'cjs', external: ['vscode'] },
    { ...web, entryPoints: ['server/src/main-browser.ts'], outfile: WEB_SERVER, format: 'iife', metafile: true },
    // The organigrama webview runs in the browser: its script and stylesheet, no Node polyfill.
    {
        entryPoints: ['client/webview/organigrama.ts', 'client/webview/organigrama.css'], outdir: 'out/webview',
        bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', minify: !watch, logLevel: 'info'
    }
];

if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
} else {
    const results = await Promise.all(builds.map(options => esbuild.build(options)));
    // What the web worker is made of, for its size report and the test that it holds no Node built-in.
    const server = results[builds.findIndex(b => b.outfile === WEB_SERVER)];
    writeFileSync('out/web/server.meta.json', JSON.stringify(server.metafile));
}
