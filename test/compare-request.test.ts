// «Comparar con…» as the editor gets it: the bundled server answers `estructura/comparar` over stdio
// against the state at a date of examples/, a git revision of a temporary repository, a folder, an
// unsaved edit and an unknown revision; a cancelled request answers RequestCancelled. The webview's
// page (the report under its strict CSP plus the click handler) runs in Debian's Chromium: a click on
// an act asks the extension to open its definition.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource, ResponseError, type InitializeParams } from 'vscode-languageserver-protocol/node';
import { comparacionPage, comparacionPolicy, placeOfHref } from '../client/webview/comparacion.js';
import { stateAt } from '../server/src/history/as-of.js';
import { compareSnapshots, type Comparison } from '../server/src/history/compare.js';
import { loadSide } from '../server/src/history/sides.js';
import type { CompararParams, CompararResponse, CompararResult } from '../server/src/protocol.js';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';

// Page-side callbacks run in Chromium: its globals, typed as far as these callbacks use them.
declare const window: {
    sent: Array<Record<string, unknown>>;
    acquireVsCodeApi: () => unknown;
    location: { href: string };
};
declare function getComputedStyle(element: unknown): { borderCollapse: string; backgroundColor: string };

const SERVER = path.join(REPO, 'out/server.cjs');
const REQUEST = 'estructura/comparar';
const ACT = 'ACDO.AS2.HCT.280421/99.P.DA';
const DOE_MAIN = 'manuales/imss-doe-2022/imss-doe-2022.estructura';
const UEOD_PART = 'manuales/imss-doe-2022/imss-doe-2022.7.1.1-ueod.estructura';
const exampleUri = (name: string) => pathToFileURL(path.join(EXAMPLES, name)).href;

function result(response: CompararResponse): CompararResult {
    if ('error' in response) throw new Error(response.error);
    return response;
}

function countsOf(comparison: Comparison) {
    return {
        differences: comparison.differences.length,
        uncovered: comparison.differences.filter(d => d.uncovered).length,
        unfulfilled: comparison.unfulfilled.length
    };
}

/** Every link of the report, decoded to file (relative to `base`) and line. */
function linksOf(html: string, base: string): string[] {
    return [...html.matchAll(/<a href="([^"]+)">/g)].map(m => {
        const place = placeOfHref(m[1].replace(/&amp;/g, '&'));
        if (!place) throw new Error(`a link that is not a place: ${m[1]}`);
        return `${path.relative(base, fileURLToPath(place.file))}:${place.line}`;
    });
}

async function startServer(folders: Array<{ path: string; name: string }>): Promise<LspTestClient> {
    const client = LspTestClient.start(SERVER, REPO);
    const workspaceFolders = folders.map(f => ({ uri: pathToFileURL(f.path).href, name: f.name }));
    const params: InitializeParams = {
        processId: process.pid, rootUri: workspaceFolders[0].uri, workspaceFolders,
        capabilities: { workspace: { configuration: false, workspaceFolders: true } }
    };
    await client.request('initialize', params, 20_000);
    await client.notify('initialized', {});
    return client;
}

describe('estructura/comparar on examples/', () => {
    let client: LspTestClient;

    beforeAll(async () => {
        client = await startServer([{ path: EXAMPLES, name: 'examples' }]);
    }, 60_000);

    afterAll(() => client?.dispose());

    const compare = (params: CompararParams, ms = 60_000) => client.request<CompararResponse>(REQUEST, params, ms);

    it('the state at 2000-01-01: the act that created units, the same counts as compareSnapshots', async () => {
        const answer = result(await compare({ base: { kind: 'fecha', date: '2000-01-01' } }));
        expect(answer.html).toContain(ACT);
        expect(answer.html).toMatch(/^<!DOCTYPE html>/);
        // The same input through the history core, as `estructura comparar --al 2000-01-01 .` in examples/.
        const today = await loadSide({ spec: '.', defaultPaths: [], cwd: EXAMPLES });
        const at = stateAt(today.snapshot, '2000-01-01');
        const expected = compareSnapshots(at.state, today.snapshot);
        expect(answer.summary).toEqual(countsOf(expected));
        expect(answer.summary.differences).toBeGreaterThan(0);
        expect(answer).toMatchObject({ before: 'estado al 2000-01-01', after: 'examples' });
        // The act links to its record in the manual, at the record's line (both sides are today's files).
        const record = today.snapshot.records.find(r => r.act === ACT && r.source === 'cambio')!;
        expect(linksOf(answer.html, EXAMPLES)).toContain(`${DOE_MAIN}:${record.place!.line}`);
        expect(readFileSync(path.join(EXAMPLES, DOE_MAIN), 'utf-8').split('\n')[record.place!.line - 1]).toContain(`cambio "${ACT}"`);
    }, 90_000);

    it('only one unit and its dependencies (root), qualified by the active document', async () => {
        const answer = result(await compare({ base: { kind: 'fecha', date: '2000-01-01' }, root: 'DOE', uri: exampleUri(DOE_MAIN) }));
        const today = await loadSide({ spec: '.', defaultPaths: [], cwd: EXAMPLES });
        const expected = compareSnapshots(stateAt(today.snapshot, '2000-01-01').state, today.snapshot, { root: 'IMSS.DOE' });
        expect(answer.summary).toEqual(countsOf(expected));
        const missing = await compare({ base: { kind: 'fecha', date: '2000-01-01' }, root: 'NO_EXISTE' });
        expect(missing).toEqual({ error: 'No hay una unidad «NO_EXISTE» en ninguna de las dos versiones.' });
    }, 90_000);

    it('an unsaved edit is «después»: compared with the folder on disk, the typed unit is the only difference', async () => {
        const source = readFileSync(path.join(EXAMPLES, UEOD_PART), 'utf-8');
        const edited = `${source.trimEnd()}\n\nunidad DCOMPARAR "División de Prueba de la Comparación" {\n    número 7.1.1.9\n    adscrita a UEOD\n}\n`;
        await client.notify('textDocument/didOpen', { textDocument: { uri: exampleUri(UEOD_PART), languageId: 'estructura', version: 1, text: edited } });
        try {
            const answer = result(await compare({ base: { kind: 'carpeta', path: EXAMPLES }, uri: exampleUri(UEOD_PART) }));
            expect(answer.summary.differences).toBe(1);
            expect(answer.html).toContain('IMSS.DCOMPARAR');
            expect(answer.html).toContain('División de Prueba de la Comparación');
            expect(answer.before).toBe('.');
            // Its place is the line typed in the editor.
            const line = edited.split('\n').findIndex(l => l.startsWith('unidad DCOMPARAR')) + 1;
            expect(linksOf(answer.html, EXAMPLES)).toContain(`${UEOD_PART}:${line}`);
        } finally {
            await client.notify('textDocument/didClose', { textDocument: { uri: exampleUri(UEOD_PART) } });
        }
        const closed = result(await compare({ base: { kind: 'carpeta', path: EXAMPLES } }));
        expect(closed.summary.differences).toBe(0);
    }, 90_000);

    it('an unknown revision, a bad date, a missing folder: a Spanish message, no exception', async () => {
        const unknown = await compare({ base: { kind: 'git', rev: 'HEAD~99999' } });
        expect(unknown).toEqual({ error: expect.stringContaining('«HEAD~99999» no existe') });
        expect((unknown as { error: string }).error).toMatch(/no es una carpeta ni un archivo, ni una revisión de git/);
        // A revision is never an option for git.
        expect(await compare({ base: { kind: 'git', rev: '--output=/tmp/x' } })).toEqual({ error: expect.stringContaining('«--output=/tmp/x» no existe') });
        expect(await compare({ base: { kind: 'fecha', date: '2021-02-30' } }))
            .toEqual({ error: 'La fecha debe escribirse AAAA-MM-DD (por ejemplo, 2018-07-25), no «2021-02-30».' });
        const empty = mkdtempSync(path.join(tmpdir(), 'comparar-vacia-'));
        try {
            expect(await compare({ base: { kind: 'carpeta', path: empty } })).toEqual({ error: expect.stringContaining('la carpeta no contiene archivos .estructura') });
        } finally {
            rmSync(empty, { recursive: true, force: true });
        }
    }, 60_000);

    it('a cancelled request answers RequestCancelled (-32800), while loading «antes» or waiting for a build', async () => {
        const expectCancelled = async (params: CompararParams, before?: () => Promise<void>) => {
            const source = new CancellationTokenSource();
            await before?.();
            const pending = client.connection.sendRequest<CompararResponse>(REQUEST, params, source.token);
            setTimeout(() => source.cancel(), 5);
            const error = await pending.then(() => undefined, (e: unknown) => e);
            expect(error).toBeInstanceOf(ResponseError);
            expect((error as ResponseError<unknown>).code).toBe(-32800);
        };
        // Reading the whole folder again takes far longer than 5 ms.
        await expectCancelled({ base: { kind: 'carpeta', path: EXAMPLES } });
        // An edit of the largest file is being built: the request waits for it and is cancelled there.
        const largest = 'manuales/issste-2018/issste-2018.10.1-udi.estructura';
        const text = readFileSync(path.join(EXAMPLES, largest), 'utf-8');
        await client.notify('textDocument/didOpen', { textDocument: { uri: exampleUri(largest), languageId: 'estructura', version: 1, text } });
        try {
            await expectCancelled({ base: { kind: 'fecha', date: '2000-01-01' } }, () =>
                client.notify('textDocument/didChange', { textDocument: { uri: exampleUri(largest), version: 2 }, contentChanges: [{ text: `${text}\n` }] }));
        } finally {
            await client.notify('textDocument/didClose', { textDocument: { uri: exampleUri(largest) } });
        }
        // The server goes on answering.
        expect(result(await compare({ base: { kind: 'fecha', date: '2000-01-01' } })).html).toContain(ACT);
        expect(client.stderr).not.toMatch(/failed unexpectedly/);
    }, 90_000);
});

describe('estructura/comparar with a git revision (temporary repository, multi-root workspace)', () => {
    let client: LspTestClient;
    let dir: string;
    let repo: string;
    let plain: string;
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
    const header = 'manual PRUEBA "Manual de Prueba" {\n    institucion IMSS\n    vigencia 2024-01-01\n}\n\n';
    const first = `${header}unidad DG "Dirección General" {\n    número 1\n}\n\nunidad DA "Dirección de Administración" {\n    número 1.1\n    adscrita a DG\n}\n\nunidad DX "Dirección que se Suprime" {\n    número 1.2\n    adscrita a DG\n}\n`;
    const second = `${header}unidad DG "Dirección General" {\n    número 1\n}\n\nunidad DA "Dirección de Administración" {\n    número 1.1\n    adscrita a DG\n}\n\n// Agregada en la segunda revisión.\nunidad DN "Dirección Nueva de la Segunda Revisión" {\n    número 1.2\n    adscrita a DG\n}\n`;

    beforeAll(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'comparar-git-'));
        repo = path.join(dir, 'repo');
        plain = path.join(dir, 'sin-git');
        mkdirSync(path.join(repo, 'manuales'), { recursive: true });
        mkdirSync(plain);
        git('init', '-q');
        writeFileSync(path.join(repo, 'manuales', 'prueba.estructura'), first);
        git('add', '.');
        git('commit', '-q', '-m', 'primera');
        writeFileSync(path.join(repo, 'manuales', 'prueba.estructura'), second);
        git('commit', '-q', '-a', '-m', 'segunda');
        writeFileSync(path.join(plain, 'otra.estructura'), `${header.replace('PRUEBA', 'OTRA')}unidad DO "Dirección Otra" {\n    número 1\n}\n`);
        client = await startServer([{ path: repo, name: 'repo' }, { path: plain, name: 'sin-git' }]);
    }, 60_000);

    afterAll(() => {
        client?.dispose();
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const compare = (params: CompararParams) => client.request<CompararResponse>(REQUEST, params, 60_000);

    it('HEAD~1: the unit created in the second commit, and the one it suppressed', async () => {
        const answer = result(await compare({ base: { kind: 'git', rev: 'HEAD~1' }, uri: pathToFileURL(path.join(repo, 'manuales', 'prueba.estructura')).href }));
        expect(answer.before).toBe('HEAD~1');
        expect(answer.after).toBe('repo');
        expect(answer.html).toContain('IMSS.DN');
        expect(answer.html).toContain('Dirección Nueva de la Segunda Revisión');
        expect(answer.html).toContain('IMSS.DX');
        expect(answer.summary.differences).toBe(2);
        // Without a cambio record, both need an act: uncovered.
        expect(answer.summary.uncovered).toBe(2);
        // The created unit links to the working-tree file; the suppressed one only exists in
        // HEAD~1 (its line numbers are the revision's): no link.
        const created = second.split('\n').findIndex(l => l.startsWith('unidad DN')) + 1;
        expect(created).not.toBe(first.split('\n').findIndex(l => l.startsWith('unidad DX')) + 1);
        expect(linksOf(answer.html, repo)).toEqual([`manuales/prueba.estructura:${created}`]);
        expect(answer.html).toContain('<code>IMSS.DX</code>');
        // HEAD is the working tree as committed: nothing differs.
        expect(result(await compare({ base: { kind: 'git', rev: 'HEAD' } })).summary.differences).toBe(0);
    }, 60_000);

    it('the folder of the active document decides which workspace folder is compared; outside git, a message', async () => {
        const answer = await compare({ base: { kind: 'git', rev: 'HEAD' }, uri: pathToFileURL(path.join(plain, 'otra.estructura')).href });
        expect(answer).toEqual({ error: expect.stringMatching(/^«HEAD» no es una carpeta ni un archivo, y .*sin-git no está en un repositorio de git donde buscarlo como revisión\.$/) });
        // Another folder: its units are «antes», not links (opening one would index it beside the workspace).
        const other = result(await compare({ base: { kind: 'carpeta', path: plain }, uri: pathToFileURL(path.join(repo, 'manuales', 'prueba.estructura')).href }));
        expect(other.before).toBe(plain);
        expect(other.html).toContain('<code>IMSS.DO</code>');
        expect(linksOf(other.html, repo).every(link => link.startsWith('manuales/prueba.estructura:'))).toBe(true);
        expect(linksOf(other.html, repo).length).toBeGreaterThan(0);
        const dated = result(await compare({ base: { kind: 'fecha', date: '2000-01-01' }, uri: pathToFileURL(path.join(plain, 'otra.estructura')).href }));
        expect(dated.after).toBe('sin-git');
        expect(dated.html).toContain('IMSS.DO');
        expect(dated.html).not.toContain('IMSS.DN');
    }, 60_000);
});

describe('the comparison webview page in Chromium', () => {
    let client: LspTestClient;
    let browser: Browser;
    let page: Page;
    let dir: string;
    let answer: CompararResult;
    const violations: string[] = [];
    const errors: string[] = [];

    beforeAll(async () => {
        if (!existsSync('/usr/bin/chromium')) {
            execFileSync('bash', [path.join(REPO, 'e2e/setup.sh'), '--solo-paquetes', 'chromium'], { stdio: 'inherit', timeout: 20 * 60_000 });
        }
        client = await startServer([{ path: EXAMPLES, name: 'examples' }]);
        answer = result(await client.request<CompararResponse>(REQUEST, { base: { kind: 'fecha', date: '2000-01-01' } }, 60_000));
        dir = mkdtempSync(path.join(tmpdir(), 'comparar-webview-'));
        writeFileSync(path.join(dir, 'comparacion.html'), comparacionPage(answer.html, 'prueba123'));
        browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
        page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
        await page.addInitScript(() => {
            window.sent = [];
            window.acquireVsCodeApi = () => ({ postMessage: (m: Record<string, unknown>) => window.sent.push(m), getState: () => undefined, setState: () => undefined });
        });
        page.on('console', message => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
        page.on('pageerror', error => errors.push(error.message));
        await page.goto(pathToFileURL(path.join(dir, 'comparacion.html')).href);
    }, 20 * 60_000);

    afterAll(async () => {
        await browser?.close();
        client?.dispose();
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('loads under a strict Content-Security-Policy, its stylesheet applied, without violations or errors', async () => {
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(csp).toBe("default-src 'none'; style-src 'nonce-prueba123'; script-src 'nonce-prueba123'");
        expect(csp).toBe(comparacionPolicy('prueba123'));
        expect(await page.locator('table').first().evaluate(e => getComputedStyle(e).borderCollapse)).toBe('collapse');
        expect(await page.locator('body').evaluate(e => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 255, 255)');
        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
    });

    it('a click on an act asks the extension to open its record; the page does not navigate', async () => {
        const url = await page.evaluate(() => window.location.href);
        await page.locator('a', { hasText: ACT }).first().click();
        const message = (await page.evaluate(() => window.sent)).at(-1) as { type: string; href: string };
        expect(message.type).toBe('abrir');
        const place = placeOfHref(message.href)!;
        expect(path.relative(EXAMPLES, fileURLToPath(place.file))).toBe(DOE_MAIN);
        expect(readFileSync(path.join(EXAMPLES, DOE_MAIN), 'utf-8').split('\n')[place.line - 1]).toContain(ACT);
        expect(await page.evaluate(() => window.location.href)).toBe(url);
    });

    it('the keyboard reaches a link: Enter asks to open it', async () => {
        const before = (await page.evaluate(() => window.sent)).length;
        await page.locator('a', { hasText: ACT }).first().focus();
        await page.keyboard.press('Enter');
        const sent = await page.evaluate(() => window.sent);
        expect(sent.length).toBe(before + 1);
        expect(sent.at(-1)).toMatchObject({ type: 'abrir' });
    });

    it('only links to a line of a .estructura file are opened', () => {
        expect(placeOfHref('file:///tmp/a%20b/x.estructura#L12')).toEqual({ file: 'file:///tmp/a%20b/x.estructura', line: 12 });
        expect(placeOfHref('file:///etc/passwd#L1')).toBeUndefined();
        expect(placeOfHref('https://example.com/x.estructura#L1')).toBeUndefined();
        expect(placeOfHref('file:///tmp/x.estructura')).toBeUndefined();
        expect(placeOfHref('file:///tmp/x.estructura#L0')).toBeUndefined();
    });
});
