// `estructura importar-plazas` as a user runs it (after `npm run build`): the IFAI directory
// whole, an XLSX with the defects of real HR spreadsheets (built here with exceljs; its values are
// illustrative, invented for the test), the synthetic IMSS columns, and bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repairMojibake } from '../server/src/importer/plazas/mojibake.js';
import { readSpreadsheet } from '../server/src/spreadsheets/read.js';
import { buildWorkspace } from './helpers/workspace.js';

const REPO = path.resolve(import.meta.dirname, '..');
const BIN = path.join(REPO, 'bin/estructura.cjs');
const FIXTURES = path.join(REPO, 'test/fixtures/plazas');
const IFAI = path.join(FIXTURES, 'ifai-2014-directorio-puestos.csv');
const IMSS = path.join(FIXTURES, 'imss-siap-plantilla-SINTETICA-solo-columnas.csv');
const scratch = mkdtempSync(path.join(tmpdir(), 'estructura-plazas-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function estructura(...args: string[]) {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf-8', timeout: 120_000 });
    if (result.error) throw result.error;
    return result;
}

/** Each written file is laid out as the formatter lays it out (formatting changes nothing). */
async function expectFormatted(folder: string): Promise<void> {
    const files = Object.fromEntries(readdirSync(folder).map(f => [f, readFileSync(path.join(folder, f), 'utf-8')]));
    const ws = await buildWorkspace(files);
    for (const [name, text] of Object.entries(files)) {
        const doc = ws.docs[name];
        const edits = await ws.services.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: { tabSize: 4, insertSpaces: true } }, CancellationToken.None);
        expect(TextDocument.applyEdits(TextDocument.create('f', 'estructura', 1, text), edits), name).toBe(text);
    }
}

function json(file: string) {
    return JSON.parse(readFileSync(file, 'utf-8'));
}

interface Created { nombre: string; id: string; implicita: boolean; tipo: string | null; hoja: string; fila: number; adscritaA: string | null; puestos: number }

/** A created unit and the created units below it, in the report's order. */
function subtree(created: Created[], id: string): Created[] {
    const ids = new Set([id]);
    for (let grew = true; grew;) {
        grew = false;
        for (const u of created) if (u.adscritaA && ids.has(u.adscritaA) && !ids.has(u.id)) grew = Boolean(ids.add(u.id));
    }
    return created.filter(u => ids.has(u.id));
}

/** `estructura plazas --unidad <id> --formato json` over an imported folder. */
function plazas(folder: string, unit: string, ...more: string[]) {
    const run = estructura('plazas', folder, '--unidad', unit, '--formato', 'json', ...more);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
}

describe('the spreadsheet reader', () => {
    it('keeps codes as text in a CSV', async () => {
        const file = path.join(scratch, 'codigos.csv');
        writeFileSync(file, 'Clave de plaza,Nivel,Fecha\n2095/001,MC03,2014-09-01\n007,1E5,#N/A\n');
        const [sheet] = (await readSpreadsheet(file)).sheets;
        expect(sheet.rows.map(r => r.cells.map(c => c.text))).toEqual([['Clave de plaza', 'Nivel', 'Fecha'], ['2095/001', 'MC03', '2014-09-01'], ['007', '1E5', '#N/A']]);
    });

    it('re-decodes double-encoded accents', () => {
        expect(repairMojibake('ASUNTOS JURÁ\u008dDICOS')).toBe('ASUNTOS JURÍDICOS');
        expect(repairMojibake('ANÁ\u0081LISIS')).toBe('ANÁLISIS');
        expect(repairMojibake('AdministraciÃ³n')).toBe('Administración');
        expect(repairMojibake('Administración')).toBe('Administración');
    });
});

describe('estructura importar-plazas', () => {
    it('imports the IFAI directory whole, every row accounted for, and the output checks without errors', async () => {
        const out = path.join(scratch, 'ifai');
        const report = path.join(scratch, 'ifai.json');
        const run = estructura('importar-plazas', IFAI, '--salida', out, '--reporte', report, '--institucion', 'IFAI');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^ifai-2014-directorio-puestos\.csv \(hoja «[^»]+», encabezado en la fila 1\): 523 puestos \(523 plazas\) en 166 unidades \(0 del espacio de trabajo, 166 creadas desde la hoja: 20 nombradas en la hoja, 146 implícitas en el árbol de puestos\)/u);
        const r = json(report);
        expect(r.puestos).toBe(523);
        expect(r.filas).toBe(524);
        expect(r.puestos + r.omitidas.length + 1).toBe(r.filas);
        expect(r.columnas).toMatchObject({ unidad: 'unidad_administrativa', cargo: 'nombre_cargo', superior: 'nombre_cargo_superior', nivel: 'clave_puesto', denominacion: 'nombre_puesto', personal: 'tipo_personal' });
        const created = r.unidades.creadas as Created[];
        expect(created.filter(u => !u.implicita)).toHaveLength(20);
        expect(created.filter(u => u.implicita)).toHaveLength(146);
        expect(created.reduce((n, u) => n + u.puestos, 0)).toBe(523);
        // The Dirección General de Administración's 40 positions, spread over its implied units.
        const dga = created.find(u => u.nombre === 'Dirección General de Administración')!;
        expect(dga.implicita).toBe(false);
        expect(subtree(created, dga.id).reduce((n, u) => n + u.puestos, 0)).toBe(40);
        expect(subtree(created, dga.id)).toHaveLength(15);
        // Every created unit comes from a row of the sheet; the implied ones carry the kind their name says.
        expect(created.every(u => u.hoja === 'ifai-2014-directorio-puestos' && u.fila > 1)).toBe(true);
        expect(created.filter(u => u.implicita).every(u => u.tipo !== null && u.adscritaA !== null)).toBe(true);
        // Double-encoded accents folded: one unit, named with its accents.
        expect(created.map(u => u.nombre)).toContain('Dirección General de Asuntos Jurídicos');
        expect(created.map(u => u.nombre).join(' ')).not.toMatch(/[\u0080-\u009f]/u);
        expect(r.avisos.some((a: { mensaje: string }) => a.mensaje.includes('JURÍDICOS'))).toBe(true);
        const texts = readdirSync(out).map(f => readFileSync(path.join(out, f), 'utf-8')).join('\n');
        expect(texts).toContain('desde "ifai-2014-directorio-puestos.csv" fila 2');
        expect(texts.match(/reporta a /gu)?.length).toBeGreaterThan(300);
        const check = estructura('revisar', out, '--formato', 'json');
        const diagnostics = JSON.parse(check.stdout).diagnostics as Array<{ code: string; severity: string }>;
        expect(diagnostics.filter(d => d.code === 'estructura-referencia' || d.code === 'estructura-sintaxis')).toEqual([]);
        expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        await expectFormatted(out);
        // As `estructura plazas` counts them, too.
        expect(plazas(out, dga.id).total).toBe(40);
    });

    it('builds the units the IFAI position tree implies under the units the sheet names', () => {
        const out = path.join(scratch, 'ifai-implicitas');
        const report = path.join(scratch, 'ifai-implicitas.json');
        expect(estructura('importar-plazas', IFAI, '--salida', out, '--reporte', report, '--institucion', 'IFAI').status).toBe(0);
        const created = json(report).unidades.creadas as Created[];
        const named = (nombre: string, parent?: string) => created.filter(u => u.nombre === nombre && (parent === undefined || u.adscritaA === parent));
        // Dirección General de Autorregulación › Dirección de Esquemas de Autorregulación › Subdirección de Certificación.
        const dgar = named('Dirección General de Autorregulación')[0];
        const [esquemas] = named('Dirección de Esquemas de Autorregulación', dgar.id);
        expect(esquemas).toMatchObject({ implicita: true, tipo: 'Dirección', hoja: 'ifai-2014-directorio-puestos', fila: 5, puestos: 1 });
        const [certificacion] = named('Subdirección de Certificación', esquemas.id);
        expect(certificacion).toMatchObject({ implicita: true, tipo: 'Subdirección', fila: 4, puestos: 2 });
        expect(subtree(created, dgar.id).map(u => u.nombre)).toEqual([
            'Dirección General de Autorregulación', 'Dirección de Esquemas de Autorregulación', 'Subdirección de Certificación',
            'Subdirección de Registro', 'Dirección de Facilitación', 'Subdirección de Convenios y Recomendaciones', 'Subdirección de Políticas de Privacidad'
        ]);
        // The Subdirección's titular and its Departamento (a position: nobody reports to it); nested in the Dirección General's file.
        const sub = plazas(out, certificacion.id).unidades[0];
        expect(sub.puestos.map((p: { titulo: string }) => p.titulo).sort()).toEqual(['Departamento de Certificación', 'Subdirección de Certificación']);
        const file = readFileSync(path.join(out, `ifai-2014-directorio-puestos.${dgar.id.toLowerCase().replace(/_/g, '-')}.estructura`), 'utf-8');
        expect(file).toContain(`\n    unidad ${esquemas.id} "Dirección de Esquemas de Autorregulación" {\n        tipo Dirección\n        desde "ifai-2014-directorio-puestos.csv" fila 5\n        puesto TIT_${esquemas.id} "Dirección de Esquemas de Autorregulación" {\n            titular\n`);
        expect(file).toMatch(new RegExp(`\\n        unidad ${certificacion.id} "Subdirección de Certificación" \\{\\n            tipo Subdirección\\n`, 'u'));
        // Five ponencias are all «Comisionado» (and some rows say «PLENO»): their sub-units are merged
        // under each sheet unit, never across the two.
        const ponencia = named('Dirección de Análisis y Estudios de Ponencia');
        expect(ponencia.map(u => created.find(c => c.id === u.adscritaA)?.nombre).sort()).toEqual(['Comisionado', 'PLENO']);
        // Cargos that are not unit names stay in their superior's unit, even when they head others.
        expect(created.map(u => u.nombre)).not.toContain('Secretaría Particular');
        expect(created.map(u => u.nombre).filter(n => /^(Enlace|Chofer|Secretaria\b|Titular|Director|Subdirector\b|Proyectista)/u.test(n))).toEqual([]);
        // The Secretaría General's head is «Secretaría General  Coordinación Ejecutiva»: its titular, not a unit inside it.
        expect(created.map(u => u.nombre)).not.toContain('Secretaría General Coordinación Ejecutiva');
    });

    it('keeps a cargo that is not a unit name (Asesor) in its superior\'s unit (illustrative sheet)', async () => {
        const csv = path.join(scratch, 'finanzas.csv');
        writeFileSync(csv, [
            'Unidad Administrativa,Nombre del Cargo,Nombre del Cargo Superior,Nivel',
            'Dirección General de Finanzas,Dirección General de Finanzas,,KB2',
            'Dirección General de Finanzas,Asesor,Dirección General de Finanzas,MC1',
            'Dirección General de Finanzas,Dirección de Presupuesto,Dirección General de Finanzas,MC2',
            'Dirección General de Finanzas,Asesor Técnico,Dirección de Presupuesto,NC1',
            'Dirección General de Finanzas,Analista,Asesor Técnico,PA1',
            'Dirección General de Finanzas,Subdirección de Control Presupuestal,Dirección de Presupuesto,NC1',
            'Dirección General de Finanzas,Departamento de Registro,Subdirección de Control Presupuestal,OC1',
            'Dirección General de Finanzas,Departamento de Contabilidad,Dirección de Presupuesto,OC1',
            ''
        ].join('\n'));
        const out = path.join(scratch, 'finanzas');
        const report = path.join(scratch, 'finanzas.json');
        const run = estructura('importar-plazas', csv, '--salida', out, '--reporte', report, '--institucion', 'EJEMPLO');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('8 puestos (8 plazas) en 3 unidades (0 del espacio de trabajo, 3 creadas desde la hoja: 1 nombradas en la hoja, 2 implícitas en el árbol de puestos)');
        const created = json(report).unidades.creadas as Created[];
        expect(created.map(({ nombre, id, implicita, tipo, fila, adscritaA, puestos }) => ({ nombre, id, implicita, tipo, fila, adscritaA, puestos }))).toEqual([
            { nombre: 'Dirección General de Finanzas', id: 'DGF', implicita: false, tipo: 'Dirección General', fila: 2, adscritaA: null, puestos: 2 },
            { nombre: 'Dirección de Presupuesto', id: 'DP', implicita: true, tipo: 'Dirección', fila: 4, adscritaA: 'DGF', puestos: 4 },
            { nombre: 'Subdirección de Control Presupuestal', id: 'SCP', implicita: true, tipo: 'Subdirección', fila: 7, adscritaA: 'DP', puestos: 2 }
        ]);
        const titles = (id: string) => plazas(out, id).unidades[0].propias.puestos;
        expect([titles('DGF'), titles('DP'), titles('SCP')]).toEqual([2, 4, 2]);
        const text = readFileSync(path.join(out, 'finanzas.dgf.estructura'), 'utf-8');
        expect(text).toMatch(/^unidad DGF "Dirección General de Finanzas" \{\n    tipo Dirección General\n    desde "finanzas.csv" fila 2\n    puesto TIT_DGF "Dirección General de Finanzas" \{\n        titular\n[^]*\n    puesto ASESOR "Asesor" \{\n/mu);
        expect(text).toMatch(/\n    unidad DP "Dirección de Presupuesto" \{\n[^]*puesto AT "Asesor Técnico" \{[^]*puesto ANALISTA "Analista" \{[^]*reporta a AT\n[^]*\n        unidad SCP "Subdirección de Control Presupuestal" \{\n/u);
        const check = estructura('revisar', out, '--formato', 'json');
        expect(JSON.parse(check.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
        await expectFormatted(out);
    });

    it('--agrupar: a plantilla\'s identical rows of a unit are one position with their plazas (illustrative sheet)', () => {
        const csv = path.join(scratch, 'plantilla.csv');
        writeFileSync(csv, [
            'Unidad Administrativa,Nombre del Cargo,Nombre del Cargo Superior,Nivel,Clave de plaza,Ocupada o vacante',
            'Jefatura de Enfermería,Jefatura de Enfermería,,OC1,100/001,Ocupada',
            'Jefatura de Enfermería,Enfermera General,Jefatura de Enfermería,PA1,100/002,Ocupada',
            'Jefatura de Enfermería,Enfermera General,Jefatura de Enfermería,PA1,100/003,Vacante',
            'Jefatura de Enfermería,Enfermera General,Jefatura de Enfermería,PA1,100/004,Ocupada',
            'Jefatura de Enfermería,Enfermera Especialista,Jefatura de Enfermería,PA2,100/005,Ocupada',
            'Jefatura de Enfermería,Enfermera General,Jefatura de Enfermería,PA2,100/006,Vacante',
            ''
        ].join('\n'));
        const out = path.join(scratch, 'plantilla');
        const report = path.join(scratch, 'plantilla.json');
        const run = estructura('importar-plazas', csv, '--salida', out, '--reporte', report, '--institucion', 'EJEMPLO', '--agrupar');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('4 puestos (6 plazas) en 1 unidades');
        expect(run.stdout).toContain('6 importadas (2 agrupadas con una fila igual anterior de su unidad)');
        const r = json(report);
        expect([r.puestos, r.plazas, r.agrupadas, r.omitidas]).toEqual([4, 6, 2, []]);
        const text = readFileSync(path.join(out, readdirSync(out).find(f => f.endsWith('.estructura') && readFileSync(path.join(out, f), 'utf-8').includes('Enfermera General'))!), 'utf-8');
        // The three PA1 rows are one position; the PA2 «Enfermera General» row is another level.
        expect(text).toMatch(/puesto \w+ "Enfermera General" \{\n\s+nivel PA1\n\s+plazas 3\n\s+ocupadas 2\n\s+vacantes 1\n\s+claves de plaza "100\/002", "100\/003", "100\/004"\n\s+reporta a TIT_\w+\n\s+desde "plantilla.csv" fila 3\n/u);
        expect(text.match(/"Enfermera General"/gu)).toHaveLength(2);
        const check = estructura('revisar', out, '--formato', 'json');
        expect(JSON.parse(check.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
        // Without --agrupar, each row is a position.
        const flat = path.join(scratch, 'plantilla-filas');
        expect(estructura('importar-plazas', csv, '--salida', flat, '--institucion', 'EJEMPLO').stdout).toContain('6 puestos (6 plazas) en 1 unidades');
    });

    it('attaches positions to the units of --espacio, matched by name (double-encoded accents folded)', () => {
        const workspace = path.join(scratch, 'espacio');
        mkdirSync(workspace);
        // An illustrative manual: two of the IFAI's units, by their official names.
        // An illustrative manual: two of the IFAI's units, by their official names, and one unit
        // of the Dirección General de Administración's position tree.
        writeFileSync(path.join(workspace, 'ifai.estructura'), [
            'manual IFAI_MO "Manual de organización (ilustrativo)" {', '    institucion IFAI', '}', '',
            'unidad DGA "Dirección General de Administración" {', '    número 1',
            '    unidad DRF "Dirección de Recursos Financieros" {', '        número 1.1', '    }', '}', '',
            'unidad DGAJ "Dirección General de Asuntos Jurídicos" {', '    número 2', '}', ''
        ].join('\n'));
        const out = path.join(scratch, 'ifai-espacio');
        const report = path.join(scratch, 'ifai-espacio.json');
        const run = estructura('importar-plazas', IFAI, '--salida', out, '--espacio', workspace, '--reporte', report);
        expect(run.status).toBe(0);
        const r = json(report);
        expect(r.institucion).toBe('IFAI');
        // The implied «Dirección de Recursos Financieros» under DGA is the workspace's DRF.
        expect(r.unidades.encontradas).toEqual([
            { nombre: 'Dirección General de Administración', id: 'DGA', implicita: false, puestos: 10 },
            { nombre: 'Dirección de Recursos Financieros', id: 'DRF', implicita: true, puestos: 1 },
            { nombre: 'Dirección General de Asuntos Jurídicos', id: 'DGAJ', implicita: false, puestos: 3 }
        ]);
        const created = r.unidades.creadas as Created[];
        expect(created.filter(u => !u.implicita)).toHaveLength(18);
        expect(created.filter(u => u.adscritaA === 'DRF').map(u => u.nombre)).toEqual(['Subdirección de Programación y Presupuesto', 'Subdirección de Tesorería y Contabilidad']);
        expect(created.filter(u => u.adscritaA === 'DGA').map(u => u.nombre)).toEqual(['Dirección de Recursos Materiales', 'Dirección de Servicio de Información y Documentación', 'Dirección de Desarrollo Humano y Organizacional']);
        const main = readFileSync(path.join(out, 'ifai-2014-directorio-puestos.estructura'), 'utf-8');
        expect(main).toContain('    adscrito a DGA\n');
        expect(main).toMatch(/\nunidad DRM "Dirección de Recursos Materiales" \{\n    tipo Dirección\n    adscrita a DGA\n/u);
        const check = estructura('revisar', out, '--espacio', workspace, '--formato', 'json');
        expect(JSON.parse(check.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
        expect(plazas(out, 'DGA', '--espacio', workspace).total).toBe(40);
        expect(plazas(out, 'DGAJ', '--espacio', workspace).total).toBe(14);
    });

    it('reads an XLSX with titles, totals, blanks, two sheets, a formula, #N/A, «-», a repeated key and a merged cell', async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('Notas').addRow(['Datos ilustrativos para la prueba']);
        const ws = workbook.addWorksheet('Plantilla');
        const DGA = 'Dirección General de Administración';
        ws.getRow(1).values = ['Analítico de plazas (datos ilustrativos)'];
        ws.mergeCells('A1:G1');
        ws.getRow(3).values = ['Unidad Administrativa', 'Nombre del Cargo', 'Jefe inmediato', 'Nivel', 'Plazas', 'Ocupada o vacante', 'Clave de plaza'];
        ws.getRow(4).values = [DGA, DGA, '', 'KB2', 1, 'Ocupada', '2095/001'];
        ws.getRow(5).values = [DGA, 'Dirección de Recursos Humanos \\ Nómina\nsegunda línea', DGA, 'MC03', 1, 'Vacante', '2095/002'];
        ws.getRow(6).values = [DGA, 'Subdirección de Personal', { error: '#N/A' }, 'NC1', { formula: '1+0', result: 1 }, 'Ocupada', '2095/003'];
        ws.getRow(7).values = [DGA, 'Departamento de Nómina', 'Subdirección de Personal', '-', 1, 'Ocupada', '2095/004'];
        ws.getRow(8).values = [DGA, 'Departamento de "Pagos" \\ Nómina', 'Subdirección de Personal', 'OC1', 1, 'Ocupada', '2095/004'];
        ws.getRow(9).values = ['Subtotal', '', '', '', 4];
        ws.getRow(11).values = [DGA, 'Enlace "A"', 'Departamento de Nómina', 'PA1', 1, 'Ocupada', '2095/005'];
        ws.getRow(12).values = [null, 'Enlace B', 'Departamento de Nómina', 'PA1', { formula: 'E11' }, 'Vacante', '2095/006'];
        ws.getRow(13).values = [null, 'Enlace C', 'Departamento de Nómina', 'PA1', 1, 'Vacante', '2095/007'];
        ws.mergeCells('A11:A13');
        ws.getRow(14).values = ['Total', '', '', '', 6];
        const file = path.join(scratch, 'analitico.xlsx');
        await workbook.xlsx.writeFile(file);
        const out = path.join(scratch, 'analitico');
        const report = path.join(scratch, 'analitico.json');
        const run = estructura('importar-plazas', file, '--salida', out, '--reporte', report, '--institucion', 'EJEMPLO');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const r = json(report);
        expect(r.hoja).toBe('Plantilla');
        expect(r.filaEncabezado).toBe(3);
        expect(r.hojasSinUsar).toEqual([{ hoja: 'Notas', motivo: 'no es una tabla de puestos' }]);
        expect(r.puestos).toBe(6);
        const omitted = Object.fromEntries(r.omitidas.map((o: { fila: number; motivo: string; hoja: string }) => [o.fila, o.motivo]));
        expect(Object.keys(omitted).map(Number)).toEqual([1, 2, 8, 9, 10, 12, 14]);
        expect(omitted[1]).toMatch(/título/u);
        expect(omitted[8]).toBe('clave de plaza «2095/004» repetida (ya en la fila 7)');
        expect(omitted[9]).toMatch(/^fila de subtotal/u);
        expect(omitted[10]).toBe('fila en blanco');
        expect(omitted[12]).toMatch(/^celda ilegible: E12 .*fórmula sin valor guardado/u);
        expect(omitted[14]).toMatch(/^fila de total/u);
        expect(r.omitidas.every((o: { hoja: string }) => o.hoja === 'Plantilla')).toBe(true);
        const notices = r.avisos.map((a: { fila: number; mensaje: string }) => `${a.fila}: ${a.mensaje}`).join('\n');
        expect(notices).toMatch(/^6: superior «#N\/A»/mu);
        expect(notices).toMatch(/^6: E6 \(columna «Plazas»\) es una fórmula \(=1\+0\): se usa su valor guardado «1», no se calcula/mu);
        expect(notices).toMatch(/^7: nivel «-» \(columna «Nivel»\) no es un nivel/mu);
        expect(notices).toMatch(/^13: celda combinada A13 \(columna «Unidad Administrativa»\): se toma el valor de A11/mu);
        const text = readdirSync(out).map(f => readFileSync(path.join(out, f), 'utf-8')).join('\n');
        expect(text).toContain('claves de plaza "2095/001"');
        expect(text).toMatch(/puesto \w+ "Enlace \\"A\\"" \{/u);
        expect(text).toContain('desde "analitico.xlsx" hoja "Plantilla" fila 11');
        // Cells are data: quotes and backslashes escaped, line breaks read as spaces.
        expect(text).toContain('"Dirección de Recursos Humanos \\\\ Nómina segunda línea" {');
        const check = estructura('revisar', out, '--formato', 'json');
        expect(JSON.parse(check.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
        await expectFormatted(out);
    });

    it('maps the columns of the IMSS plantilla (synthetic values)', () => {
        const out = path.join(scratch, 'imss');
        const report = path.join(scratch, 'imss.json');
        const run = estructura('importar-plazas', IMSS, '--salida', out, '--reporte', report, '--institucion', 'IMSS');
        expect(run.status).toBe(0);
        const r = json(report);
        expect(r.columnas).toEqual({ unidad: 'ADSCRIPCION', nivel: 'CATEGORIA', plazas: 'PLZAUT', ocupadas: 'PLZOCU', personal: 'TipoConfianza' });
        expect(r.columnasSinUsar).toContain('NOMBREAR');
        expect(r.puestos + r.omitidas.length).toBe(40);
    });

    it('takes a column map and refuses to overwrite', () => {
        const csv = path.join(scratch, 'mapa.csv');
        writeFileSync(csv, 'Área,Puesto de trabajo,Nivel\nDirección de Finanzas,Jefe de Caja,OC1\n');
        const map = path.join(scratch, 'mapa.json');
        writeFileSync(map, JSON.stringify({ unidad: 'Área', cargo: 'Puesto de trabajo' }));
        const out = path.join(scratch, 'mapa');
        expect(estructura('importar-plazas', csv, '--salida', out, '--columnas', map, '--institucion', 'X').status).toBe(0);
        const again = estructura('importar-plazas', csv, '--salida', out, '--columnas', map, '--institucion', 'X');
        expect(again.status).toBe(2);
        expect(again.stderr).toMatch(/ya existen .* use --sobrescribir/u);
    });

    describe('bad input names the file (and sheet and row) and writes nothing', () => {
        const cases: Array<[string, string | Uint8Array, RegExp, number]> = [
            ['no-es-tabla.csv', 'Concepto,Importe\nSueldo,100\n', /no-es-tabla\.csv, hoja «no-es-tabla»: no es una tabla de puestos .*columna de la unidad/u, 1],
            ['viejo.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /viejo\.xls: .*formato antiguo \(\.xls\)/u, 1],
            ['danado.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), /danado\.xlsx: no se puede abrir como \.xlsx/u, 1],
            ['vacio.csv', '', /vacio\.csv, hoja «vacio»: la hoja está vacía/u, 1]
        ];
        for (const [name, content, message, status] of cases) {
            it(name, () => {
                const file = path.join(scratch, name);
                writeFileSync(file, content);
                const out = path.join(scratch, `salida-${name}`);
                const run = estructura('importar-plazas', file, '--salida', out, '--institucion', 'X');
                expect(run.stderr).toMatch(message);
                expect(run.status).toBe(status);
                expect(existsSync(out)).toBe(false);
            });
        }

        it('a missing file', () => {
            const out = path.join(scratch, 'salida-falta');
            const run = estructura('importar-plazas', path.join(scratch, 'no-existe.xlsx'), '--salida', out);
            expect(run.stderr).toMatch(/no-existe\.xlsx: el archivo no existe/u);
            expect(run.status).toBe(2);
            expect(existsSync(out)).toBe(false);
        });

        it('text in a numeric column is an omitted row with its reason', () => {
            const csv = path.join(scratch, 'texto.csv');
            writeFileSync(csv, 'Unidad Administrativa,Nombre del Cargo,Plazas\nDirección X,Jefe,dos\nDirección X,Enlace,1\n');
            const report = path.join(scratch, 'texto.json');
            expect(estructura('importar-plazas', csv, '--salida', path.join(scratch, 'texto'), '--reporte', report, '--institucion', 'X').status).toBe(0);
            expect(json(report).omitidas).toEqual([{ hoja: 'texto', fila: 2, motivo: 'celda ilegible: «dos» en la columna «Plazas» no es un número entero de plazas' }]);
        });
    });
});
