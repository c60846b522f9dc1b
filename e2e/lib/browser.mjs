// Debian's Chromium driven by playwright-core (which has no browser of its own and must not
// download one: the machine has no internet). The flags keep Chromium from trying to reach
// Google's services, which this machine's closed network refuses (TOOLCHAIN.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { E2EError } from './util.mjs';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
const launchOptions = { executablePath: '/usr/bin/chromium', args: FLAGS, timeout: 60_000 };
const cannotStart = e => new E2EError(`cannot start /usr/bin/chromium: ${e.message.split('\n')[0]}`);

/** Playwright's launch() gives Chromium a new, empty temporary profile (--user-data-dir) every time. */
export async function launchBrowser() {
    try {
        return await chromium.launch(launchOptions);
    } catch (e) {
        throw cannotStart(e);
    }
}

/**
 * A browser context on a profile of our own in `userDataDir` (a new, empty folder), whose
 * preferences let third-party frames use storage: in a default headless profile VS Code for the
 * Web's webviews fail with "Could not register service worker … The user denied permission to use
 * Service Worker" (their frames are on another origin, `<uuid>.localhost`). Returns the context.
 */
export async function launchPersistentBrowser(userDataDir, contextOptions = {}) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
    try {
        return await chromium.launchPersistentContext(userDataDir, { ...launchOptions, ...contextOptions });
    } catch (e) {
        throw cannotStart(e);
    }
}
