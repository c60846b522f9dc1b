// Runs an end-to-end driver (e2e/run.mjs, e2e/web/run.mjs) as its own Node process and checks it
// the same way for both: exit code 0, else a failure that shows its steps and its last output.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { expect } from 'vitest';
import { REPO } from './examples.js';

/** Runs `node <script>` from the repo's root; fails the test with the driver's summary unless it exits 0. */
export async function expectE2EPasses(script: string): Promise<void> {
    const { code, output } = await new Promise<{ code: number | null; output: string }>(resolve => {
        const child = spawn(process.execPath, [path.join(REPO, script)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
        let text = '';
        child.stdout.on('data', d => { text += d; });
        child.stderr.on('data', d => { text += d; });
        child.on('close', exit => resolve({ code: exit, output: text }));
    });
    const summary = output.split('\n').filter(l => /step \d|ok:|FAILED|screenshot:|all steps passed|screenshots and logs/.test(l)).join('\n');
    expect(code, `${script} exited with ${code}:\n${summary}\n--- last output ---\n${output.slice(-4000)}`).toBe(0);
    console.log(summary);
}
