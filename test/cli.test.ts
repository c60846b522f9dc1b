// The `estructura` command line as a user runs it: `node bin/estructura.cjs …` from the repository root.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleFileNames, exampleFileNamesUnder, REPO, deliberateErrors, repoLineOf as lineOf } from './helpers/examples.js';

const BIN = path.join(REPO, 'bin/estructura.cjs');
const ERRORS = 'examples/ejemplos/con-errores.estructura';
/** The imported institutional manual, which defines DG. */
const INSTITUTIONAL = 'examples/manuales/imss-2018/imss-2018.estructura';
/** The imported DOE manual, in several files: the manual file's DOE is `adscrita a DG`. */
const DOE_FOLDER = 'examples/manuales/imss-doe-2022/';
const DOE = 'examples/manuales/imss-doe-2022/imss-doe-2022.estructura';

/** `archivo:línea:columna severidad código mensaje` */
const DIAGNOSTIC_LINE = /^(?<file>[^\s:][^:]*):(?<line>\d+):(?<column>\d+) (?<severity>error|advertencia|informativo|sugerencia) (?<code>[a-z][a-z0-9.-]*) (?<message>.+)$/;
const SUMMARY_LINE = /^(\d+) archivos revisados: (\d+) errores, (\d+) advertencias, (\d+) informativos, (\d+) sugerencias\.$/;
/** A row of the per-rule table: `  código: N`. */
const RULE_ROW = /^ {2}(?<code>[a-z][a-z0-9.-]*): (?<count>\d+)$/;
const STACK_TRACE = /\n\s+at .+\(?.*:\d+:\d+\)?/;

interface Run { status: number | null; stdout: string; stderr: string }

function estructura(...args: string[]): Run {
    // examples/ holds whole imported manuals: give a full check time on a slow machine.
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf-8', timeout: 45_000 });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
    diagnostics: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }>;
    summary: { files: number; errors: number; warnings: number; infos: number; hints: number; hidden: number; porRegla: Record<string, number> };
}

interface TextReport {
    diagnostics: Array<Record<string, string>>;
    /** The per-rule table, in its order. */
    rules: Array<[code: string, count: number]>;
    summary: string;
}

/**
 * The piped text output: diagnostic lines, then (if any) «Por regla:» with a `  código: N` row per
 * rule, then the summary line. Fails on any other line.
 */
function parseText(stdout: string): TextReport {
    const lines = stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    const table = lines.indexOf('Por regla:');
    const diagnosticLines = table === -1 ? lines : lines.slice(0, table);
    const rows = table === -1 ? [] : lines.slice(table + 1);
    for (const line of diagnosticLines) expect(line).toMatch(DIAGNOSTIC_LINE);
    for (const row of rows) expect(row).toMatch(RULE_ROW);
    return {
        diagnostics: diagnosticLines.map(l => l.match(DIAGNOSTIC_LINE)!.groups!),
        rules: rows.map(r => { const g = r.match(RULE_ROW)!.groups!; return [g.code, Number(g.count)]; }),
        summary
    };
}

function parseJson(run: Run): JsonReport {
    let report: JsonReport;
    try {
        report = JSON.parse(run.stdout) as JsonReport;
    } catch (error) {
        throw new Error(`stdout is not JSON (${(error as Error).message}):\n${run.stdout}`);
    }
    return report;
}

const errorKey = (d: { [key: string]: string | number }) => `${d.file}:${d.code}@${d.line}`;

beforeAll(() => {
    if (!existsSync(path.join(REPO, 'out/cli.cjs'))) {
        throw new Error('out/cli.cjs does not exist: run `npm run build` first (`npm test` does it).');
    }
});

describe('estructura revisar (text output)', () => {
    it('lists every diagnostic of examples/ as archivo:línea:columna severidad código mensaje, with a summary, and exits 1', () => {
        const run = estructura('revisar', 'examples/');
        expect(run.status, run.stderr).toBe(1);
        expect(run.stderr).toBe('');
        const { diagnostics, rules, summary } = parseText(run.stdout);

        const errors = diagnostics.filter(d => d.severity === 'error');
        expect(errors.map(errorKey).sort()).toEqual(deliberateErrors());

        const reference = errors.find(d => d.code === 'estructura-referencia')!;
        expect(reference.message).toContain('«DIRECCION_INEXISTENTE»');
        const referenceLine = readFileSync(path.join(REPO, ERRORS), 'utf-8').split('\n')[Number(reference.line) - 1];
        expect(Number(reference.column)).toBe(referenceLine.indexOf('DIRECCION_INEXISTENTE') + 1);

        const counts = summary.match(SUMMARY_LINE);
        expect(counts, `summary line: ${summary}`).toBeTruthy();
        expect(Number(counts![1])).toBe(exampleFileNames().length);
        expect(Number(counts![2])).toBe(errors.length);
        expect(Number(counts![3])).toBe(diagnostics.filter(d => d.severity === 'advertencia').length);
        expect(Number(counts![4])).toBe(diagnostics.filter(d => d.severity === 'informativo').length);
        expect(Number(counts![5])).toBe(diagnostics.filter(d => d.severity === 'sugerencia').length);

        // The per-rule table counts every line shown, most frequent rule first.
        const byCode = new Map<string, number>();
        for (const d of diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
        expect(new Map(rules)).toEqual(byCode);
        expect(rules.map(([, n]) => n)).toEqual([...rules.map(([, n]) => n)].sort((a, b) => b - a));
    });

    it('resolves a reference into another manual given on the command line, and exits 0', () => {
        const run = estructura('revisar', INSTITUTIONAL, DOE_FOLDER);
        expect(run.stdout).not.toMatch(/ error /);
        const files = 1 + exampleFileNamesUnder('manuales/imss-doe-2022').length;
        expect(run.stdout).toMatch(new RegExp(`^${files} archivos revisados: 0 errores, `, 'm'));
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
    });

    it('reports the reference into another manual as unresolved when that manual is not given', () => {
        const run = estructura('revisar', DOE_FOLDER);
        expect(run.status, run.stderr).toBe(1);
        const errors = parseText(run.stdout).diagnostics.filter(d => d.severity === 'error');
        // `adscrita a DG`, and the change records that name the Dirección Jurídica and the Dirección
        // de Planeación Estratégica Institucional (as unit, and as former or new adscription): all
        // units of the institutional manual.
        const at = (needle: string, id: string) => {
            const line = lineOf(DOE, needle);
            const column = readFileSync(path.join(REPO, DOE), 'utf-8').split('\n')[line - 1].indexOf(needle) + needle.length - id.length + 1;
            return `${DOE}:${line}:${column} estructura-referencia «${id}»`;
        };
        expect(errors.map(d => `${d!.file}:${d!.line}:${d!.column} ${d!.code} ${/«[^»]+»/u.exec(d!.message)![0]}`))
            .toEqual([
                at('adscrita a DG', 'DG'), at('adscripción nueva DJ', 'DJ'), at('unidades DPEI', 'DPEI'), at('adscripción nueva DPEI', 'DPEI'),
                at('adscripción anterior DJ', 'DJ'), at('adscripción anterior DPEI', 'DPEI')
            ]);
    });
});

describe('estructura revisar --formato json', () => {
    function checkReport(run: Run): JsonReport {
        expect(run.status, run.stderr).toBe(1);
        const report = parseJson(run);
        expect(Object.keys(report).sort()).toEqual(['diagnostics', 'summary']);
        for (const d of report.diagnostics) {
            expect(Object.keys(d).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
            expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
            expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
            expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
            expect(['error', 'advertencia', 'informativo', 'sugerencia']).toContain(d.severity);
        }
        const errors = report.diagnostics.filter(d => d.severity === 'error');
        expect(report.summary.errors).toBe(errors.length);
        expect(report.summary.warnings).toBe(report.diagnostics.filter(d => d.severity === 'advertencia').length);
        expect(report.summary.infos).toBe(report.diagnostics.filter(d => d.severity === 'informativo').length);
        expect(report.summary.hints).toBe(report.diagnostics.filter(d => d.severity === 'sugerencia').length);
        expect(report.summary.hidden).toBe(0);
        expect(Object.values(report.summary.porRegla).reduce((a, b) => a + b, 0)).toBe(report.diagnostics.length);
        expect(errors.map(errorKey).sort()).toEqual(deliberateErrors());
        // 1-based like the text output: the unresolved id starts where the file has it.
        const reference = errors.find(d => d.code === 'estructura-referencia')!;
        const referenceLine = readFileSync(path.join(REPO, ERRORS), 'utf-8').split('\n')[reference.line - 1];
        expect(reference.column).toBe(referenceLine.indexOf('DIRECCION_INEXISTENTE') + 1);
        return report;
    }

    it('prints {diagnostics, summary} with 1-based positions', () => {
        checkReport(estructura('revisar', 'examples/', '--formato', 'json'));
    });

    it('accepts the English alias `check` and `--format json`, with the same result', () => {
        const spanish = checkReport(estructura('revisar', 'examples/', '--formato', 'json'));
        const english = checkReport(estructura('check', 'examples/', '--format', 'json'));
        expect(english).toEqual(spanish);
        expect(checkReport(estructura('revisar', '--formato=json', 'examples/'))).toEqual(spanish);
    });
});

describe('bad usage and unreadable inputs', () => {
    it.each([
        ['no command at all', []],
        ['revisar without paths', ['revisar']],
        ['an unknown option', ['revisar', '--rapido', 'examples/']],
        ['an unknown format', ['revisar', 'examples/', '--formato', 'xml']],
        ['an unknown command', ['compilar', 'examples/']]
    ])('exits 2 with a message on stderr for %s', (_what, args) => {
        const run = estructura(...args);
        expect(run.status).toBe(2);
        expect(run.stderr.trim(), `stdout was: ${run.stdout}`).not.toBe('');
        expect(run.stderr).not.toMatch(STACK_TRACE);
    });

    it('names the offending option and command', () => {
        expect(estructura('revisar', '--rapido', 'examples/').stderr).toContain('--rapido');
        expect(estructura('compilar', 'examples/').stderr).toContain('compilar');
    });

    it('reports a nonexistent path and a non-.estructura file, checks the rest, and exits 2', () => {
        const missing = 'examples/no-existe.estructura';
        const run = estructura('revisar', missing, 'package.json', ERRORS, INSTITUTIONAL);
        expect(run.status).toBe(2);
        const stderrLines = run.stderr.trimEnd().split('\n');
        expect(stderrLines.some(l => l.includes(missing))).toBe(true);
        expect(stderrLines.some(l => l.includes('package.json'))).toBe(true);
        expect(run.stderr).not.toMatch(STACK_TRACE);
        // The readable inputs were still checked (with each other: `adscrita a DG` resolves into
        // the institutional manual).
        const { diagnostics, summary } = parseText(run.stdout);
        expect(summary).toMatch(/^2 archivos revisados: 7 errores, /);
        const errors = diagnostics.filter(d => d?.severity === 'error');
        expect(errors.map(d => errorKey({ ...d!, file: ERRORS })).sort()).toEqual(deliberateErrors().filter(e => e.startsWith(`${ERRORS}:`)));
    });

    it('reports unreadable inputs on stderr in JSON mode too, keeping stdout valid JSON', () => {
        const run = estructura('check', 'nada.estructura', DOE_FOLDER, INSTITUTIONAL, '--format', 'json');
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('nada.estructura');
        const report = parseJson(run);
        expect(report.summary.errors).toBe(0);
    });
});

describe('a half-typed file', () => {
    let dir: string;
    beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'estructura-cli-')); });
    afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

    it('gets estructura-sintaxis diagnostics naming the file and line, without a crash', () => {
        const file = path.join(dir, 'a-medias.estructura');
        writeFileSync(file, 'unidad X "Sin cerrar" {\n tipo Dirección\n funciones {\n 1. "Coordinar');
        const run = estructura('revisar', file);
        expect(run.status, run.stderr).toBe(1);
        expect(run.stderr).toBe('');
        expect(run.stderr).not.toMatch(STACK_TRACE);
        const { diagnostics } = parseText(run.stdout);
        const syntax = diagnostics.filter(d => d.code === 'estructura-sintaxis');
        expect(syntax.length).toBeGreaterThan(0);
        for (const d of syntax) {
            expect(path.resolve(REPO, d.file)).toBe(file);
            expect(d.severity).toBe('error');
        }
        // The unterminated text is on line 4.
        expect(syntax.map(d => Number(d.line))).toContain(4);
        expect(run.stdout).toMatch(/^1 archivo revisado: (1 error|(?:[2-9]|[1-9]\d+) errores), /m);
    });

    it('is reported in JSON with the same file and line', () => {
        const file = path.join(dir, 'a-medias.estructura');
        writeFileSync(file, 'unidad X "Sin cerrar" {\n tipo Dirección\n funciones {\n 1. "Coordinar');
        const run = estructura('revisar', file, '--formato', 'json');
        expect(run.status, run.stderr).toBe(1);
        const report = parseJson(run);
        const syntax = report.diagnostics.filter(d => d.code === 'estructura-sintaxis');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax.every(d => path.resolve(REPO, d.file) === file && d.line === 4)).toBe(true);
        expect(report.summary.errors).toBe(report.diagnostics.filter(d => d.severity === 'error').length);
    });
});
