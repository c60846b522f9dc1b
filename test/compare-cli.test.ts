// `estructura comparar` as a user runs it: folders, git revisions of a real repository, the state at
// a date, and every kind of bad input (exit 2 with a message naming what is wrong).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stateAt } from '../server/src/history/as-of.js';
import { compareSnapshots } from '../server/src/history/compare.js';
import { snapshotOf } from '../server/src/history/snapshot.js';
import { loadWorkspace } from '../server/src/workspace.js';
import { REPO } from './helpers/examples.js';

const BIN = path.join(REPO, 'bin/estructura.cjs');
const STACK_TRACE = /\n\s+at .+\(?.*:\d+:\d+\)?/;

interface Run { status: number | null; stdout: string; stderr: string }

function estructura(cwd: string, ...args: string[]): Run {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf-8', timeout: 45_000, env: { ...process.env, NO_COLOR: '1' } });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function git(cwd: string, ...args: string[]): string {
    const result = spawnSync('git', ['-c', 'user.name=Analista', '-c', 'user.email=analista@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf-8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

const HEADER = 'manual M "Manual de prueba" {\n    institucion IMSS\n}\n';
const FIRST = HEADER + `
unidad DG "Dirección General" {
    unidad DA "Dirección de Administración" {
        funciones {
            1. "Administrar los recursos del Instituto."
        }
    }
    unidad DJ "Dirección Jurídica" { }
}
`;
const SECOND = HEADER + `
unidad DG "Dirección General" {
    unidad DA "Dirección de Administración y Finanzas" {
        funciones {
            1. "Administrar y controlar los recursos del Instituto."
        }
    }
    unidad DJ "Dirección Jurídica" { }
    unidad DI "Dirección de Innovación" { }
}

cambio "ACDO.AS2.HCT.010124/1.P.DA" {
    fecha 2024-01-01
    tipo creación
    unidades DI
}

cambio "ACDO.AS2.HCT.010124/1.P.DA" {
    fecha 2024-01-01
    tipo denominación
    unidades DA
    nombre anterior "Dirección de Administración"
    nombre nuevo "Dirección de Administración y Finanzas"
}
`;

describe('two git revisions of a workspace', () => {
    let repo: string;
    beforeAll(() => {
        repo = mkdtempSync(path.join(tmpdir(), 'estructura-comparar-'));
        mkdirSync(path.join(repo, 'manuales'));
        git(repo, 'init', '-q', '-b', 'main');
        writeFileSync(path.join(repo, 'manuales/m.estructura'), FIRST);
        git(repo, 'add', '.');
        git(repo, 'commit', '-q', '-m', 'vigente');
        writeFileSync(path.join(repo, 'manuales/m.estructura'), SECOND);
        git(repo, 'commit', '-q', '-am', 'propuesta');
        // An uncommitted edit: the folder side sees it, HEAD does not.
        writeFileSync(path.join(repo, 'manuales/m.estructura'), SECOND.replace('unidad DJ "Dirección Jurídica" { }', ''));
    });
    afterAll(() => rmSync(repo, { recursive: true, force: true }));

    test('a revision against the working folder: each change with its act', () => {
        const run = estructura(repo, 'comparar', 'HEAD~1', 'manuales', '--formato', 'json');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
        const json = JSON.parse(run.stdout);
        expect(json.version).toBe(1);
        const kinds = json.differences.map((d: { kind: string; unit: string }) => [d.kind, d.unit]);
        expect(kinds).toEqual(expect.arrayContaining([
            ['unidad-renombrada', 'IMSS.DA'], ['unidad-creada', 'IMSS.DI'], ['unidad-suprimida', 'IMSS.DJ'], ['funcion-modificada', 'IMSS.DA']
        ]));
        const created = json.differences.find((d: { kind: string }) => d.kind === 'unidad-creada');
        expect(created.records.map((r: { act: string }) => r.act)).toEqual(['ACDO.AS2.HCT.010124/1.P.DA']);
        // DJ went without a record: listed as such.
        expect(json.differences.find((d: { kind: string }) => d.kind === 'unidad-suprimida').uncovered).toBe(true);
    });

    test('two revisions, `REV:ruta`, and the `diff` alias give the same comparison', () => {
        const both = estructura(repo, 'comparar', 'HEAD~1', 'HEAD', '--formato', 'json');
        const withPath = estructura(repo, 'diff', 'HEAD~1:manuales', 'HEAD:manuales', '--formato', 'json');
        expect(both.status).toBe(1);
        expect(withPath.status).toBe(1);
        const strip = (text: string) => JSON.parse(text).differences.map((d: { kind: string; unit: string }) => `${d.kind} ${d.unit}`);
        expect(strip(withPath.stdout)).toEqual(strip(both.stdout));
        expect(strip(both.stdout)).not.toContain('unidad-suprimida IMSS.DJ');
        // A revision with itself: no differences, exit 0.
        expect(estructura(repo, 'comparar', 'HEAD', 'HEAD').status).toBe(0);
    });

    test('the text report names the files as revision:path', () => {
        const run = estructura(repo, 'comparar', 'HEAD~1', 'HEAD');
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('ACDO.AS2.HCT.010124/1.P.DA');
        expect(run.stdout).toContain('Dirección de Innovación');
    });

    test('a revision that does not exist, and a folder outside any repository: exit 2 with a message', () => {
        const missing = estructura(repo, 'comparar', 'NOEXISTE~2', 'manuales');
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('«NOEXISTE~2»');
        expect(missing.stderr).not.toMatch(STACK_TRACE);
        const outside = mkdtempSync(path.join(tmpdir(), 'estructura-sin-git-'));
        try {
            const run = estructura(outside, 'comparar', 'HEAD~1', path.join(repo, 'manuales'));
            expect(run.status).toBe(2);
            expect(run.stderr).toMatch(/no está en un repositorio de git/);
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
        // An option-looking revision never reaches git.
        expect(estructura(repo, 'comparar', '--', '--output=x', 'manuales').status).toBe(2);
    });
});

describe('folders, dates and bad input', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(path.join(tmpdir(), 'estructura-comparar-carpetas-'));
        mkdirSync(path.join(dir, 'antes'));
        mkdirSync(path.join(dir, 'despues'));
        mkdirSync(path.join(dir, 'vacia'));
        writeFileSync(path.join(dir, 'antes/m.estructura'), FIRST);
        // Half-typed: the last unit is not closed.
        writeFileSync(path.join(dir, 'despues/m.estructura'), SECOND + '\nunidad X "Coordinación X" {\n');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('the state at a date: the CLI gives what the API gives on the DOE manual', async () => {
        const run = estructura(REPO, 'comparar', '--al', '2000-01-01', 'examples/manuales/imss-doe-2022', '--formato', 'json');
        expect(run.status).toBe(1);
        const json = JSON.parse(run.stdout);
        const today = snapshotOf((await loadWorkspace(['examples/manuales/imss-doe-2022'], false)).documents, { label: 'hoy' });
        const at = stateAt(today, '2000-01-01');
        const api = compareSnapshots(at.state, today);
        expect(json.differences.length).toBe(api.differences.length);
        expect(json.differences.map((d: { kind: string; unit: string }) => `${d.kind} ${d.unit}`))
            .toEqual(api.differences.map(d => `${d.kind} ${d.unit}`));
        const text = estructura(REPO, 'comparar', '--al', '2000-01-01', 'examples/manuales/imss-doe-2022');
        expect(text.stdout).toContain('2000-01-01');
        expect(text.stdout).toContain('ACDO.AS2.HCT.280421/99.P.DA');
    });

    test('a side with syntax errors is compared on what parses; the errors are named with file and line', () => {
        const run = estructura(dir, 'comparar', 'antes', 'despues', '--formato', 'json');
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/despues\/m\.estructura:\d+: .*se compara lo que se pudo leer/);
        expect(run.stderr).not.toMatch(STACK_TRACE);
        expect(JSON.parse(run.stdout).differences.map((d: { kind: string; unit: string }) => `${d.kind} ${d.unit}`)).toContain('unidad-creada IMSS.DI');
    });

    test('markdown and html cuadros, written with --salida, never over an existing file without --sobrescribir', () => {
        const out = path.join(dir, 'cuadro.html');
        expect(estructura(dir, 'comparar', 'antes', 'despues', '--formato', 'html', '--salida', out).status).toBe(1);
        expect(readFileSync(out, 'utf-8')).toContain('Dirección de Administración y Finanzas');
        const again = estructura(dir, 'comparar', 'antes', 'despues', '--formato', 'html', '--salida', out);
        expect(again.status).toBe(2);
        expect(again.stderr).toContain('ya existe');
        const md = estructura(dir, 'comparar', 'antes', 'despues', '--formato', 'markdown');
        expect(md.stdout).toMatch(/\|.*Situación actual.*\|.*Situación propuesta.*\|/);
    });

    test.each([
        [['comparar', 'antes'], /las dos versiones/],
        [['comparar', 'antes', 'despues', 'otra'], /las dos versiones/],
        [['comparar', '--al', '2024-02-30', 'despues'], /--al espera una fecha/],
        [['comparar', '--al', '2024-01-01', 'antes', 'despues'], /una sola versión/],
        [['comparar', 'antes', 'despues', '--formato', 'pdf'], /formato desconocido/],
        [['comparar', 'antes', 'vacia'], /vacia: la carpeta no contiene archivos \.estructura/],
        [['comparar', 'antes', 'despues', '--unidad', 'NOEXISTE'], /no hay una unidad «NOEXISTE»/]
    ])('%j: exit 2 and a message', (args, message) => {
        const run = estructura(dir, ...args);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toMatch(STACK_TRACE);
    });

    test('--unidad compares one unit and what hangs from it', () => {
        const run = estructura(dir, 'comparar', 'antes', 'despues', '--unidad', 'DA', '--formato', 'json');
        expect(run.status).toBe(1);
        const units = new Set(JSON.parse(run.stdout).differences.map((d: { unit: string }) => d.unit));
        expect([...units]).toEqual(['IMSS.DA']);
    });

    test('help', () => {
        const run = estructura(dir, 'comparar', '--help');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Uso: estructura comparar <antes> <después>');
    });
});
