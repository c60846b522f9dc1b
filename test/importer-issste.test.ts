// The ISSSTE parser on the real Manual de Organización General (Normateca format, consolidated to
// 2018) against the golden table in examples/fuentes/golden/, plus small synthetic manuals for the shapes
// the real one does not show (wrapped headings, a heading without its code, an objetivo on the
// same line as its label).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldName, normalizeSpace } from '../server/src/language/text-keys.js';
import { parseIssste } from '../server/src/importer/issste.js';
import type { ImportedManual, ImportedUnit, LineFate, SourceLine } from '../server/src/importer/model.js';
import { joinLines, splitLines, stripMarkdown } from '../server/src/importer/source.js';
import { FUENTES } from './helpers/examples.js';

const SHARED = FUENTES;
const FILE = path.join(SHARED, 'manuales/issste-manual-organizacion-general-2018.txt');
const GOLDEN = path.join(SHARED, 'golden/issste-manual-2018-units.tsv');


interface GoldenUnit { code: string; name: string; parent_code: string; line: number; n_functions: number; kind: string }

function readGolden(): GoldenUnit[] {
    const [header, ...rows] = readFileSync(GOLDEN, 'utf-8').trim().split('\n').map(l => l.split('\t'));
    return rows.map(cells => {
        const r = Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
        return { code: r.code, name: r.name, parent_code: r.parent_code, line: Number(r.line), n_functions: Number(r.n_functions), kind: r.kind };
    });
}

function parse(text: string): { lines: SourceLine[]; fates: LineFate[]; manual: ImportedManual; ms: number } {
    const lines = splitLines(text);
    // As the importer does: a trailing newline does not make a line of its own.
    if (lines.length > 1 && lines.at(-1)!.text === '' && /\n$/u.test(text)) lines.pop();
    const fates: LineFate[] = new Array(lines.length);
    const start = performance.now();
    const manual = parseIssste(lines, fates);
    return { lines, fates, manual, ms: performance.now() - start };
}

// Source list lines the extraction prefixed with a dash ("- 1.1.1.1 …", "- a) …", "- Coordinar…"),
// and a number it doubled ("10.10."); the parser reads through both.
const listDash = (text: string) => text.replace(/^\s*[-–•]\s+/u, '').replace(/^(\d{1,3})\.\1\.(?=\s)/u, '$1.');

describe('importing the ISSSTE Manual de Organización General (2018)', () => {
    let lines: SourceLine[];
    let fates: LineFate[];
    let manual: ImportedManual;
    let ms: number;
    let byCode: Map<string, ImportedUnit>;
    const golden = readGolden();

    beforeAll(() => {
        ({ lines, fates, manual, ms } = parse(readFileSync(FILE, 'utf-8')));
        byCode = new Map(manual.units.map(u => [u.number, u]));
        console.log(`ISSSTE: ${lines.length} lines parsed in ${ms.toFixed(0)} ms`);
    });

    it('finds the 553 units of the golden table, no more, with their heading lines', () => {
        expect(golden).toHaveLength(553);
        expect(manual.units).toHaveLength(553);
        expect(new Set(manual.units.map(u => u.number))).toEqual(new Set(golden.map(g => g.code)));
        expect(manual.units.map(u => [u.number, u.line])).toEqual(golden.map(g => [g.code, g.line]));
    });

    it('matches every unit name of the golden table, the proposed-name note of 9.1.2 aside', () => {
        for (const g of golden) {
            const expected = g.code === '9.1.2'
                // Line 15885: "9.1.2 Departamento de Redacción. (Nombre propuesto: Departamento de
                // Redacción e Información.)". The golden keeps the note in the name; it is a note on
                // the registered name (the Estructura Orgánica, line 2029, writes it as an aside too).
                ? 'Departamento de Redacción'
                : normalizeSpace(g.name);
            expect(byCode.get(g.code)!.name, g.code).toBe(expected);
        }
        expect(manual.listedNames).toContainEqual({ text: 'Departamento de Redacción e Información', line: 15885 });
    });

    it('derives parents from the codes, skipping the .0 of staff units', () => {
        for (const g of golden) expect(byCode.get(g.code)!.parent ?? '', g.code).toBe(g.parent_code);
        expect(byCode.get('5.3.0.1')!.parent).toBe('5.3');
        expect(byCode.get('1.0.2')!.parent).toBe('1');
        expect(byCode.get('6.0.1.1')!.parent).toBe('6.0.1');
        // The Unidad de Desarrollo Institucional was added as 10.1; there is no unit 10.
        expect(byCode.get('10.1')!.parent).toBeNull();
        expect(manual.units.filter(u => u.parent === null).map(u => u.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10.1']);
    });

    it('counts the 5,451 functions of the golden table, unit by unit', () => {
        for (const g of golden) expect(byCode.get(g.code)!.functions.length, g.code).toBe(g.n_functions);
        expect(manual.units.reduce((n, u) => n + u.functions.length, 0)).toBe(5451);
    });

    it('suggests the kinds of the golden table from the names', () => {
        for (const g of golden) expect(byCode.get(g.code)!.kind, g.code).toBe(g.kind);
        expect(manual.units.some(u => u.generic || u.grouping)).toBe(false);
    });

    it('reads every objetivo', () => {
        expect(manual.units.every(u => u.objetivo && u.objetivo.text.length > 40)).toBe(true);
        expect(byCode.get('1.1')!.objetivo).toEqual({
            line: 2583,
            text: 'Colaborar con el Secretario de la Junta Directiva, en la coordinación, supervisión, operación y evaluación de las áreas que conforman la estructura administrativa de la Prosecretaría, a través de la planeación de acciones necesarias para la organización y desahogo de las sesiones de la Junta Directiva con el fin de cumplir en tiempo y forma con las atribuciones que la normatividad aplicable le asigna al órgano superior de dirección y gobierno del Instituto.'
        });
    });

    it('marks the 553 closing clauses: every unit ends with one', () => {
        const closing = manual.units.flatMap(u => u.functions.filter(f => f.closing));
        expect(closing).toHaveLength(553);
        expect(manual.units.every(u => u.functions.at(-1)!.closing)).toBe(true);
        // DOMAIN.md counts 544: those are the "Realizar las demás funciones…" ones; nine units
        // (lines below) close with "Desarrollar las demás funciones inherentes al cargo…".
        expect(closing.filter(f => f.text.startsWith('Realizar las demás funciones'))).toHaveLength(544);
        expect(closing.filter(f => f.text.startsWith('Desarrollar las demás funciones')).map(f => f.line))
            .toEqual([4122, 4141, 4166, 4183, 13890, 14294, 14313, 14337, 14354]);
    });

    it('keeps the ", y" and "; y" that join the last two functions', () => {
        const all = manual.units.flatMap(u => u.functions.map(f => ({ unit: u, f })));
        expect(all.filter(x => /, y$/u.test(x.f.text))).toHaveLength(553);
        expect(all.filter(x => /; y$/u.test(x.f.text)).map(x => x.f.line)).toEqual([16211]);
        // The penultimate function ends so everywhere but 5.5.2.1 (line 11206, "…jurisdiccionales
        // y", no comma); 6.1.0.1 has one more ", y" in mid-list (line 13767), as in the source.
        expect(manual.units.filter(u => !/[,;] y$/u.test(u.functions.at(-2)!.text)).map(u => u.number)).toEqual(['5.5.2.1']);
        expect(all.filter(x => /, y$/u.test(x.f.text) && x.unit.functions.at(-2) !== x.f).map(x => x.f.line)).toEqual([13767]);
        expect(byCode.get('1')!.functions[28]).toEqual({
            number: '29.', line: 2575, closing: false, items: [],
            text: 'Coadyuvar en la promoción y conducción de las relaciones institucionales en el ámbito nacional e internacional, y'
        });
    });

    it('reads incisos and dash items as items of the function that introduces them, across page breaks', () => {
        const withItems = manual.units.flatMap(u => u.functions.filter(f => f.items.length > 0).map(f => [u.number, f.number, f.items.map(i => i.label).join('')]));
        expect(withItems).toEqual([['3', '1.', 'ab'], ['4', '9.', 'abcdef'], ['4', '17.', '-------'], ['4.1', '5.', 'abcdef']]);
        const fiscal = byCode.get('4')!.functions[8];
        expect(fiscal.text).toMatch(/para lo cual podrá:$/u);
        // Inciso f) comes after a page break (lines 7120-7126 are furniture).
        expect(fiscal.items[5]).toEqual({ label: 'f', line: 7127, text: 'Realizar las gestiones de cobro de los créditos fiscales, en los términos de la Ley y el Código Fiscal de la Federación.' });
        expect(byCode.get('4')!.functions[16].items[6].text).toBe('Las demás que le señalen los reglamentos, lineamientos y, en su caso, Acuerdos de la Junta, así como las que le encomiende el Comité de Inversiones.');
        expect(byCode.get('4')!.functions[16].closing).toBe(false);
    });

    it('re-joins functions split by page breaks and survives the extraction glitches', () => {
        // Lines 4213 / 4223: the continuation after the page break came out as a dash item.
        const dm = byCode.get('2')!.functions[13];
        expect(dm.line).toBe(4213);
        expect(dm.text).toContain('las normas técnicas que deberán aplicarse en los procesos de selección del personal directivo de las Unidades y Subdelegaciones Médicas');
        // 2.1 (line 4250): functions 1-13 lost their numbers (dashes), 14-21 kept them; function 13
        // goes on after a page break (line 4280).
        const sges = byCode.get('2.1')!;
        expect(sges.functions.map(f => f.number ?? '-').join(' ')).toBe('- - - - - - - - - - - - - 14. 15. 16. 17. 18. 19. 20. 21.');
        expect(sges.functions[12].text).toMatch(/para el diseño, implementación, administración y operación de los sistemas de información y comunicaciones con los que deberán operar las Delegaciones/u);
        // Line 5294: "- 10.10. Elaborar los informes…".
        expect(byCode.get('2.0.1.3')!.functions[9]).toMatchObject({ number: '10.', line: 5294 });
        expect(byCode.get('2.0.1.3')!.functions[9].text).toMatch(/^Elaborar los informes, reportes/u);
        // Line 11713: "8. poder del Instituto, …": the start of the function is missing in the source.
        expect(byCode.get('5.6.4.1')!.functions[7]).toMatchObject({ number: '8.', line: 11713 });
        expect(byCode.get('5.6.4.1')!.functions[7].text).toMatch(/^poder del Instituto, relativos al ámbito de competencia/u);
        // Functions whose numbers the extraction lost, per unit.
        expect(manual.units.filter(u => u.functions.some(f => !f.number)).map(u => [u.number, u.functions.filter(f => !f.number).length]))
            .toEqual([['2.1', 13], ['5', 10], ['5.5.2', 9], ['5.5.2.1', 11], ['5.5.2.4', 10], ['10.1.2.2', 12]]);
    });

    it('keeps every function text verbatim: the kept source lines of each list are its functions and items', () => {
        const unitStarts = manual.units.map(u => u.line);
        const sectionStarts = manual.sections.map(s => s.line);
        for (const unit of manual.units) {
            const first = unit.functions[0].line;
            const end = Math.min(...[...unitStarts, ...sectionStarts].filter(l => l > first), lines.length + 1);
            const kept = lines.slice(first - 1, end - 1).filter(l => fates[l.line - 1].kind === 'kept').map(l => listDash(stripMarkdown(l.text)));
            const produced = unit.functions.flatMap(f => [f.number ?? '', f.text, ...f.items.flatMap(i => [i.label === '-' ? '' : `${i.label})`, i.text])]);
            expect(joinLines(produced), `functions of ${unit.number} ${unit.name}`).toBe(joinLines(kept));
        }
        const sg = byCode.get('1')!;
        expect(sg.functions[10].text).toBe('Administrar la base de datos institucional del Derechohabiente, normando y vigilando la integración del expediente electrónico único previsto en la Ley, sustentado en la información contenida en la totalidad de las bases de datos de las Unidades Administrativas del Instituto responsables del otorgamiento de los beneficios a que se refiere la Ley y en los registros y procesos que sean de utilidad para su conformación y mejoramiento;');
        expect(byCode.get('10.1')!.functions.map(f => f.line).slice(9, 13)).toEqual([16193, 16194, 16204, 16205]);
    });

    it('accounts for every line: furniture dropped by rule, nothing unrecognized, no text lost', () => {
        expect(lines).toHaveLength(16993);
        expect(fates).toHaveLength(lines.length);
        const counts: Record<string, number> = {};
        for (let i = 0; i < fates.length; i++) {
            expect(fates[i], `line ${i + 1}`).toBeDefined();
            const key = fates[i].kind === 'dropped' ? `dropped:${(fates[i] as { rule: string }).rule}` : fates[i].kind;
            counts[key] = (counts[key] ?? 0) + 1;
        }
        console.log('ISSSTE line fates:', counts);
        expect(counts).toEqual({
            kept: 8982,
            'dropped:linea-vacia': 5366,
            'dropped:hoja-normateca': 1867,
            'dropped:firmas-normateca': 651,
            'dropped:titulo-corrido': 18,
            'dropped:markdown': 108,
            'dropped:registro-dof': 1
        });
        expect(manual.sections.some(s => s.title === 'Texto sin reconocer')).toBe(false);

        // Every kept line's text is somewhere in the result (titles, names, objetivos, functions,
        // items, paragraphs, listed names), but for labels and list numbers.
        const output = [manual.title, ...manual.listedNames.map(l => l.text),
            ...manual.sections.flatMap(s => [s.title, ...s.paragraphs.map(p => p.text)]),
            ...manual.units.flatMap(u => [u.name, u.objetivo?.text ?? '', ...u.functions.flatMap(f => [f.text, ...f.items.map(i => i.text)])])
        ].map(t => normalizeSpace(t).toLowerCase()).join('\n');
        const missing = lines.filter(l => fates[l.line - 1].kind === 'kept').map(l => {
            const t = normalizeSpace(listDash(stripMarkdown(l.text)).replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/gu, ''))
                .replace(/^(?:\d{1,3}(?:\.\d{1,2})*\.?-?|[a-zñ]\))\s+/u, '').replace(/\s*\d*$/u, '').replace(/\s*\.$/u, '');
            return { line: l.line, t };
        }).filter(({ t }) => !/^(?:Objetivo|Funciones):$/u.test(t) && !output.includes(t.toLowerCase()));
        // Only the proposed-name note of 9.1.2, whose two names are kept apart.
        expect(missing.map(m => m.line)).toEqual([15885]);
    });

    it('makes sections of the Acuerdos, fichas, cédulas, index, numbered chapters and transitorios', () => {
        const titles = manual.sections.map(s => s.title.split(' ').slice(0, 5).join(' '));
        expect(titles).toEqual([
            'ACUERDO por el que se',
            'Ficha Técnica', 'Ficha Técnica',
            'Acuerdo por el que se', 'Acuerdo por el que se', 'Acuerdo por el que se', 'Acuerdo por el que se',
            ...new Array(10).fill('Cédula de Actualización'),
            'Contenido', 'Introducción', 'Antecedentes', 'Marco Jurídico', 'Estructura Orgánica', 'Diagrama de Organización',
            'TRANSITORIOS DEL ACUERDO POR EL', 'TRANSITORIOS DEL ACUERDO POR EL'
        ]);
        expect(manual.sections.map(s => s.line)).toEqual([5, 57, 85, 97, 169, 211, 251, 293, 344, 368, 415, 434, 467, 485, 533, 590, 634, 675, 813, 821, 935, 979, 2113, 16921, 16974]);
        // A title wrapped over two lines (169-170) is joined; footnote marks are dropped.
        expect(manual.sections[4].title).toBe('Acuerdo por el que se actualiza el Manual de Organización General del Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado, en la parte relativa a las Direcciones de Prestaciones Económicas, Sociales y Culturales, de Finanzas, de Administración, de Delegaciones y de Comunicación Social');
        const intro = manual.sections.find(s => s.title === 'Introducción')!;
        expect(intro).toMatchObject({ line: 813 });
        expect(intro.paragraphs.map(p => p.line)).toEqual([815, 817, 819]);
        const transitorios = manual.sections.at(-2)!;
        expect(transitorios.line).toBe(16921);
        expect(transitorios.paragraphs[0].text).toMatch(/^PRIMERO\.- El Manual de Organización General .* entrará en vigor a partir del día 1 de abril de 2011\.$/u);
    });

    it('lists the unit names of the index, the Estructura Orgánica and the organigrams, never as units', () => {
        const listed = (from: number, to: number) => manual.listedNames.filter(l => l.line >= from && l.line < to);
        // Index (lines 675-812): 83 entries, footnote marks "(M)⁵" removed.
        expect(listed(675, 813)).toHaveLength(83);
        expect(listed(675, 813)).toContainEqual({ text: 'Dirección Médica', line: 724 });
        // Estructura Orgánica (lines 979-2112): 552 entries (it lacks 3.3.3.3, line 6622) and
        // 9.1.2's proposed name; entries in italics too (line 1901).
        expect(listed(979, 2113)).toHaveLength(553);
        expect(listed(979, 2113)).toContainEqual({ text: 'Departamento de Fortalecimiento Delegacional', line: 1901 });
        // Organigram captions (lines 2113-2518): 16, two of them the «SECRETARÍA DE SALUD Y
        // PROTECCIÓN SOCIAL» of the page heads (lines 2344, 2353), read as a name since federal
        // Secretarías are a unit kind, like the institution's own name above them.
        expect(listed(2113, 2519)).toHaveLength(16);
        expect(listed(2113, 2519)).toContainEqual({ text: 'SECRETARÍA DE SALUD Y PROTECCIÓN SOCIAL', line: 2344 });
        expect(listed(979, 2113)).toContainEqual({ text: 'Departamento de Análisis, Evaluación y Seguimiento', line: 987 });
        const names = new Set(manual.units.map(u => foldName(u.name)));
        // Names the body spells otherwise (2.1.2.3 "…y Sistemas de Información…", 5.6.1.1
        // "Adquisición", 10.1.6.2 "Departamento Técnico…"…), the proposed name of 9.1.2, and the
        // captions of organigrams of renamed or misspelled Direcciones, and the Secretaría of the
        // page heads (2344, 2353).
        expect(manual.listedNames.filter(l => !names.has(foldName(l.text))).map(l => l.line)).toEqual([
            1131, 1227, 1233, 1246, 1664, 1886, 2029, 2103, 2152, 2341, 2344, 2350, 2353, 2447, 15885
        ]);
    });

    it('reads the title, the entry into force, the dated organigrams, and no Acuerdo ids', () => {
        expect(manual).toMatchObject({ profile: 'issste', institution: 'ISSSTE', acuerdos: [] });
        expect(manual.title).toBe('Manual de Organización General del Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado');
        // Latest "FECHA DE ENTRADA EN VIGOR" of the fichas técnicas (line 95).
        expect(manual.vigencia).toBe('2018-07-12');
        expect(manual.organigramas).toEqual([
            { number: '3', title: 'Dirección de Prestaciones Económicas, Sociales y Culturales', line: 2191, vigencia: '2015-05-01' },
            { number: '4', title: 'Dirección de Finanzas', line: 2258, vigencia: '2015-05-01' },
            { number: '5', title: 'Dirección de Administración', line: 2343 },
            { number: '6', title: 'Dirección Jurídica', line: 2366, vigencia: '2009-03-01' },
            { number: '7', title: 'Dirección de Delegaciones', line: 2400, vigencia: '2009-01-01' },
            { number: '9', title: 'Dirección de Comunicación Social', line: 2475, vigencia: '2015-05-01' }
        ]);
    });

    it('parses the whole manual well under a second', () => {
        expect(ms).toBeLessThan(1000);
    });
});

describe('the ISSSTE parser on shapes the 2018 manual does not show', () => {
    const page = (n: number) => [
        `\tInstituto de Seguridad y Servicios Sociales de los Trabajadores del Estado\tHoja:\t${n} de 9`,
        '\tDirección de Prueba\tCódigo:\t',
        '\tManual de Organización General del Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado\tRevisión\t0',
        '\t\tFecha de Elaboración:\t01/02/2019',
        ''
    ];
    const text = [
        'I. Introducción.', '', 'Texto de la introducción.', '',
        ...page(1),
        '4.2.0.1 Jefatura de Servicios de Coordinación de Proyectos Especiales y de', 'Atención a Órganos Fiscalizadores.', '',
        'Objetivo: Coordinar los proyectos especiales del área.', '',
        'Funciones:', '',
        '1. Coordinar los proyectos especiales en términos del', '',
        ...page(2),
        'Acuerdo por el que se emiten las Disposiciones en materia de proyectos;',
        '2. Revisar los informes, y',
        '3. Realizar las demás funciones inherentes al cargo que le señale su superior jerárquico.', '',
        'Departamento sin número.', '', 'Objetivo:', '', 'Apoyar a la Jefatura.', '', 'Funciones:', '',
        '1. Apoyar las funciones de la Jefatura, y', '2. Realizar las demás funciones inherentes al cargo.', '',
        '4.2 Subdirección de Prueba.', '', 'Objetivo:', '', 'Dirigir la prueba.', '', 'Funciones:', '',
        '1. Dirigir la prueba, y', '2. Realizar las demás funciones inherentes al cargo.', '',
        'TRANSITORIOS DEL ACUERDO POR EL QUE SE EXPIDE EL MANUAL', '', 'PRIMERO.- Entrará en vigor el 1 de abril de 2019.'
    ].join('\n');

    it('joins wrapped headings, takes an objetivo from its label line, and keeps unplaced units as unrecognized text', () => {
        const { manual, fates, lines } = parse(text);
        expect(manual.units.map(u => [u.number, u.name, u.parent, u.kind, u.functions.length])).toEqual([
            ['4.2.0.1', 'Jefatura de Servicios de Coordinación de Proyectos Especiales y de Atención a Órganos Fiscalizadores', '4.2', 'Jefatura de Servicios', 3],
            ['4.2', 'Subdirección de Prueba', null, 'Subdirección', 2]
        ]);
        const jefatura = manual.units[0];
        expect(jefatura.objetivo).toEqual({ text: 'Coordinar los proyectos especiales del área.', line: 13 });
        // A page break inside a function whose next line looks like a section title.
        expect(jefatura.functions[0].text).toBe('Coordinar los proyectos especiales en términos del Acuerdo por el que se emiten las Disposiciones en materia de proyectos;');
        expect(jefatura.functions.map(f => f.closing)).toEqual([false, false, true]);
        // The heading without a code: its lines are kept as unrecognized text, not glued to 4.2.0.1.
        const unplaced = manual.sections.find(s => s.title === 'Texto sin reconocer')!;
        expect(unplaced.paragraphs.map(p => p.text)).toEqual([
            'Departamento sin número.', 'Objetivo:', 'Apoyar a la Jefatura.', 'Funciones:', '1. Apoyar las funciones de la Jefatura, y', '2. Realizar las demás funciones inherentes al cargo.'
        ]);
        expect(manual.sections.map(s => s.title)).toEqual(['Introducción', 'Texto sin reconocer', 'TRANSITORIOS DEL ACUERDO POR EL QUE SE EXPIDE EL MANUAL']);
        expect(manual.vigencia).toBe('2019-04-01');
        expect(fates.every(Boolean)).toBe(true);
        expect(lines.filter(l => fates[l.line - 1].kind === 'unrecognized').map(l => l.line)).toEqual([28, 30, 32, 34, 36, 37]);
        expect(lines.filter(l => fates[l.line - 1].kind === 'dropped' && l.text !== '').every(l => /Hoja:|Código:|Revisión|Fecha de Elaboración/u.test(l.text))).toBe(true);
    });
});
