#!/usr/bin/env node
// End-to-end proof in a real editor: installs the tools (e2e/setup.sh), packages the extension,
// installs it into a fresh code-server (VS Code 1.100.3), opens a copy of examples/ and drives
// Chromium as a user would, asserting what is on screen. One screenshot per step goes to
// e2e/screenshots/ (git-ignored). The run writes nothing tracked: only when the environment
// variable ESTRUCTURA_CAPTURAS names a folder (`npm run capturas` gives docs/img) are the three
// screenshots the README shows copied there.
//
//   node e2e/run.mjs [--skip-setup] [--skip-package] [--keep] [--only=name,name]
//
// --only runs just the named steps (while writing one); the test always runs them all.
//
// Exit 0 when every step passed; otherwise 1, after printing which step failed, what it saw and
// the path of that step's screenshot.
import { copyFileSync, cpSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, startCodeServer } from './lib/code-server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { STEPS } from './steps.mjs';
import { E2EError, log, run } from './lib/util.mjs';
import { Workbench } from './lib/workbench.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = join(ROOT, 'e2e', 'screenshots');
const CODE_SERVER = join(ROOT, 'e2e', '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
const args = new Set(process.argv.slice(2));
const only = process.argv.find(a => a.startsWith('--only='))?.slice('--only='.length).split(',');

async function main() {
    const timings = {};
    const timed = async (name, fn) => { const t = Date.now(); const r = await fn(); timings[name] = (Date.now() - t) / 1000; return r; };

    if (!args.has('--skip-setup')) {
        log('setup (e2e/setup.sh)');
        await timed('setup', () => run('bash', [join(ROOT, 'e2e', 'setup.sh')], { timeoutMs: 45 * 60_000, echo: true }));
    }
    if (!args.has('--skip-package')) {
        log('npm run package');
        await timed('package', () => run('npm', ['run', 'package'], { cwd: ROOT, timeoutMs: 5 * 60_000 }));
    }

    // Everything the run writes outside e2e/screenshots lives in one temporary folder: the copy of
    // examples/ (so the repository is never modified), code-server's profile and extensions.
    const work = mkdtempSync(join(tmpdir(), 'estructura-e2e-'));
    const folder = join(work, 'examples');
    cpSync(join(ROOT, 'examples'), folder, { recursive: true });
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    const profile = { bin: CODE_SERVER, userDataDir: join(work, 'user-data'), extensionsDir: join(work, 'extensions') };

    log('code-server --install-extension estructura.vsix');
    await timed('install-extension', () => installExtension({ ...profile, vsix: join(ROOT, 'estructura.vsix') }));
    const server = await startCodeServer({ ...profile, folder, logFile: createWriteStream(join(SHOTS, 'code-server.log')) });
    let browser;
    try {
        browser = await launchBrowser();
        const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
        await page.goto(server.url);
        const wb = new Workbench(page);
        await timed('workbench-ready', () => step(page, 0, 'workbench-ready', () => wb.waitReady()));
        for (const [i, s] of STEPS.entries()) {
            if (only && !only.includes(s.name)) continue;
            await timed(s.name, () => step(page, i + 1, s.name, () => s.run(wb, page)));
        }
    } finally {
        await browser?.close().catch(() => {});
        server.stop();
        if (!args.has('--keep')) rmSync(work, { recursive: true, force: true });
    }
    // The README's pictures, only when asked for (`npm run capturas`): these steps' screenshots.
    if (process.env.ESTRUCTURA_CAPTURAS) {
        const pictures = resolve(ROOT, process.env.ESTRUCTURA_CAPTURAS);
        for (const [from, to] of [['2-problems-con-errores', 'editor-problemas'], ['3-outline-hover', 'editor-esquema-hover'],
            ['6-mention-f12', 'editor-mencion-f12']]) {
            copyFileSync(join(SHOTS, `${from}.png`), join(pictures, `${to}.png`));
        }
        log(`README pictures copied to ${pictures}`);
    }
    log(`all steps passed; timings (s): ${JSON.stringify(timings)}`);
}

/** Runs one step; saves `<n>-<name>.png` after it, or `<n>-<name>-FAILED.png` and a clear error. */
async function step(page, n, name, fn) {
    log(`step ${n} ${name}`);
    try {
        const result = await fn();
        await page.screenshot({ path: join(SHOTS, `${n}-${name}.png`) });
        if (result) log(`  ok: ${result}`);
    } catch (e) {
        const shot = join(SHOTS, `${n}-${name}-FAILED.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        throw new E2EError(`step ${n} "${name}" failed: ${e.message}\n  screenshot: ${shot}`);
    }
}

main().catch(e => {
    console.error(`\n[e2e] FAILED: ${e instanceof E2EError ? e.message : e.stack}`);
    process.exit(1);
});
