// code-server as a child process: a fresh user-data and extensions dir per run, the packaged
// extension installed into it, and the server started on a free localhost port.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2EError, freePort, log, run, waitFor } from './util.mjs';

/**
 * Settings of the fresh profile. Only things that keep the screen quiet and predictable: no
 * welcome page, no tips or notifications about extensions from a gallery we cannot reach.
 */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'chat.commandCenter.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    // The explorer stays folded, leaving room for the outline in the screenshots.
    'explorer.autoReveal': false,
    // The outline shows the whole tree, so the test can read the hierarchy without clicking.
    'outline.collapseItems': 'alwaysExpand'
};

export async function installExtension({ bin, vsix, userDataDir, extensionsDir }) {
    const out = await run(bin, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
        { timeoutMs: 120_000 });
    if (!/successfully installed/i.test(out)) throw new E2EError(`code-server --install-extension did not report success:\n${out}`);
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
}

/** Starts code-server and resolves once it listens; `stop()` ends it (and only it). */
export async function startCodeServer({ bin, userDataDir, extensionsDir, folder, logFile }) {
    const port = await freePort();
    const args = ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, folder];
    // detached: its own process group, so stop() can end code-server and the extension host and
    // language server it started, without touching anything else on the machine.
    const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PASSWORD: undefined } });
    let output = '';
    const append = d => { output += d; logFile?.write(d); };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    let exited = null;
    child.on('exit', code => { exited = code ?? 'signal'; });
    const stop = () => {
        if (exited === null) {
            try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        }
    };
    try {
        await waitFor('code-server to print "HTTP server listening"', () => {
            if (exited !== null) throw new E2EError(`code-server exited with ${exited}:\n${output.slice(-3000)}`);
            return /HTTP server listening/.test(output);
        }, { timeoutMs: 60_000, show: () => output.slice(-1500) });
    } catch (e) {
        stop();
        throw e;
    }
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
    log(`code-server listening: ${url}`);
    return { url, stop, output: () => output };
}
