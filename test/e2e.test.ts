// The end-to-end proof in a real editor (e2e/run.mjs): installs its tools on first use (Debian
// packages, code-server in e2e/.tools/), packages the extension, installs it in code-server and
// drives Chromium through the Problems panel, the Outline, hover and F12. It fails (never skips)
// when the tools cannot be installed, e.g. apt-get without root.
import { describe, test } from 'vitest';
import { expectE2EPasses } from './helpers/e2e-run.js';

describe('real editor (code-server + Chromium)', () => {
    // First run installs code-server (about 2 min here, plus apt-get on a fresh machine); a cached
    // run takes under a minute. run.mjs has its own deadline for every wait and command.
    test('diagnostics, outline, hover and F12 across manuals as a user sees them', async () => {
        await expectE2EPasses('e2e/run.mjs');
    }, 60 * 60_000);
});
