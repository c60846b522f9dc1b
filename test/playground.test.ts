// The playground page as a user gets it: scripts/playground.mjs builds the static site into a
// temporary folder, a small static server serves it under a sub-path (/estructura/), and Debian's
// Chromium (playwright-core) opens it. The page must load the examples, check them with the
// language server in its worker, jump across files, draw the chart, keep text as data, keep
// unsaved text across a reload, restore a shared link, and never request anything from elsewhere.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/examples.js';
import { serveFolder } from '../scripts/serve-playground.mjs';

const CHROMIUM = '/usr/bin/chromium';
const BASE = '/estructura/';
const HOSTILE = '<img src=x onerror=alert(1)>';
/** The same site under this path has a language server that fails as it starts. */
const BROKEN = '/roto/';

/** Serves a folder under BASE (and BROKEN), as a static host would (no other path answers). */
function serve(root: string): Promise<Server> {
    return serveFolder(root, {
        bases: [BASE, BROKEN],
        intercept: (pathname: string, response: ServerResponse) => {
            if (pathname !== `${BROKEN}server.js`) return false;
            response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end('throw new Error("fallo de prueba");');
            return true;
        }
    });
}

/** The hash a shared link carries (client/playground/share.ts), made here independently. */
function shareHash(nombre: string, texto: string): string {
    return '#c=' + deflateRawSync(Buffer.from(JSON.stringify({ nombre, texto }))).toString('base64url');
}

const HOSTILE_FILE = `manual PRUEBA_XSS "${HOSTILE}" {
    institucion IMSS
}

unidad XSS "${HOSTILE} </script>" {
    tipo Dirección
    funciones {
        1. "Coordinar ${HOSTILE} </script><script>alert(2)</script>."
    }
}
`;

describe('playground page in Chromium', () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let site: string;
    const outside: string[] = [];
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    const violations: string[] = [];

    beforeAll(async () => {
        if (!existsSync(CHROMIUM)) {
            throw new Error(`Chromium is missing (${CHROMIUM}): install it with \`bash e2e/setup.sh --solo-paquetes chromium\``);
        }
        site = mkdtempSync(path.join(tmpdir(), 'playground-'));
        execFileSync('node', [path.join(REPO, 'scripts/playground.mjs'), '--salida', site], { cwd: REPO, stdio: 'pipe' });
        server = await serve(site);
        origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    }, 120_000);

    afterAll(async () => {
        await browser?.close();
        await new Promise(resolve => server ? server.close(resolve) : resolve(undefined));
    });

    /** A fresh browser profile (empty IndexedDB) with every request, dialog and page error recorded. */
    async function open(hash = '', base = BASE, init?: () => void): Promise<{ context: BrowserContext; page: Page }> {
        const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
        const page = await context.newPage();
        if (init) await page.addInitScript(init);
        context.on('request', request => {
            const url = request.url();
            if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
        });
        page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
        page.on('pageerror', error => pageErrors.push(error.message));
        page.on('console', message => { if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text()); });
        await page.goto(`${origin}${base}${hash}`);
        return { context, page };
    }

    // Monaco draws spaces as no-break spaces.
    const editorText = async (page: Page) => (await page.locator('#editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
    const activeTab = (page: Page) => page.locator('.pestana.activa').innerText();

    it('loads the examples and checks them: the manual in a tab, first diagnostics within seconds', async () => {
        const { context, page } = await open();
        await expect.poll(() => activeTab(page), { timeout: 15_000 }).toContain('imss-doe-2022.estructura');
        expect(await editorText(page)).toContain('manual IMSS_DOE_2022');
        await page.locator('#archivos li', { hasText: 'primeros-pasos.estructura' }).waitFor();
        // The manual names DJ, which no loaded file declares: the server's error shows as a squiggle.
        await page.waitForFunction(() => performance.getEntriesByName('estructura:primeros-diagnosticos').length > 0, undefined, { timeout: 20_000 });
        const firstDiagnostics = await page.evaluate(() => performance.getEntriesByName('estructura:primeros-diagnosticos')[0].startTime);
        console.log(`playground: first diagnostics ${Math.round(firstDiagnostics)} ms after navigation`);
        await page.locator('#estado', { hasText: 'Revisado' }).waitFor({ timeout: 20_000 });
        await context.close();
    }, 60_000);

    it('a typed reference to a unit that exists nowhere gets an error squiggle', async () => {
        const { context, page } = await open();
        await page.locator('#estado', { hasText: 'Revisado' }).waitFor({ timeout: 20_000 });
        await page.getByRole('button', { name: 'Nuevo' }).click();
        await expect.poll(() => activeTab(page)).toContain('nuevo.estructura');
        expect(await page.locator('#editor .squiggly-error').count()).toBe(0);
        await page.locator('#editor .view-lines').click();
        await page.keyboard.press('Control+End');
        await page.keyboard.insertText('\nunidad COORD "Coordinación de Prueba" {\n    tipo Coordinación\n    adscrita a UNIDAD_QUE_NO_EXISTE_EN_NINGUNA_PARTE\n}\n');
        const squiggle = page.locator('#editor .squiggly-error').first();
        await squiggle.waitFor({ timeout: 5_000 });
        // Its hover: the server's message with the rule's code.
        const box = (await squiggle.boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
        const hover = page.locator('.monaco-hover', { hasText: 'UNIDAD_QUE_NO_EXISTE' }).first();
        await hover.waitFor({ timeout: 10_000 });
        expect(await hover.innerText()).toContain('estructura-referencia');
        await context.close();
    }, 60_000);

    it('F12 jumps to the definition in another file: its tab becomes active with the cursor there; the outline and the chart show units', async () => {
        const { context, page } = await open();
        await page.locator('#estado', { hasText: 'Revisado' }).waitFor({ timeout: 20_000 });
        await page.locator('.pestana', { hasText: 'primeros-pasos.estructura' }).click();
        await expect.poll(() => activeTab(page)).toContain('primeros-pasos.estructura');
        // The cursor inside «DOE» of `adscrita a DOE` (Ctrl+G goes to line:column).
        const lines = readFileSync(path.join(REPO, 'client/playground/ejemplos/primeros-pasos.estructura'), 'utf-8').split('\n');
        const line = lines.findIndex(text => text.includes('adscrita a DOE'));
        await page.locator('#editor .view-lines').click();
        await goTo(page, line + 1, lines[line].indexOf('DOE') + 2);
        await page.keyboard.press('F12');
        await expect.poll(() => activeTab(page), { timeout: 10_000 }).toContain('imss-doe-2022.estructura');
        // The cursor is on the line that declares DOE.
        await expect.poll(() => cursorLineText(page), { timeout: 5_000 }).toContain('unidad DOE "Dirección de Operación y Evaluación"');
        await page.locator('#esquema .simbolo', { hasText: 'Dirección de Operación y Evaluación' }).first().waitFor({ timeout: 10_000 });
        const boxes = page.frameLocator('#organigrama').locator('svg g.caja');
        await boxes.first().waitFor({ timeout: 15_000 });
        expect(await boxes.count()).toBeGreaterThan(3);
        await context.close();
    }, 60_000);

    it('Ctrl+. applies the server\'s quick fix; Shift+F12 lists the references of every file', async () => {
        const { context, page } = await open();
        await page.locator('#estado', { hasText: 'Revisado' }).waitFor({ timeout: 20_000 });
        await page.locator('.pestana', { hasText: 'primeros-pasos.estructura' }).click();
        const lines = readFileSync(path.join(REPO, 'client/playground/ejemplos/primeros-pasos.estructura'), 'utf-8').split('\n');
        await page.locator('#editor .view-lines').click();
        const numbering = lines.findIndex(text => text.includes('número 7.1.7.3'));
        await goTo(page, numbering + 1, lines[numbering].indexOf('7.1.7.3') + 2);
        await page.keyboard.press('Control+.');
        await page.locator('.action-widget', { hasText: 'Renumerar como 7.1.7.2' }).waitFor({ timeout: 10_000 });
        await page.keyboard.press('Enter');
        await expect.poll(() => editorText(page)).toContain('número 7.1.7.2');
        const reference = lines.findIndex(text => text.includes('adscrita a DOE'));
        await goTo(page, reference + 1, lines[reference].indexOf('DOE') + 2);
        await page.keyboard.press('Shift+F12');
        const peek = page.locator('.reference-zone-widget');
        await peek.waitFor({ timeout: 10_000 });
        await expect.poll(() => peek.innerText(), { timeout: 10_000 }).toContain('imss-doe-2022.estructura');
        await context.close();
    }, 60_000);

    it('text is data: a unit named like markup shows as text in the editor, outline and chart, and runs nothing', async () => {
        const { context, page } = await open();
        await page.locator('#estado', { hasText: 'Revisado' }).waitFor({ timeout: 20_000 });
        await page.locator('#entrada-archivos').setInputFiles({ name: 'hostil.estructura', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE_FILE) });
        await expect.poll(() => activeTab(page), { timeout: 10_000 }).toContain('hostil.estructura');
        expect(await editorText(page)).toContain(HOSTILE);
        await page.locator('#esquema .simbolo', { hasText: HOSTILE }).first().waitFor({ timeout: 15_000 });
        const chart = page.frameLocator('#organigrama');
        await chart.locator('svg g.caja', { hasText: '<img' }).first().waitFor({ timeout: 15_000 });
        // Hover over the unit's id: the server's card names the unit, as text.
        await page.locator('#editor .view-line', { hasText: 'unidad XSS' }).locator('span span', { hasText: /XSS/ }).first().hover();
        await page.locator('.monaco-hover', { hasText: '<img' }).first().waitFor({ timeout: 10_000 });
        await page.waitForTimeout(500);
        expect(dialogs).toEqual([]);
        expect(await page.locator('img[src="x"]').count()).toBe(0);
        expect(await chart.locator('img, svg script, foreignObject').count()).toBe(0);
        await context.close();
    }, 60_000);

    it('refuses a binary file with a message and keeps working', async () => {
        const { context, page } = await open();
        await page.locator('#entrada-archivos').setInputFiles({ name: 'binario.estructura', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0, 3, 0, 0xff]) });
        await page.locator('.aviso', { hasText: 'no es un archivo de texto' }).waitFor({ timeout: 10_000 });
        expect(await page.locator('#archivos li', { hasText: 'binario.estructura' }).count()).toBe(0);
        await context.close();
    }, 60_000);

    it('opens a big text with a warning, and a folder of more files than it reads with a message; the editor keeps working', async () => {
        const { context, page } = await open();
        await page.locator('#estado', { hasText: 'Revisado' }).waitFor({ timeout: 20_000 });
        // 6 MB of units: over the 5 MB at which the page warns that checking takes a while.
        const unit = (i: number) => `unidad GRANDE_${i} "Coordinación grande ${i}" {\n    tipo Coordinación\n    funciones {\n        1. "Coordinar los programas de la unidad ${i} conforme a las disposiciones aplicables."\n    }\n}\n`;
        const units: string[] = ['manual GRANDE "Manual grande" {\n    institucion GRANDE\n}\n'];
        for (let i = 0, size = 0; size < 6 * 1024 * 1024; i++) size += (units[units.push(unit(i)) - 1]).length;
        await page.locator('#entrada-archivos').setInputFiles({ name: 'grande.estructura', mimeType: 'text/plain', buffer: Buffer.from(units.join('')) });
        await page.locator('.aviso', { hasText: 'la revisión puede tardar unos segundos' }).waitFor({ timeout: 20_000 });
        await page.locator('#archivos li', { hasText: 'grande.estructura' }).first().waitFor({ timeout: 10_000 });
        // A folder of 5,001 files: the first 5,000 are read, and the page says so.
        const folder = mkdtempSync(path.join(tmpdir(), 'playground-carpeta-'));
        try {
            for (let i = 0; i <= 5000; i++) writeFileSync(path.join(folder, `u${String(i).padStart(4, '0')}.estructura`), `unidad C${i} "Coordinación ${i}" {\n}\n`);
            await page.locator('#entrada-carpeta').setInputFiles(folder);
            await page.locator('.aviso', { hasText: 'solo se abrieron los primeros 5000' }).waitFor({ timeout: 60_000 });
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
        await page.locator('.pestana', { hasText: 'primeros-pasos.estructura' }).click();
        await page.locator('#editor .view-lines').click();
        await page.keyboard.press('Control+Home');
        await page.keyboard.insertText('// sigo escribiendo\n');
        await expect.poll(() => editorText(page)).toContain('// sigo escribiendo');
        await context.close();
    }, 180_000);

    it('a file-system permission the browser refuses is a message in the page, which keeps working', async () => {
        // The pickers of the File System Access API, refused as a browser (or its policy) refuses them.
        const { context, page } = await open('', BASE, () => {
            const refuse = async () => { throw new DOMException('El usuario lo rechazó.', 'NotAllowedError'); };
            Object.assign(globalThis, { showOpenFilePicker: refuse, showDirectoryPicker: refuse, showSaveFilePicker: refuse });
        });
        await page.locator('#estado', { hasText: 'Revisado' }).waitFor({ timeout: 20_000 });
        await page.getByRole('button', { name: 'Abrir carpeta…' }).click();
        await page.locator('.aviso', { hasText: 'no dio permiso' }).waitFor({ timeout: 10_000 });
        await page.getByRole('button', { name: 'Abrir archivos…' }).click();
        await expect.poll(() => page.locator('.aviso', { hasText: 'no dio permiso' }).count()).toBeGreaterThan(0);
        expect(await page.locator('#archivos li', { hasText: 'primeros-pasos.estructura' }).count()).toBe(1);
        await context.close();
    }, 60_000);

    it('a language server that fails: a message, automatic restarts, then a restart button; the editor keeps working', async () => {
        const { context, page } = await open('', BROKEN);
        await expect.poll(() => activeTab(page), { timeout: 15_000 }).toContain('imss-doe-2022.estructura');
        await page.getByRole('button', { name: 'Reiniciar el servidor' }).waitFor({ timeout: 15_000 });
        expect(await page.locator('.aviso.error').innerText()).toContain('El servidor de lenguaje se detuvo');
        await page.locator('#editor .view-lines').click();
        await page.keyboard.press('Control+Home');
        await page.keyboard.insertText('// sigo escribiendo\n');
        await expect.poll(() => editorText(page)).toContain('// sigo escribiendo');
        await context.close();
    }, 60_000);

    it('keeps unsaved text across a reload', async () => {
        const { context, page } = await open();
        await expect.poll(() => activeTab(page), { timeout: 15_000 }).toContain('imss-doe-2022.estructura');
        await page.locator('#editor .view-lines').click();
        await page.keyboard.press('Control+Home');
        await page.keyboard.insertText('// nota sin guardar 4711\n');
        await page.waitForTimeout(1_000);
        await page.reload();
        await expect.poll(() => activeTab(page), { timeout: 15_000 }).toContain('imss-doe-2022.estructura');
        await expect.poll(() => editorText(page), { timeout: 5_000 }).toContain('// nota sin guardar 4711');
        await context.close();
    }, 60_000);

    it('restores a shared link, names and all, as text', async () => {
        const text = `// compartido por enlace\n${HOSTILE_FILE}`;
        const { context, page } = await open(shareHash(`</script>${HOSTILE}.estructura`, text));
        await expect.poll(() => activeTab(page), { timeout: 15_000 }).toContain(HOSTILE);
        await expect.poll(() => editorText(page)).toContain('// compartido por enlace');
        // The hash is read once: the address no longer carries it.
        expect(new URL(page.url()).hash).toBe('');
        await page.waitForTimeout(500);
        expect(dialogs).toEqual([]);
        expect(await page.locator('img[src="x"]').count()).toBe(0);
        await context.close();
    }, 60_000);

    it('requested nothing outside its origin, broke no rule of its CSP and threw no error', () => {
        expect(outside).toEqual([]);
        expect(violations).toEqual([]);
        expect(pageErrors).toEqual([]);
    });
});

/** Puts the cursor at a line and column (1-based) with Monaco's «go to line» (Ctrl+G). */
async function goTo(page: Page, line: number, column: number): Promise<void> {
    await page.keyboard.press('Control+G');
    await page.keyboard.insertText(`${line}:${column}`);
    await page.keyboard.press('Enter');
}

/** The text of the editor line the cursor is on (by where the cursor is drawn). */
async function cursorLineText(page: Page): Promise<string> {
    const cursor = await page.locator('#editor .cursors-layer .cursor').first().boundingBox();
    if (!cursor) return '';
    for (const line of await page.locator('#editor .view-line').all()) {
        const box = await line.boundingBox();
        if (box && cursor.y + cursor.height / 2 >= box.y && cursor.y + cursor.height / 2 < box.y + box.height) return (await line.innerText()).replace(/\u00a0/g, ' ');
    }
    return '';
}
