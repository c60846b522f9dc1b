// The user-visible checks of the web extension in VS Code for the Web, in order. Each step gets
// the run's context ({ wb, page, expected, folder, marks: moments in ms, `goto` the first }) and returns a one-line
// summary of what it saw; it throws (with what it saw) when the screen is not what a user
// expects. Each has its own deadline (run.mjs), and every wait inside it its own message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2EError, waitFor } from '../lib/util.mjs';

const oneLine = s => (s ?? '').replace(/\s+/g, ' ').trim();
const seconds = (from, to = Date.now()) => `${((to - from) / 1000).toFixed(1)} s`;

/** The manual the steps work in: its unit DOE is `adscrita a DG`, defined in another manual. */
const DOE = 'manuales/imss-doe-2022/imss-doe-2022.estructura';
const DG_FILE = 'manuales/imss-2018/imss-2018.estructura';
/** Never opened by the steps before the Problems panel is read: its error needs the DOE manual's units. */
const UNOPENED = 'ejemplos/phae-doe-2022/2-reubicado-en-la-coordinacion.estructura';
/** Deleted in the Explorer by the last step: the deliberate errors of the examples. */
const DELETED = 'ejemplos/con-errores.estructura';

/** 1-based line of the first line of a workspace file containing `needle`. */
const lineIn = (folder, file, needle) => readFileSync(join(folder, file), 'utf-8').split('\n').findIndex(l => l.includes(needle)) + 1;

/**
 * Puts the cursor `offset` characters into the first `text` of the active editor (wb.cursorInside)
 * and waits until the status bar shows it there: the column it reads right after the keys can
 * still be the previous one.
 */
async function cursorOn(wb, folder, file, text, offset) {
    const lines = readFileSync(join(folder, file), 'utf-8').split('\n');
    const line = lines.findIndex(l => l.includes(text)) + 1;
    const column = lines[line - 1].indexOf(text) + 1 + offset;
    await wb.cursorInside(text, offset);
    return waitFor(`the cursor at ${file}:${line}:${column} (inside "${text}")`, () => wb.cursor(),
        { timeoutMs: 5_000, accept: c => c.line === line && c.column === column });
}

/** What `probe` finds in the first frame of the page (webviews are nested frames) where it finds anything. */
async function inSomeFrame(page, probe) {
    for (const frame of page.frames()) {
        const found = await probe(frame).catch(() => undefined);
        if (found !== undefined) return found;
    }
    return undefined;
}

/** Opens a file by clicking through the Explorer's tree (folders expand on click), as a user would. */
async function openFromExplorer(wb, page, relPath) {
    await wb.command('View: Show Explorer');
    const parts = relPath.split('/');
    for (const [i, name] of parts.entries()) {
        const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
        await waitFor(`the Explorer to show "${name}" (${parts.slice(0, i + 1).join('/')})`, () => explorerRows(page),
            { timeoutMs: 20_000, accept: rows => rows.includes(name) });
        const isFolder = i < parts.length - 1;
        if (isFolder && await row.getAttribute('aria-expanded') === 'true') continue;
        await row.click();
    }
    await wb.waitActiveFile(parts.at(-1), `${relPath} to open in the editor after a click in the Explorer`);
}

const explorerRows = page => page.locator('.explorer-folders-view .monaco-list-row').evaluateAll(rs => rs.map(r => r.getAttribute('aria-label')));

/**
 * What the page console said when the extension could not start (its activation failed, or the
 * client could not reach the server worker), or undefined: waiting longer would show nothing new.
 */
function extensionError(consoleLog) {
    const fatal = consoleLog.lines.find(l => /Activating extension '[^']*estructura' failed|Estructura client: couldn't create connection/.test(l));
    return fatal && `the extension did not start: ${fatal.slice(0, 300)}`;
}

/**
 * In the background, from the moment the workbench loads: when the status bar first counts a
 * problem (`marks.firstProblem`) and when its counts first equal the CLI's (`marks.allProblems`),
 * so the report says how long the server took, whatever the steps were doing meanwhile.
 */
function watchStatusBar(page, summary, marks) {
    const same = c => c && c.errors === summary.errors && c.warnings === summary.warnings && (c.infos || 0) === summary.infos;
    void (async () => {
        while (!marks.allProblems && !page.isClosed()) {
            const c = await statusCounts(page).catch(() => null);
            if (c && !marks.firstProblem && (c.errors > 0 || c.warnings > 0 || c.infos > 0)) marks.firstProblem = Date.now();
            if (same(c)) marks.allProblems = Date.now();
            await new Promise(r => setTimeout(r, 200));
        }
    })();
}

/** The status bar's problem counts, from its aria-label "Errors: 8, Warnings: 25, Infos: 121" (infos only when there are some). */
async function statusCounts(page) {
    const item = page.locator('[id="status.problems"]');
    if (await item.count() === 0) return null;
    const text = oneLine(await item.innerText());
    const aria = (await item.locator('a, .statusbar-item-label').first().getAttribute('aria-label').catch(() => null)) ?? '';
    const n = re => Number(re.exec(aria)?.[1] ?? NaN);
    return { text, aria, errors: n(/errors?: (\d+)/i), warnings: n(/warnings?: (\d+)/i), infos: n(/infos?: (\d+)/i) };
}

export const STEPS = [
    {
        // (a) The workbench loads; a click in the Explorer opens a manual and the extension answers
        // for it: the Outline lists the manual (document symbols come from the language server).
        name: 'workbench-activation',
        deadlineMs: 150_000,
        async run({ wb, page, expected, marks, console: consoleLog }) {
            await waitFor('the workbench to load (.monaco-workbench and its status bar)',
                () => page.locator('.monaco-workbench .part.statusbar').count(), { timeoutMs: 90_000 });
            const workbench = seconds(marks.goto);
            marks.workbenchLoaded = Date.now();
            watchStatusBar(page, expected.summary, marks);
            // A fresh profile opens the Welcome page; close it so the opened file is the active editor.
            await waitFor('the Explorer to list the workspace (ejemplos, manuales)', () => explorerRows(page),
                { timeoutMs: 60_000, accept: rs => rs.includes('ejemplos') && rs.includes('manuales') });
            const explorer = seconds(marks.goto);
            await wb.command('View: Close All Editors');
            await openFromExplorer(wb, page, DOE);
            const opened = Date.now();
            const mode = await waitFor('the status bar to show the language "Estructura"',
                async () => oneLine(await page.locator('[id="status.editor.mode"]').innerText()), { timeoutMs: 20_000, accept: t => /^estructura$/i.test(t) });
            const rows = await waitFor('the Outline view to list the manual (the extension activated and its server answers)',
                () => wb.outline(), {
                    timeoutMs: 60_000, stop: () => extensionError(consoleLog),
                    accept: rs => rs[0]?.level === 1 && /DIRECCIÓN DE OPERACIÓN Y EVALUACIÓN/.test(rs[0].label)
                });
            marks.outlineAnswered = Date.now();
            return `workbench at ${workbench}, Explorer rows at ${explorer} after goto; ${DOE} opened from the Explorer (language "${mode}"); ` +
                `Outline "${rows[0].label}" (${rows.length} rows) ${seconds(opened)} after opening`;
        }
    },
    {
        // (b) A diagnostic of a file nobody opened: the server read the workspace through the client.
        // Which one, and its message, come from `estructura revisar` on the same folder.
        name: 'problems-unopened',
        deadlineMs: 120_000,
        async run({ wb, page, expected, marks }) {
            const want = expected.diagnostics.find(d => d.file === UNOPENED && d.severity === 'error');
            if (!want) throw new E2EError(`\`estructura revisar\` reports no error in ${UNOPENED} any more: pick another unopened file with an error for this step`);
            const tabs = await page.locator('.tabs-container .tab').evaluateAll(ts => ts.map(t => t.getAttribute('aria-label')));
            const base = UNOPENED.split('/').pop();
            if (tabs.some(t => t?.startsWith(base))) throw new E2EError(`${base} is open in an editor (${tabs.join(', ')}); the step needs it unopened`);
            const rows = await wb.problems(`**/${base}`,
                rs => rs.some(r => r.file === base) && rs.some(r => r.code === want.code && r.line === want.line && r.message === want.message),
                `the Problems panel to list ${want.code} (line ${want.line}) of the unopened ${base}: "${want.message}"`);
            const now = Date.now();
            const file = rows.find(r => r.file === base);
            const first = marks.firstProblem ? `the status bar's first problem ${seconds(marks.workbenchLoaded, marks.firstProblem)} after the workbench loaded; ` : '';
            return `${file.file} (${file.count}) → ${want.severity} ${want.code} line ${want.line} "${want.message.slice(0, 70)}…"; ${first}` +
                `listed here ${seconds(marks.workbenchLoaded, now)} after the workbench loaded (${seconds(marks.outlineAnswered, now)} after the Outline answered)`;
        }
    },
    {
        // The whole workspace's counts in the status bar equal the CLI's (hints are not counted there).
        name: 'problems-total',
        deadlineMs: 90_000,
        async run({ page, expected, marks }) {
            const { errors, warnings, infos } = expected.summary;
            const counts = await waitFor(`the status bar to count the CLI's ${errors} errors, ${warnings} warnings and ${infos} infos of the workspace`,
                () => statusCounts(page), {
                    timeoutMs: 60_000,
                    accept: c => c && c.errors === errors && c.warnings === warnings && (c.infos === infos || (Number.isNaN(c.infos) && infos === 0))
                });
            const all = marks.allProblems ?? Date.now();
            return `status bar "${counts.aria || counts.text}" = CLI (${errors} errors, ${warnings} warnings, ${infos} infos over ${expected.summary.files} files), ` +
                `${seconds(marks.workbenchLoaded, all)} after the workbench loaded`;
        }
    },
    {
        // (e) The hover of a reference names the unit it points to (defined in another manual).
        name: 'hover-reference',
        deadlineMs: 60_000,
        async run({ wb, page, folder }) {
            await wb.command('View: Hide Panel');
            await wb.openFile(DOE);
            const cursor = await cursorOn(wb, folder, DOE, 'adscrita a DG', 12);
            // The unit's card: its name and qualified id (the unit is in imss-2018.estructura).
            const hover = await wb.hoverAtCursor(['Dirección General', 'Id: IMSS.DG']);
            await page.keyboard.press('Escape');
            return `hover at ${cursor.line}:${cursor.column}: ${JSON.stringify(hover.split('\n').filter(Boolean).slice(0, 3))}`;
        }
    },
    {
        // (c) F12 on `adscrita a DG` goes to the unit's definition in the institutional manual.
        name: 'f12-across-manuals',
        deadlineMs: 60_000,
        async run({ wb, page, folder }) {
            await wb.openFile(DOE);
            await cursorOn(wb, folder, DOE, 'adscrita a DG', 12);
            await page.keyboard.press('F12');
            const base = DG_FILE.split('/').pop();
            await wb.waitActiveFile(base, `F12 on \`adscrita a DG\` to open ${base}`);
            const want = lineIn(folder, DG_FILE, 'unidad DG "Dirección General"');
            const line = await waitFor('the cursor on `unidad DG "Dirección General"`', () => wb.currentLineText(),
                { accept: t => t?.includes('unidad DG "Dirección General"') });
            const c = await wb.cursor();
            if (c.line !== want) throw new E2EError(`F12 put the cursor on line ${c.line} of ${base}, expected ${want}`);
            return `F12 → ${base}:${c.line} "${line.trim()}"`;
        }
    },
    {
        // (d) The org chart view: VS Code's webview (a frame on another origin, with a service
        // worker) shows the SVG the server drew.
        name: 'organigrama',
        deadlineMs: 90_000,
        async run({ wb, page }) {
            await wb.openFile(DOE);
            const started = Date.now();
            await wb.command('Estructura: Ver organigrama del manual');
            const seen = await waitFor('the organigrama webview to show an SVG with boxes', () => inSomeFrame(page, async f => {
                const boxes = await f.locator('#contenido svg g.caja').count();
                if (boxes === 0) return undefined;
                return { boxes, detail: oneLine(await f.locator('#detalle').textContent({ timeout: 1_000 }).catch(() => '')) };
            }), {
                timeoutMs: 45_000,
                show: () => {
                    const frames = page.frames().map(f => f.url()).filter(u => u && u !== 'about:blank');
                    return `no frame with #contenido svg g.caja; frames: ${JSON.stringify(frames)}`;
                }
            });
            return `webview: SVG with ${seen.boxes} boxes, "${seen.detail}", ${seconds(started)} after the command`;
        }
    },
    {
        // The server follows the workspace: a file deleted in the Explorer takes its problems with
        // it (the client's file watcher tells the worker, which cannot look at the files itself),
        // and the status bar's totals become the CLI's for the folder without that file.
        name: 'delete-file',
        deadlineMs: 120_000,
        async run({ wb, page, afterDelete }) {
            await openFromExplorer(wb, page, DELETED);
            const name = DELETED.split('/').pop();
            await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).click({ button: 'right' });
            await page.locator('.context-view .action-item', { hasText: /^Delete/ }).first().click();
            // The in-memory file system has no trash: VS Code asks before deleting for good.
            const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^(Delete|Move to Trash)$/ }).first();
            await confirm.waitFor({ timeout: 10_000 });
            await confirm.click();
            await waitFor(`"${name}" to leave the Explorer`, () => explorerRows(page), { timeoutMs: 20_000, accept: rows => !rows.includes(name) });
            // Its editor (now showing a deleted file) closes too.
            await wb.command('View: Close All Editors');
            const { errors, warnings, infos } = afterDelete.summary;
            const started = Date.now();
            const counts = await waitFor(`the status bar to count the CLI's ${errors} errors, ${warnings} warnings and ${infos} infos without ${name}`,
                () => statusCounts(page), {
                    timeoutMs: 60_000,
                    accept: c => c && c.errors === errors && c.warnings === warnings && (c.infos === infos || (Number.isNaN(c.infos) && infos === 0))
                });
            return `${DELETED} deleted in the Explorer: status bar "${counts.aria || counts.text}" = CLI without it (${errors} errors, ${warnings} warnings, ${infos} infos), ${seconds(started)} after closing its editor`;
        }
    }
];
