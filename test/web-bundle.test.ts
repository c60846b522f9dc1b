// The web worker's server and the web extension are built for the browser: no Node built-in in
// them (esbuild's platform 'browser' refuses to resolve one; this reads what the worker bundle is
// made of, so an import that sneaks a built-in in through a shim or a `browser` field is caught),
// and their sizes are reported.
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/examples.js';
import { fromBase64, toBase64 } from '../server/src/protocol-base64.js';

const BUILTINS = new Set(builtinModules.flatMap(name => [name, `node:${name}`]));

interface Metafile {
    inputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }>;
    outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

const meta = () => JSON.parse(readFileSync(path.join(REPO, 'out/web/server.meta.json'), 'utf-8')) as Metafile;

describe('the web bundles', () => {
    it('the worker server imports no Node built-in, directly or through a dependency', () => {
        const { inputs } = meta();
        const offending = Object.entries(inputs).flatMap(([file, input]) =>
            input.imports.filter(i => BUILTINS.has(i.path) || i.external).map(i => `${file} → ${i.path}`));
        expect(offending).toEqual([]);
        // The language module is in it, whole: grammar, rules, mentions, chart layout.
        const files = Object.keys(inputs);
        for (const part of ['server/src/language/generated/grammar.ts', 'server/src/language/rules/index.ts', 'server/src/language/mentions/mention-index.ts', 'server/src/organigrama/layout.ts', 'server/src/files/client-file-access.ts']) {
            expect(files).toContain(part);
        }
        expect(files.filter(f => f.startsWith('server/src/files/node-'))).toEqual([]);
        expect(files.some(f => f.includes('exceljs'))).toBe(false);
    });

    it('neither bundle requires anything at run time but the editor API', () => {
        // A bare `require(…)` (not a member such as lodash's guarded `module.require("util")`).
        const required = (file: string) => [...new Set([...readFileSync(path.join(REPO, file), 'utf-8').matchAll(/(?<![.\w$])require\("([^"]+)"\)/g)].map(m => m[1]))];
        expect(required('out/web/server.js')).toEqual([]);
        expect(required('out/web/extension.js')).toEqual(['vscode']);
    });

    it('reports their sizes', () => {
        const sizes = ['out/web/server.js', 'out/web/extension.js', 'out/server.cjs'].map(file => [file, statSync(path.join(REPO, file)).size] as const);
        const largest = Object.entries(meta().outputs['out/web/server.js'].inputs)
            .map(([file, { bytesInOutput }]) => [file.replace(/^node_modules\/([^/]+).*/, '$1'), bytesInOutput] as const)
            .reduce((by, [part, bytes]) => by.set(part, (by.get(part) ?? 0) + bytes), new Map<string, number>());
        const top = [...largest].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([part, bytes]) => `${part} ${(bytes / 1024).toFixed(0)} KB`);
        console.log(`${sizes.map(([file, bytes]) => `${file}: ${(bytes / 1024).toFixed(0)} KB`).join(', ')}; worker by source: ${top.join(', ')}`);
        // A worker is fetched and compiled when the page or the web extension starts.
        expect(sizes[0][1]).toBeLessThan(1_200_000);
    });

    it('carries a binary file (estructura/leerBinario) whole through base64, as Node encodes it', () => {
        const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256);
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    });
});
