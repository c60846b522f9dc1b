// What a user does and sees in the VS Code workbench, through keyboard shortcuts and the DOM of
// VS Code 1.100 (code-server 4.100.3). Selectors are the ones VS Code renders for accessibility
// (aria-label, aria-level) where possible, since those change least between versions.
import { E2EError, sleep, waitFor } from './util.mjs';

const oneLine = s => (s ?? '').replace(/\s+/g, ' ').trim();

export class Workbench {
    constructor(page) { this.page = page; }

    async waitReady() {
        await waitFor('the workbench to load (.monaco-workbench and the status bar)',
            () => this.page.locator('.monaco-workbench .part.statusbar').count(), { timeoutMs: 90_000 });
        // The extension activates on `workspaceContains:**/*.estructura`; the language server's first
        // build publishes the diagnostics, whose counts appear in the status bar (errors ≥ 1).
        await waitFor('the language server to publish diagnostics (status bar error count > 0)',
            async () => oneLine(await this.page.locator('[id="status.problems"]').innerText()),
            { timeoutMs: 90_000, accept: t => /^[1-9]\d*\b/.test(t) });
    }

    /** Runs a command from the command palette by its exact title. */
    async command(title) {
        const input = await this.fromPalette(title);
        await waitFor('the command palette to close', async () => !(await input.isVisible()));
    }

    /** Runs a command that opens its own quick input (a quick pick); returns that input. */
    async openQuickInput(title) {
        const input = await this.fromPalette(title);
        await waitFor(`the quick input of "${title}" (empty, without the palette's ">")`, () => input.inputValue(), { accept: v => v === '' });
        return input;
    }

    /** Chooses a command in the command palette (Ctrl+Shift+P) by its exact title; returns the palette's input. */
    async fromPalette(title) {
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        // Right after the workbench loads, an editor that opens (VS Code for the Web's Welcome
        // page) can take the focus and close the palette between the key and the typing: open it again.
        await waitFor('the command palette to open and take the command\'s title', async () => {
            if (!(await input.isVisible())) await this.page.keyboard.press('Control+Shift+P');
            await input.fill(`>${title}`, { timeout: 3_000 });
            return true;
        }, { timeoutMs: 20_000, everyMs: 500 });
        await waitFor(`command "${title}" in the command palette`,
            () => this.page.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label'),
            { accept: l => l?.startsWith(title) });
        await this.page.keyboard.press('Enter');
        return input;
    }

    /** The rows of the open quick pick, as their aria-labels. */
    quickPickRows() {
        return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row')
            .evaluateAll(rs => rs.map(r => (r.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim()));
    }

    /** Opens a file by its path relative to the workspace, with Quick Open (Ctrl+P). */
    async openFile(relPath) {
        const base = relPath.split('/').pop();
        const dir = relPath.split('/').slice(0, -1).join('/');
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await waitFor('Quick Open to open', () => input.isVisible());
        await input.fill(relPath);
        await waitFor(`Quick Open to list ${relPath}`,
            () => this.page.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label'),
            { accept: l => l?.startsWith(`${base} ${dir}`) });
        await this.page.keyboard.press('Enter');
        await this.waitActiveFile(base, `${relPath} to open in the editor`);
        await this.focusEditor();
    }

    /** The file name in the active editor tab (its aria-label, without VS Code's ", preview"). */
    async activeFile() {
        const tab = this.page.locator('.editor-group-container.active .tabs-container .tab.active');
        if (await tab.count() === 0) return null;
        // With two editor groups (the organigrama beside the editor) the label also names the group.
        return (await tab.getAttribute('aria-label'))?.replace(/(, (preview|Editor Group \d+))+$/, '') ?? null;
    }

    waitActiveFile(base, what) {
        return waitFor(what, () => this.activeFile(), { timeoutMs: 20_000, accept: l => l === base });
    }

    async focusEditor() {
        await this.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    }

    /** The status bar's cursor item as shown, e.g. "Ln 6, Col 12 (4 selected)". */
    async selectionStatus() {
        return oneLine(await this.page.locator('[id="status.editor.selection"]').innerText());
    }

    /** "Ln 394, Col 17" from the status bar. */
    async cursor() {
        const t = oneLine(await this.page.locator('[id="status.editor.selection"]').innerText());
        const m = /Ln (\d+), Col (\d+)/.exec(t);
        return m ? { line: Number(m[1]), column: Number(m[2]) } : { raw: t };
    }

    /** The text of the line the cursor is on, as rendered (the line with the current-line highlight, its inlay hints included). */
    currentLineText() {
        return this.page.evaluate(() => {
            const ed = document.querySelector('.editor-group-container.active .monaco-editor');
            // A wrapped line is several rows, each with its current-line highlight (word wrap is
            // on in .estructura files, and the official name after an id can push it past the edge).
            const tops = new Set([...(ed?.querySelectorAll('.view-overlays .current-line') ?? [])].map(c => c.parentElement?.style.top));
            const rows = [...(ed?.querySelectorAll('.view-lines .view-line') ?? [])].filter(l => tops.has(l.style.top))
                .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
            // A continuation row starts with the wrapped indentation, which is not in the text.
            const texts = rows.map((l, i) => (l.textContent ?? '').replace(/\u00a0/g, ' ').replace(i === 0 ? /^(?!)/ : /^ +/, ''));
            return rows.length === 0 ? null : texts.join('');
        });
    }

    /**
     * Puts the cursor inside the first occurrence of `text` after the cursor, `offset` characters
     * from its start, with the Find widget (Ctrl+F), as a user would.
     */
    async cursorInside(text, offset) {
        await this.focusEditor();
        await this.page.keyboard.press('Control+F');
        const find = this.page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first();
        await waitFor('the Find widget to open', () => find.isVisible());
        await find.fill(text);
        await waitFor(`the Find widget to find "${text}"`,
            async () => oneLine(await this.page.locator('.editor-group-container.active .find-widget .matchesCount').innerText()),
            { accept: t => /^\d+ of \d+$/.test(t) && !t.startsWith('No') });
        await this.page.keyboard.press('Escape');   // closes Find; the match stays selected
        await this.focusEditor();
        await this.page.keyboard.press('ArrowLeft'); // collapses the selection to the match's start
        for (let i = 0; i < offset; i++) await this.page.keyboard.press('ArrowRight');
        const line = await this.currentLineText();
        if (!line?.includes(text)) throw new E2EError(`after finding "${text}" the cursor is on a line without it: ${JSON.stringify(line)}`);
        return this.cursor();
    }

    /** Shows the hover at the cursor (Ctrl+K Ctrl+I, "Show or Focus Hover") and returns its text. */
    async hoverAtCursor(expectWords) {
        await this.page.keyboard.press('Control+K');
        await this.page.keyboard.press('Control+I');
        return waitFor(`a hover containing ${expectWords.map(w => `"${w}"`).join(' and ')}`,
            async () => (await this.page.locator('.monaco-hover:visible').allInnerTexts()).join('\n'),
            { timeoutMs: 15_000, accept: t => expectWords.every(w => t.includes(w)), show: t => JSON.stringify(t) });
    }

    /** Types a filter into the Problems panel (Ctrl+Shift+M) and returns its rows once `accept`ed. */
    async problems(filter, accept, what) {
        await this.page.keyboard.press('Control+Shift+M');
        const input = this.page.locator('.panel input[placeholder^="Filter"]').first();
        await waitFor('the Problems panel and its filter box', () => input.isVisible());
        await input.fill(filter);
        return waitFor(what, async () => {
            // The workbench may still be restoring the panel's state and empty the box (seen once in
            // a run: 586 problems listed, an empty filter): type the filter again if it is gone.
            if (await input.inputValue() !== filter) await input.fill(filter);
            return this.problemRows();
        }, { timeoutMs: 60_000, accept, show: rows => JSON.stringify(rows, null, 1) });
    }

    /** Rows of the Problems tree: files (level 1) and their markers (level 2), parsed. */
    async problemRows() {
        const rows = await this.page.locator('.panel .markers-panel .monaco-list-row').evaluateAll(rs =>
            rs.map(r => ({ level: r.getAttribute('aria-level'), aria: r.getAttribute('aria-label') ?? '', text: r.innerText })));
        return rows.map(r => {
            if (r.level === '1') {
                const m = /^(\d+) problems? in file (\S+)/.exec(r.aria);
                return { file: m?.[2] ?? r.aria, count: m ? Number(m[1]) : null };
            }
            const text = oneLine(r.text);
            const m = /^(.*) estructura (\S+) \[Ln (\d+), Col (\d+)\]$/.exec(text);
            return {
                severity: /^(\w+):/.exec(r.aria)?.[1] ?? '?',
                code: m?.[2] ?? null, line: m ? Number(m[3]) : null, message: m?.[1] ?? text
            };
        });
    }

    /**
     * Rows of the editor's suggest widget as shown: the label, then its label details (the unit's
     * name) and description, one string per row; the focused row first in `focused`.
     */
    async suggestions() {
        const widget = this.page.locator('.editor-group-container.active .suggest-widget.visible');
        if (await widget.count() === 0) return { rows: [], focused: null };
        const rows = await widget.locator('.monaco-list-row').evaluateAll(rs => rs.map(r => ({
            text: (r.textContent ?? '').replace(/\s+/g, ' ').trim(),
            focused: r.classList.contains('focused'),
            top: parseFloat(r.style.top || '0')
        })));
        rows.sort((a, b) => a.top - b.top);
        return { rows: rows.map(r => r.text), focused: rows.find(r => r.focused)?.text ?? null };
    }

    /** The code lenses shown in the active editor, one string per line of lenses ("21 funciones | 19 referencias | …"). */
    codeLenses() {
        return this.page.locator('.editor-group-container.active .monaco-editor .codelens-decoration')
            .evaluateAll(ds => ds.map(d => (d.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim()));
    }

    /** Clicks the part of a code lens whose text is `title`. */
    async clickCodeLens(title) {
        // VS Code re-renders the lenses when the server asks for a refresh (after any build), and a
        // late event can activate another editor group: look for the lens in every visible editor,
        // click with a short timeout, and try again until one click lands.
        const lens = this.page.locator('.monaco-editor .codelens-decoration a', { hasText: title });
        await waitFor(`a click on the code lens "${title}"`, async () => {
            if ((await lens.count()) === 0) {
                const seen = await this.page.locator('.monaco-editor .codelens-decoration').allTextContents();
                return `no such lens; lenses seen: ${JSON.stringify(seen.slice(0, 6))}`;
            }
            await lens.first().click({ timeout: 3_000 });
            return true;
        }, { timeoutMs: 30_000, accept: v => v === true });
    }

    /** The head of the peek view open in the active editor (file, folder, count), or null. */
    async peekHead() {
        const head = this.page.locator('.editor-group-container.active .peekview-widget .head');
        return (await head.count()) === 0 ? null : oneLine(await head.first().innerText());
    }

    /** The rows of the peek view's list (files, and each reference's line). */
    peekRows() {
        return this.page.locator('.editor-group-container.active .peekview-widget .monaco-list-row')
            .evaluateAll(rs => rs.map(r => (r.textContent ?? '').replace(/\s+/g, ' ').trim()));
    }

    /** Rows of the Outline view: label, kind, level and detail. */
    async outline() {
        await this.command('Explorer: Focus on Outline View');
        await sleep(300);
        return this.outlineRows();
    }

    outlineRows() {
        return this.page.locator('.pane').filter({ has: this.page.locator('.pane-header', { hasText: /^outline$/i }) })
            .locator('.monaco-list-row[aria-level]').evaluateAll(rs => rs.map(r => {
                const aria = r.getAttribute('aria-label') ?? '';
                const m = /^(.*) \((\w+)\)$/.exec(aria);
                return {
                    level: Number(r.getAttribute('aria-level')), label: m?.[1] ?? aria, kind: m?.[2] ?? '',
                    detail: r.querySelector('.label-description')?.textContent ?? ''
                };
            }));
    }
}
