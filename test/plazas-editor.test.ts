// The plazas in the editor: the unit hover and code lens («13 plazas (…)»), the estructura/plazas
// request over stdio (out/server.cjs, after `npm run build`), and the webview's page (every text
// escaped, nonce-only CSP, sortable table, rows that open the position).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationToken, type Hover } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plazasPage } from '../client/webview/plazas.js';
import { ChartBuilder, chartBoxes, chartSvg, layoutChart } from '../server/src/organigrama/index.js';
import { isUnidad } from '../server/src/language/generated/ast.js';
import { placeOfHref } from '../client/webview/comparacion.js';
import { CLIENT_COMMANDS, PLAZAS_REQUEST, SHOW_PLAZAS_COMMAND, type PlazasResponse, type PlazasResult } from '../server/src/protocol.js';
import { SMALL } from './helpers/plazas.js';
import { REPO } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';
import { buildWorkspace, positionOf, textParams, type TestWorkspace } from './helpers/workspace.js';

const token = CancellationToken.None;

describe('hover and code lens of a unit with positions', () => {
    let ws: TestWorkspace;
    beforeAll(async () => { ws = await buildWorkspace(SMALL); });
    const doc = () => ws.docs['org.estructura'];

    it('the hover says the plazas of the unit and its subunits, occupancy when known', async () => {
        const lsp = ws.services.lsp;
        const hover = await lsp.HoverProvider!.getHoverContent(doc(), textParams(doc(), positionOf(doc(), 'unidad DG "', 'DG')), token) as Hover;
        expect((hover.contents as { value: string }).value).toContain('Plazas: 13 plazas (4 ocupadas, 4 vacantes, 5 sin dato), con sus subunidades');
        const dj = await lsp.HoverProvider!.getHoverContent(doc(), textParams(doc(), positionOf(doc(), 'unidad DJ "', 'DJ')), token) as Hover;
        expect((dj.contents as { value: string }).value).toContain('Plazas: 2 plazas (0 ocupadas, 2 vacantes)\n');
    });

    it('the code lens shows the plazas, and opens the table where the client has the command', async () => {
        const lsp = ws.services.lsp;
        const titles = async () => (await lsp.CodeLensProvider!.provideCodeLens(doc(), { textDocument: { uri: doc().uri.toString() } }, token))!
            .map(lens => lens.command!);
        const plain = (await titles()).filter(c => c.title.includes('plaza'));
        expect(plain.map(c => c.title)).toEqual(['13 plazas (4 ocupadas, 4 vacantes, 5 sin dato)', '10 plazas (4 ocupadas, 2 vacantes, 4 sin dato)', '2 plazas (0 ocupadas, 2 vacantes)']);
        expect(plain.every(c => c.command === '')).toBe(true);
        ws.services.settings.ClientCommands.declare({ commands: CLIENT_COMMANDS });
        const linked = (await titles()).find(c => c.title.startsWith('13 plazas'))!;
        expect(linked.command).toBe(SHOW_PLAZAS_COMMAND);
        expect(linked.arguments).toEqual([doc().uri.toString(), positionOf(doc(), 'unidad DG "', 'DG')]);
    });

    it('the organigrama boxes say the plazas of their subtree only when asked (estructura.organigrama.plazas)', async () => {
        const dg = doc().parseResult.value.elementos.find(isUnidad)!;
        const plain = new ChartBuilder(Object.values(ws.docs)).unitChart(dg);
        expect([...chartBoxes(plain)].map(box => box.plazas)).toEqual([undefined, undefined, undefined]);
        const chart = new ChartBuilder(Object.values(ws.docs), { plazas: ws.services.structure.StructureIndex.snapshot }).unitChart(dg);
        expect([...chartBoxes(chart)].map(box => [box.id, box.titular, box.plazas])).toEqual([
            ['INST.DG', 'Titular de la Dirección General', '13 plazas (4 ocupadas, 4 vacantes, 5 sin dato)'],
            ['INST.DA', 'Director de Administración', '10 plazas (4 ocupadas, 2 vacantes, 4 sin dato)'],
            ['INST.DJ', undefined, '2 plazas (0 ocupadas, 2 vacantes)']
        ]);
        const [withPlazas, without] = await Promise.all([layoutChart(chart), layoutChart(plain)]);
        const svg = chartSvg(withPlazas);
        expect(svg).toContain('<text class="plazas"');
        expect(svg).toContain('2 plazas (0 ocupadas, 2');
        // The boxes grow by the lines of their plazas.
        expect(withPlazas.boxes[0].height).toBeGreaterThan(without.boxes[0].height);
    });

    it('a unit without positions below it has no plazas line nor lens', async () => {
        await ws.update('vacia.estructura', 'manual V "V" {\n    institucion OTRA\n}\n\nunidad X "Unidad sin puestos" {\n}\n');
        const vacia = ws.docs['vacia.estructura'];
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(vacia, textParams(vacia, positionOf(vacia, 'unidad X', 'X')), token) as Hover;
        expect((hover.contents as { value: string }).value).not.toContain('Plazas:');
        const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(vacia, { textDocument: { uri: vacia.uri.toString() } }, token);
        expect(lenses!.map(l => l.command!.title).filter(t => t.includes('plaza'))).toEqual([]);
    });
});

describe('estructura/plazas over stdio', () => {
    let dir: string;
    let client: LspTestClient;
    beforeAll(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'plazas-lsp-'));
        for (const [name, text] of Object.entries(SMALL)) writeFileSync(path.join(dir, name), text);
        client = LspTestClient.start(path.join(REPO, 'out/server.cjs'), REPO);
        const root = pathToFileURL(dir).href;
        await client.request('initialize', {
            processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'plazas' }],
            capabilities: { workspace: { configuration: false, workspaceFolders: true } }
        }, 20_000);
        await client.notify('initialized', {});
    });
    afterAll(() => {
        client?.dispose();
        rmSync(dir, { recursive: true, force: true });
    });
    const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;

    it('answers the unit under the cursor and its subtree, with the files and lines of the positions', async () => {
        // Line 12 (0-based) is inside DA, on TIT_DA's declaration.
        const result = await client.request<PlazasResponse>(PLAZAS_REQUEST, { uri: uri('org.estructura'), position: { line: 12, character: 8 } }) as PlazasResult;
        expect(result.titulo).toBe('Dirección de Administración (INST.DA)');
        expect(result.total).toBe(10);
        expect(result.resumen).toBe('10 plazas (4 ocupadas, 2 vacantes, 4 sin dato)');
        expect(result.unidades.map(u => u.id)).toEqual(['INST.DA']);
        const apoyo = result.unidades[0].puestos.find(p => p.id === 'INST.APOYO')!;
        expect(apoyo).toMatchObject({ archivo: uri('plantilla.estructura'), linea: 14, plazas: 4, personal: 'base' });
    });

    it('from a position declared apart, its unit; elsewhere, a message; bad parameters, InvalidParams', async () => {
        const fromPosition = await client.request<PlazasResponse>(PLAZAS_REQUEST, { uri: uri('plantilla.estructura'), position: { line: 5, character: 12 } }) as PlazasResult;
        expect(fromPosition.titulo).toBe('Dirección Jurídica (INST.DJ)');
        const nowhere = await client.request<PlazasResponse>(PLAZAS_REQUEST, { uri: uri('plantilla.estructura'), position: { line: 0, character: 0 } });
        expect(nowhere).toEqual({ error: 'Ponga el cursor en una unidad (o en un puesto) para ver sus plazas.' });
        await expect(client.request(PLAZAS_REQUEST, { uri: uri('org.estructura') })).rejects.toMatchObject({ code: -32602 });
    });

    it('the organigrama request draws the plazas in the boxes when asked', async () => {
        const ask = (plazas?: boolean) => client.request<{ svg: string }>('estructura/organigrama', { uri: uri('org.estructura'), alcance: 'manual', plazas });
        expect((await ask()).svg).not.toContain('class="plazas"');
        expect((await ask(true)).svg).toContain('>13 plazas (4 ocupadas, 4');
        await expect(client.request('estructura/organigrama', { uri: uri('org.estructura'), alcance: 'manual', plazas: 'sí' })).rejects.toMatchObject({ code: -32602 });
    });
});

describe('the plazas webview page', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const report: PlazasResult = {
        titulo: `Dirección ${hostile} (INST.DG)`, total: 3, resumen: '3 plazas',
        totales: { puestos: 2, plazas: 3, ocupadas: 0, vacantes: 0, sinDato: 3 },
        porNivel: [{ clave: `"><script>alert(2)</script>`, puestos: 1, plazas: 1, ocupadas: 0, vacantes: 0, sinDato: 1 }],
        porClase: [], porPersonal: [],
        unidades: [{
            id: 'INST.DG', nombre: hostile, profundidad: 0, plazas: 3,
            totales: { puestos: 2, plazas: 3, ocupadas: 0, vacantes: 0, sinDato: 3 }, propias: { puestos: 2, plazas: 3, ocupadas: 0, vacantes: 0, sinDato: 3 },
            puestos: [
                { id: 'INST.A', titulo: hostile, plazas: 1, archivo: 'file:///ws/a%20b.estructura', linea: 7, nivel: 'MC3' },
                { id: 'INST.B', titulo: `Jefe' onclick='x`, plazas: 2, archivo: 'file:///ws/a%20b.estructura', linea: 12 }
            ]
        }],
        sinUnidad: []
    };
    const page = plazasPage(report, 'NONCE123');

    it('escapes every text: a title with markup is text, never an element or an attribute', () => {
        expect(page).not.toContain('<img');
        expect(page).not.toContain('<script>alert');
        expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(page).toContain('Jefe&#39; onclick=&#39;x');
        // Only the page's own script, by nonce; no inline handler, no style attribute (the CSP would block it).
        expect(page.match(/<script/g)).toHaveLength(1);
        expect(page).toContain('<script nonce="NONCE123">');
        const markup = page.replace(/<script nonce="NONCE123">[\s\S]*?<\/script>/, '');
        // Every tag's attributes, values quoted and escaped: none is an event handler or a style.
        const attributes = [...markup.matchAll(/<[a-z0-9]+((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/gi)]
            .flatMap(tag => [...tag[1].matchAll(/\s+([a-z-]+)(?:="[^"]*")?/gi)].map(a => a[1].toLowerCase()));
        expect(attributes.length).toBeGreaterThan(20);
        expect(attributes.filter(name => name.startsWith('on') || name === 'style')).toEqual([]);
        // No «<» that does not open one of the page's own tags.
        expect(markup.match(/<(?![a-z0-9]+(?:\s+[a-z-]+(?:="[^"]*")?)*\s*>|\/[a-z0-9]+>|!DOCTYPE)/gi)).toBeNull();
    });

    it('loads nothing: a nonce-only Content-Security-Policy', () => {
        expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123'">`);
    });

    it('has sortable columns and rows that name the position\'s file and line for the extension to open', () => {
        expect(page).toMatch(/<th scope="col" data-col="6" data-num="1" class="num" tabindex="0" aria-sort="none">Plazas<\/th>/);
        const href = /<tr data-href="([^"]+)"/.exec(page)![1];
        expect(placeOfHref(href)).toEqual({ file: 'file:///ws/a%20b.estructura', line: 7 });
        expect(page).toContain('postMessage({ type: \'abrir\'');
    });
});

// Page-side callbacks run in Chromium: its globals, as far as these callbacks use them.
declare const window: { sent: Array<Record<string, unknown>>; acquireVsCodeApi: () => unknown };

// In Chromium (installed by e2e/setup.sh; the organigrama's browser test installs it when missing).
describe.skipIf(!existsSync('/usr/bin/chromium'))('the plazas webview page in Chromium', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const totals = (plazas: number) => ({ puestos: 1, plazas, ocupadas: 0, vacantes: 0, sinDato: plazas });
    const row = (id: string, titulo: string, plazas: number, linea: number) => ({ id, titulo, plazas, archivo: 'file:///ws/p.estructura', linea });
    const report: PlazasResult = {
        titulo: hostile, total: 8, resumen: '8 plazas', totales: { ...totals(8), puestos: 3 },
        porNivel: [], porClase: [], porPersonal: [],
        unidades: [{ id: 'I.U', nombre: 'Unidad', profundidad: 0, plazas: 8, totales: totals(8), propias: totals(8),
            puestos: [row('I.A', hostile, 2, 3), row('I.B', 'Analista', 5, 9), row('I.C', 'Jefe', 1, 15)] }],
        sinUnidad: []
    };
    let browser: Browser;
    let page: Page;
    let dir: string;
    const violations: string[] = [];
    const errors: string[] = [];

    beforeAll(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'plazas-page-'));
        writeFileSync(path.join(dir, 'plazas.html'), plazasPage(report, 'prueba123'));
        browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
        page = await browser.newPage();
        await page.addInitScript(() => {
            window.sent = [];
            window.acquireVsCodeApi = () => ({ postMessage: (m: Record<string, unknown>) => window.sent.push(m) });
        });
        page.on('console', message => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
        page.on('pageerror', error => errors.push(error.message));
        page.on('dialog', dialog => { errors.push(`dialog ${dialog.message()}`); void dialog.dismiss(); });
        await page.goto(pathToFileURL(path.join(dir, 'plazas.html')).href);
    }, 60_000);
    afterAll(async () => {
        await browser?.close();
        rmSync(dir, { recursive: true, force: true });
    });

    const titles = () => page.locator('#puestos tbody tr td:nth-child(2)').allTextContents();

    it('shows a title with markup as text, with no CSP violation nor script error', async () => {
        expect(await page.locator('h1').textContent()).toBe(hostile);
        expect(await page.locator('img').count()).toBe(0);
        expect(await titles()).toEqual([hostile, 'Analista', 'Jefe']);
        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
    });

    it('sorts by a column, ascending then descending, numbers as numbers', async () => {
        await page.locator('#puestos th', { hasText: 'Plazas' }).click();
        expect(await titles()).toEqual(['Jefe', hostile, 'Analista']);
        await page.locator('#puestos th', { hasText: 'Plazas' }).click();
        expect(await titles()).toEqual(['Analista', hostile, 'Jefe']);
        expect(await page.locator('#puestos th', { hasText: 'Plazas' }).getAttribute('aria-sort')).toBe('descending');
    });

    it('asks the extension to open the position of a clicked row', async () => {
        await page.locator('#puestos tbody tr', { hasText: 'Jefe' }).click();
        expect(await page.evaluate(() => window.sent)).toEqual([{ type: 'abrir', href: 'file:///ws/p.estructura#L15' }]);
    });
});
