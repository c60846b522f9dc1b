// The organigrama view as a user gets it: the bundled server answers `estructura/organigrama` for a
// real imported manual over stdio, and the webview's own page (out/webview, under its strict CSP)
// shows that answer in Debian's Chromium. Boxes, clicks and the messages they send are asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitializeParams } from 'vscode-languageserver-protocol/node';
import { organigramaPage } from '../client/webview/page.js';
import type { OrganigramaResponse, OrganigramaResult } from '../server/src/lsp/organigrama-request.js';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';

// Page-side callbacks run in Chromium: its globals, typed as far as these callbacks use them.
declare const window: {
    sent: Array<Record<string, unknown>>;
    acquireVsCodeApi: () => unknown;
    postMessage(message: unknown, origin: string): void;
};
declare const document: { querySelectorAll(selector: string): { length: number } };
declare function getComputedStyle(element: unknown): { overflow: string };

const DOE_MAIN = 'manuales/imss-doe-2022/imss-doe-2022.estructura';
const UEOD_PART = 'manuales/imss-doe-2022/imss-doe-2022.7.1.1-ueod.estructura';
const uri = (name: string) => pathToFileURL(path.join(EXAMPLES, name)).href;
const text = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf-8');
const lineOf = (source: string, needle: string) => source.split('\n').findIndex(line => line.includes(needle));
/** Where the README picture goes: docs/img only through `npm run capturas` (ESTRUCTURA_CAPTURAS), else a temporary folder. */
const screenshotIn = (scratch: string) => path.join(process.env.ESTRUCTURA_CAPTURAS ? path.resolve(REPO, process.env.ESTRUCTURA_CAPTURAS) : scratch, 'organigrama.png');

function result(response: OrganigramaResponse): OrganigramaResult {
    if ('error' in response) throw new Error(response.error);
    return response;
}

describe('organigrama view', () => {
    let client: LspTestClient;

    beforeAll(async () => {
        client = LspTestClient.start(path.join(REPO, 'out/server.cjs'), REPO);
        const root = pathToFileURL(EXAMPLES).href;
        const params: InitializeParams = {
            processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'examples' }],
            capabilities: { workspace: { configuration: false, workspaceFolders: true } }
        };
        await client.request('initialize', params, 20_000);
        await client.notify('initialized', {});
    });

    afterAll(() => client?.dispose());

    describe('server request', () => {
        it('draws the whole manual from its main file, every unit a box', async () => {
            const answer = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(DOE_MAIN), alcance: 'manual' }, 30_000));
            expect(answer).toMatchObject({ title: 'MANUAL DE ORGANIZACIÓN DE LA DIRECCIÓN DE OPERACIÓN Y EVALUACIÓN', institution: 'IMSS', vigencia: '2022-10-01', unitCount: 57, shownCount: 57 });
            expect(answer.svg.match(/<g class="caja"/g)).toHaveLength(57);
            expect(answer.collapsed).toEqual([]);
        });

        it('draws the unit under the cursor with its subtree', async () => {
            const source = text(UEOD_PART);
            const line = lineOf(source, 'unidad CECM');
            const answer = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(UEOD_PART), alcance: 'unidad', position: { line: line + 2, character: 4 } }));
            expect(answer.title).toBe('Coordinación de Evaluación de la Calidad Médica');
            expect(answer.unitCount).toBe(3);
        });

        it('follows an unsaved edit: a unit typed into a part file appears at once', async () => {
            const source = text(UEOD_PART);
            const at = source.lastIndexOf('}');
            const edited = `${source.slice(0, at)}}\nunidad DPRUEBA "División de Prueba del Organigrama" {\n    número 7.1.1.9\n    adscrita a UEOD\n}\n`;
            await client.notify('textDocument/didOpen', { textDocument: { uri: uri(UEOD_PART), languageId: 'estructura', version: 1, text: edited } });
            const answer = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(DOE_MAIN), alcance: 'manual', collapsed: [] }));
            expect(answer.unitCount).toBe(58);
            expect(answer.svg).toContain('División de Prueba del');
            // Closed without saving: the chart (and everything else) goes back to the file on disk.
            await client.notify('textDocument/didClose', { textDocument: { uri: uri(UEOD_PART) } });
            const reverted = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(DOE_MAIN), alcance: 'manual', collapsed: [] }));
            expect(reverted.unitCount).toBe(57);
            expect(reverted.svg).not.toContain('División de Prueba del');
        });

        it('answers a file without units with a message, not an error', async () => {
            const draft = 'file:///tmp/sin-unidades.estructura';
            await client.notify('textDocument/didOpen', { textDocument: { uri: draft, languageId: 'estructura', version: 1, text: 'manual M "Borrador" {' } });
            const answer = await client.request<OrganigramaResponse>('estructura/organigrama', { uri: draft, alcance: 'manual' });
            expect(answer).toEqual({ error: 'Este archivo no describe unidades: no hay organigrama que mostrar.' });
            await client.notify('textDocument/didClose', { textDocument: { uri: draft } });
        });

        it('forgets an unsaved file when its editor closes: its units stop being drawn', async () => {
            const draft = 'file:///tmp/borrador-organigrama.estructura';
            const source = 'parte de IMSS_DOE_2022 { institución IMSS }\nunidad DBORRADOR "División Borrador" {\n    número 7.1.9\n    adscrita a DOE\n}\n';
            await client.notify('textDocument/didOpen', { textDocument: { uri: draft, languageId: 'estructura', version: 1, text: source } });
            const open = result(await client.request<OrganigramaResponse>('estructura/organigrama', { uri: uri(DOE_MAIN), alcance: 'manual', collapsed: [] }));
            expect(open.unitCount).toBe(58);
            await client.notify('textDocument/didClose', { textDocument: { uri: draft } });
            const closed = result(await client.request<OrganigramaResponse>('estructura/organigrama', { uri: uri(DOE_MAIN), alcance: 'manual', collapsed: [] }));
            expect(closed.unitCount).toBe(57);
        });
    });

    describe('webview page in Chromium', () => {
        let browser: Browser;
        let page: Page;
        let answer: OrganigramaResult;
        let dir: string;
        const violations: string[] = [];
        const errors: string[] = [];

        beforeAll(async () => {
            // Chromium comes from Debian (e2e/setup.sh installs it on a fresh machine, as root).
            if (!existsSync('/usr/bin/chromium')) {
                execFileSync('bash', [path.join(REPO, 'e2e/setup.sh'), '--solo-paquetes', 'chromium'], { stdio: 'inherit', timeout: 20 * 60_000 });
            }
            answer = result(await client.request<OrganigramaResponse>('estructura/organigrama', { uri: uri(DOE_MAIN), alcance: 'manual' }, 30_000));
            dir = mkdtempSync(path.join(tmpdir(), 'organigrama-'));
            const asset = (name: string) => pathToFileURL(path.join(REPO, 'out/webview', name)).href;
            const html = organigramaPage({ cspSource: 'file:', nonce: 'prueba123', scriptUri: asset('organigrama.js'), styleUri: asset('organigrama.css') });
            writeFileSync(path.join(dir, 'organigrama.html'), html);
            browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
            page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
            // The VS Code webview API, recording what the page sends to the extension.
            await page.addInitScript(() => {
                window.sent = [];
                let state: unknown;
                window.acquireVsCodeApi = () => ({ postMessage: (m: Record<string, unknown>) => window.sent.push(m), getState: () => state, setState: (s: unknown) => { state = s; } });
            });
            page.on('console', message => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
            page.on('pageerror', error => errors.push(error.message));
            await page.goto(pathToFileURL(path.join(dir, 'organigrama.html')).href);
            await page.waitForFunction(() => window.sent.some(m => m.type === 'listo'));
            await page.evaluate(message => window.postMessage(message, '*'), { type: 'organigrama', ...answer });
            await page.locator('g.caja').first().waitFor();
        }, 20 * 60_000);

        afterAll(async () => { await browser?.close(); });

        const sent = () => page.evaluate(() => window.sent);

        it('shows one box per unit of the imported manual, no PHAE, and the vigencia', async () => {
            expect(await page.locator('g.caja').count()).toBe(answer.unitCount);
            expect(answer.unitCount).toBe(57);
            expect(await page.locator('#detalle').textContent()).toBe('IMSS · vigencia 2022-10-01 · 57 unidades');
            // The worked example puts a PHAE in this manual (examples/ejemplos/phae-doe-2022).
            expect(text('ejemplos/phae-doe-2022/1-adscrito-a-la-direccion.estructura')).toContain('homólogo de autorización específica');
            expect(await page.locator('#contenido').textContent()).not.toMatch(/hom[oó]logo/i);
        });

        it('loads under a strict Content-Security-Policy without violations or errors', async () => {
            const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
            expect(csp).toBe("default-src 'none'; style-src file:; img-src file: data:; script-src 'nonce-prueba123'");
            expect(violations).toEqual([]);
            expect(errors).toEqual([]);
            // The stylesheet applied: the canvas fills the window below the toolbar.
            expect(await page.locator('#lienzo').evaluate(e => getComputedStyle(e).overflow)).toBe('hidden');
        });

        it('a click on a box asks the editor to reveal that unit where it is defined', async () => {
            await page.getByRole('button', { name: 'Ajustar' }).click();
            await page.locator('g.caja[data-id="IMSS.UEOD"] rect').click();
            const reveal = (await sent()).filter(m => m.type === 'revelar').at(-1);
            const source = text(UEOD_PART);
            const line = lineOf(source, 'unidad UEOD ');
            expect(reveal).toEqual({ type: 'revelar', uri: uri(UEOD_PART), line, character: source.split('\n')[line].indexOf('UEOD') });
        });

        it('the keyboard reaches a box: Enter asks to reveal it', async () => {
            await page.locator('g.caja[data-id="IMSS.CAPSOI"]').focus();
            await page.keyboard.press('Enter');
            const reveal = (await sent()).at(-1);
            expect(reveal).toMatchObject({ type: 'revelar', uri: uri('manuales/imss-doe-2022/imss-doe-2022.7.1.5-capsoi.estructura') });
        });

        it('a click on a toggle asks to collapse that subtree; zoom buttons zoom', async () => {
            await page.locator('g.alternar[data-toggle="IMSS.UEOD"] circle').click();
            expect((await sent()).filter(m => m.type === 'alternar').at(-1)).toEqual({ type: 'alternar', id: 'IMSS.UEOD' });
            const before = await page.locator('#contenido').evaluate(e => e.style.transform);
            await page.getByRole('button', { name: '+' }).click();
            expect(await page.locator('#contenido').evaluate(e => e.style.transform)).not.toBe(before);
            await page.getByRole('button', { name: 'Guardar SVG' }).click();
            expect((await sent()).at(-1)).toEqual({ type: 'guardar' });
        });

        it('a collapsed chart from the server shows the hidden count', async () => {
            const folded = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(DOE_MAIN), alcance: 'manual', collapsed: ['IMSS.UEOD', 'IMSS.CAPSOI'] }));
            await page.evaluate(message => window.postMessage(message, '*'), { type: 'organigrama', ...folded });
            await page.waitForFunction(n => document.querySelectorAll('g.caja').length === n, folded.shownCount);
            expect(folded.shownCount).toBeLessThan(57);
            expect(await page.locator('#detalle').textContent()).toBe(`IMSS · vigencia 2022-10-01 · 57 unidades (${57 - folded.shownCount} ocultas)`);
        });

        it('shows the chart of one unit (the README picture)', async () => {
            const ucs = 'manuales/imss-doe-2022/imss-doe-2022.7.1.2-ucs.estructura';
            const unit = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(ucs), alcance: 'unidad', position: { line: lineOf(text(ucs), 'unidad UCS ') + 1, character: 4 } }));
            expect(unit).toMatchObject({ title: 'Unidad de Comunicación Social', unitCount: 12, shownCount: 12 });
            await page.evaluate(message => window.postMessage(message, '*'), { type: 'organigrama', ...unit });
            await page.waitForFunction(() => document.querySelectorAll('g.caja').length === 12);
            await page.setViewportSize({ width: 1400, height: 380 });
            await page.getByRole('button', { name: 'Ajustar' }).click();
            const screenshot = screenshotIn(dir);
            await page.screenshot({ path: screenshot });
            console.log(`organigrama screenshot: ${screenshot}`);
        });
    });
});
