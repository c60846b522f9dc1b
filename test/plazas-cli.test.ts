// `estructura plazas` (after `npm run build`): text, JSON, CSV and XLSX of a small workspace; text
// a spreadsheet would run as a formula is escaped in CSV and is a plain string cell in XLSX.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlazasResult } from '../server/src/protocol.js';
import { REPO } from './helpers/examples.js';
import { SMALL } from './helpers/plazas.js';

const BIN = path.join(REPO, 'bin', 'estructura.cjs');

function estructura(cwd: string, ...args: string[]) {
    const result = spawnSync(process.execPath, [BIN, 'plazas', ...args], { cwd, encoding: 'utf-8', timeout: 45_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const HOSTILE = `manual EXTRA "Extra" {
    institucion INST
}

puesto FORMULA "=HYPERLINK(\\"http://x\\",\\"clic\\")" {
    adscrito a DJ
    denominación "+cmd|' /C calc'!A0"
    nivel "-1"
    clase operativo
}
`;

describe('estructura plazas', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(path.join(tmpdir(), 'plazas-'));
        for (const [name, text] of Object.entries(SMALL)) writeFileSync(path.join(dir, name), text);
        writeFileSync(path.join(dir, 'extra.estructura'), HOSTILE);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('prints JSON with the total, each unit with its subtree plazas and its own positions', () => {
        const run = estructura(dir, '.', '--formato', 'json');
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const report = JSON.parse(run.stdout) as PlazasResult;
        expect(report.total).toBe(17);
        expect(report.unidades.map(u => [u.id, u.nombre, u.plazas])).toEqual([
            ['INST.DG', 'Dirección General', 14], ['INST.DA', 'Dirección de Administración', 10], ['INST.DJ', 'Dirección Jurídica', 3]
        ]);
        const analista = report.unidades[1].puestos.find(p => p.id === 'INST.ANALISTA')!;
        expect(analista).toEqual({
            id: 'INST.ANALISTA', titulo: 'Analista', nivel: 'PQ1', clase: 'enlace', personal: 'confianza',
            plazas: 5, ocupadas: 3, vacantes: 2, unidad: 'INST.DA', archivo: 'org.estructura', linea: 20
        });
        expect(report.sinUnidad.map(p => [p.id, p.plazas])).toEqual([['INST.SUELTO', 3]]);
        expect(report.porNivel.find(g => g.clave === 'MC3')).toMatchObject({ puestos: 2, plazas: 3 });
    });

    it('limits the report to a unit and its subtree with --unidad (qualified or bare id)', () => {
        const run = estructura(dir, '.', '--unidad', 'DA', '--formato', 'json');
        const report = JSON.parse(run.stdout) as PlazasResult;
        expect(report.total).toBe(10);
        expect(report.sinUnidad).toEqual([]);
        expect(estructura(dir, '.', '--unidad', 'INST.DA').stdout).toContain('Total: 10 plazas (4 ocupadas, 2 vacantes, 4 sin dato) en 3 puestos');
        const missing = estructura(dir, '.', '--unidad', 'NADA');
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('no hay una unidad «NADA»');
    });

    it('prints text with the totals by level, clase and personal', () => {
        const run = estructura(dir, '.');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('Total: 17 plazas (4 ocupadas, 4 vacantes, 9 sin dato) en 7 puestos');
        expect(run.stdout).toMatch(/Por nivel:\n {2}-1 +1 plaza\n {2}K31 +1 plaza\n/);
        expect(run.stdout).toContain('Por tipo de personal:');
    });

    it('writes CSV with one row per position and the totals, formulas escaped', () => {
        const run = estructura(dir, '.', '--formato', 'csv');
        expect(run.code).toBe(0);
        const lines = run.stdout.replace(/^\ufeff/, '').split('\r\n');
        expect(lines[0]).toBe('Unidad,Nombre de la unidad,Puesto,Título,Nivel,Clave,Denominación,Clase,Personal,Plazas,Ocupadas,Vacantes,Archivo,Línea');
        expect(lines).toContain('INST.DA,Dirección de Administración,INST.ANALISTA,Analista,PQ1,,,enlace,confianza,5,3,2,org.estructura,20');
        const hostile = lines.find(line => line.includes('INST.FORMULA'))!;
        expect(hostile).toBe(`INST.DJ,Dirección Jurídica,INST.FORMULA,"'=HYPERLINK(""http://x"",""clic"")",'-1,,'+cmd|' /C calc'!A0,operativo,,1,,,extra.estructura,5`);
        // No cell of the file starts with a formula character.
        for (const line of lines) for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
        expect(lines).toContain('Agrupación,Clave,Puestos,Plazas,Ocupadas,Vacantes,Sin dato');
        expect(lines).toContain('Total,,7,17,4,4,9');
        expect(lines).toContain('Personal,(sin tipo),2,4,0,0,4');
    });

    it('writes XLSX that reads back: the positions sheet and the totals sheet, text never a formula', async () => {
        const file = path.join(dir, 'salida', 'plazas.xlsx');
        const run = estructura(dir, '.', '--salida', file);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
        const sheet = workbook.getWorksheet('Puestos')!;
        expect(sheet.getRow(1).getCell(4).value).toBe('Título');
        expect(sheet.rowCount).toBe(8);
        const rows = sheet.getSheetValues().slice(2) as unknown[][];
        const formula = rows.find(row => row[3] === 'INST.FORMULA')!;
        expect(formula[4]).toBe('=HYPERLINK("http://x","clic")');
        const cell = sheet.getRow(rows.indexOf(formula) + 2).getCell(4);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
        const totals = workbook.getWorksheet('Totales')!;
        expect(totals.getRow(2).values).toEqual([undefined, 'Total', '', 7, 17, 4, 4, 9]);
        // Without --sobrescribir, an existing file is kept.
        expect(estructura(dir, '.', '--salida', file).code).toBe(2);
        expect(estructura(dir, '.', '--formato', 'xlsx').stderr).toContain('--salida');
    });

    it('answers --help in Spanish and refuses an unknown format', () => {
        expect(estructura(dir, '--help').stdout).toContain('Uso: estructura plazas <rutas…>');
        const bad = estructura(dir, '.', '--formato', 'pdf');
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('formato desconocido «pdf»');
    });
});

// The IFAI's 2014 directory (test/fixtures/plazas/, real), imported with `estructura importar-plazas`.
describe('estructura plazas on the imported IFAI directory', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(path.join(tmpdir(), 'plazas-ifai-'));
        const csv = path.join(REPO, 'test/fixtures/plazas/ifai-2014-directorio-puestos.csv');
        const run = spawnSync(process.execPath, [BIN, 'importar-plazas', csv, '--salida', 'ifai', '--institucion', 'IFAI'], { cwd: dir, encoding: 'utf-8', timeout: 60_000 });
        expect(run.status, run.stderr).toBe(0);
    }, 90_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('counts the 523 positions, each root with its subtree, and 40 in the Dirección General de Administración', () => {
        const report = JSON.parse(estructura(dir, 'ifai', '--formato', 'json').stdout) as PlazasResult;
        expect(report.total).toBe(523);
        expect(report.sinUnidad).toEqual([]);
        const roots = report.unidades.filter(u => u.profundidad === 0);
        expect(roots.reduce((sum, u) => sum + u.plazas, 0)).toBe(523);
        // MC03 and MC3 are one level (levelKey).
        expect(report.porNivel.map(g => g.clave)).not.toContain('MC03');
        expect(report.porPersonal).toEqual([{ clave: 'confianza', puestos: 523, plazas: 523, ocupadas: 0, vacantes: 0, sinDato: 523 }]);
        const dga = report.unidades.find(u => u.nombre === 'Dirección General de Administración')!;
        expect(dga.plazas).toBe(40);
        const only = JSON.parse(estructura(dir, 'ifai', '--unidad', dga.id, '--formato', 'json').stdout) as PlazasResult;
        expect(only.total).toBe(40);
        expect(only.porNivel.reduce((sum, g) => sum + g.plazas, 0)).toBe(40);
    });
});
