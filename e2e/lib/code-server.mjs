// code-server as a child process: a fresh user-data and extensions dir per run, the packaged
// extension installed into it, and the server started on a free localhost port.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2EError, freePort, log, run, startServerProcess } from './util.mjs';

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
    // Its process group holds the extension host and the language server it starts: stop() ends them too.
    const { stop, output } = await startServerProcess({
        command: bin, args, name: 'code-server', options: { env: { ...process.env, PASSWORD: undefined } }, logFile,
        ready: text => /HTTP server listening/.test(text)
    });
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
    log(`code-server listening: ${url}`);
    return { url, stop, output };
}
