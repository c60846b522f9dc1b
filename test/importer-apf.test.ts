// The federal family (profile apf): the SENER Manual de Organización General (DOF, 2026; the extract
// in examples/fuentes/manuales/ runs from its start to the end of section 8.1) against the golden table,
// and fixtures for what that text does not show: a Comisión-style manual with Roman and lettered
// headings in capitals and no codes (test/fixtures/importar/cne-manual-organizacion-general.txt),
// a manual cut in the middle of a unit (shcp-manual-cortado.txt) and a DOF page whose two columns
// the extraction glued into one line (se-pagina-dos-columnas.txt). Plus how --perfil auto decides
// the family of the five real manuals, and what it says when it cannot.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectProfile } from '../server/src/importer/detect.js';
import { ImportError, importManual, type ImportResult } from '../server/src/importer/index.js';
import { acronymOf, findInstitution } from '../server/src/importer/institution.js';
import type { ImportedManual } from '../server/src/importer/model.js';
import { joinLines, splitLines, stripMarkdown } from '../server/src/importer/source.js';
import { isFuncion, isUnidad, type Documento } from '../server/src/language/generated/ast.js';
import { REPO, FUENTES } from './helpers/examples.js';
import { buildWorkspace } from './helpers/workspace.js';
import { normalizeSpace } from '../server/src/language/text-keys.js';

const SHARED = FUENTES;
const MANUALES = path.join(SHARED, 'manuales');
const SENER = 'sener-manual-organizacion-general-dof-2026-extracto.txt';
const FIXTURES = path.join(REPO, 'test/fixtures/importar');


interface GoldenUnit { numero: string; nombre: string; padre: string; funciones: number; linea: number }

function readGolden(): GoldenUnit[] {
    const [header, ...rows] = readFileSync(path.join(SHARED, 'golden/sener-manual-organizacion-general-2026-units.tsv'), 'utf-8')
        .trim().split('\n').map(l => l.split('\t'));
    return rows.map(cells => {
        const r = Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
        return { numero: r.numero, nombre: r.nombre, padre: r.padre, funciones: Number(r.funciones), linea: Number(r.linea) };
    });
}

function importFile(file: string, profile?: 'apf' | 'auto'): ImportResult {
    return importManual(readFileSync(file), path.basename(file), profile ? { profile } : {});
}

function importText(text: string, name = 'prueba.txt'): ImportResult {
    return importManual(new TextEncoder().encode(text), name);
}

/** Lines as the importer counts them: a final newline does not make a line. */
function sourceLines(file: string) {
    const text = readFileSync(file, 'utf-8');
    const lines = splitLines(text);
    if (lines.length > 1 && lines.at(-1)!.text === '' && /\n$/u.test(text)) lines.pop();
    return lines;
}

/**
 * Each unit's function list, rebuilt from the source lines the importer kept between its first
 * function and the next unit heading or section line, equals its functions and incisos in order:
 * nothing skipped, nothing invented, every text verbatim.
 */
function expectFunctionsVerbatim(result: ImportResult, file: string): void {
    const lines = sourceLines(file);
    const { manual } = result;
    const stops = [...manual.units.map(u => u.line), ...manual.sections.flatMap(s => [s.line, ...s.paragraphs.map(p => p.line)])].filter(l => l > 0).sort((a, b) => a - b);
    for (const unit of manual.units) {
        if (unit.functions.length === 0) continue;
        const first = unit.functions[0].line;
        const end = stops.find(l => l > first) ?? lines.length + 1;
        const kept = lines.slice(first - 1, end - 1).filter(l => manual.fates[l.line - 1].kind === 'kept').map(l => stripMarkdown(l.text));
        const produced = unit.functions.flatMap(f => [f.number ?? '', f.text, ...f.items.flatMap(i => [i.label === '-' ? '-' : `${i.label})`, i.text])]);
        expect(joinLines(produced), `functions of ${unit.number} ${unit.name}`).toBe(joinLines(kept));
    }
}

/** Every kept line's text is somewhere in the model (title, names, sections, objetivos, functions). */
function expectNoTextLost(manual: ImportedManual, file: string): void {
    const output = [manual.title, ...manual.listedNames.map(l => l.text),
        ...manual.sections.flatMap(s => [s.title, ...s.paragraphs.map(p => p.text)]),
        ...manual.units.flatMap(u => [u.name, u.objetivo?.text ?? '', ...u.functions.flatMap(f => [f.text, ...f.items.map(i => i.text)])])
    ].map(t => normalizeSpace(t).toLowerCase()).join('\n');
    const missing = sourceLines(file).filter(l => manual.fates[l.line - 1].kind === 'kept').map(l => ({
        line: l.line,
        t: normalizeSpace(stripMarkdown(l.text)).replace(/^(?:\d{1,4}(?:\.\d{1,3})*\.?|[IVXLCDM]+(?:\.\d+)*\.?|[a-zñA-Z][.)])\s+/u, '').replace(/\s*\.$/u, '')
    })).filter(({ t }) => !/^(?:Objetivo|OBJETIVO|Funciones|FUNCIONES):$/u.test(t) && !output.includes(t.toLowerCase()));
    expect(missing).toEqual([]);
}

function expectEveryLineAccounted(result: ImportResult, file: string): void {
    const { lineas } = result.report;
    expect(lineas.total).toBe(sourceLines(file).length);
    expect(result.manual.fates.every(Boolean)).toBe(true);
    expect(lineas.conservadas + lineas.descartadas.length + lineas.sinReconocer.length).toBe(lineas.total);
}

describe('importing the SENER Manual de Organización General (DOF 2026, to the end of 8.1)', () => {
    const file = path.join(MANUALES, SENER);
    let result: ImportResult;
    const golden = readGolden();
    beforeAll(() => { result = importFile(file); });

    it('is detected as a federal manual by its structure, not by the institutions it cites', () => {
        // The text cites the ISSSTE law twice and names no IMSS unit; the old detection picked ISSSTE.
        expect(readFileSync(file, 'utf-8').match(/Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado/gu)).toHaveLength(2);
        const detection = detectProfile(readFileSync(file, 'utf-8'));
        expect(detection.profile).toBe('apf');
        expect(detection.verdicts).toEqual([
            { profile: 'imss', units: 0, support: [] },
            { profile: 'issste', units: 0, support: [] },
            { profile: 'apf', units: 14, support: ['sección «Objetivos y funciones»', 'Estructura orgánica con letras, romanos o «I.1.» (A., I., I.1.)'] }
        ]);
        expect(result.report.perfil).toBe('apf');
    });

    it('finds the 14 units of the golden table: codes, names, parents, function counts and heading lines', () => {
        expect(golden).toHaveLength(14);
        expect(result.report.unidades.map(u => [u.numero, u.nombre, u.padre ?? '', u.funciones, u.linea]))
            .toEqual(golden.map(g => [g.numero, g.nombre, g.padre, g.funciones, g.linea]));
        expect(result.report.funciones).toBe(232);
        expect(result.report.unidades.every(u => u.numeroEscrito === undefined)).toBe(true);
    });

    it('takes the parents from the Estructura orgánica, and they agree with the codes', () => {
        // "A. Oficina de la persona Titular de la Secretaría" (line 955) is the body's sub-heading
        // "8.1." (line 1020), whose first unit is the Secretaría (100): the units listed under A.
        // hang from it, those under "I. Unidad de Asuntos Jurídicos" from 120, and so on.
        const avisos = result.report.avisos.join('\n');
        expect(avisos).not.toMatch(/Estructura orgánica la pone bajo/u);
        expect(avisos).not.toMatch(/no figura en la Estructura orgánica/u);
        expect(result.manual.units.filter(u => u.parent === null).map(u => u.number)).toEqual(['100']);
    });

    it('holds the 8.1 sub-heading as part of the Objetivos y funciones section, not as a unit', () => {
        const body = result.manual.sections.find(s => s.title === 'OBJETIVOS Y FUNCIONES')!;
        expect(body).toEqual({ title: 'OBJETIVOS Y FUNCIONES', line: 1019, paragraphs: [{ text: '8.1. OFICINA DE LA PERSONA TITULAR DE LA SECRETARÍA.', line: 1020 }] });
        expect(result.manual.units.some(u => /OFICINA/iu.test(u.name))).toBe(false);
    });

    it('keeps the ÍNDICE as a section: its entries (8.1 … 8.6) are no units and no sections', () => {
        const index = result.manual.sections.find(s => s.title === 'ÍNDICE')!;
        expect(index.line).toBe(6);
        expect(index.paragraphs.map(p => p.line)).toEqual(Array.from({ length: 16 }, (_, i) => 7 + i));
        expect(result.manual.sections.map(s => [s.title, s.line])).toEqual([
            ['Preámbulo', 1], ['Acta de Autorización', 2], ['ÍNDICE', 6], ['PRESENTACIÓN', 23], ['OBJETIVO DEL MANUAL', 29],
            ['CONCEPTOS ESTRATÉGICOS', 31], ['ANTECEDENTES', 37], ['MARCO JURÍDICO', 62], ['ATRIBUCIONES', 911],
            ['ESTRUCTURA ORGÁNICA', 954], ['ORGANIGRAMA', 1018], ['OBJETIVOS Y FUNCIONES', 1019]
        ]);
    });

    it('reads Roman-numbered functions with their numerals as written, and the closing clauses', () => {
        for (const u of result.manual.units) {
            expect(u.functions.map(f => f.number), u.number).toEqual(u.functions.map((_, i) => `${roman(i + 1)}.`));
        }
        const secretaria = result.manual.units[0];
        expect(secretaria.functions.at(-1)).toMatchObject({ number: 'XXII.', line: 1047, closing: true });
        expect(secretaria.functions.at(-1)!.text).toMatch(/^Las demás que/u);
        // Every list but 111's ends with its closing clause; 111's ends at XI (line 1062), as the text does.
        expect(result.manual.units.filter(u => !u.functions.at(-1)!.closing).map(u => u.number)).toEqual(['111']);
        expect(result.manual.units.flatMap(u => u.functions.filter(f => f.closing)).length).toBe(13);
        expect(result.report.avisos).toContain('«Dirección General de Asuntos Internacionales» (línea 1048): su lista de funciones no termina con la cláusula de cierre («Las demás…»); la última función empieza en la línea 1062.');
        // The Atribuciones quote Roman-numbered fractions of the law: prose, not functions.
        expect(result.manual.sections.find(s => s.title === 'ATRIBUCIONES')!.paragraphs.some(p => p.text.startsWith('XXXVII. Los demás que le encomienden'))).toBe(true);
    });

    it('reads every objetivo (the Secretaría\'s with the paragraph that introduces its functions)', () => {
        expect(result.manual.units.every(u => u.objetivo && u.objetivo.text.length > 40)).toBe(true);
        expect(result.manual.units[1].objetivo).toEqual({
            line: 1050,
            text: 'Establecer una adecuada representación y participación del sector energético mexicano en el ámbito internacional, a fin de promover y concretar los intereses de México en el mundo, contribuyendo al desarrollo nacional.'
        });
        expect(result.manual.units[0].objetivo!.text).toMatch(/en beneficio de México\. Además de las facultades señaladas en el Artículo 5 .* le corresponde el ejercicio de las siguientes:$/u);
    });

    it('takes the institution from the document: SENER, the acronym it gives the Secretaría de Energía', () => {
        expect(result.manual.institution).toBe('SENER');
        expect(result.manual.institutionName).toBe('Secretaría de Energía');
        expect(result.report.manual).toEqual({ id: 'SENER', titulo: 'Manual de Organización General de la Secretaría de Energía', institucion: 'SENER', vigencia: null });
        expect(result.report.avisos[0]).toBe('Institución SENER: siglas que el texto da a «Secretaría de Energía»: «SENER».');
        expect(result.report.raices).toMatchObject([{ numero: '100', origen: 'cabeza', adscripcion: null }]);
    });

    it('keeps every function text verbatim, accounts for every line and loses no text', () => {
        expectFunctionsVerbatim(result, file);
        expectEveryLineAccounted(result, file);
        expect(result.report.lineas).toMatchObject({ total: 1309, conservadas: 1309, sinReconocer: [] });
        expectNoTextLost(result.manual, file);
    });

    it('cross-checks the Estructura orgánica with the body: the 49 entries of areas B to F (not in the extract) have no unit', () => {
        const missing = result.report.listadosSinUnidad;
        expect(missing).toHaveLength(49);
        expect(missing[0]).toEqual({ nombre: 'Subsecretaría de Planeación y Transición Energética', linea: 969 });
        // Line 977 lost its numeral: an entry of B all the same.
        expect(missing).toContainEqual({ nombre: 'Dirección General de Desarrollo Tecnológico y Acceso a la Energía', linea: 977 });
        expect(missing.at(-1)).toEqual({ nombre: 'Comisión Nacional de Energía', linea: 1017 });
        // A. is the 8.1 sub-heading, and the 13 units under it are in the body.
        expect(missing.some(m => m.linea >= 955 && m.linea <= 968)).toBe(false);
    });

    it('is deterministic: two imports give the same files and report, byte for byte', () => {
        const again = importFile(file);
        expect(again.files).toEqual(result.files);
        expect(JSON.stringify(again.report)).toBe(JSON.stringify(result.report));
    });

    it('writes units with their codes and functions with their Roman numerals as written', () => {
        const text = result.files[0].text;
        expect(result.files.map(f => f.name)).toEqual(['sener-manual-organizacion-general-dof-2026-extracto.estructura']);
        expect(text).toContain('manual SENER "Manual de Organización General de la Secretaría de Energía" {\n    institucion SENER\n');
        expect(text).toContain('unidad SE "SECRETARIA DE ENERGÍA" {\n    tipo Secretaría\n    número 100\n    línea 1021\n');
        expect(text).toContain('    unidad DGLC "Dirección General de lo Consultivo" {\n            tipo Dirección General\n            número 121\n'.replace('    unidad', '        unidad'));
        expect(text).toMatch(/\n {8}XXII\. cierre "Las demás que le señalen otras disposiciones jurídicas aplicables/u);
    });

    it('refuses --perfil issste on it, saying which profile the structure points to', () => {
        expect(() => importManual(readFileSync(file), SENER, { profile: 'issste' })).toThrow(ImportError);
        expect(() => importManual(readFileSync(file), SENER, { profile: 'issste' }))
            .toThrow(/no parece un manual de organización del ISSSTE: .*; por su estructura parece del perfil «apf» \(14 unidades\): pruebe --perfil apf\./u);
    });
});

function roman(n: number): string {
    const digits: Array<[string, number]> = [['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]];
    let out = '';
    for (const [d, v] of digits) while (n >= v) { out += d; n -= v; }
    return out;
}

describe('--perfil auto on the five real manuals', () => {
    const expected: Array<[string, string]> = [
        ['imss-manual-organizacion-2018.txt', 'imss'],
        ['imss-manual-direccion-operacion-evaluacion-2022.txt', 'imss'],
        ['imss-norma-estructuras-extracto-y-manual-sg.md', 'imss'],
        ['issste-manual-organizacion-general-2018.txt', 'issste'],
        [SENER, 'apf']
    ];
    for (const [file, profile] of expected) {
        it(`${file}: ${profile}`, () => {
            const detection = detectProfile(readFileSync(path.join(MANUALES, file), 'utf-8'));
            expect(detection.profile).toBe(profile);
            // The other families find no unit with their structure.
            expect(detection.verdicts.filter(v => v.profile !== profile).map(v => v.units)).toEqual([0, 0]);
        });
    }

    it('says which profiles it tried and why each failed when no structure fits', () => {
        const detection = detectProfile('Receta de tamales\n\nIngredientes: masa, manteca y sal.\n');
        expect(detection.profile).toBeUndefined();
        expect(() => importText('Receta de tamales\n\nIngredientes: masa, manteca y sal.\n', 'receta.txt')).toThrow(
            'receta.txt: no se pudo decidir a qué familia pertenece el manual: ningún perfil encuentra unidades con su estructura. Perfiles probados: '
            + 'imss: ninguna unidad (busca encabezados con numeración decimal (7.1, 7.1.1) bajo una sección numerada de Funciones, seguidos de sus funciones); '
            + 'issste: ninguna unidad (busca encabezados con código (1.1, 5.3.0.1) seguidos de «Objetivo:» y de «Funciones:» numeradas con arábigos (1., 2.)); '
            + 'apf: ninguna unidad (busca listas «Funciones:» numeradas con romanos (I., II.) bajo un encabezado de unidad (100., I., a)) y su «Objetivo:»). '
            + 'Indique el perfil con --perfil imss, issste o apf.'
        );
    });

    it('says so when two families fit equally', () => {
        // One IMSS-shaped unit and one federal-shaped unit, nothing else of either family.
        const text = [
            '7 Funciones', '7.1 Dirección de Prueba', '1. Coordinar la prueba.',
            'Otra parte.', '100. Dirección General de Prueba.', 'Objetivo:', 'Probar.', 'Funciones:', 'I. Coordinar la prueba.'
        ].join('\n');
        const detection = detectProfile(text);
        expect(detection.profile).toBeUndefined();
        expect(detection.profile === undefined && detection.reason).toMatch(/^no se pudo decidir a qué familia pertenece el manual: imss y apf encuentran las mismas unidades y las mismas señales\. Perfiles probados: imss: 1 unidad, sin otras señales de la familia; issste: ninguna unidad .*; apf: 1 unidad, sin otras señales de la familia\./u);
    });

    it('counts federal units with arabic-numbered functions for the federal family when its sections are there', () => {
        const text = [
            '6. ESTRUCTURA ORGÁNICA', 'A. Oficina de la persona Titular.', 'I. Dirección General de Prueba.', 'II. Dirección General de Ensayo.',
            '8. OBJETIVOS Y FUNCIONES', '1.1 Dirección General de Prueba.', 'Objetivo:', 'Probar.', 'Funciones:', '1. Coordinar la prueba.'
        ].join('\n');
        const detection = detectProfile(text);
        expect(detection.verdicts.map(v => [v.profile, v.units, v.support.length])).toEqual([['imss', 0, 0], ['issste', 1, 0], ['apf', 1, 2]]);
        expect(detection.profile).toBe('apf');
    });
});

describe('a Comisión-style manual: Roman and lettered headings in capitals, no codes, the tree in the Estructura orgánica (fixture)', () => {
    const file = path.join(FIXTURES, 'cne-manual-organizacion-general.txt');
    let result: ImportResult;
    beforeAll(() => { result = importFile(file); });

    it('finds the nine units under VIII. OBJETIVO Y FUNCIONES, with their numerals as written and their parents from the list', () => {
        expect(result.report.perfil).toBe('apf');
        expect(result.report.unidades.map(u => [u.numero, u.numeroEscrito ?? '', u.nombre, u.padre, u.tipo, u.funciones, u.linea])).toEqual([
            ['I', '', 'DIRECCIÓN GENERAL DE LA COMISIÓN NACIONAL DE ENERGÍA', null, 'Dirección General', 5, 72],
            ['II', '', 'UNIDAD DE ASUNTOS JURÍDICOS', 'I', 'Unidad', 4, 87],
            ['III', '', 'UNIDAD DE ELECTRICIDAD', 'I', 'Unidad', 4, 98],
            // Letters start again under each Roman numeral: the number is qualified, the numeral kept.
            ['III.a', 'a', 'Dirección General de Permisos de Electricidad', 'III', 'Dirección General', 3, 107],
            ['III.b', 'b', 'Dirección General de Supervisión del Mercado Eléctrico', 'III', 'Dirección General', 3, 115],
            // A heading wrapped over two lines (122-123).
            ['IV', '', 'UNIDAD DE HIDROCARBUROS, PETROLÍFEROS Y PETROQUÍMICOS', 'I', 'Unidad', 3, 122],
            ['IV.a', 'a', 'Dirección General de Permisos de Hidrocarburos', 'IV', 'Dirección General', 2, 131],
            ['IV.b', 'b', 'Dirección General de Precios y Tarifas de Petrolíferos', 'IV', 'Dirección General', 3, 137],
            ['V', '', 'UNIDAD DE ADMINISTRACIÓN Y FINANZAS', 'I', 'Unidad', 3, 144]
        ]);
        // The list and the body agree: every entry has its unit, no unit is missing from the list.
        expect(result.report.listadosSinUnidad).toEqual([]);
        expect(result.report.avisos.filter(a => /Estructura orgánica/u.test(a))).toEqual([]);
    });

    it('does not take the ÍNDICE, the sections or the Roman-numbered Atribuciones for units', () => {
        expect(result.manual.sections.map(s => [s.title, s.line])).toEqual([
            ['ACUERDO por el que se expide el Manual de Organización General de la Comisión Nacional de Energía', 2], ['TRANSITORIO', 15],
            ['ÍNDICE', 21], ['INTRODUCCIÓN', 31], ['OBJETIVO DEL MANUAL', 35], ['ANTECEDENTES', 38], ['MARCO JURÍDICO', 43], ['ATRIBUCIONES', 51],
            ['ESTRUCTURA ORGÁNICA', 60], ['ORGANIGRAMA', 70], ['OBJETIVO Y FUNCIONES', 71], ['GLOSARIO', 151]
        ]);
        expect(result.manual.sections.find(s => s.title === 'ÍNDICE')!.paragraphs.map(p => p.text)).toEqual([
            'I. INTRODUCCIÓN', 'II. OBJETIVO DEL MANUAL', 'III. ANTECEDENTES', 'IV. MARCO JURÍDICO', 'V. ATRIBUCIONES',
            'VI. ESTRUCTURA ORGÁNICA', 'VII. ORGANIGRAMA', 'VIII. OBJETIVO Y FUNCIONES', 'IX. GLOSARIO'
        ]);
        expect(result.manual.sections.find(s => s.title === 'ATRIBUCIONES')!.paragraphs.map(p => p.text.slice(0, 12))).toEqual([
            'Ley de la Co', 'Artículo 5.-', 'I. Regular y', 'II. Otorgar,', 'III. Expedir', 'IV. Las demá'
        ]);
    });

    it('reads OBJETIVO:/FUNCIONES: in capitals, incisos, functions split by a page break, and the closing clauses', () => {
        const dg = result.manual.units[0];
        expect(dg.objetivo).toEqual({ line: 74, text: 'Conducir la regulación y la supervisión del sector energético con autonomía técnica, operativa y de gestión, para que las actividades reguladas se realicen conforme a la política energética nacional.' });
        expect(dg.functions[2]).toEqual({
            number: 'III.', line: 79, closing: false, text: 'Someter a la consideración de la persona titular de la Secretaría de Energía:',
            items: [
                { label: 'a', line: 80, text: 'El programa anual de trabajo de la Comisión;' },
                { label: 'b', line: 81, text: 'El informe anual de actividades, y' },
                { label: 'c', line: 82, text: 'Los proyectos de normas oficiales mexicanas en materia energética.' }
            ]
        });
        // UAJ's closing clause goes on after a DOF page head (line 95, dropped).
        expect(result.manual.units[1].functions[3]).toMatchObject({ number: 'IV.', line: 96, closing: true, text: 'Las demás que le señalen otras disposiciones jurídicas aplicables y las que le confiera la persona titular de la Dirección General.' });
        expect(result.manual.units.every(u => u.functions.at(-1)!.closing)).toBe(true);
        expect(result.report.lineas.descartadasPorRegla).toEqual({ 'encabezado-dof': 3, 'registro-dof': 1 });
    });

    it('takes the institution, the title and the entry into force from the document', () => {
        expect(result.report.manual).toEqual({ id: 'CNE_2026', titulo: 'Manual de Organización General de la Comisión Nacional de Energía', institucion: 'CNE', vigencia: '2026-01-13' });
        expect(result.report.raices).toMatchObject([{ numero: 'I', origen: 'cabeza', explicacion: 'sin adscripción: encabeza la institución (Comisión Nacional de Energía)' }]);
        // Without the acronym after the name, the initials of the name.
        const text = readFileSync(file, 'utf-8').replace(' (CNE)', '');
        expect(importText(text).manual.institution).toBe('CNE');
    });

    it('keeps every function text verbatim, accounts for every line and loses no text', () => {
        expectFunctionsVerbatim(result, file);
        expectEveryLineAccounted(result, file);
        expect(result.report.lineas.sinReconocer).toEqual([]);
        expectNoTextLost(result.manual, file);
    });

    it('writes Roman and lettered numerals as the headings write them', () => {
        const text = result.files[0].text;
        expect(text).toContain('unidad DGCNE "DIRECCIÓN GENERAL DE LA COMISIÓN NACIONAL DE ENERGÍA" {\n    tipo Dirección General\n    número I\n');
        expect(text).toContain('        unidad DGPE "Dirección General de Permisos de Electricidad" {\n            tipo Dirección General\n            número a\n');
        expect(text).toContain('        III. "Someter a la consideración de la persona titular de la Secretaría de Energía:" línea 79 {\n            a) "El programa anual de trabajo de la Comisión;" línea 80\n');
    });
});

describe('other shapes of the family', () => {
    it('a decimal Estructura orgánica, a Roman-numbered body section with arabic sub-headings, labels without colon, «I)» numerals', () => {
        const result = importText([
            'MANUAL DE ORGANIZACIÓN GENERAL DE LA SECRETARÍA DE PRUEBAS',
            'IV. ESTRUCTURA ORGÁNICA',
            '1. Secretaría de Pruebas.',
            '1.1. Subsecretaría de Ensayos.',
            '1.1.1. Dirección General de Ensayos Clínicos.',
            '1.1.2. Dirección General de Ensayos Físicos.',
            'VI. OBJETIVOS Y FUNCIONES',
            '6.1 Oficina de la persona titular',
            '100 SECRETARÍA DE PRUEBAS', 'OBJETIVO', 'Conducir las pruebas.', 'FUNCIONES',
            'I) Acordar con la persona titular del Ejecutivo Federal.', 'II) Las demás que le confieran las leyes.',
            '200 SUBSECRETARÍA DE ENSAYOS', 'OBJETIVO', 'Conducir los ensayos.', 'FUNCIONES',
            'I) Dirigir los ensayos.', 'II) Las demás que le confieran las leyes.',
            '210 DIRECCIÓN GENERAL DE ENSAYOS CLÍNICOS', 'OBJETIVO', 'Ensayar.', 'FUNCIONES',
            'I) Ensayar en clínicas.', 'II) Las demás que le confieran las leyes.'
        ].join('\n'));
        expect(result.report.perfil).toBe('apf');
        // 200 is under 100 because the list says so (the codes do not nest: 2 is no extension of 1).
        expect(result.report.unidades.map(u => [u.numero, u.padre, u.funciones])).toEqual([['100', null, 2], ['200', '100', 2], ['210', '200', 2]]);
        expect(result.manual.units[0].functions.map(f => f.number)).toEqual(['I.', 'II.']);
        expect(result.manual.sections.find(s => s.title === 'OBJETIVOS Y FUNCIONES')!.paragraphs).toEqual([{ text: '6.1 Oficina de la persona titular', line: 8 }]);
        expect(result.report.listadosSinUnidad).toEqual([{ nombre: 'Dirección General de Ensayos Físicos', linea: 6 }]);
        expect(result.report.lineas.sinReconocer).toEqual([]);
        expect(result.manual.institution).toBe('SP');
    });

    it('keeps an introduction of Objetivos y funciones as its paragraph, and text after a closed list aside', () => {
        const result = importText([
            'MANUAL DE ORGANIZACIÓN GENERAL DE LA SECRETARÍA DE PRUEBAS', '8. OBJETIVOS Y FUNCIONES', 'En este apartado se describen las unidades.',
            '100. SECRETARÍA DE PRUEBAS.', 'Objetivo:', 'Probar.', 'Funciones:', 'I. Probar.', 'II. Las demás que le confieran las leyes.', 'Texto suelto al final.'
        ].join('\n'));
        expect(result.manual.sections.map(s => [s.title, s.paragraphs.map(p => p.line)])).toEqual([['Preámbulo', [1]], ['OBJETIVOS Y FUNCIONES', [3]], ['Texto sin reconocer', [10]]]);
        expect(result.report.avisos).toContain('línea 10: texto entre unidades que no es encabezado, objetivo ni función; se conserva en «Texto sin reconocer».');
    });

    it('arabic-numbered and bulleted function lists, a unit without objetivo, an «Oficina» entry with no sub-heading, a title that names the institution by its acronym', () => {
        const result = importManual(new TextEncoder().encode([
            'ACUERDO por el que se emite el Manual de Organización General de la SEGOB.',
            '5. ESTRUCTURA ORGÁNICA', 'A. Oficina de la persona Titular.', 'I. Unidad de Prueba.',
            '7. OBJETIVOS Y FUNCIONES',
            '100. SECRETARÍA DE GOBERNACIÓN.', 'Funciones:',
            '1. Acordar con la persona titular del Ejecutivo Federal.', '2. Coordinar lo siguiente:', 'a) Uno;', 'b) Dos.',
            '3. Las demás que le confieran las leyes.',
            '110. Unidad de Prueba.', 'Objetivo: Probar.', 'Funciones:',
            '• Coordinar las pruebas de la Secretaría de', 'Gobernación.', '• Las demás que le confieran las leyes.'
        ].join('\n')), 'segob.txt', { profile: 'apf' });
        expect(result.manual.institution).toBe('SEGOB');
        // «A. Oficina de la persona Titular» stands for the first unit no entry names: the Secretaría.
        expect(result.report.unidades.map(u => [u.numero, u.padre, u.funciones])).toEqual([['100', null, 3], ['110', '100', 2]]);
        expect(result.manual.units[0].objetivo).toBeUndefined();
        expect(result.manual.units[0].functions.map(f => [f.number, f.items.length, f.closing])).toEqual([['1.', 0, false], ['2.', 2, false], ['3.', 0, true]]);
        expect(result.manual.units[1].functions).toEqual([
            { text: '• Coordinar las pruebas de la Secretaría de Gobernación.'.slice(2), line: 16, closing: false, items: [] },
            { text: 'Las demás que le confieran las leyes.', line: 18, closing: true, items: [] }
        ]);
        expect(result.report.avisos.filter(a => /Estructura orgánica/u.test(a))).toEqual([]);
    });
});

describe('bad input', () => {
    it('a federal manual cut in the middle of a unit: imports what is there and reports the rest (fixture)', () => {
        const file = path.join(FIXTURES, 'shcp-manual-cortado.txt');
        const result = importFile(file);
        expect(result.report.unidades.map(u => [u.numero, u.nombre, u.padre, u.funciones])).toEqual([
            ['100', 'SECRETARÍA DE HACIENDA Y CRÉDITO PÚBLICO', null, 3],
            ['110', 'Unidad de Comunicación Social y Vocería', '100', 3],
            ['120', 'Unidad de Asuntos Jurídicos', '100', 3]
        ]);
        // The last function is kept as far as the text goes.
        expect(result.manual.units[2].functions[2]).toMatchObject({ number: 'III.', line: 66, closing: false, text: 'Coordinar la defensa jurídica de la Secretaría ante los tribunales federales y' });
        expect(result.report.avisos).toContain('«Unidad de Asuntos Jurídicos» (línea 60): su lista de funciones no termina con la cláusula de cierre («Las demás…»); la última función empieza en la línea 66 y el texto termina ahí: el manual parece cortado.');
        // The units of the Estructura orgánica that the text no longer reaches.
        expect(result.report.listadosSinUnidad).toEqual([
            { nombre: 'Dirección General de Legislación y Consulta', linea: 35 },
            { nombre: 'Dirección General de lo Contencioso', linea: 36 },
            { nombre: 'Subsecretaría de Hacienda y Crédito Público', linea: 37 },
            { nombre: 'Unidad de Crédito Público', linea: 38 }
        ]);
        // "la SHCP" (line 19) names the Secretaría de Hacienda y Crédito Público.
        expect(result.manual.institution).toBe('SHCP');
        expectEveryLineAccounted(result, file);
        expectFunctionsVerbatim(result, file);
        expectNoTextLost(result.manual, file);
    });

    it('a federal manual cut right after a heading: the heading is reported, not made a unit', () => {
        const text = readFileSync(path.join(FIXTURES, 'shcp-manual-cortado.txt'), 'utf-8').split('\n').slice(0, 60).join('\n') + '\n';
        const result = importText(text, 'cortado.txt');
        expect(result.report.unidades.map(u => u.numero)).toEqual(['100', '110']);
        expect(result.report.lineas.sinReconocer).toEqual([60]);
        expect(result.report.avisos).toContain('línea 60: encabezado de unidad sin «Objetivo:» ni «Funciones:» (el texto termina ahí: el manual parece cortado); no se lee como unidad y se conserva en «Texto sin reconocer».');
    });

    it('a DOF page with its two columns glued into one line: a clear report of unrecognized lines, no invented unit (fixture)', () => {
        const file = path.join(FIXTURES, 'se-pagina-dos-columnas.txt');
        const result = importFile(file);
        // 112 starts in the right column of the glued page (line 30): it is not made up from it.
        expect(result.report.unidades.map(u => [u.numero, u.nombre, u.padre, u.funciones])).toEqual([
            ['100', 'SECRETARÍA DE ECONOMÍA', null, 2],
            ['111', 'Dirección General de Asuntos Internacionales', '100', 3],
            ['113', 'Dirección General de Normatividad Mercantil', '100', 2]
        ]);
        // The glued page (27-38) and what follows it up to the next heading (40-42: 112's last functions).
        expect(result.report.lineas.sinReconocer).toEqual([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 40, 41, 42]);
        expect(result.report.avisos).toEqual(expect.arrayContaining([
            '«Dirección General de Asuntos Internacionales» (línea 19): línea 27 sin reconocer: renglones con las dos columnas de una página del DOF pegadas (y lo que los continúa sin número); no se leyeron como funciones ni como unidades y se conservan en «Texto sin reconocer».',
            '«Dirección General de Asuntos Internacionales» (línea 19): su lista termina en una página cuyas dos columnas quedaron pegadas, donde empieza otra unidad; líneas 28-38, 40-42 (lo que sigue hasta el próximo encabezado reconocido) quedan sin reconocer: son de una unidad cuyo encabezado no se pudo leer.'
        ]));
        expect(result.report.listadosSinUnidad).toEqual([{ nombre: 'Dirección General de Comunicación Social', linea: 7 }]);
        // Kept aside, not lost.
        const aside = result.manual.sections.find(s => s.title === 'Texto sin reconocer')!;
        expect(aside.paragraphs.map(p => p.line)).toEqual(result.report.lineas.sinReconocer);
        expect(aside.paragraphs[3].text).toBe('V. Dar seguimiento a los compromisos 112. Dirección General de Comunicación Social.');
        // No institution acronym in the text: the initials of its name.
        expect(result.manual.institution).toBe('SE');
        expectEveryLineAccounted(result, file);
        expectFunctionsVerbatim(result, file);
    });

    it('a whole page glued into a single line is kept aside too', () => {
        const lines = readFileSync(path.join(FIXTURES, 'se-pagina-dos-columnas.txt'), 'utf-8').split('\n');
        const page = lines.slice(26, 38).map(l => l.trim()).join(' ');
        const text = [...lines.slice(0, 26), page, ...lines.slice(38)].join('\n');
        const result = importText(text, 'una-linea.txt');
        expect(result.report.unidades.map(u => u.numero)).toEqual(['100', '111', '113']);
        expect(result.report.lineas.sinReconocer).toEqual([27, 29, 30, 31]);
    });
});

describe('the institution id', () => {
    it('is an acronym made of the name\'s words, or the initials', () => {
        expect(acronymOf('SENER', ['SECRETARIA', 'ENERGIA'])).toBe(true);
        expect(acronymOf('CONUEE', ['COMISION', 'NACIONAL', 'USO', 'EFICIENTE', 'ENERGIA'])).toBe(true);
        expect(acronymOf('ISSSTE', ['SECRETARIA', 'ENERGIA'])).toBe(false);
        expect(findInstitution(['Se expide el Manual de Organización General de la Secretaría de Hacienda y Crédito Público.', 'Las funciones de la SHCP.'])).toMatchObject({ id: 'SHCP', name: 'Secretaría de Hacienda y Crédito Público' });
        expect(findInstitution(['el Manual de Organización General de la Comisión Nacional de Energía, conforme a…'])).toMatchObject({ id: 'CNE', name: 'Comisión Nacional de Energía' });
        // Other institutions' acronyms do not count, however often they appear.
        expect(findInstitution(['Manual de Organización General de la Secretaría de Energía.', 'la CONUEE y la CONUEE y el ISSSTE'])).toMatchObject({ id: 'SE' });
        expect(findInstitution(['Texto sin título.'])).toMatchObject({ id: 'APF' });
    });
});

describe('generated files', () => {
    it('parse without errors and hold every function text and unit numeral of the SENER manual and the fixtures', async () => {
        const results = [path.join(MANUALES, SENER), ...['cne-manual-organizacion-general.txt', 'shcp-manual-cortado.txt', 'se-pagina-dos-columnas.txt'].map(f => path.join(FIXTURES, f))]
            .map(f => importFile(f));
        const ws = await buildWorkspace(Object.fromEntries(results.flatMap(r => r.files.map(f => [f.name, f.text]))));
        for (const r of results) {
            for (const f of r.files) {
                const doc = ws.docs[f.name];
                expect(doc.parseResult.lexerErrors, f.name).toEqual([]);
                expect(doc.parseResult.parserErrors.map(e => e.message), f.name).toEqual([]);
            }
            const nodes = r.files.flatMap(f => AstUtils.streamAllContents(ws.docs[f.name].parseResult.value as Documento).toArray());
            expect(nodes.filter(isFuncion).map(fn => fn.texto).sort()).toEqual(r.manual.units.flatMap(u => u.functions.map(f => f.text)).sort());
            expect(nodes.filter(isFuncion).map(fn => fn.numero).sort()).toEqual(r.manual.units.flatMap(u => u.functions.map(f => f.number)).sort());
            expect(nodes.filter(isUnidad).map(u => u.numero).sort()).toEqual(r.manual.units.map(u => u.written ?? u.number).sort());
        }
    }, 60_000);
});
