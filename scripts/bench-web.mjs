// Times the playground page (issue 25) in Debian's Chromium, as an analyst would use it:
//   1. carga: the ISSSTE manual (51 files, 553 units, 5,451 functions) opened in the page, then the
//      page reloaded (the files come back from the browser's storage): time from navigation to the
//      first diagnostics, and to the diagnostics of the ISSSTE manual's tab;
//   2. edición: a unit appended to that tab (a reference to a unit that exists nowhere), time from
//      the keystrokes to the new error in the status line;
//   3. pegado: a SYNTHETIC 20 MB manual (generated here: 8,000 units with ten functions each)
//      pasted into a new file: the longest time the page's main thread was blocked while the
//      worker checked it (Long Tasks API and a 10 ms heartbeat), apart from Monaco taking the paste.
// Median of BENCH_RUNS runs (default 3). Writes bench/web.json and bench/web.md. Run `npm run build` first.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveFolder } from './serve-playground.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const site = path.join(root, 'out', 'playground');
const issste = path.join(root, 'examples', 'manuales', 'issste-2018');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const PASTE_MB = Number(process.env.BENCH_PASTE_MB ?? 20);
const CHROMIUM = '/usr/bin/chromium';
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const MAIN = 'issste-2018.estructura';

if (!existsSync(path.join(site, 'index.html'))) throw new Error('out/playground/ is missing: run `npm run build` first');
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: bash e2e/setup.sh --solo-paquetes chromium`);

/** A manual of about `megabytes` MB: distinct ids, ten functions a unit, prose like the manuals'. */
function syntheticManual(megabytes) {
    const parts = ['manual PEGADO "Manual pegado de prueba" {\n    institucion PEGADO\n}\n'];
    let size = parts[0].length;
    for (let i = 1; size < megabytes * 1024 * 1024; i++) {
        const functions = Array.from({ length: 10 }, (_, f) =>
            `        ${f + 1}. "Coordinar la elaboración, integración y seguimiento del programa ${i}.${f + 1} de la unidad, conforme a las disposiciones aplicables y a los lineamientos que emita la Dirección."`);
        const unit = `\nunidad U${i} "Coordinación de Programas ${i}" {\n    tipo Coordinación\n    número ${i}\n    funciones {\n${functions.join('\n')}\n        11. cierre "Las demás que le encomiende su superior jerárquico."\n    }\n}\n`;
        parts.push(unit);
        size += unit.length;
    }
    return parts.join('');
}

/** The status line's text once it says the active file was checked. */
async function whenChecked(page, timeout) {
    const handle = await page.waitForFunction(() => {
        const text = document.getElementById('estado')?.textContent ?? '';
        return text.startsWith('Revisado') ? text : false;
    }, null, { timeout, polling: 'raf' });
    return handle.jsonValue();
}

async function run(browser, origin) {
    const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/estructura/`);
    await whenChecked(page, 60_000);
    // 1. Open the ISSSTE files, then reload: they come back from IndexedDB, the main file's tab active.
    const files = readdirSync(issste).filter(f => f.endsWith('.estructura')).sort().map(f => path.join(issste, f));
    await page.locator('#entrada-archivos').setInputFiles(files);
    await page.locator(`#archivos li[data-ruta="${MAIN}"] button.abrir`).click();
    await whenChecked(page, 120_000);
    await page.waitForTimeout(1500);
    const started = Date.now();
    await page.reload();
    await whenChecked(page, 120_000);
    const toIssste = Date.now() - started;
    const firstMark = await page.evaluate(() => performance.getEntriesByName('estructura:primeros-diagnosticos')[0]?.startTime ?? NaN);
    const active = await page.locator('.pestana[aria-selected="true"]').innerText().catch(() => '?');

    // 2. Edits: each appended unit names a unit that exists nowhere, one more error.
    const edits = [];
    await page.locator('#editor .view-lines').click();
    for (let i = 0; i < 7; i++) {
        const before = await page.locator('#estado').innerText();
        await page.keyboard.press('Control+End');
        const t = Date.now();
        await page.keyboard.insertText(`\nunidad MEDICION_${i} "Unidad de medición ${i}" {\n    adscrita a NO_EXISTE_${i}\n}\n`);
        await page.waitForFunction(previous => (document.getElementById('estado')?.textContent ?? '') !== previous && document.getElementById('estado').textContent.startsWith('Revisado'), before, { timeout: 60_000, polling: 'raf' });
        edits.push(Date.now() - t);
    }

    // 3. Paste 20 MB into a new file while the main thread is watched.
    await page.getByRole('button', { name: 'Nuevo' }).click();
    await page.locator('#editor .view-lines').click();
    await page.keyboard.press('Control+A');
    const text = syntheticManual(PASTE_MB);
    await page.evaluate(() => {
        const watch = window.__medicion = { tasks: [], gaps: [], last: performance.now() };
        new PerformanceObserver(list => { for (const e of list.getEntries()) watch.tasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask' });
        watch.timer = setInterval(() => { const now = performance.now(); watch.gaps.push({ at: now, gap: now - watch.last }); watch.last = now; }, 10);
    });
    await page.evaluate(pasted => {
        const area = document.querySelector('#editor textarea');
        const data = new DataTransfer();
        data.setData('text/plain', pasted);
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    const checked = Date.now();
    await page.waitForFunction(() => /^Revisado/.test(document.getElementById('estado')?.textContent ?? '') && document.querySelector('.pestana[aria-selected="true"]')?.textContent?.includes('nuevo'), null, { timeout: 600_000, polling: 500 });
    // The pasted file's own diagnostics: wait until the status stops changing for 3 s.
    let last = await page.locator('#estado').innerText();
    for (let stable = 0; stable < 6;) {
        await page.waitForTimeout(500);
        const now = await page.locator('#estado').innerText();
        stable = now === last ? stable + 1 : 0;
        last = now;
    }
    const pasteCheck = Date.now() - checked;
    const watch = await page.evaluate(() => {
        clearInterval(window.__medicion.timer);
        const { tasks, gaps } = window.__medicion;
        // Monaco applies a paste in a task of its own, which ends by telling the server (this mark).
        const sent = performance.getEntriesByName('estructura:cambio-enviado').at(-1)?.startTime ?? NaN;
        return { tasks, gaps, pasted: sent };
    });
    const afterPaste = watch.tasks.filter(task => task.start > watch.pasted);
    const pasteTask = watch.tasks.filter(task => task.start <= watch.pasted).reduce((max, task) => Math.max(max, task.duration), 0);
    await context.close();
    return {
        toIssste, firstMark, active, edits: median(edits), pasteCheck, pasteTask,
        pasteMs: pasteTask,
        longestAfterPaste: afterPaste.reduce((max, task) => Math.max(max, task.duration), 0),
        longTasksAfterPaste: afterPaste.length,
        longestGap: watch.gaps.filter(g => g.at - g.gap > watch.pasted).reduce((max, g) => Math.max(max, g.gap), 0),
        status: last
    };
}

const server = await serveFolder(site);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const results = [];
try {
    for (let i = 0; i < runs; i++) {
        const result = await run(browser, origin);
        console.log(`run ${i + 1}: ${JSON.stringify(result)}`);
        results.push(result);
    }
} finally {
    await browser.close();
    server.close();
}
const pick = key => median(results.map(r => r[key]));
const summary = {
    date: new Date().toISOString().slice(0, 10), machine: `${cpus().length} × ${cpus()[0]?.model.trim()}`, node: process.version, runs,
    firstDiagnosticsMs: pick('firstMark'), issteDiagnosticsMs: pick('toIssste'), editMs: pick('edits'),
    pasteMb: PASTE_MB, pasteTakenMs: pick('pasteTask'), pasteCheckMs: pick('pasteCheck'),
    longestMainThreadTaskWhileCheckingMs: pick('longestAfterPaste'), longestHeartbeatGapMs: pick('longestGap'),
    worstTaskWhileCheckingMs: Math.max(...results.map(r => r.longestAfterPaste)), worstHeartbeatGapMs: Math.max(...results.map(r => r.longestGap)), results
};
writeFileSync(path.join(root, 'bench', 'web.json'), JSON.stringify(summary, null, 2) + '\n');
const md = `Área de pruebas en Chromium (${summary.date}, ${summary.machine}, Node ${summary.node}; mediana de ${runs} ejecuciones)

| medida | mediana (ms) |
|---|---:|
| recarga → primeros diagnósticos (ISSSTE, 51 archivos, más los 9 de ejemplo) | ${summary.firstDiagnosticsMs.toFixed(0)} |
| recarga → diagnósticos de la pestaña del manual del ISSSTE | ${summary.issteDiagnosticsMs} |
| edición → diagnósticos (una unidad añadida al manual del ISSSTE; mediana de 7) | ${summary.editMs} |
| pegar ${PASTE_MB} MB (sintético): la tarea más larga de Monaco al tomar el texto | ${summary.pasteTakenMs.toFixed(0)} |
| pegar ${PASTE_MB} MB: hasta que el archivo queda revisado | ${summary.pasteCheckMs} |
| tarea más larga del hilo principal mientras el servidor revisa (la peor de las ${runs} ejecuciones: ${summary.worstTaskWhileCheckingMs.toFixed(0)}) | ${summary.longestMainThreadTaskWhileCheckingMs.toFixed(0)} |
| mayor pausa del latido de 10 ms mientras revisa (la peor: ${summary.worstHeartbeatGapMs.toFixed(0)}) | ${summary.longestHeartbeatGapMs.toFixed(0)} |
`;
writeFileSync(path.join(root, 'bench', 'web.md'), md);
console.log(md);
