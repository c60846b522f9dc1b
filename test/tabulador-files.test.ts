// Tabuladores loaded from the spreadsheets estructura.json names (positions/tabulador-files.ts):
// the real SRE 2018 extract gives the same tabulador as its declaration, every gross the sum of
// its parts; an illustrative altered copy and broken settings give messages naming file and row.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDocumento, isTabulador } from '../server/src/language/generated/ast.js';
import { loadTabuladores, parseTabuladorSpecs, type TabuladorFileSpec } from '../server/src/language/positions/tabulador-files.js';
import { declaredTabulador, grossMismatch, institutionTabuladores, partsSum, rowOfLevel, type TabuladorData } from '../server/src/language/positions/tabulador.js';
import { parseConfigFile } from '../server/src/language/settings.js';
import { readSpreadsheet } from '../server/src/spreadsheets/read.js';
import { openTabuladorIn } from '../server/src/files/node-file-access.js';
import { loadWorkspace } from '../server/src/workspace.js';

const DIR = path.join(__dirname, 'fixtures', 'tabuladores');
const SPEC: TabuladorFileSpec = {
    archivo: 'sre-2018-tabulador-mando-extracto.csv', nombre: 'SRE_2018', institucion: 'SRE', anio: 2018,
    columnas: { nivel: 'nivel', bruto: 'total_bruto', partes: ['sueldo_base', 'ayuda_despensa', 'compensacion_garantizada'] }
};

const amounts = (t: TabuladorData) => t.filas.map(r => [r.key, r.brutoCentavos, r.partes.map(p => p.centavos)]);

describe('tabulador files', () => {
    it('loads the SRE 2018 extract: six levels, each gross the sum of its parts to the centavo', async () => {
        const { tabuladores, problems } = await loadTabuladores([SPEC], openTabuladorIn(DIR, readSpreadsheet));
        expect(problems).toEqual([]);
        const [sre] = tabuladores;
        expect(sre.filas.map(r => r.nivel)).toEqual(['G11', 'H11', 'I21', 'J41', 'J21', 'J11']);
        for (const row of sre.filas) {
            expect(grossMismatch(row)).toBeUndefined();
            expect(partsSum(row)).toBe(row.brutoCentavos);
        }
        expect(rowOfLevel(sre, 'g011')?.brutoCentavos).toBe(21937146);
        expect(sre.filas[0].origen).toEqual({ archivo: SPEC.archivo, hoja: undefined, fila: 2 });
    });

    it('loads the IMSS–SNTSS 2017 base extract: a categoría priced by its jornada (two columns make the level)', async () => {
        const spec: TabuladorFileSpec = {
            archivo: 'imss-sntss-2017-tabulador-base-extracto.csv', nombre: 'IMSS_SNTSS_2017', institucion: 'IMSS', anio: 2017,
            columnas: { nivel: ['categoria', 'jornada_horas'], bruto: 'sueldo_mensual', partes: [] }
        };
        const { tabuladores, problems } = await loadTabuladores([spec], openTabuladorIn(DIR, readSpreadsheet));
        expect(problems).toEqual([]);
        const [imss] = tabuladores;
        expect(imss.filas).toHaveLength(28);
        // Every categoría and jornada once: the jornada tells Abogado 6.5 from Abogado 8.0.
        expect(new Set(imss.filas.map(r => r.key)).size).toBe(28);
        expect(rowOfLevel(imss, 'Abogado 6.5')?.brutoCentavos).toBe(694664);
        expect(rowOfLevel(imss, 'Abogado 8.0')?.brutoCentavos).toBe(854958);
        expect(rowOfLevel(imss, 'Bibliotecario 8.0')?.brutoCentavos).toBe(854958);
    });

    it('a workspace sees the declared and the loaded tabulador alike, through one accessor', async () => {
        const { services, problems } = await loadWorkspace([path.join(DIR, 'espacio')]);
        expect(problems).toEqual([]);
        const all = institutionTabuladores(services, 'SRE');
        expect(all.map(t => [t.nombre, t.origen.tipo])).toEqual([['SRE_2018', 'declarado'], ['SRE_2018_ARCHIVO', 'archivo']]);
        expect(amounts(all[1])).toEqual(amounts(all[0]));
        expect(institutionTabuladores(services, 'IMSS').map(t => t.nombre)).toEqual([]);
        const root = services.shared.workspace.LangiumDocuments.all.toArray()[0].parseResult.value;
        const declared = isDocumento(root) ? root.elementos.filter(isTabulador).map(declaredTabulador) : [];
        expect(declared.map(t => t.anio)).toEqual([2018]);
    });

    it('the altered copy (illustrative): the gross one centavo off and the text in an amount cell, by file and row', async () => {
        const { tabuladores, problems } = await loadTabuladores([{ ...SPEC, archivo: 'sre-2018-alterado-ILUSTRATIVO.csv' }], openTabuladorIn(DIR, readSpreadsheet));
        expect(problems.map(p => p.message)).toEqual([
            'sre-2018-alterado-ILUSTRATIVO.csv, fila 3: el valor «n/d» de la columna «ayuda_despensa» no es un importe en pesos.',
            'sre-2018-alterado-ILUSTRATIVO.csv, fila 6: el bruto del nivel «J21», 182,128.86, no es la suma de sus partes, 182,128.85 (diferencia: 0.01).'
        ]);
        expect(problems[0].file).toBe(path.join(DIR, 'sre-2018-alterado-ILUSTRATIVO.csv'));
        expect(tabuladores[0].filas).toHaveLength(6);
    });

    it('a missing file and an unknown column are messages, and give no tabulador', async () => {
        const { tabuladores, problems } = await loadTabuladores([
            { ...SPEC, archivo: 'no-existe.csv' },
            { ...SPEC, columnas: { ...SPEC.columnas, bruto: 'bruto_mensual' } }
        ], openTabuladorIn(DIR, readSpreadsheet));
        expect(tabuladores).toEqual([]);
        expect(problems.map(p => p.message)).toEqual([
            'tabulador «SRE_2018»: no-existe.csv: el archivo no existe.',
            'sre-2018-tabulador-mando-extracto.csv, fila 1: tabulador «SRE_2018»: la columna «bruto_mensual» no está en el encabezado.'
        ]);
    });

    it('estructura.json: «tabuladores» is read, and a bad entry is reported and ignored', () => {
        const parsed = parseConfigFile(JSON.stringify({ tabuladores: [
            { archivo: 'a.csv', nombre: 'A', 'año': 2018, columnas: { nivel: 'nivel', partes: ['x'] } },
            { archivo: 'b.csv', columnas: { nivel: 'nivel', partes: 'x' } }
        ] }), 'estructura.json');
        expect(parsed.tabuladores.map(t => [t.archivo, t.anio, t.columnas.bruto])).toEqual([['a.csv', 2018, undefined]]);
        expect(parsed.problems).toEqual(['estructura.json: tabuladores[1]: falta o no es válido «nombre» (el identificador del tabulador), «columnas.partes» (una lista de nombres de columna); se ignora.']);
        const problems: string[] = [];
        expect(parseTabuladorSpecs({}, 'x', problems)).toEqual([]);
        expect(problems).toHaveLength(1);
    });
});
