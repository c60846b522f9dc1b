// The client's «Ver la regla» command (client/src/ver-regla.ts), run against a stand-in of the
// `vscode` module: the link of each diagnostic's code (command:estructura.verRegla?["<code>"])
// opens VS Code's Markdown preview of the installed docs/reglas.md at the rule's heading, and
// the source at that heading when the Markdown extension is not there. The real editor is e2e/'s.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Uri } from 'vscode';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REPO } from './helpers/examples.js';

interface FakeUri { scheme: string; path: string; fragment: string; with(change: { fragment?: string }): FakeUri; toString(): string }

function fakeUri(p: string, fragment = ''): FakeUri {
    return {
        scheme: 'file', path: p, fragment,
        with: change => fakeUri(p, change.fragment ?? fragment),
        toString: () => `${pathToFileURL(p).href}${fragment ? `#${fragment}` : ''}`
    };
}

const calls: Array<{ command: string; args: unknown[] }> = [];
const shown: Array<{ path: string; line: number }> = [];
let markdownAvailable = true;

vi.mock('vscode', () => ({
    Uri: { joinPath: (base: FakeUri, ...parts: string[]) => fakeUri(path.join(base.path, ...parts)) },
    Range: class { constructor(readonly startLine: number, readonly startCharacter: number, readonly endLine: number, readonly endCharacter: number) {} },
    commands: {
        executeCommand: async (command: string, ...args: unknown[]) => {
            calls.push({ command, args });
            if (!markdownAvailable) throw new Error(`command '${command}' not found`);
        }
    },
    workspace: {
        openTextDocument: async (uri: FakeUri) => ({ uri, getText: () => readFileSync(uri.path, 'utf-8') })
    },
    window: {
        showTextDocument: async (document: { uri: FakeUri }, options: { selection: { startLine: number } }) => {
            shown.push({ path: document.uri.path, line: options.selection.startLine });
        }
    }
}));

const { verRegla } = await import('../client/src/ver-regla.js');
const extension = fakeUri(REPO) as unknown as Uri;

describe('estructura.verRegla', () => {
    beforeEach(() => { calls.length = 0; shown.length = 0; markdownAvailable = true; });

    it('opens the Markdown preview of the extension\'s docs/reglas.md at the rule\'s heading', async () => {
        await verRegla(extension, 'norma-7.2.1.15-sede');
        expect(calls).toHaveLength(1);
        expect(calls[0].command).toBe('markdown.showPreviewToSide');
        const target = calls[0].args[0] as FakeUri;
        expect(target.path).toBe(path.join(REPO, 'docs/reglas.md'));
        // The id VS Code's preview gives `### norma-7.2.1.15-sede` (its slugifier drops the dots).
        expect(target.fragment).toBe('norma-72115-sede');
        expect(shown).toEqual([]);
    });

    it('without an argument (the command palette) opens the whole catalog', async () => {
        await verRegla(extension, undefined);
        expect((calls[0].args[0] as FakeUri).fragment).toBe('');
    });

    it('without the Markdown extension, opens the source at the rule\'s heading', async () => {
        markdownAvailable = false;
        await verRegla(extension, 'funcion-duplicada-entre-unidades');
        const lines = readFileSync(path.join(REPO, 'docs/reglas.md'), 'utf-8').split('\n');
        expect(shown).toEqual([{ path: path.join(REPO, 'docs/reglas.md'), line: lines.indexOf('### funcion-duplicada-entre-unidades') }]);
        expect(shown[0].line).toBeGreaterThan(0);
    });
});
