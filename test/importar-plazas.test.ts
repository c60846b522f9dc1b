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
        expect(run.stdout).toMatch(/^ifai-2014-directorio-puestos\.csv \(hoja «[^»]+», encabezado en la fila 1\): 523 puestos en 20 unidades/u);
        const r = json(report);
        expect(r.puestos).toBe(523);
        expect(r.filas).toBe(524);
        expect(r.puestos + r.omitidas.length + 1).toBe(r.filas);
        expect(r.columnas).toMatchObject({ unidad: 'unidad_administrativa', cargo: 'nombre_cargo', superior: 'nombre_cargo_superior', nivel: 'clave_puesto', denominacion: 'nombre_puesto', personal: 'tipo_personal' });
        const created = r.unidades.creadas as Array<{ nombre: string; puestos: number; id: string }>;
        expect(created.find(u => u.nombre === 'Dirección General de Administración')?.puestos).toBe(40);
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
    });

    it('attaches positions to the units of --espacio, matched by name (double-encoded accents folded)', () => {
        const workspace = path.join(scratch, 'espacio');
        mkdirSync(workspace);
        // An illustrative manual: two of the IFAI's units, by their official names.
        writeFileSync(path.join(workspace, 'ifai.estructura'), [
            'manual IFAI_MO "Manual de organización (ilustrativo)" {', '    institucion IFAI', '}', '',
            'unidad DGA "Dirección General de Administración" {', '    número 1', '}', '',
            'unidad DGAJ "Dirección General de Asuntos Jurídicos" {', '    número 2', '}', ''
        ].join('\n'));
        const out = path.join(scratch, 'ifai-espacio');
        const report = path.join(scratch, 'ifai-espacio.json');
        const run = estructura('importar-plazas', IFAI, '--salida', out, '--espacio', workspace, '--reporte', report);
        expect(run.status).toBe(0);
        const r = json(report);
        expect(r.institucion).toBe('IFAI');
        expect(r.unidades.encontradas).toEqual([
            { nombre: 'Dirección General de Administración', id: 'DGA', puestos: 40 },
            { nombre: 'Dirección General de Asuntos Jurídicos', id: 'DGAJ', puestos: 14 }
        ]);
        expect(r.unidades.creadas).toHaveLength(18);
        expect(readFileSync(path.join(out, 'ifai-2014-directorio-puestos.estructura'), 'utf-8')).toContain('    adscrito a DGA\n');
        const check = estructura('revisar', out, '--espacio', workspace, '--formato', 'json');
        expect(JSON.parse(check.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
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
