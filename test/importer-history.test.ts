// The history of names and adscriptions read from the Introducción of the real DOE manual (2001 to
// 2022): each recognized change, who approved it and when, and the unit it is linked to today;
// the paragraphs that mention a change without a recognizable statement stay prose, and are listed.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnownUnit } from '../server/src/importer/emit.js';
import { importManual } from '../server/src/importer/index.js';
import { buildWorkspace } from './helpers/workspace.js';
import { isCambio } from '../server/src/language/generated/ast.js';
import { FUENTES } from './helpers/examples.js';

const MANUALES = path.join(FUENTES, 'manuales');
const run = (file: string, known: KnownUnit[] = []) => importManual(readFileSync(path.join(MANUALES, file)), file, { known });

const institutional = run('imss-manual-organizacion-2018.txt');
const known: KnownUnit[] = institutional.report.unidades.map(u => ({ id: u.id, name: u.nombre, kind: u.tipo, institution: 'IMSS' }));
const doe = run('imss-manual-direccion-operacion-evaluacion-2022.txt', known);

describe('history of the DOE manual', () => {
    it('reads every stated rename, transformation, creation and adscription change, with its approval and date', () => {
        const rows = doe.report.historia;
        expect(rows.cambios).toBe(22);
        // 39, 57, 62, 66: 2001-2005 changes without an Acuerdo or oficio; 100: the 2014 oficio names no
        // unit; 141: the 2018 conversion and transfer rest on the Norma, no Acuerdo; 173: "A esta
        // última Coordinación se sumó…" (which Coordinación is not certain); 193: the 2022 transfer
        // to the Dirección Jurídica restated as "transferir las funciones…" (recorded from line 13).
        expect(rows.sinInterpretar).toEqual([39, 57, 62, 66, 100, 141, 173, 193]);
    });

    it('writes them as cambio records linked to the units that bear the names today, which parse and link', async () => {
        // Renames and transformations are followed to today's name: the Coordinación de Asesores
        // (2001) became the Unidad de Vinculación Institucional, replaced in 2013 by the Dirección de
        // Vinculación Institucional y Evaluación de Delegaciones, renamed in 2021 the DOE. The IMSS
        // PROSPERA Coordinación is not linked: its later rename to IMSS BIENESTAR is not stated.
        const main = doe.files.find(f => !f.name.includes('.7.'))!;
        const ws = await buildWorkspace({
            ...Object.fromEntries(institutional.files.map(f => [`imss/${f.name}`, f.text])),
            ...Object.fromEntries(doe.files.map(f => [`doe/${f.name}`, f.text]))
        });
        const document = ws.docs[`doe/${main.name}`];
        expect((document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
        const changes = document.parseResult.value.elementos.filter(isCambio).map(c => [
            c.acuerdo ?? `oficio ${c.oficio}`, c.fecha, c.tipo, c.nombreAnterior ?? null, c.nombreNuevo ?? null,
            c.unidades.map(u => u.ref?.name).join(',') || null, c.adscripcionAnterior?.ref?.name ?? null, c.adscripcionNueva?.ref?.name ?? null, c.tramo, c.linea
        ]);
        expect(changes).toEqual([
            ['ACDO.AS2.HCT.270922/264.P.DA', '2022-09-27', 'adscripción', null, null, null, 'DOE', 'DJ', true, '13'],
            ['ACDO.AS2.HCT.310822/226.P.DA', '2022-08-31', 'denominación', 'Coordinación de Seguimiento a la Operación con Entidades', 'Coordinación de Análisis, Prospectiva y Seguimiento a la Operación Institucional', 'CAPSOI', null, null, false, '17'],
            ['ACDO.AS2.HCT.310822/226.P.DA', '2022-08-31', 'transformación', null, 'División de Análisis Prospectiva', 'DAP', 'DOE', 'CAPSOI', false, '17'],
            ['177/2001', '2001-04-25', 'transformación', 'Coordinación de Asesores de la Dirección General', 'Unidad de Vinculación Institucional', 'DOE', null, null, false, '43'],
            ['ACDO.SA2.HCT.111213/361.P.DAED', '2013-12-11', 'transformación', 'Unidad de Vinculación Institucional', 'Dirección de Vinculación Institucional y Evaluación de Delegaciones', 'DOE', null, null, false, '92'],
            ['oficio 0952171000/089', '2015-02-25', 'denominación', 'Coordinación de Evaluación del Programa IMSS Oportunidades', 'Coordinación de Evaluación del Programa IMSS PROSPERA', null, null, null, false, '104'],
            ['oficio 0952171000/089', '2015-02-25', 'denominación', 'División de Evaluación de Atención en el Programa IMSS Oportunidades', 'División de Evaluación de Atención en el Programa IMSS PROSPERA', 'DEMSA', null, null, false, '104'],
            ['oficio 09E1611C00/392', '2015-05-13', 'denominación', 'División de Evaluación Administrativa y Financiera', 'División de Evaluación de Acción Comunitaria y Verificación de Procesos', 'DEACVP', null, null, false, '111'],
            ['oficio 09E1611C00/392', '2015-05-13', 'denominación', 'División de Evaluación de Atención en el Programa IMSS PROSPERA', 'División de Evaluación Médica y de Servicios de Apoyo', 'DEMSA', null, null, false, '111'],
            ['ACDO.SA2.HCT.270416/95.P.DG', '2016-04-27', 'transformación', 'Coordinación de Comunicación Social', 'Unidad de Comunicación Social', 'UCS', null, null, false, '119'],
            ['ACDO.SA2.HCT.270416/95.P.DG', '2016-04-27', 'denominación', 'Coordinación de Administración de Información de Personal y Comunicación Interna', 'Coordinación de Comunicación Interna', 'CCI', null, null, false, '124'],
            ['ACDO.SA2.HCT.270416/95.P.DG', '2016-04-27', 'adscripción', null, null, 'CCI,DCI', null, 'UCS', false, '124'],
            ['ACDO.AS2.HCT.310816/218.P.DA', '2016-08-31', 'creación', null, 'Dirección de Planeación Estratégica Institucional', 'DPEI', null, null, false, '132'],
            ['ACDO.AS2.HCT.310816/218.P.DA', '2016-08-31', 'adscripción', null, null, 'CTVI,DAB,DAM', 'DOE', 'DPEI', false, '132'],
            ['ACDO.AS2.HCT.280421/99.P.DA', '2021-04-28', 'denominación', 'Dirección de Vinculación Institucional y Evaluación de Delegaciones', 'Dirección de Operación y Evaluación', 'DOE', null, null, false, '152'],
            ['ACDO.AS2.HCT.280421/99.P.DA', '2021-04-28', 'denominación', 'Unidad de Evaluación de Delegaciones', 'Unidad de Evaluación de Órganos Desconcentrados', 'UEOD', null, null, false, '157'],
            ['ACDO.AS2.HCT.280421/99.P.DA', '2021-04-28', 'creación', null, 'Coordinación de Evaluación Administrativa y de Finanzas', 'CEAF', null, null, false, '157'],
            ['ACDO.AS2.HCT.280421/99.P.DA', '2021-04-28', 'adscripción', null, null, 'UAD,CAO,DAC,DENAAOD,DFEAO,DISAD', 'DJ', 'DOE', false, '157'],
            ['ACDO.AS2.HCT.280421/99.P.DA', '2021-04-28', 'adscripción', null, null, 'CEIR', 'DOE', 'UEOD', false, '157'],
            ['ACDO.AS2.HCT.280421/99.P.DA', '2021-04-28', 'adscripción', null, null, 'CV,CTVI,CTVAPF,DIEI', 'DPEI', 'DOE', false, '157'],
            ['ACDO.AS2.HCT.280421/99.P.DA', '2021-04-28', 'creación', null, 'Coordinación de Operación con la Sociedad Civil y Organismos Autónomos', null, null, null, false, '173'],
            ['ACDO.AS2.HCT.280421/99.P.DA', '2021-04-28', 'creación', null, 'Coordinación de Seguimiento a la Operación con Entidades', 'CAPSOI', null, null, false, '173']
        ]);
    });

    it('makes former names known: a mention of one becomes a warning with the current name', async () => {
        const ws = await buildWorkspace({
            ...Object.fromEntries(institutional.files.map(f => [`imss/${f.name}`, f.text])),
            ...Object.fromEntries(doe.files.map(f => [`doe/${f.name}`, f.text])),
            'nota.estructura': 'parte de IMSS_DOE_2022 "Nota" { institucion IMSS }\nunidad NOTA "Coordinación de Notas" {\n    adscrita a DOE\n    funciones {\n        1. "Informar a la Unidad de Evaluación de Delegaciones."\n    }\n}\n'
        });
        const mention = (ws.docs['nota.estructura'].diagnostics ?? []).find(d => d.code === 'funcion-mencion')!;
        expect(mention.severity).toBe(2);
        expect(mention.message).toBe('«Unidad de Evaluación de Delegaciones» es un nombre anterior: cambió de nombre (hasta 2021-04-28, por ACDO.AS2.HCT.280421/99.P.DA); el nombre vigente es «Unidad de Evaluación de Órganos Desconcentrados».');
    });
});
