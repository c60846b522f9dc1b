// Importer robustness: corrupted versions of the five real manuals (pages shuffled, lines cut,
// headers duplicated, lines dropped, the file truncated, latin1 mojibake, invalid UTF-8 bytes,
// Windows-1252 bytes, CRLF, a NUL byte) never crash and never hang. A text that can be read gives
// a report that accounts for every input line (kept + dropped + unrecognized = lines of the input);
// one that cannot (not UTF-8, binary, no unit headers) is refused with an ImportError naming the
// file, which the CLI turns into exit code 1. The CLI writes only where it is told, and replaces
// nothing without --sobrescribir.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importManual, type ImportResult } from '../server/src/importer/index.js';
import { ImportError } from '../server/src/importer/source.js';
import { REPO, FUENTES } from './helpers/examples.js';
import { Rng } from './helpers/fuzz.js';

const MANUALS = path.join(FUENTES, 'manuales');
const SOURCES = [
    'imss-manual-organizacion-2018.txt',
    'imss-manual-direccion-operacion-evaluacion-2022.txt',
    'imss-norma-estructuras-extracto-y-manual-sg.md',
    'issste-manual-organizacion-general-2018.txt',
    'sener-manual-organizacion-general-dof-2026-extracto.txt'
];
/** One import of a corrupted manual (the ISSSTE manual takes about 0.7 s), on a loaded 2-core CI machine. */
const BOUND_MS = 20_000;

const utf8 = (text: string) => new TextEncoder().encode(text);
const lines = (text: string) => text.split('\n');

/** Lines of the input as the importer must count them: every line break, a final newline ending the last line. */
function inputLines(bytes: Uint8Array): number {
    let text = new TextDecoder('utf-8').decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const parts = text.split(/\r\n|\r|\n/u);
    return parts.length > 1 && parts.at(-1) === '' ? parts.length - 1 : parts.length;
}

type Corruption = (text: string, rng: Rng) => Uint8Array;

/** Latin-1 reading of UTF-8 bytes, written back as UTF-8: «Dirección» → «DirecciÃ³n». */
function mojibake(text: string): string {
    return Array.from(utf8(text), b => String.fromCharCode(b)).join('');
}

function shuffle<T>(items: T[], rng: Rng): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
}

const CORRUPTIONS: Record<string, Corruption> = {
    // Pages of about 50 lines in random order (a bad PDF extraction or merge).
    'pages shuffled': (text, rng) => {
        const all = lines(text);
        const pages: string[][] = [];
        for (let i = 0; i < all.length; i += 50) pages.push(all.slice(i, i + 50));
        return utf8(shuffle(pages, rng).flat().join('\n'));
    },
    // One line in 20 cut in two at a random place.
    'lines cut in two': (text, rng) => utf8(lines(text).flatMap(l => (l.length > 4 && rng.int(20) === 0 ? [l.slice(0, rng.int(l.length)), l.slice(rng.int(l.length))] : [l])).join('\n')),
    // One line in 20 truncated.
    'lines truncated': (text, rng) => utf8(lines(text).map(l => (rng.int(20) === 0 ? l.slice(0, rng.int(l.length + 1)) : l)).join('\n')),
    // Every heading-like line (a number or an all-capital line) written twice, some three times.
    'headers duplicated': (text, rng) => utf8(lines(text).flatMap(l => (/^\s*(?:\d+(?:\.\d+)*\.?\s+\S|[A-ZÁÉÍÓÚÑ ]{8,}$)/u.test(l) ? Array(2 + rng.int(2)).fill(l) : [l])).join('\n')),
    // One line in 10 dropped.
    'lines dropped': (text, rng) => utf8(lines(text).filter(() => rng.int(10) !== 0).join('\n')),
    // The file cut at a random place (inside a character's bytes too).
    'truncated': (text, rng) => { const bytes = utf8(text); return bytes.subarray(0, Math.max(1, rng.int(bytes.length))); },
    // The whole file as latin1 mojibake (still valid UTF-8).
    'latin1 mojibake (whole file)': text => utf8(mojibake(text)),
    // One line in 5 as mojibake.
    'latin1 mojibake (some lines)': (text, rng) => utf8(lines(text).map(l => (rng.int(5) === 0 ? mojibake(l) : l)).join('\n')),
    // CRLF line ends and a byte order mark.
    'CRLF and BOM': text => utf8(`\ufeff${text.replace(/\n/g, '\r\n')}`),
    // Random lines of punctuation and symbols, as an OCR might produce.
    'noise lines': (text, rng) => utf8(lines(text).flatMap(l => (rng.int(15) === 0 ? [l, Array.from({ length: rng.int(80) }, () => '.,;:«»()[]{}*#|-–—•·0123456789'[rng.int(31)]).join('')] : [l])).join('\n'))
};

/** Corruptions that make the bytes unreadable as UTF-8 text: refused, never imported. */
const UNREADABLE: Record<string, Corruption> = {
    'invalid UTF-8 bytes': (text, rng) => {
        const bytes = Array.from(utf8(text));
        for (let k = 0; k < 20; k++) bytes.splice(rng.int(bytes.length), 0, 0xff);
        return Uint8Array.from(bytes);
    },
    'Windows-1252 (latin1) bytes': text => Uint8Array.from(Array.from(text, c => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63))),
    'NUL bytes (binary)': (text, rng) => {
        const bytes = Array.from(utf8(text));
        for (let k = 0; k < 2000; k++) bytes.splice(rng.int(bytes.length), 0, 0);
        return Uint8Array.from(bytes);
    }
};

function assertAccounts(result: ImportResult, bytes: Uint8Array, label: string): void {
    const l = result.report.lineas;
    expect(l.total, `${label}: lines counted`).toBe(inputLines(bytes));
    expect(l.conservadas + l.descartadas.length + l.sinReconocer.length, `${label}: kept + dropped + unrecognized = total`).toBe(l.total);
    // Each line has exactly one fate.
    const seen = new Set([...l.descartadas.map(d => d.linea), ...l.sinReconocer]);
    expect(seen.size, `${label}: a line both dropped and unrecognized`).toBe(l.descartadas.length + l.sinReconocer.length);
    expect(result.files.length).toBeGreaterThan(0);
}

describe('importing corrupted manuals', () => {
    const stats = { imports: 0, refused: 0, maxMs: 0 };

    for (const source of SOURCES) {
        const text = readFileSync(path.join(MANUALS, source), 'utf-8');
        it(`${source}: every corruption gives a report that accounts for every line, or a clear refusal`, () => {
            const rng = new Rng(source.length * 7919);
            // The ISSSTE manual (1.7 MB) takes every other corruption in the default run, all with FUZZ_ITERATIONS.
            const corruptions = Object.entries(CORRUPTIONS).filter((_, i) => !source.startsWith('issste') || process.env.FUZZ_ITERATIONS || i % 2 === 0);
            for (const [label, corrupt] of corruptions) {
                const bytes = corrupt(text, rng);
                const started = performance.now();
                let result: ImportResult | undefined;
                try {
                    result = importManual(bytes, source);
                } catch (error) {
                    // Only a controlled refusal (no unit headers left, nothing but blanks) is acceptable.
                    if (!(error instanceof ImportError)) throw new Error(`${source} (${label}): ${(error as Error).stack}`);
                    expect((error as Error).message, `${label}`).toContain(source);
                    stats.refused++;
                }
                const ms = performance.now() - started;
                stats.imports++;
                stats.maxMs = Math.max(stats.maxMs, ms);
                expect(ms, `${source} (${label}) took ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
                if (result) assertAccounts(result, bytes, `${source} (${label})`);
                // Shuffling, cutting and duplicating keep most unit headers: those still import.
                if (!/truncated|dropped/u.test(label)) expect(result, `${source} (${label}) was refused`).toBeDefined();
            }
            for (const [label, corrupt] of Object.entries(UNREADABLE)) {
                const bytes = corrupt(text, rng);
                const started = performance.now();
                expect(() => importManual(bytes, source), `${source} (${label})`).toThrow(ImportError);
                expect(performance.now() - started).toBeLessThan(BOUND_MS);
                stats.imports++;
                stats.refused++;
            }
        }, 120_000);
    }

    it('refuses empty and blank inputs by name', () => {
        for (const bytes of [new Uint8Array(), utf8('\n\n  \n'), utf8('\ufeff'), Uint8Array.from([0xff, 0xfe, 0x41, 0x00])]) {
            expect(() => importManual(bytes, 'vacio.txt')).toThrow(/vacio\.txt/u);
        }
    });

    afterAll(() => console.log(`[importer] ${stats.imports} corrupted imports, ${stats.refused} refused with ImportError, slowest ${stats.maxMs.toFixed(0)} ms`));
});

describe('estructura importar writes only where it is told', () => {
    const CLI = path.join(REPO, 'bin/estructura.cjs');
    const root = mkdtempSync(path.join(tmpdir(), 'estructura-importar-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    function tree(dir: string): string[] {
        return readdirSync(dir, { recursive: true, encoding: 'utf-8' }).map(p => p.split(path.sep).join('/')).sort();
    }

    it('creates the output folder and the report, nothing else; refuses to replace either without --sobrescribir', () => {
        const cwd = path.join(root, 'cwd');
        mkdirSync(cwd);
        const source = path.join(MANUALS, 'imss-norma-estructuras-extracto-y-manual-sg.md');
        const args = ['importar', source, '--salida', path.join(root, 'salida'), '--reporte', path.join(root, 'informes', 'r.json'), '--espacio', path.join(root, 'espacio-vacio')];
        mkdirSync(path.join(root, 'espacio-vacio'));
        execFileSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf-8' });
        expect(tree(root)).toEqual(['cwd', 'espacio-vacio', 'informes', 'informes/r.json', 'salida', ...tree(path.join(root, 'salida')).map(f => `salida/${f}`)]);
        expect(tree(path.join(root, 'salida')).length).toBeGreaterThan(0);

        // Again, without --sobrescribir: exit 2, and the files (the report too) are untouched.
        const written = tree(path.join(root, 'salida')).map(f => path.join(root, 'salida', f));
        const before = [...written, path.join(root, 'informes', 'r.json')].map(f => [f, statSync(f).mtimeMs, readFileSync(f, 'utf-8')]);
        writeFileSync(path.join(root, 'informes', 'r.json'), '{"propio": true}\n');
        const again = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf-8' });
        expect(again.status).toBe(2);
        expect(again.stderr).toMatch(/use --sobrescribir/u);
        for (const [f, , content] of before.slice(0, -1)) expect(readFileSync(f as string, 'utf-8')).toBe(content);
        expect(readFileSync(path.join(root, 'informes', 'r.json'), 'utf-8')).toBe('{"propio": true}\n');

        // Only the report exists (the output folder is new): still refused, the report is someone's file.
        const other = spawnSync(process.execPath, [CLI, ...args.map(a => (a === path.join(root, 'salida') ? path.join(root, 'salida-2') : a))], { cwd, encoding: 'utf-8' });
        expect(other.status).toBe(2);
        expect(other.stderr).toMatch(/r\.json.*use --sobrescribir/u);
        expect(readFileSync(path.join(root, 'informes', 'r.json'), 'utf-8')).toBe('{"propio": true}\n');
        expect(existsSync(path.join(root, 'salida-2'))).toBe(false);

        // With --sobrescribir: replaced.
        const forced = spawnSync(process.execPath, [CLI, ...args, '--sobrescribir'], { cwd, encoding: 'utf-8' });
        expect(forced.status).toBe(0);
        expect(JSON.parse(readFileSync(path.join(root, 'informes', 'r.json'), 'utf-8')).archivo).toBe('imss-norma-estructuras-extracto-y-manual-sg.md');
        expect(tree(cwd)).toEqual([]);
    }, 60_000);
});
