// Debian's Chromium driven by playwright-core (which has no browser of its own and must not
// download one: the machine has no internet). The flags keep Chromium from trying to reach
// Google's services, which this machine's closed network refuses (TOOLCHAIN.md).
import { chromium } from 'playwright-core';
import { E2EError } from './util.mjs';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];

/** Playwright's launch() gives Chromium a new, empty temporary profile (--user-data-dir) every time. */
export async function launchBrowser() {
    try {
        return await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, timeout: 60_000 });
    } catch (e) {
        throw new E2EError(`cannot start /usr/bin/chromium: ${e.message.split('\n')[0]}`);
    }
}
