// Hostile documents through the same language services as test/fuzz-parse.test.ts: NUL, BOM, CRLF,
// lone CR, lone surrogates, 10,000-character texts, lines and identifiers, nesting just under and
// far past the nesting guard, adscription chains and cycles, a 10 MB file; and the regression
// tests of what the fuzzers found. Each within its stated bound; the next edit is served as usual.
// (A file of its own so that vitest runs it beside the mutation fuzzing.)
import { describe, expect, it } from 'vitest';
import { CancellationToken } from 'vscode-languageserver';
import { buildWorkspace, exampleFiles } from './helpers/workspace.js';
import { Rng, adscriptionChain, deeplyNested } from './helpers/fuzz.js';
import { exercise } from './helpers/exercise.js';
import { MAX_NESTING, tooDeepAt } from '../server/src/language/nesting.js';

/** Bound for a hostile document of ordinary size (update + every feature). */
const BOUND_MS = 5_000;

describe('hostile inputs', () => {
    const files = exampleFiles();
    const PART = 'manuales/imss-doe-2022/imss-doe-2022.7.1.6-ca.estructura';
    const source = files[PART];
    const longText = `Coordinar ${'la atención de los asuntos '.repeat(400)}del Instituto.`;

    const cases: Array<[string, () => string, number]> = [
        ['a NUL character in a function text', () => source.replace('"Coordinar', '"Coord\u0000inar'), BOUND_MS],
        ['a NUL character between tokens', () => source.replace('funciones {', 'funciones \u0000{'), BOUND_MS],
        ['a byte order mark at the start', () => `\ufeff${source}`, BOUND_MS],
        ['a byte order mark in the middle', () => source.replace('funciones {', '\ufefffunciones {'), BOUND_MS],
        ['CRLF line ends', () => source.replace(/\n/g, '\r\n'), BOUND_MS],
        ['lone CR line ends', () => source.replace(/\n/g, '\r'), BOUND_MS],
        ['a lone surrogate in a text', () => source.replace('"Coordinar', '"Coord\ud800inar'), BOUND_MS],
        ['a 10,000-character function text on one line', () => source.replace(/funciones \{/, `funciones {\n        1. "${longText}"`), BOUND_MS],
        ['a 10,000-character line of braces', () => `${source}\n${'{'.repeat(10_000)}\n`, 10_000],
        ['a 10,000-character identifier', () => source.replace(/unidad (\w+)/, `unidad ${'X'.repeat(10_000)}`), BOUND_MS],
        ['an unterminated string at the start', () => `"${source}`, BOUND_MS],
        ['units nested 190 deep (just under the nesting guard)', () => deeplyNested(190), 20_000],
        ['units nested 1,000 deep', () => deeplyNested(1_000), 20_000],
        ['1,000 unclosed units', () => deeplyNested(1_000).replace(/\}\n/g, ''), 20_000],
        ['an adscription chain of 500 units', () => adscriptionChain(500), 20_000],
        ['an adscription cycle of 500 units', () => adscriptionChain(500, true), 20_000]
    ];

    for (const [label, make, bound] of cases) {
        it(`survives ${label} (within ${bound / 1000} s)`, async () => {
            const ws = await buildWorkspace({ [PART]: source });
            const text = make();
            const started = performance.now();
            await ws.update(PART, text);
            const broken = await exercise(ws.services, ws.docs[PART], new Rng(1), 5);
            const ms = performance.now() - started;
            console.log(`[fuzz] ${label}: ${ms.toFixed(0)} ms`);
            expect(broken).toBeUndefined();
            expect(ms).toBeLessThan(bound);
            // The next edit is served as usual (alone, the part's references to its manual do not resolve).
            await ws.update(PART, source);
            expect(ws.docs[PART].diagnostics!.filter(d => d.code === 'estructura-sintaxis')).toEqual([]);
        }, 60_000);
    }

    it('survives a unit whose former name lost its string (the mention dictionary read an undefined name)', async () => {
        // Regression: error recovery builds `anterior` without `nombre`; NameDictionary.add folded undefined.
        const text = 'manual M "Manual" {\n    institucion IMSS\n}\n\nunidad A "Dirección de Prueba" {\n    anterior hasta 2020-01-01\n    funciones { 1. "Coordinar la Dirección de Prueba." }\n}\n';
        const ws = await buildWorkspace({});
        await ws.update('a.estructura', text);
        const doc = ws.docs['a.estructura'];
        const unit = doc.parseResult.value.elementos.find(e => e.$type === 'Unidad') as { anteriores: Array<{ nombre?: string }> } | undefined;
        expect(unit?.anteriores.length).toBe(1);
        expect(unit?.anteriores[0].nombre).toBeUndefined();
        expect(doc.diagnostics!.some(d => d.code === 'estructura-sintaxis')).toBe(true);
        expect(await exercise(ws.services, doc, new Rng(5), 10)).toBeUndefined();
    });

    it('reports nesting beyond the guard as one syntax error at the offending brace, and parses what comes before', async () => {
        // Regression: 1,000 nested units overflowed the parser's stack (RangeError out of the build).
        const ws = await buildWorkspace({});
        const text = deeplyNested(1_000);
        await ws.update('profundo.estructura', text);
        const doc = ws.docs['profundo.estructura'];
        const syntax = doc.diagnostics!.filter(d => d.code === 'estructura-sintaxis');
        expect(syntax).toHaveLength(1);
        expect(syntax[0].message).toContain(`se anidan a más de ${MAX_NESTING} niveles`);
        const at = doc.textDocument.offsetAt(syntax[0].range.start);
        expect(text[at]).toBe('{');
        expect(at).toBe(tooDeepAt(text));
        // The units before the guard are there: the outline shows the first levels.
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(doc, { textDocument: { uri: doc.uri.toString() } }, CancellationToken.None);
        expect(JSON.stringify(symbols)).toContain('Unidad 1');
        // Braces inside strings and comments do not count.
        expect(tooDeepAt(`"${'{'.repeat(500)}" // ${'{'.repeat(500)}\n/* ${'{'.repeat(500)} */`)).toBeUndefined();
        expect(tooDeepAt('{'.repeat(MAX_NESTING))).toBeUndefined();
        expect(tooDeepAt('{'.repeat(MAX_NESTING + 1))).toBe(MAX_NESTING);
    });

    it('survives a 10 MB file (every example concatenated until 10 MB) within 60 s', async () => {
        const all = Object.values(files).join('\n');
        let big = '';
        while (big.length < 10_000_000) big += `${all}\n`;
        const ws = await buildWorkspace({});
        const started = performance.now();
        await ws.update('grande.estructura', big);
        const doc = ws.docs['grande.estructura'];
        // Its thousands of quick fixes are computed; none is applied (each would parse 10 MB again).
        const broken = await exercise(ws.services, doc, new Rng(3), 2, { applyFixes: 0 });
        const ms = performance.now() - started;
        console.log(`[fuzz] 10 MB file (${(big.length / 1e6).toFixed(1)} M chars): ${ms.toFixed(0)} ms, ${doc.diagnostics?.length} diagnostics`);
        expect(broken).toBeUndefined();
        expect(ms).toBeLessThan(60_000);
    }, 120_000);
});
