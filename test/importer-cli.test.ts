// `estructura importar` as a user runs it: files written, the report, and bad input (empty,
// binary, another encoding, not a manual, a partial manual) answered with a clear message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importManual } from '../server/src/importer/index.js';
import { FUENTES } from './helpers/examples.js';

const REPO = path.resolve(import.meta.dirname, '..');
const BIN = path.join(REPO, 'bin/estructura.cjs');
const MANUALES = path.join(FUENTES, 'manuales');
const STACK_TRACE = /\n\s+at .+\(?.*:\d+:\d+\)?/;
const scratch = mkdtempSync(path.join(tmpdir(), 'estructura-importar-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function estructura(...args: string[]) {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf-8', timeout: 60_000 });
    if (result.error) throw result.error;
    return result;
}

function write(name: string, content: string | Uint8Array): string {
    const file = path.join(scratch, name);
    writeFileSync(file, content);
    return file;
}

describe('estructura importar', () => {
    it('writes the files and a report that accounts for every line, and checks cleanly afterwards', () => {
        const out = path.join(scratch, 'doe');
        const report = path.join(scratch, 'doe.json');
        const run = estructura('importar', path.join(MANUALES, 'imss-manual-direccion-operacion-evaluacion-2022.txt'), '--salida', out, '--reporte', report, '--nombre', 'doe');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^imss-manual-direccion-operacion-evaluacion-2022\.txt: 57 unidades, 766 funciones \(perfil imss\) → 7 archivos en /u);
        // The text names the Dirección General, which this workspace does not have: no `adscrita a`.
        expect(run.stdout).toContain('«Dirección de Operación y Evaluación» (7.1) queda sin adscripción: el texto la declara (línea 428: «…la Dirección de Operación y Evaluación, se encuentra adscrita a la Dirección General…») pero la unidad «Dirección General» no está en el espacio de trabajo.');
        expect(readdirSync(out).sort()).toEqual(['doe.7.1.1-ueod.estructura', 'doe.7.1.2-ucs.estructura', 'doe.7.1.3-uad.estructura',
            'doe.7.1.4-cv.estructura', 'doe.7.1.5-capsoi.estructura', 'doe.7.1.6-ca.estructura', 'doe.estructura']);
        const json = JSON.parse(readFileSync(report, 'utf-8'));
        expect(json.unidades[0]).toEqual({ numero: '7.1', nombre: 'Dirección de Operación y Evaluación', padre: null, tipo: 'Dirección', funciones: 21, id: 'DOE', linea: 682 });
        expect(json.lineas.total).toBe(5427);
        expect(json.lineas.conservadas + json.lineas.descartadas.length + json.lineas.sinReconocer.length).toBe(5427);
        expect(json.lineas.descartadas).toContainEqual({ linea: 1083, regla: 'pagina' });
        // Without the institutional manual, DOE's root has no parent but nothing fails to link.
        const check = estructura('revisar', out);
        expect(check.stdout).toContain('7 archivos revisados: 0 errores');
    });

    it('is deterministic and refuses to overwrite without --sobrescribir', () => {
        const out = path.join(scratch, 'inst');
        const source = path.join(MANUALES, 'imss-manual-organizacion-2018.txt');
        expect(estructura('importar', source, '--salida', out).status).toBe(0);
        const first = readFileSync(path.join(out, 'imss-manual-organizacion-2018.estructura'), 'utf-8');
        const again = estructura('importar', source, '--salida', out);
        expect(again.status).toBe(2);
        expect(again.stderr).toMatch(/ya existen 1 archivos de salida .*; use --sobrescribir para reemplazarlos\./u);
        expect(estructura('import', source, '--output', out, '--overwrite').status).toBe(0);
        expect(readFileSync(path.join(out, 'imss-manual-organizacion-2018.estructura'), 'utf-8')).toBe(first);
    });

    it('imports a federal manual with --perfil auto: the apf profile, its institution and the cross-check in the summary', () => {
        const out = path.join(scratch, 'sener');
        const run = estructura('importar', path.join(MANUALES, 'sener-manual-organizacion-general-dof-2026-extracto.txt'), '--salida', out, '--nombre', 'sener-2026');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^sener-manual-organizacion-general-dof-2026-extracto\.txt: 14 unidades, 232 funciones \(perfil apf\) → 1 archivos en /u);
        expect(run.stdout).toContain('  Institución SENER: siglas que el texto da a «Secretaría de Energía»: «SENER».');
        expect(run.stdout).toContain('sener-manual-organizacion-general-dof-2026-extracto.txt:969: «Subsecretaría de Planeación y Transición Energética» aparece en una lista u organigrama pero no como unidad con funciones.');
        expect(readdirSync(out)).toEqual(['sener-2026.estructura']);
        expect(readFileSync(path.join(out, 'sener-2026.estructura'), 'utf-8')).toContain('manual SENER "Manual de Organización General de la Secretaría de Energía" {\n    institucion SENER\n');
    });

    it('links a root to the workspace given with --espacio', () => {
        const out = path.join(scratch, 'ws', 'sg');
        const run = estructura('importar', path.join(MANUALES, 'imss-norma-estructuras-extracto-y-manual-sg.md'), '--salida', out, '--espacio', path.join(REPO, 'examples/manuales/imss-2018'));
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('La unidad raíz «Secretaría General» (7.1) es la misma que IMSS.SG, definida en otro manual.');
    });

    const bad: Array<[string, string | Uint8Array, RegExp, number, string[]?]> = [
        ['vacio.txt', '', /vacio\.txt: el archivo está vacío\./u, 1],
        ['blancos.txt', '\n  \n\t\n', /blancos\.txt: el archivo solo contiene espacios en blanco\./u, 1],
        ['binario.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /binario\.txt: no es un archivo de texto/u, 1],
        ['latin1.txt', Buffer.from('8.1 Dirección General\n\n Coordinar la operación.\n', 'latin1'), /latin1\.txt:1: el texto no está en UTF-8 .*iconv/u, 1],
        ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('8.1 Dirección General\n', 'utf16le')]), /utf16\.txt: el archivo está en UTF-16/u, 1],
        ['receta.txt', 'Receta de tamales\n\nIngredientes: masa, manteca y sal.\n', /receta\.txt: no se pudo decidir a qué familia pertenece el manual: ningún perfil encuentra unidades con su estructura\. Perfiles probados: imss: ninguna unidad .*; issste: ninguna unidad .*; apf: ninguna unidad .*\. Indique el perfil con --perfil imss, issste o apf\./u, 1],
        ['receta-imss.txt', 'Receta de tamales\n\nIngredientes: masa, manteca y sal.\n', /receta-imss\.txt: no parece un manual de organización del IMSS: no se encontró ningún encabezado de unidad/u, 1, ['--perfil', 'imss']]
    ];
    for (const [name, content, message, status, extra = []] of bad) {
        it(`answers ${name} with a clear message and a non-zero exit`, () => {
            const file = write(name, content);
            const run = estructura('importar', file, '--salida', path.join(scratch, 'bad-' + name), ...extra);
            expect(run.stderr).toMatch(message);
            expect(run.stderr).not.toMatch(STACK_TRACE);
            expect(run.status).toBe(status);
            expect(existsSync(path.join(scratch, 'bad-' + name))).toBe(false);
        });
    }

    it('exits 2 naming the problem for a missing file, a folder, a missing --salida and an unknown profile', () => {
        expect(estructura('importar', 'no-existe.txt', '--salida', scratch).stderr).toMatch(/no-existe\.txt: no se puede leer \(ENOENT\)/u);
        expect(estructura('importar', scratch, '--salida', scratch).stderr).toMatch(/no se puede leer \(es una carpeta/u);
        expect(estructura('importar', 'x.txt').stderr).toMatch(/indique la carpeta de salida con --salida/u);
        const run = estructura('importar', 'x.txt', '--salida', scratch, '--perfil', 'sat');
        expect(run.stderr).toMatch(/perfil desconocido «sat»: use imss, issste, apf o auto\./u);
        expect(run.status).toBe(2);
    });
});

describe('a partial manual', () => {
    it('imports the units that are there and accounts for the rest of its lines', () => {
        const lines = readFileSync(path.join(MANUALES, 'imss-manual-direccion-operacion-evaluacion-2022.txt'), 'utf-8').split('\n');
        // Cut in the middle of the 7.1.1.2 list, as a truncated extraction would.
        const text = lines.slice(0, 1200).join('\n');
        const result = importManual(Buffer.from(text), 'parcial.txt');
        expect(result.report.unidades.map(u => u.numero)).toEqual(['7.1', '7.1.1', '7.1.1.1', '7.1.1.1.1', '7.1.1.1.2', '7.1.1.2']);
        expect(result.report.lineas.total).toBe(1200);
        expect(result.report.lineas.conservadas + result.report.lineas.descartadas.length + result.report.lineas.sinReconocer.length).toBe(1200);
    });

    it('imports a manual of the same family with other numbering styles ("6 Organigrama", "7.1.", "1.-")', () => {
        const text = [
            'MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS ADMINISTRATIVOS',
            '',
            '1 Introducción',
            'El presente manual se actualiza conforme al Acuerdo ACDO.AS2.HCT.150323/80.P.DA.',
            '6 Organigrama',
            'Vigencia: 1o. de abril de 2023',
            '7 Funciones',
            '7.1. Jefatura de Servicios Administrativos',
            '1.- Coordinar la administración de los recursos humanos, materiales y financieros de la',
            'Jefatura.',
            '2.- Las demás que le confiera la persona titular del Órgano de Operación Administrativa Desconcentrada.',
            '7.1.1. Departamento de Personal',
            '1.- Tramitar los movimientos de personal.',
            '2.- Las demás que le confiera su superior jerárquico.'
        ].join('\n');
        const result = importManual(Buffer.from(text), 'ooad.txt');
        expect(result.report.unidades.map(u => [u.numero, u.nombre, u.padre, u.tipo, u.funciones])).toEqual([
            ['7.1', 'Jefatura de Servicios Administrativos', null, 'Jefatura de Servicios', 2],
            ['7.1.1', 'Departamento de Personal', '7.1', 'Departamento', 2]
        ]);
        expect(result.manual.units[0].functions[0]).toMatchObject({ number: '1.', text: 'Coordinar la administración de los recursos humanos, materiales y financieros de la Jefatura.' });
        expect(result.manual.units[0].functions[1].closing).toBe(true);
        expect(result.manual.organigramas).toEqual([{ title: 'Organigrama', line: 5, vigencia: '2023-04-01' }]);
        expect(result.manual.acuerdos).toEqual([{ id: 'ACDO.AS2.HCT.150323/80.P.DA', date: '2023-03-15', line: 4 }]);
        expect(result.report.lineas.sinReconocer).toEqual([]);
    });
});

describe('examples/manuales/', () => {
    it('is exactly what the importer produces from examples/fuentes/manuales/ today', () => {
        const run = spawnSync(process.execPath, [path.join(REPO, 'scripts/import-examples.mjs'), '--comprobar'], { cwd: REPO, encoding: 'utf-8', timeout: 120_000 });
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain('examples/manuales/ está al día.');
        expect(run.status).toBe(0);
    }, 120_000);
});
