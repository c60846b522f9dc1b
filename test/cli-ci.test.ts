// The command line in a new user's first hour and in a CI pipeline: per-command help and the
// version, `revisar`'s --minimo, --max-advertencias, --espacio, per-rule counts, the terminal and
// piped outputs (NO_COLOR), SARIF validated against the SARIF 2.1.0 schema, GitHub annotations,
// `exportar` of a split manual given by one file, and the GitHub Actions example in docs/ci/.
// All run the bundled CLI (out/cli.cjs, through bin/estructura.cjs) as a user would.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Validator } from 'jsonschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { RULES } from '../server/src/language/rules/catalog.js';
import { ruleAnchor } from '../server/src/language/rules/docs-link.js';
import { escapeData, escapeProperty, firstSentence } from '../server/src/cli/report.js';
import { SEVERITIES, SEVERITY_NAMES } from '../server/src/language/severity.js';
import { exampleFileNamesUnder, REPO, deliberateErrors, repoLineOf as lineOf } from './helpers/examples.js';

const BIN = path.join(REPO, 'bin/estructura.cjs');
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf-8')) as { version: string }).version;
const ERRORS = 'examples/ejemplos/con-errores.estructura';
const PHAE_MOVED = 'examples/ejemplos/phae-doe-2022/2-reubicado-en-la-coordinacion.estructura';
const DOE_FOLDER = 'examples/manuales/imss-doe-2022';
const DOE_MAIN = `${DOE_FOLDER}/imss-doe-2022.estructura`;
/** The SARIF 2.1.0 schema (rtm.5, the schemastore copy; where it comes from: test/fixtures/sarif/README.md). */
const SARIF_SCHEMA = path.join(REPO, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json');
const ANSI = /\x1b\[[0-9;]*m/;

interface Run { status: number | null; stdout: string; stderr: string }

function estructura(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
    const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: options.cwd ?? REPO, encoding: 'utf-8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '', ...options.env }
    });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonDiagnostic { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }
interface JsonReport {
    diagnostics: JsonDiagnostic[];
    summary: { files: number; errors: number; warnings: number; infos: number; hints: number; hidden: number; porRegla: Record<string, number> };
}

function json(args: string[]): JsonReport {
    const run = estructura([...args, '--formato', 'json']);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as JsonReport;
}

/** The diagnostic lines of piped text output (everything before «Por regla:» and the summary). */
function diagnosticLines(stdout: string): string[] {
    const lines = stdout.trimEnd().split('\n');
    const table = lines.indexOf('Por regla:');
    return (table === -1 ? lines.slice(0, -1) : lines.slice(0, table));
}

let work: string;
beforeAll(() => {
    if (!existsSync(path.join(REPO, 'out/cli.cjs'))) throw new Error('out/cli.cjs does not exist: run `npm run bundle` (or `npm run build`) first.');
    work = mkdtempSync(path.join(tmpdir(), 'estructura-cli-ci-'));
});
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

describe('help and version', () => {
    const commands = [['revisar', 'check'], ['reglas', 'rules'], ['importar', 'import'], ['exportar', 'export'], ['comparar', 'diff']] as const;

    it.each(commands)('`%s --help`, `-h` and the English alias print the command\'s help and exit 0', (command, alias) => {
        const help = estructura([command, '--help']);
        expect(help.status).toBe(0);
        expect(help.stderr).toBe('');
        expect(help.stdout).toMatch(new RegExp(`^Uso: estructura ${command} `));
        expect(help.stdout).toContain(`(alias: ${alias})`);
        expect(help.stdout).toContain('Códigos de salida:');
        for (const args of [[command, '-h'], [alias, '--help'], ['ayuda', command], [command, 'examples/', '--help']]) {
            expect(estructura(args).stdout, args.join(' ')).toBe(help.stdout);
        }
    });

    it('the help of revisar names every option it takes', () => {
        const help = estructura(['revisar', '--help']).stdout;
        for (const option of ['--formato texto|json|sarif|github', '--minimo error|advertencia|informativo|sugerencia', '--max-advertencias', '--espacio', '--config', 'NO_COLOR']) {
            expect(help).toContain(option);
        }
    });

    it('the help of importar lists the profiles importar accepts', () => {
        // importar's own message for an unknown profile is the reference: `use imss, issste, … o auto.`
        const refused = estructura(['importar', 'x.txt', '--salida', work, '--perfil', 'ninguno']);
        expect(refused.status).toBe(2);
        const accepted = /use ([a-z, ]+) o auto\./.exec(refused.stderr)?.[1].split(', ');
        expect(accepted, refused.stderr).toBeDefined();
        const help = estructura(['importar', '--help']).stdout;
        const listed = /--perfil <perfil> +el perfil de la institución \(([a-z, ]+)\) o auto/.exec(help)?.[1].split(', ');
        expect(listed).toEqual(accepted);
    });

    it('`estructura --version`, `-v` and `<comando> --version` print the version of package.json', () => {
        for (const args of [['--version'], ['-v'], ['version'], ['revisar', '--version'], ['importar', '-v'], ['exportar', '--version'], ['reglas', '-v']]) {
            const run = estructura(args);
            expect(run.status, args.join(' ')).toBe(0);
            expect(run.stdout).toBe(`estructura ${VERSION}\n`);
            expect(run.stderr).toBe('');
        }
    });

    it('the bundle carries the version: out/cli.cjs alone, away from package.json, prints it', () => {
        const alone = path.join(work, 'solo');
        mkdirSync(alone, { recursive: true });
        copyFileSync(path.join(REPO, 'out/cli.cjs'), path.join(alone, 'cli.cjs'));
        const run = spawnSync(process.execPath, [path.join(alone, 'cli.cjs'), '--version'], { cwd: alone, encoding: 'utf-8' });
        expect(run.stdout).toBe(`estructura ${VERSION}\n`);
        expect(run.status).toBe(0);
    });

    it('`estructura --help` lists the commands and the global options', () => {
        const run = estructura(['--help']);
        expect(run.status).toBe(0);
        for (const word of ['revisar', 'reglas', 'importar', 'exportar', '-h, --help', '-v, --version']) expect(run.stdout).toContain(word);
        expect(estructura(['ayuda', 'compilar']).status).toBe(2);
    });
});

describe('revisar: severities, --minimo and the per-rule counts', () => {
    it('uses one word per severity: the catalog\'s, in lines, summary and JSON', () => {
        expect(SEVERITIES.map(s => s.word)).toEqual([SEVERITY_NAMES.error, SEVERITY_NAMES.warning, SEVERITY_NAMES.info, SEVERITY_NAMES.hint]);
        expect(SEVERITIES.map(s => s.word)).toEqual(['error', 'advertencia', 'informativo', 'sugerencia']);
        const text = estructura(['revisar', 'examples/']).stdout;
        expect(text).not.toMatch(/ info /);
        expect(text).toMatch(/:\d+:\d+ informativo funcion-mencion /);
        expect(text).toMatch(/:\d+:\d+ sugerencia funcion-duplicada-entre-unidades /);
        expect(text.trimEnd().split('\n').at(-1)).toMatch(/^\d+ archivos revisados: \d+ errores, \d+ advertencias, \d+ informativos, \d+ sugerencias\.$/);
    });

    it('summary.porRegla counts each rule of what is shown', () => {
        const report = json(['revisar', 'examples/']);
        const counts: Record<string, number> = {};
        for (const d of report.diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
        expect(report.summary.porRegla).toEqual(counts);
        // Most frequent first.
        const values = Object.values(report.summary.porRegla);
        expect(values).toEqual([...values].sort((a, b) => b - a));
    });

    it('--minimo advertencia shows errors and warnings only; the summary counts them and says how many were hidden', () => {
        const all = json(['revisar', 'examples/']);
        const run = estructura(['revisar', 'examples/', '--minimo', 'advertencia']);
        expect(run.status).toBe(1);
        const lines = diagnosticLines(run.stdout);
        const expected = all.diagnostics.filter(d => d.severity === 'error' || d.severity === 'advertencia');
        expect(lines).toEqual(expected.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`));
        const hidden = all.diagnostics.length - expected.length;
        expect(hidden).toBeGreaterThan(0);
        const errors = expected.filter(d => d.severity === 'error').length;
        expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
            `${all.summary.files} archivos revisados: ${errors} errores, ${expected.length - errors} advertencias; ${hidden} de menor severidad ocultos por --minimo advertencia.`
        );
        // The per-rule table lists only what is shown.
        const table = run.stdout.trimEnd().split('\n').slice(lines.length + 1, -1);
        expect(table.map(row => row.replace(/: \d+$/, '').trim()).sort()).toEqual([...new Set(expected.map(d => d.code))].sort());
        // English alias, and the JSON summary.
        expect(estructura(['revisar', 'examples/', '--minimo', 'warning']).stdout).toBe(run.stdout);
        const filtered = json(['revisar', 'examples/', '--minimo', 'advertencia']);
        expect(filtered.diagnostics).toEqual(expected);
        expect(filtered.summary).toMatchObject({ errors, warnings: expected.length - errors, infos: 0, hints: 0, hidden });
    });

    it('--minimo error hides everything else; an unknown severity is refused with exit 2', () => {
        const run = estructura(['revisar', 'examples/', '--minimo', 'error']);
        expect(run.status).toBe(1);
        expect(diagnosticLines(run.stdout).every(l => / error /.test(l))).toBe(true);
        expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ archivos revisados: 8 errores; \d+ de menor severidad ocultos por --minimo error\.$/);
        const bad = estructura(['revisar', 'examples/', '--minimo', 'grave']);
        expect(bad.status).toBe(2);
        expect(bad.stdout).toBe('');
        expect(bad.stderr.split('\n')[0]).toBe('estructura revisar: severidad desconocida «grave» en --minimo: use error, advertencia, informativo, sugerencia (o error, warning, info, hint).');
    });
});

describe('revisar --max-advertencias', () => {
    // The institutional manual and the DOE's: no errors, some warnings.
    const clean = ['examples/manuales/imss-2018', DOE_FOLDER];

    it('exits 1 when the warnings exceed N, even without errors, and 0 otherwise', () => {
        const report = json(['revisar', ...clean]);
        expect(report.summary.errors).toBe(0);
        const warnings = report.summary.warnings;
        expect(warnings).toBeGreaterThan(0);
        expect(estructura(['revisar', ...clean]).status).toBe(0);
        const over = estructura(['revisar', ...clean, '--max-advertencias', String(warnings - 1)]);
        expect(over.status).toBe(1);
        expect(over.stderr).toBe(`estructura revisar: ${warnings} advertencias, más de las ${warnings - 1} que permite --max-advertencias.\n`);
        const at = estructura(['revisar', ...clean, '--max-advertencias', String(warnings)]);
        expect(at.status).toBe(0);
        expect(at.stderr).toBe('');
        expect(estructura(['revisar', ...clean, '--max-warnings=0', '--formato', 'sarif']).status).toBe(1);
    });

    it('refuses a value that is not a count, and the combination with --minimo error', () => {
        const bad = estructura(['revisar', ...clean, '--max-advertencias', 'muchas']);
        expect(bad.status).toBe(2);
        expect(bad.stdout).toBe('');
        expect(bad.stderr.split('\n')[0]).toBe('estructura revisar: --max-advertencias espera un número entero de 0 en adelante, no «muchas».');
        const conflict = estructura(['revisar', ...clean, '--max-advertencias', '3', '--minimo', 'error']);
        expect(conflict.status).toBe(2);
        expect(conflict.stdout).toBe('');
        expect(conflict.stderr.split('\n')[0]).toBe('estructura revisar: --max-advertencias no se combina con --minimo error: las advertencias que cuenta no se mostrarían.');
    });
});

describe('revisar --espacio', () => {
    it('resolves examples/ejemplos against the manuals without reporting them: the 8 deliberate errors', () => {
        const alone = json(['revisar', 'examples/ejemplos/']);
        expect(alone.diagnostics.filter(d => d.code === 'estructura-referencia').length).toBeGreaterThan(1);
        const report = json(['revisar', 'examples/ejemplos/', '--espacio', 'examples/manuales/']);
        const errors = report.diagnostics.filter(d => d.severity === 'error');
        expect(errors.map(d => `${d.file}:${d.code}@${d.line}`).sort()).toEqual(deliberateErrors());
        expect(report.diagnostics.every(d => d.file.startsWith('examples/ejemplos/'))).toBe(true);
        expect(report.summary.files).toBe(exampleFileNamesUnder('ejemplos').length);

        const text = estructura(['revisar', 'examples/ejemplos/', '--workspace', 'examples/manuales/']);
        expect(text.status).toBe(1);
        expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(
            `${exampleFileNamesUnder('ejemplos').length} archivos revisados (${exampleFileNamesUnder('manuales').length} más de --espacio, sin reportar): 8 errores, ${report.summary.warnings} advertencias, 0 informativos, 0 sugerencias.`
        );
    });

    it('a file given both as a path and under --espacio is reported', () => {
        const report = json(['revisar', DOE_MAIN, '--espacio', 'examples/manuales/']);
        expect(report.summary.files).toBe(1);
        expect(report.diagnostics.every(d => d.file === DOE_MAIN)).toBe(true);
    });

    it('an --espacio folder that does not exist is named, with exit 2', () => {
        const run = estructura(['revisar', 'examples/ejemplos/', '--espacio', 'examples/no-existe/']);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('estructura revisar: examples/no-existe/: no existe o no se puede leer\n');
    });
});

describe('revisar: paths that give nothing to check', () => {
    it('a folder without .estructura files is an error naming it (exit 2), with nothing on stdout', () => {
        const empty = path.join(work, 'vacía');
        mkdirSync(path.join(empty, 'sub'), { recursive: true });
        writeFileSync(path.join(empty, 'notas.txt'), 'nada');
        for (const format of ['texto', 'json', 'sarif', 'github']) {
            const run = estructura(['revisar', empty, '--formato', format]);
            expect(run.status, format).toBe(2);
            expect(run.stderr).toBe(`estructura revisar: ${empty}: la carpeta no contiene archivos .estructura\n`);
            expect(run.stdout).toBe('');
        }
    });

    it('a missing path, an unknown option, a missing value: one Spanish line naming it, exit 2, nothing on stdout', () => {
        const cases: Array<[string[], string]> = [
            [['revisar', 'examples/no-existe'], 'estructura revisar: examples/no-existe: no existe o no se puede leer'],
            [['revisar', 'examples/', '--rapido'], 'estructura revisar: opción desconocida «--rapido».'],
            [['revisar', 'examples/', '--minimo'], 'estructura revisar: falta el valor de --minimo.'],
            [['revisar', 'examples/', '--formato', 'xml'], 'estructura revisar: formato desconocido «xml»: use texto, json, sarif o github.'],
            [['revisar'], 'estructura revisar: indique al menos un archivo o carpeta a revisar.'],
            [['reglas', '--formato', 'pdf'], 'estructura reglas: formato desconocido «pdf»: use texto o md.'],
            [['exportar', 'examples/manuales/imss-sg', '--formato', 'json', '--nada'], 'estructura exportar: opción desconocida «--nada».']
        ];
        for (const [args, message] of cases) {
            const run = estructura(args);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stdout, args.join(' ')).toBe('');
            expect(run.stderr.split('\n')[0], args.join(' ')).toBe(message);
        }
    });
});

describe('revisar on a terminal and through a pipe', () => {
    // `script` (util-linux) runs the command on a pseudo-terminal, as in an interactive shell.
    const hasScript = spawnSync('script', ['--version'], { encoding: 'utf-8' }).status === 0;
    const onTerminal = (args: string[], env: NodeJS.ProcessEnv = {}) => {
        const command = [process.execPath, BIN, ...args].map(a => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
        const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: REPO, encoding: 'utf-8', timeout: 60_000, env: { ...process.env, ...env } });
        return result.stdout.replace(/\r\n/g, '\n');
    };
    const target = ['revisar', 'examples/ejemplos/phae-doe-2022', '--espacio', 'examples/manuales/', '--espacio', 'examples/ejemplos/imss-puestos.estructura'];

    it.skipIf(!hasScript)('groups the diagnostics under a heading per file, in color', () => {
        const out = onTerminal(target, { NO_COLOR: undefined, TERM: 'xterm-256color' });
        expect(out).toMatch(ANSI);
        expect(out).toContain(`\x1b[31merror`);
        const plain = out.replace(new RegExp(ANSI.source, 'g'), '');
        expect(plain).toContain(`${PHAE_MOVED}\n  ${lineOf(PHAE_MOVED, '    adscrito a CAPSOI')}:`);
        expect(plain).toMatch(/\n {2}\d+:\d+ +error +norma-7\.2\.1\.15-sede +El puesto homólogo /u);
        expect(plain).not.toMatch(/^examples\/\S+:\d+:\d+ /m);
        expect(plain.trimEnd().split('\n').at(-1)).toMatch(/^3 archivos revisados \(\d+ más de --espacio, sin reportar\): 1 error, /);
    });

    it.skipIf(!hasScript)('has no color with NO_COLOR set (or TERM=dumb), still grouped', () => {
        for (const env of [{ NO_COLOR: '1', TERM: 'xterm-256color' }, { NO_COLOR: undefined, TERM: 'dumb' }]) {
            const out = onTerminal(target, env);
            expect(out).not.toMatch(ANSI);
            expect(out).toContain(`${PHAE_MOVED}\n  `);
        }
        // NO_COLOR set but empty does not count (no-color.org).
        expect(onTerminal(target, { NO_COLOR: '', TERM: 'xterm-256color' })).toMatch(ANSI);
    });

    it('prints the plain archivo:línea:columna lines, uncolored, when piped (even without NO_COLOR)', () => {
        const run = estructura(target, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
        expect(run.stdout).not.toMatch(ANSI);
        const lines = diagnosticLines(run.stdout);
        expect(lines).toEqual([expect.stringMatching(new RegExp(`^${PHAE_MOVED.replace(/[.]/g, '\\.')}:\\d+:\\d+ error norma-7\\.2\\.1\\.15-sede El puesto homólogo `))]);
    });
});

describe('revisar --formato sarif', () => {
    let sarif: { version: string; $schema: string; runs: Array<Record<string, any>> };
    let report: JsonReport;
    beforeAll(() => {
        const run = estructura(['revisar', 'examples/', '--formato', 'sarif']);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe('');
        sarif = JSON.parse(run.stdout);
        report = json(['revisar', 'examples/']);
    });

    it('is valid against the SARIF 2.1.0 JSON schema', () => {
        const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf-8'));
        expect(schema.title).toContain('SARIF');
        expect(schema.properties.version.enum).toEqual(['2.1.0']);
        const result = new Validator().validate(sarif, schema);
        expect(result.errors.map(e => `${e.property} ${e.message}`)).toEqual([]);
        // The validator does reject what the schema forbids.
        const broken = structuredClone(sarif);
        broken.runs[0].results[0].level = 'grave';
        broken.runs[0].tool.driver.rules[0].helpUri = 'docs/reglas.md#relativa';
        expect(new Validator().validate(broken, schema).errors.length).toBe(2);
    });

    it('has one run of the estructura tool with the whole rule catalog', () => {
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs).toHaveLength(1);
        const driver = sarif.runs[0].tool.driver;
        expect(driver.name).toBe('estructura');
        expect(driver.version).toBe(VERSION);
        const docs = readFileSync(path.join(REPO, 'docs/reglas.md'), 'utf-8');
        const headings = new Set([...docs.matchAll(/^### (\S+)$/gm)].map(m => ruleAnchor(m[1])));
        const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
        expect(driver.rules.map((r: { id: string }) => r.id)).toEqual([...RULES.keys()]);
        for (const rule of driver.rules) {
            const entry = RULES.get(rule.id)!;
            expect(rule.shortDescription.text).toBe(firstSentence(entry.description));
            expect(rule.fullDescription.text).toBe(entry.description);
            expect(rule.defaultConfiguration.level).toBe(level[entry.severity]);
            // An https link to the rule's section of docs/reglas.md.
            const anchor = new URL(rule.helpUri).hash.slice(1);
            expect(rule.helpUri).toMatch(/^https:\/\/.+\/docs\/reglas\.md#/);
            expect(headings.has(anchor), `${rule.id}: #${anchor} in docs/reglas.md`).toBe(true);
        }
    });

    it('has one result per diagnostic, at the same place, relative to %SRCROOT%', () => {
        const run = sarif.runs[0];
        expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${REPO}/`);
        expect(run.invocations).toEqual([{ executionSuccessful: true }]);
        const levels: Record<string, string> = { error: 'error', advertencia: 'warning', informativo: 'note', sugerencia: 'note' };
        expect(run.results).toHaveLength(report.diagnostics.length);
        run.results.forEach((result: any, i: number) => {
            const d = report.diagnostics[i];
            expect(result.ruleId).toBe(d.code);
            expect(run.tool.driver.rules[result.ruleIndex].id).toBe(d.code);
            expect(result.level).toBe(levels[d.severity]);
            expect(result.message.text).toBe(d.message);
            const location = result.locations[0].physicalLocation;
            expect(location.artifactLocation).toEqual({ uri: d.file, uriBaseId: '%SRCROOT%' });
            expect(location.region).toEqual({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
        });
    });

    it('percent-encodes file names and says when an input could not be read', () => {
        const folder = path.join(work, 'con espacio');
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, 'un archivo.estructura'), 'unidad X "Equis" {\n    tipo Dirección\n}\n');
        const run = estructura(['revisar', '.', 'no-existe', '--formato', 'sarif'], { cwd: folder });
        expect(run.status).toBe(2);
        const log = JSON.parse(run.stdout);
        expect(new Validator().validate(log, JSON.parse(readFileSync(SARIF_SCHEMA, 'utf-8'))).errors).toEqual([]);
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('un%20archivo.estructura');
        expect(log.runs[0].invocations[0]).toEqual({
            executionSuccessful: false,
            toolExecutionNotifications: [{ level: 'error', message: { text: 'no-existe: no existe o no se puede leer' } }]
        });
    });
});

describe('revisar --formato github', () => {
    const COMMAND = /^::(?<kind>error|warning|notice) (?<properties>[^:]+)::(?<message>.*)$/;
    const unescape = (text: string) => text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

    it('writes one workflow command per diagnostic, with the position and the rule as title', () => {
        const run = estructura(['revisar', 'examples/ejemplos/', '--formato', 'github']);
        expect(run.status).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        const summary = lines.pop()!;
        expect(summary).toMatch(/^6 archivos revisados: 21 errores, /);
        const report = json(['revisar', 'examples/ejemplos/']);
        expect(lines).toHaveLength(report.diagnostics.length);
        const kinds: Record<string, string> = { error: 'error', advertencia: 'warning', informativo: 'notice', sugerencia: 'notice' };
        lines.forEach((line, i) => {
            const d = report.diagnostics[i];
            const command = COMMAND.exec(line)?.groups;
            expect(command, line).toBeDefined();
            expect(command!.kind).toBe(kinds[d.severity]);
            const properties = Object.fromEntries(command!.properties.split(',').map(p => p.split('=') as [string, string]));
            const position = d.endLine === d.line
                ? { line: String(d.line), col: String(d.column), endLine: String(d.endLine), endColumn: String(d.endColumn) }
                : { line: String(d.line), endLine: String(d.endLine) };
            expect(properties).toEqual({ file: d.file, ...position, title: d.code });
            expect(unescape(command!.message)).toBe(d.message);
        });
        expect(lines[0]).toBe(`::error file=${ERRORS},line=${report.diagnostics[0].line},col=${report.diagnostics[0].column},endLine=${report.diagnostics[0].endLine},endColumn=${report.diagnostics[0].endColumn},title=${report.diagnostics[0].code}::${report.diagnostics[0].message}`);
    });

    it('escapes % and line breaks in messages, and also : and , in properties', () => {
        expect(escapeData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
        expect(escapeProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
        const folder = path.join(work, 'github');
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, 'a,b:c%.estructura'), 'manual M "M" {\n    institucion IMSS\n}\n\nunidad X "Unidad 100% de Pruebas" {\n    tipo Unidad\n}\n');
        const run = estructura(['revisar', '.', '--formato', 'github'], { cwd: folder });
        const line = run.stdout.split('\n').find(l => l.includes('estructura-sin-funciones'));
        expect(line).toBe('::warning file=a%2Cb%3Ac%25.estructura,line=5,col=10,endLine=5,endColumn=34,title=estructura-sin-funciones::«Unidad 100%25 de Pruebas» no tiene funciones; si solo agrupa otras unidades, márquela como «agrupación», y si representa varias unidades iguales, como «genérica».');
    });
});

describe('exportar a split manual from one of its files', () => {
    const units = (stdout: string) => (JSON.parse(stdout) as { manuals: Array<{ id: string; units: unknown[] }> }).manuals.map(m => `${m.id}:${m.units.length}`);
    const partCount = exampleFileNamesUnder('manuales/imss-doe-2022').length - 1;

    it('warns how many parts were left out and how to include them, and exports what was given', () => {
        const run = estructura(['exportar', DOE_MAIN, '--formato', 'json']);
        expect(run.status).toBe(0);
        expect(run.stderr).toBe(`estructura exportar: aviso: quedan fuera ${partCount} partes del manual IMSS_DOE_2022 que están en ${DOE_FOLDER} y no se dieron; se exporta con 1 de sus ${partCount + 1} archivos. Para exportarlo completo, dé la carpeta (estructura exportar ${DOE_FOLDER} …) o añádala con --espacio ${DOE_FOLDER}.\n`);
        expect(units(run.stdout)).toEqual(['IMSS_DOE_2022:1']);
    });

    it('says so too when a part is given without the main file', () => {
        const run = estructura(['exportar', `${DOE_FOLDER}/imss-doe-2022.7.1.1-ueod.estructura`, '--formato', 'json']);
        expect(run.status).toBe(0);
        expect(run.stderr).toContain(`aviso: quedan fuera el archivo principal y ${partCount - 1} partes del manual IMSS_DOE_2022`);
    });

    it('exports the whole manual, without a warning, given the folder or the file with the folder as --espacio', () => {
        const folder = estructura(['exportar', DOE_FOLDER, '--formato', 'json']);
        const context = estructura(['exportar', DOE_MAIN, '--espacio', DOE_FOLDER, '--formato', 'json']);
        for (const run of [folder, context]) {
            expect(run.status).toBe(0);
            expect(run.stderr).toBe('');
        }
        expect(units(context.stdout)).toEqual(units(folder.stdout));
        expect(units(folder.stdout)).toEqual([expect.stringMatching(/^IMSS_DOE_2022:(\d{2,})$/)]);
    });
});

describe('the GitHub Actions example (docs/ci/github-actions.yml)', () => {
    interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string; 'working-directory'?: string }
    const workflow = parseYaml(readFileSync(path.join(REPO, 'docs/ci/github-actions.yml'), 'utf-8')) as {
        on: Record<string, unknown>; permissions: Record<string, string>; env: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
    };
    const steps = Object.values(workflow.jobs)[0].steps;
    const index = (test: (s: Step) => boolean) => steps.findIndex(test);
    const revisar = () => steps[index(s => /\bestructura revisar\b/.test(s.run ?? ''))];
    const sarifFile = () => /--formato sarif\b.*>\s*(\S+)\s*$/.exec(revisar().run!.trim())?.[1];

    it('runs on push and pull requests, may upload to code scanning, and has one job', () => {
        expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
        expect(workflow.permissions['security-events']).toBe('write');
        expect(Object.keys(workflow.jobs)).toHaveLength(1);
    });

    it('checks out, sets up Node, installs the CLI, runs revisar to a SARIF file and uploads that file', () => {
        const checkout = index(s => /^actions\/checkout@v\d+$/.test(s.uses ?? '') && !s.with?.repository);
        const node = index(s => /^actions\/setup-node@v\d+$/.test(s.uses ?? ''));
        const install = index(s => /\bnpm ci\b/.test(s.run ?? '') && /\bnpm run build\b/.test(s.run ?? '') && /\bnpm link\b/.test(s.run ?? ''));
        const check = index(s => /\bestructura revisar\b/.test(s.run ?? ''));
        const upload = index(s => /^github\/codeql-action\/upload-sarif@v\d+$/.test(s.uses ?? ''));
        expect([checkout, node, install, check, upload].every(i => i >= 0), JSON.stringify(steps, null, 2)).toBe(true);
        expect(checkout).toBeLessThan(node);
        expect(node).toBeLessThan(install);
        expect(install).toBeLessThan(check);
        expect(check).toBeLessThan(upload);
        // Node: at least what package.json's engines asks.
        const engines = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf-8')) as { engines: { node: string } }).engines.node;
        expect(Number(steps[node].with!['node-version'])).toBeGreaterThanOrEqual(Number(/\d+/.exec(engines)![0]));
        // The tool is checked out where the install step runs.
        const tool = steps.find(s => s.uses?.startsWith('actions/checkout@') && s.with?.repository);
        expect(tool?.with?.path).toBe(steps[install]['working-directory']);
        // The upload takes the file revisar wrote, even when revisar failed (errors found).
        expect(sarifFile()).toBeDefined();
        expect(steps[upload].with!.sarif_file).toBe(sarifFile());
        expect(steps[upload].if).toMatch(/!cancelled\(\)|always\(\)|failure\(\)/);
    });

    it('its revisar command, run as written, writes a valid SARIF file', () => {
        // A folder laid out as the workflow expects, the command on the PATH as `npm link` leaves it.
        const repo = path.join(work, 'repo');
        cpSync(path.join(REPO, 'examples/ejemplos'), path.join(repo, workflow.env.MANUALES), { recursive: true });
        const bin = path.join(work, 'bin');
        mkdirSync(bin, { recursive: true });
        writeFileSync(path.join(bin, 'estructura'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
        chmodSync(path.join(bin, 'estructura'), 0o755);
        const run = spawnSync('bash', ['-eo', 'pipefail', '-c', revisar().run!], {
            cwd: repo, encoding: 'utf-8', env: { ...process.env, ...workflow.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` }
        });
        // The examples have deliberate errors: the step fails, the file is written.
        expect(run.status, run.stderr).toBe(1);
        const log = JSON.parse(readFileSync(path.join(repo, sarifFile()!), 'utf-8'));
        expect(new Validator().validate(log, JSON.parse(readFileSync(SARIF_SCHEMA, 'utf-8'))).errors).toEqual([]);
        expect(log.runs[0].results.filter((r: { level: string }) => r.level === 'error')).toHaveLength(21);
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(new RegExp(`^${workflow.env.MANUALES}`));
    });
});
