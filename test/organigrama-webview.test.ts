// The organigrama view as a user gets it: the bundled server answers `estructura/organigrama` for a
// real imported manual over stdio, and the webview's own page (out/webview, under its strict CSP)
// shows that answer in Debian's Chromium. Boxes, clicks and the messages they send are asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitializeParams } from 'vscode-languageserver-protocol/node';
import { organigramaPage } from '../client/webview/page.js';
import type { OrganigramaResponse, OrganigramaResult } from '../server/src/protocol.js';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';

// Page-side callbacks run in Chromium: its globals, typed as far as these callbacks use them.
declare const window: {
    sent: Array<Record<string, unknown>>;
    acquireVsCodeApi: () => unknown;
    postMessage(message: unknown, origin: string): void;
};
interface PageRect { left: number; top: number; right: number; bottom: number; width: number; height: number }
interface PageElement {
    getBoundingClientRect(): PageRect;
    getAttribute(name: string): string | null;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
    classList: { contains(name: string): boolean };
    style: { transform: string };
}
declare const document: {
    querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
    getElementById(id: string): PageElement;
};
declare function getComputedStyle(element: unknown): { overflow: string };

/** A box as the page shows it: where its rectangle and its first name line are on screen, in CSS px. */
interface ShownBox { id: string; number: string | null; box: PageRect; name: PageRect; inside: boolean; focused: boolean }

/** Decodes a PNG screenshot (8-bit RGB or RGBA, not interlaced, as Chromium writes them). */
function decodePng(png: Buffer): { width: number; height: number; pixel(x: number, y: number): [number, number, number] } {
    let offset = 8;
    let width = 0, height = 0, channels = 4;
    const data: Buffer[] = [];
    while (offset < png.length) {
        const length = png.readUInt32BE(offset);
        const type = png.toString('ascii', offset + 4, offset + 8);
        const body = png.subarray(offset + 8, offset + 8 + length);
        if (type === 'IHDR') {
            width = body.readUInt32BE(0);
            height = body.readUInt32BE(4);
            if (body[8] !== 8 || body[12] !== 0) throw new Error('unexpected PNG format');
            channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
            if (!channels) throw new Error(`unexpected PNG colour type ${body[9]}`);
        } else if (type === 'IDAT') data.push(body);
        offset += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(data));
    const stride = width * channels;
    const pixels = Buffer.alloc(stride * height);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        for (let i = 0; i < stride; i++) {
            const value = raw[y * (stride + 1) + 1 + i];
            const left = i >= channels ? pixels[y * stride + i - channels] : 0;
            const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
            const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
            const paeth = () => {
                const p = left + up - upLeft;
                const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
                return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
            };
            const predicted = [0, left, up, (left + up) >> 1, 0][filter] ?? 0;
            pixels[y * stride + i] = (value + (filter === 4 ? paeth() : predicted)) & 0xff;
        }
    }
    return { width, height, pixel: (x, y) => [pixels[y * stride + x * channels], pixels[y * stride + x * channels + 1], pixels[y * stride + x * channels + 2]] };
}

/** How many rows of dark pixels (text) a rectangle of the screenshot spans, first to last. */
function inkHeight(image: ReturnType<typeof decodePng>, rect: PageRect): number {
    let first = -1, last = -1;
    for (let y = Math.max(0, Math.floor(rect.top)); y < Math.min(image.height, Math.ceil(rect.bottom)); y++) {
        for (let x = Math.max(0, Math.floor(rect.left)); x < Math.min(image.width, Math.ceil(rect.right)); x++) {
            const [r, g, b] = image.pixel(x, y);
            if (0.299 * r + 0.587 * g + 0.114 * b < 110) {
                if (first < 0) first = y;
                last = y;
                break;
            }
        }
    }
    return first < 0 ? 0 : last - first + 1;
}

const DOE_MAIN = 'manuales/imss-doe-2022/imss-doe-2022.estructura';
const ISSSTE_MAIN = 'manuales/issste-2018/issste-2018.estructura';
const ISSSTE_SP = 'manuales/issste-2018/issste-2018.5.3-sp_da.estructura';
/** The least height on screen of a box name's line (its 12 px text box scaled), and of its ink in the screenshot. */
const MIN_TEXT_PX = 9;
const MIN_INK_PX = 6;
/** On paper: 12 px names printed at 0.75 or more (a 14 px line box at 10.5 px). */
const MIN_PRINT_TEXT_PX = 10.4;
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
        const post = (message: Record<string, unknown>) => page.evaluate(m => window.postMessage(m, '*'), message);
        const transform = () => page.locator('#contenido').evaluate(e => e.style.transform);
        /** Every box on the page, where it shows, and whether all of it is inside the canvas. */
        const shown = () => page.evaluate((): ShownBox[] => {
            const canvas = document.getElementById('lienzo').getBoundingClientRect();
            return [...document.querySelectorAll('g.caja')].map(g => {
                const box = g.querySelector('rect')!.getBoundingClientRect();
                const name = g.querySelector('text.nombre')!.getBoundingClientRect();
                const plain = (r: PageRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
                return {
                    id: g.getAttribute('data-id')!, number: g.getAttribute('data-numero'), box: plain(box), name: plain(name),
                    inside: box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom,
                    focused: g.classList.contains('enfocada')
                };
            });
        });
        const canvasRect = () => page.locator('#lienzo').evaluate(e => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }; });
        /** The screen's boxes read in number order: siblings (same number up to the last part) along rows or down columns. */
        const expectNumberOrder = (boxes: ShownBox[]) => {
            const groups = new Map<string, ShownBox[]>();
            for (const box of boxes.filter(b => b.number)) {
                const parent = box.number!.split('.').slice(0, -1).join('.');
                groups.set(parent, [...groups.get(parent) ?? [], box]);
            }
            let compared = 0;
            for (const [parent, siblings] of groups) {
                const byNumber = [...siblings].sort((a, b) => a.number!.localeCompare(b.number!, undefined, { numeric: true })).map(b => b.number);
                // Along rows (row after row), or down columns (column after column).
                const byRows = [...siblings].sort((a, b) => Math.round(a.box.top - b.box.top) || a.box.left - b.box.left).map(b => b.number);
                const byColumns = [...siblings].sort((a, b) => Math.round(a.box.left - b.box.left) || a.box.top - b.box.top).map(b => b.number);
                expect([byRows, byColumns], `siblings under ${parent || 'the top'}`).toContainEqual(byNumber);
                compared += siblings.length;
            }
            return compared;
        };
        /** The view is legible: the names of the boxes inside the canvas are at least MIN_TEXT_PX high, and so is their ink in a screenshot. */
        const expectLegible = async (label: string) => {
            const boxes = (await shown()).filter(box => box.inside);
            expect(boxes.length, `${label}: boxes inside the canvas`).toBeGreaterThanOrEqual(6);
            const image = decodePng(await page.screenshot());
            const heights = boxes.map(box => box.name.height);
            const inks = boxes.slice(0, 12).map(box => inkHeight(image, box.name));
            for (const box of boxes) expect(box.name.height, `${label}: ${box.id}`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
            for (const ink of inks) expect(ink, `${label}: ink of a name`).toBeGreaterThanOrEqual(MIN_INK_PX);
            // Not a blank canvas: most of it is the chart's white sheet.
            const canvas = await canvasRect();
            let white = 0, all = 0;
            for (let y = Math.ceil(canvas.top); y < canvas.bottom; y += 7) {
                for (let x = Math.ceil(canvas.left); x < canvas.right; x += 7) {
                    const [r, g, b] = image.pixel(x, y);
                    all++;
                    if (r > 250 && g > 250 && b > 250) white++;
                }
            }
            expect(white / all, `${label}: share of the canvas covered by the chart`).toBeGreaterThan(0.3);
            return { shown: boxes.length, minText: Math.min(...heights), minInk: Math.min(...inks), sheet: Math.round(100 * white / all) };
        };

        it('shows one box per unit of the imported manual, no PHAE, and the vigencia', async () => {
            expect(await page.locator('g.caja').count()).toBe(answer.unitCount);
            expect(answer.unitCount).toBe(57);
            expect(await page.locator('#detalle').textContent()).toBe('IMSS · vigencia 2022-10-01 · 57 unidades');
            // The worked example puts a PHAE in this manual (examples/ejemplos/phae-doe-2022).
            expect(text('ejemplos/phae-doe-2022/1-adscrito-a-la-direccion.estructura')).toContain('homólogo de autorización específica');
            expect(await page.locator('#contenido').textContent()).not.toMatch(/hom[oó]logo/i);
        });

        it('opens the DOE chart fitted and legible, boxes in number order (checked on a screenshot)', async () => {
            const svg = page.locator('#contenido svg');
            const size = { width: Number(await svg.getAttribute('width')), height: Number(await svg.getAttribute('height')) };
            // Laid out in ELK's layers it was 7,792 × 660 px, a strip once fitted.
            expect(size.width).toBeLessThan(1800);
            const legible = await expectLegible('DOE');
            expect(expectNumberOrder((await shown()).filter(box => box.inside))).toBeGreaterThan(5);
            console.log(`DOE chart ${size.width} × ${size.height} px, fitted: ${await transform()}; ${JSON.stringify(legible)}`);
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

        it('opens the ISSSTE chart fitted after the DOE one in the same view: legible, its ten trees in number order', async () => {
            // The user had dragged the DOE chart away and zoomed in: the new chart must not inherit that.
            await page.getByRole('button', { name: '+' }).click();
            await page.mouse.move(700, 500);
            await page.mouse.down();
            await page.mouse.move(100, 150, { steps: 5 });
            await page.mouse.up();
            const width = (await sent()).find(m => m.type === 'listo')!.width as number;
            expect(width).toBeGreaterThan(1000);
            const issste = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(ISSSTE_MAIN), alcance: 'manual', viewWidth: width }, 30_000));
            expect(issste.unitCount).toBe(553);
            expect(issste.key).not.toBe(answer.key);
            await post({ type: 'organigrama', ...issste });
            await page.waitForFunction(n => document.querySelectorAll('g.caja').length === n, issste.shownCount);
            const legible = await expectLegible('ISSSTE');
            const boxes = await shown();
            // The trees read 1, 2, 3 … row by row (they came out 8, 9, 2, 6, 7, 1, 4, 10, 3, 5).
            const roots = boxes.filter(box => box.number && !box.number.includes('.') || box.number === '10.1');
            expect([...roots].sort((a, b) => Math.round(a.box.top - b.box.top) || a.box.left - b.box.left).map(b => b.number))
                .toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10.1']);
            expect(roots.filter(box => box.inside).map(box => box.number).slice(0, 3)).toEqual(['1', '2', '3']);
            expectNumberOrder(boxes);
            const svg = page.locator('#contenido svg');
            console.log(`ISSSTE chart (${issste.shownCount} of 553 boxes open) ${await svg.getAttribute('width')} × ${await svg.getAttribute('height')} px after the DOE one: ${await transform()}; ${JSON.stringify(legible)}`);
            const screenshot = path.join(dir, 'organigrama-issste.png');
            await page.screenshot({ path: screenshot });
            console.log(`ISSSTE screenshot: ${screenshot}`);
        });

        it('zooms around the middle of what shows; a redrawn chart re-fits unless the user moved it', async () => {
            await page.getByRole('button', { name: 'Ajustar' }).click();
            const fitted = await transform();
            // The chart point at the middle of the visible part stays there when zooming in.
            const at = async () => page.evaluate(() => {
                const canvas = document.getElementById('lienzo').getBoundingClientRect();
                const sheet = document.querySelectorAll('#contenido svg')[0].getBoundingClientRect();
                const [left, right] = [Math.max(canvas.left, sheet.left), Math.min(canvas.right, sheet.right)];
                const [top, bottom] = [Math.max(canvas.top, sheet.top), Math.min(canvas.bottom, sheet.bottom)];
                return { x: (left + right) / 2, y: (top + bottom) / 2, sheet: { left: sheet.left, top: sheet.top, width: sheet.width } };
            });
            const before = await at();
            const width = Number(await page.locator('#contenido svg').getAttribute('width'));
            const point = { x: (before.x - before.sheet.left) / (before.sheet.width / width), y: (before.y - before.sheet.top) / (before.sheet.width / width) };
            await page.getByRole('button', { name: '+' }).click();
            const after = await at();
            const scale = after.sheet.width / width;
            expect(after.sheet.left + point.x * scale).toBeCloseTo(before.x, 0);
            expect(after.sheet.top + point.y * scale).toBeCloseTo(before.y, 0);
            // Every unit opened (the chart grows) while the view is fitted: it fits again.
            await page.getByRole('button', { name: 'Ajustar' }).click();
            expect(await transform()).toBe(fitted);
            const whole = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(ISSSTE_MAIN), alcance: 'manual', collapsed: [], viewWidth: (await canvasRect()).width }, 30_000));
            await post({ type: 'organigrama', ...whole });
            await page.waitForFunction(() => document.querySelectorAll('g.caja').length === 553);
            const refitted = await transform();
            expect(refitted).not.toBe(fitted);
            await expectLegible('ISSSTE, every unit open');
            // Moved by the user: the next drawing of the same chart keeps the view.
            await page.mouse.move(700, 500);
            await page.mouse.down();
            await page.mouse.move(600, 300, { steps: 5 });
            await page.mouse.up();
            const moved = await transform();
            expect(moved).not.toBe(refitted);
            await post({ type: 'organigrama', ...whole });
            await page.waitForFunction(() => document.querySelectorAll('g.caja').length === 553);
            expect(await transform()).toBe(moved);
        });

        it('centres on the unit under the cursor, opening the boxes above it', async () => {
            const source = text(ISSSTE_SP);
            const line = lineOf(source, 'unidad DCPAC ');
            const focus = { uri: uri(ISSSTE_SP), line: line + 2, character: 12 };
            const folded = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(ISSSTE_MAIN), alcance: 'manual', focus }, 30_000));
            expect(folded.focus).toBe('ISSSTE.DCPAC');
            expect(folded.svg).toContain('data-id="ISSSTE.DCPAC"');
            expect(folded.collapsed).not.toContain('ISSSTE.SP_DA');
            await post({ type: 'organigrama', ...folded });
            await page.waitForFunction(n => document.querySelectorAll('g.caja').length === n, folded.shownCount);
            const canvas = await canvasRect();
            const target = (await shown()).find(box => box.id === 'ISSSTE.DCPAC')!;
            expect(target.focused).toBe(true);
            expect(target.inside).toBe(true);
            expect((target.box.left + target.box.right) / 2).toBeCloseTo((canvas.left + canvas.right) / 2, -1);
            expect((target.box.top + target.box.bottom) / 2).toBeCloseTo((canvas.top + canvas.bottom) / 2, -1);
            expect(target.name.height).toBeGreaterThanOrEqual(MIN_TEXT_PX);
            // A place outside the chart names no unit.
            const elsewhere = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(DOE_MAIN), alcance: 'manual', focus }, 30_000));
            expect(elsewhere.focus).toBeUndefined();
        });

        it('exported HTML prints the charts legibly: each figure within its page, names at 3/4 of their size or more', async () => {
            const printed = await browser.newPage();
            try {
                for (const [manual, folder] of [['DOE', 'manuales/imss-doe-2022'], ['ISSSTE', 'manuales/issste-2018']]) {
                    const file = path.join(dir, `${manual}.html`);
                    execFileSync(process.execPath, [path.join(REPO, 'bin/estructura.cjs'), 'exportar', path.join(EXAMPLES, folder), '--formato', 'html', '--salida', file, '--sobrescribir']);
                    await printed.goto(pathToFileURL(file).href);
                    await printed.emulateMedia({ media: 'print' });
                    // The printable width of a letter page, portrait and landscape (the HTML's @page margins), in CSS px.
                    for (const [selector, width, height] of [['figure.organigrama:not(.ancha) svg', 680, 23 * 96 / 2.54], ['figure.organigrama.ancha svg', 942, 18 * 96 / 2.54]] as const) {
                        await printed.setViewportSize({ width, height: 900 });
                        const figures = await printed.evaluate(css => [...document.querySelectorAll(css)].map(svg => ({
                            width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height,
                            text: Math.min(...[...svg.querySelectorAll('text.nombre')].map(t => t.getBoundingClientRect().height))
                        })), selector);
                        for (const figure of figures) {
                            expect(figure.width, `${manual}: a figure`).toBeLessThanOrEqual(width + 0.5);
                            expect(figure.height, `${manual}: a figure`).toBeLessThanOrEqual(height + 0.5);
                            expect(figure.text, `${manual}: names of a ${Math.round(figure.width)} × ${Math.round(figure.height)} px figure`).toBeGreaterThanOrEqual(MIN_PRINT_TEXT_PX);
                        }
                        console.log(`${manual} HTML, ${selector}: ${figures.length} figures, smallest name ${Math.min(...figures.map(f => f.text)).toFixed(1)} px`);
                    }
                }
            } finally {
                await printed.close();
            }
        });

        it('shows the chart of one unit (the README picture)', async () => {
            const ucs = 'manuales/imss-doe-2022/imss-doe-2022.7.1.2-ucs.estructura';
            const unit = result(await client.request<OrganigramaResponse>('estructura/organigrama',
                { uri: uri(ucs), alcance: 'unidad', position: { line: lineOf(text(ucs), 'unidad UCS ') + 1, character: 4 } }));
            expect(unit).toMatchObject({ title: 'Unidad de Comunicación Social', unitCount: 12, shownCount: 12 });
            await page.evaluate(message => window.postMessage(message, '*'), { type: 'organigrama', ...unit });
            await page.waitForFunction(() => document.querySelectorAll('g.caja').length === 12);
            await page.setViewportSize({ width: 1400, height: 560 });
            await page.getByRole('button', { name: 'Ajustar' }).click();
            const screenshot = screenshotIn(dir);
            await page.screenshot({ path: screenshot });
            console.log(`organigrama screenshot: ${screenshot}`);
        });
    });
});
