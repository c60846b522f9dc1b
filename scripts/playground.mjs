// Builds the playground page (client/playground/) into out/playground/: a static site with the
// Monaco editor, its worker, the language server's worker (out/web/server.js, built by
// scripts/bundle.mjs) and the organigrama frame. Every URL in it is relative, so it works from any
// static host under any sub-path. Run after bundle.mjs: `node scripts/playground.mjs`.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
export const PLAYGROUND_OUT = path.join(REPO, 'out/playground');
const SERVER_WORKER = path.join(REPO, 'out/web/server.js');

/** What the page opens with: real manuals (the DOE's names units of the institutional one) and the
 *  hand-written file. */
const EXAMPLES = [
    { from: 'examples/manuales/imss-2018', into: 'imss-2018' },
    { from: 'examples/manuales/imss-doe-2022', into: 'imss-doe-2022' },
    { from: 'client/playground/ejemplos', into: '' }
];

function exampleFiles() {
    return EXAMPLES.flatMap(({ from, into }) => readdirSync(path.join(REPO, from)).sort()
        .filter(name => name.endsWith('.estructura'))
        .map(name => ({ path: into ? `${into}/${name}` : name, text: readFileSync(path.join(REPO, from, name), 'utf-8') })));
}

// The examples are part of the bundle (a generated module), never fetched.
const examplesModule = {
    name: 'playground-examples',
    setup(build) {
        build.onResolve({ filter: /^playground:ejemplos$/ }, () => ({ path: 'ejemplos', namespace: 'playground' }));
        build.onLoad({ filter: /.*/, namespace: 'playground' }, () => ({ contents: JSON.stringify(exampleFiles()), loader: 'json' }));
    }
};

// `import 'monaco-editor'` gets the editor core with its features but without Monaco's bundled
// languages (the playground has one language).
const monacoCore = {
    name: 'monaco-core',
    setup(build) {
        build.onResolve({ filter: /^monaco-editor$/ }, () => ({
            path: path.join(REPO, 'node_modules/monaco-editor/esm/vs/editor/edcore.main.js')
        }));
    }
};

/** The organigrama frame: the VS Code webview's own page (client/webview/page.ts), its script and CSP,
 *  loaded from the page's origin instead of by nonce. */
async function chartFramePage() {
    const built = await esbuild.build({
        entryPoints: [path.join(REPO, 'client/webview/page.ts')], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent'
    });
    const { organigramaPage } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
    const nonce = 'playground';
    const html = organigramaPage({ cspSource: "'self'", nonce, scriptUri: 'organigrama.js', styleUri: 'organigrama.css' });
    const selfOnly = html.replace(`'nonce-${nonce}'`, "'self'");
    if (selfOnly === html) throw new Error('client/webview/page.ts: the CSP no longer has the nonce source this build replaces');
    return selfOnly;
}

export async function buildPlayground({ minify = true, out = PLAYGROUND_OUT } = {}) {
    if (!existsSync(SERVER_WORKER)) {
        throw new Error(`${path.relative(REPO, SERVER_WORKER)} is missing: run scripts/bundle.mjs first (npm run bundle)`);
    }
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const common = { bundle: true, platform: 'browser', target: 'chrome110', minify, logLevel: 'warning', absWorkingDir: REPO, legalComments: 'none' };
    await Promise.all([
        esbuild.build({
            ...common, entryPoints: { main: 'client/playground/main.ts' }, outdir: out, format: 'iife',
            plugins: [examplesModule, monacoCore], loader: { '.ttf': 'file' }, assetNames: '[name]'
        }),
        esbuild.build({ ...common, entryPoints: { 'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js' }, outdir: out, format: 'iife' }),
        esbuild.build({
            ...common, entryPoints: { organigrama: 'client/playground/chart-frame.ts', 'early-worker': 'client/playground/early-worker.ts' },
            outdir: out, format: 'iife'
        }),
        esbuild.build({ ...common, entryPoints: { organigrama: 'client/webview/organigrama.css' }, outdir: out })
    ]);
    writeFileSync(path.join(out, 'organigrama.html'), await chartFramePage());
    copyFileSync(path.join(REPO, 'client/playground/index.html'), path.join(out, 'index.html'));
    // The same worker as VS Code for the Web's.
    copyFileSync(SERVER_WORKER, path.join(out, 'server.js'));
    return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    // --salida DIR: build elsewhere (the browser test builds into a temporary folder).
    const at = process.argv.indexOf('--salida');
    const out = await buildPlayground({ minify: !process.argv.includes('--sin-minificar'), out: at > 0 ? path.resolve(process.argv[at + 1]) : PLAYGROUND_OUT });
    const sizes = readdirSync(out).map(name => `${name} ${(readFileSync(path.join(out, name)).length / 1024).toFixed(0)} KB`);
    console.log(`playground: ${path.relative(REPO, out)}/\n  ${sizes.join('\n  ')}`);
}
