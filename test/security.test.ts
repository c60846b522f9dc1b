// What the extension promises for untrusted workspaces, checked against what it does: the language
// server reads the workspace and never writes to it (edits of rename and formatting are proposals
// the editor applies), and no code of the project evaluates text or builds a shell command line:
// no eval, no new Function, no exec/execSync, no `shell: true`; processes start with execFile or
// spawn and an array of arguments.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { InitializeParams } from 'vscode-languageserver-protocol/node';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';

/** Every source file of ours: server, client, webview, scripts, e2e driver, bin. */
function sources(): string[] {
    const roots = ['server/src', 'client/src', 'client/webview', 'scripts', 'e2e', 'bin'];
    const skip = new Set(['generated', 'node_modules', '.tools', 'screenshots']);
    const out: string[] = [];
    const visit = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (skip.has(entry.name)) continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) visit(full);
            else if (/\.(?:ts|mts|cts|js|mjs|cjs)$/u.test(entry.name)) out.push(full);
        }
    };
    for (const root of roots) {
        const full = path.join(REPO, root);
        try { if (statSync(full).isDirectory()) visit(full); } catch { /* a root that does not exist yet */ }
    }
    return out;
}

/** Code without comments and string contents, so prose that names `eval` does not count. */
function code(text: string): string {
    return text
        .replace(/\/\*[\s\S]*?\*\//gu, '')
        .replace(/(^|[^:\\])\/\/.*$/gmu, '$1')
        .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/gu, '""');
}

describe('no code built from text', () => {
    const files = sources();

    it('finds the sources', () => {
        expect(files.some(f => f.endsWith(path.join('server', 'src', 'main.ts')))).toBe(true);
        expect(files.some(f => f.endsWith(path.join('client', 'src', 'extension.ts')))).toBe(true);
        expect(files.length).toBeGreaterThan(40);
    });

    const forbidden: Array<[string, RegExp]> = [
        ['eval', /(?<![\w.])eval\s*\(/u],
        ['new Function', /\bnew\s+Function\s*\(/u],
        ['Function constructor call', /(?<![\w.])Function\s*\(\s*["'`]/u],
        ['child_process exec/execSync (a shell command line)', /(?<![\w.])(?:exec|execSync)\s*\(/u],
        ['shell: true', /\bshell\s*:\s*true\b/u],
        ['vm module', /\bfrom\s+["']node:vm["']|require\(\s*["']vm["']\s*\)/u]
    ];
    for (const [label, pattern] of forbidden) {
        it(`has no ${label}`, () => {
            const hits = files.filter(f => pattern.test(code(readFileSync(f, 'utf-8')))).map(f => path.relative(REPO, f));
            expect(hits).toEqual([]);
        });
    }

    it('starts processes with execFile/spawn and an array of arguments only', () => {
        const calls: string[] = [];
        for (const f of files) {
            const text = code(readFileSync(f, 'utf-8'));
            for (const m of text.matchAll(/(?<![\w.])(?:spawn|spawnSync|execFile|execFileSync|fork)\s*\(([^,)]*),\s*([^\s,)]+)/gu)) {
                // The second argument is an array literal or a variable holding one.
                if (!/^\[|^args$|^\.\.\.|^[a-z]\w*Args$/iu.test(m[2])) calls.push(`${path.relative(REPO, f)}: ${m[0]}`);
            }
        }
        expect(calls).toEqual([]);
    });
});

describe('the language server never writes to the workspace', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'estructura-solo-lectura-'));
    const folder = path.join(root, 'ejemplos');
    cpSync(path.join(EXAMPLES, 'ejemplos'), folder, { recursive: true });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    function snapshot(): Record<string, string> {
        const out: Record<string, string> = {};
        for (const entry of readdirSync(root, { recursive: true, encoding: 'utf-8' })) {
            const full = path.join(root, entry);
            const stat = statSync(full);
            out[entry] = stat.isDirectory() ? 'dir' : `${stat.mtimeMs} ${readFileSync(full, 'utf-8')}`;
        }
        return out;
    }

    it('after opening, editing, formatting and renaming, every file is as it was', async () => {
        const before = snapshot();
        const client = LspTestClient.start(path.join(REPO, 'out/server.cjs'), root);
        try {
            const folderUri = pathToFileURL(folder).href;
            const params: InitializeParams = { processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'ejemplos' }], capabilities: {} };
            await client.request('initialize', params, 20_000);
            await client.notify('initialized', {});
            const file = path.join(folder, 'con-errores.estructura');
            const uri = pathToFileURL(file).href;
            const text = readFileSync(file, 'utf-8');
            await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'estructura', version: 1, text } });
            await client.waitForDiagnostics(uri, ds => ds.length > 0, 30_000);
            await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('DPRUEBA', 'DPRUEBA2') }] });
            await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
            const line = text.split('\n').findIndex(l => l.includes('unidad CICLO_A'));
            const edit = await client.request<object | null>('textDocument/rename', { textDocument: { uri }, position: { line, character: 8 }, newName: 'CICLO_X' });
            expect(edit).toBeTruthy();
            await client.notify('textDocument/didSave', { textDocument: { uri } });
            await client.notify('textDocument/didClose', { textDocument: { uri } });
            await client.request('textDocument/documentSymbol', { textDocument: { uri } }).catch(() => undefined);
            expect(await client.shutdown()).toBe(0);
        } finally {
            client.dispose();
        }
        expect(snapshot()).toEqual(before);
    }, 60_000);
});
