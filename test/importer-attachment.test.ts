// Where the root of an imported manual hangs from: only where the manual's text says so. A sentence
// whose subject is the root and whose predicate states hierarchical dependence ("depende
// jerárquicamente del…", "se encuentra adscrita a la…") names the parent; the workspace must have
// it. Otherwise the root stays without `adscrita a` and the report, the summary and a comment in
// the file say why. Also: a manual's title wrapped over two or three lines is read whole.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationToken } from 'vscode-languageserver';
import type { KnownUnit } from '../server/src/importer/emit.js';
import { importManual, type ImportResult } from '../server/src/importer/index.js';
import { buildWorkspace } from './helpers/workspace.js';
import { FUENTES } from './helpers/examples.js';

const REPO = path.resolve(import.meta.dirname, '..');
const MANUALES = path.join(FUENTES, 'manuales');
const FIXTURE = path.join(REPO, 'test/fixtures/importar/jefatura-ooad.txt');
const JEFATURA = 'Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales';
const scratch = mkdtempSync(path.join(tmpdir(), 'estructura-adscripcion-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (text: string, known: KnownUnit[] = [], name = 'manual.txt') => importManual(Buffer.from(text, 'utf-8'), name, { known });
const runFile = (file: string, known: KnownUnit[] = []) => importManual(readFileSync(file), path.basename(file), { known });
const knownFrom = (result: ImportResult): KnownUnit[] =>
    result.report.unidades.map(u => ({ id: u.id, name: u.nombre, kind: u.tipo, institution: result.manual.institution }));

/** The root's block in the emitted files: its `adscrita a` target, and the comment above it. */
function rootLink(result: ImportResult): { adscrita?: string; comment: string } {
    const root = result.manual.units.find(u => u.parent === null)!;
    const text = result.files.map(f => f.text).join('\n');
    const block = text.substring(text.indexOf(`número ${root.number}\n`)).split('\n').slice(1);
    const comment = block.filter((l, i) => /^ {4}\/\/ /u.test(l) && block.slice(0, i).every(p => /^ {4}\/\//u.test(p))).map(l => l.replace(/^ {4}\/\/ /u, '')).join(' ');
    const adscrita = block.find(l => !/^ {4}\/\//u.test(l))?.match(/^ {4}adscrita a (\S+)$/u)?.[1];
    return { adscrita, comment };
}

// The institutional manual's units, as a workspace that holds it offers them (DG, the OOAD grouping,
// the generic Delegaciones, the Direcciones), plus one OOAD of a later manual that records its former name.
let institutional: ImportResult;
let known: KnownUnit[];
beforeAll(() => {
    institutional = runFile(path.join(MANUALES, 'imss-manual-organizacion-2018.txt'));
    known = [
        ...knownFrom(institutional),
        { id: 'OOAD_JAL', name: 'Órgano de Operación Administrativa Desconcentrada Estatal Jalisco', institution: 'IMSS', formerNames: ['Delegación Estatal en Jalisco'] }
    ];
});

describe('the OOAD-level manual (fixture): "depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada"', () => {
    it('in a workspace that holds the institutional manual: adscrita a OOAD, with the sentence and its line', () => {
        const result = runFile(FIXTURE, knownFrom(institutional));
        expect(result.manual.title).toBe('MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE SALUD EN EL TRABAJO, PRESTACIONES ECONÓMICAS Y SOCIALES');
        expect(result.files[0].text).toMatch(/^manual IMSS_JSSTPES "MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE SALUD EN EL TRABAJO,\n {4}PRESTACIONES ECONÓMICAS Y SOCIALES" \{$/mu);
        const link = rootLink(result);
        expect(link.adscrita).toBe('OOAD');
        expect(link.comment).toBe(`Adscripción: el texto la declara en la línea 8: «La ${JEFATURA} depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada…».`);
        // Not the Dirección General, which the workspace also has, and not the normative dependence.
        expect(result.files[0].text).not.toMatch(/adscrita a (?:DG|DPES)\b/u);
        expect(result.report.raices).toEqual([{
            numero: '7.1', nombre: JEFATURA, id: 'JSSTPES', origen: 'texto',
            adscripcion: { id: 'OOAD', nombre: 'Órganos de Operación Administrativa Desconcentrada' },
            mismaUnidadQue: null,
            evidencia: {
                linea: 8, seccion: 'Introducción', unidad: 'Órgano de Operación Administrativa Desconcentrada',
                texto: `La ${JEFATURA} depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada…`
            },
            explicacion: `el texto la declara en la línea 8: «La ${JEFATURA} depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada…»`,
            otrasDeclaraciones: []
        }]);
        expect(result.report.avisos).toContain(`La unidad raíz «${JEFATURA}» (7.1) se adscribe a «Órganos de Operación Administrativa Desconcentrada» (IMSS.OOAD): el texto la declara en la línea 8: «La ${JEFATURA} depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada…».`);
    });

    it('in an empty workspace: no adscrita a; the report names the line, the sentence and the missing unit', () => {
        const result = runFile(FIXTURE);
        const link = rootLink(result);
        expect(link.adscrita).toBeUndefined();
        expect(result.files[0].text).not.toContain('adscrita a');
        const why = `el texto la declara (línea 8: «La ${JEFATURA} depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada…») pero la unidad «Órgano de Operación Administrativa Desconcentrada» no está en el espacio de trabajo`;
        expect(link.comment).toBe(`Sin adscripción: ${why}.`);
        expect(result.report.raices[0]).toMatchObject({
            origen: 'fuera-del-espacio', adscripcion: null,
            evidencia: { linea: 8, unidad: 'Órgano de Operación Administrativa Desconcentrada' },
            explicacion: `sin adscripción: ${why}`
        });
        expect(result.report.avisos).toContain(`La unidad raíz «${JEFATURA}» (7.1) queda sin adscripción: ${why}.`);
    });

    it('without the sentence: no adscrita a, though the workspace has a Dirección General', () => {
        const text = readFileSync(FIXTURE, 'utf-8').replace(/depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada y\nnormativamente de/u, 'depende normativamente de');
        const result = run(text, known, 'jefatura-ooad.txt');
        expect(rootLink(result)).toEqual({ adscrita: undefined, comment: 'Sin adscripción: el texto no la declara.' });
        expect(result.report.raices[0]).toMatchObject({ origen: 'no-declarada', adscripcion: null, evidencia: null, explicacion: 'sin adscripción: el texto no la declara' });
        expect(result.report.avisos).toContain(`La unidad raíz «${JEFATURA}» (7.1) queda sin adscripción: el texto no la declara.`);
    });

    it('parses, links and is written as the formatter writes it, comment included', async () => {
        for (const [result, folder] of [[runFile(FIXTURE, knownFrom(institutional)), 'con'], [runFile(FIXTURE), 'sin']] as const) {
            const files = {
                ...(folder === 'con' ? Object.fromEntries(institutional.files.map(f => [`imss/${f.name}`, f.text])) : {}),
                ...Object.fromEntries(result.files.map(f => [`${folder}/${f.name}`, f.text]))
            };
            const ws = await buildWorkspace(files);
            for (const f of result.files) {
                const doc = ws.docs[`${folder}/${f.name}`];
                expect((doc.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message), f.name).toEqual([]);
                const edits = await ws.services.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: { tabSize: 4, insertSpaces: true } }, CancellationToken.None);
                expect(TextDocument.applyEdits(TextDocument.create('f', 'estructura', 1, f.text), edits), f.name).toBe(f.text);
            }
        }
    });
});

describe('which sentences state the parent', () => {
    /** A small IMSS manual whose Introducción is `intro` and whose root is the Jefatura. */
    const manual = (intro: string) => [
        'MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE PRUEBA', '', ' 1. Introducción', '', intro, '', ' 7. Funciones Sustantivas', '',
        ` 7.1 ${JEFATURA}`, '', '1. Dirigir la operación de los servicios de la Jefatura.', '2. Las demás que le confieran las disposiciones aplicables.', '',
        ' 7.1.1 Coordinación de Salud en el Trabajo', '', '1. Coordinar la dictaminación de los riesgos de trabajo.', '2. Las demás que le confieran las disposiciones aplicables.', ''
    ].join('\n');
    const J = `la ${JEFATURA}`;
    const Jcap = `La ${JEFATURA}`;

    const stated: Array<[sentence: string, parent: string, by?: string]> = [
        [`${Jcap} depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada y normativamente de la Dirección de Prestaciones Económicas y Sociales.`, 'OOAD'],
        [`Derivado del acuerdo citado ${J}, se encuentra adscrita a la Dirección General y facultada en el Reglamento Interior del Instituto Mexicano del Seguro Social para atender los siguientes artículos:`, 'DG'],
        [`${Jcap} (JSSTPES) es una unidad administrativa dependiente de la Dirección de Prestaciones Económicas y Sociales.`, 'DPES'],
        // "Esta Jefatura", the head of the unit instead of the unit, an instance of the generic OOAD.
        ['Esta Jefatura depende directamente de la persona titular del Órgano de Operación Administrativa Desconcentrada Regional en Jalisco.', 'OOAD'],
        // A former name of a workspace unit; the longer name wins over the generic "Delegaciones".
        [`Con la reestructuración, ${J} quedó adscrita a la Delegación Estatal en Jalisco.`, 'OOAD_JAL', 'nombre anterior'],
        [`Por acuerdo del H. Consejo Técnico se adscribe ${J} a la Dirección de Prestaciones Médicas.`, 'DPM'],
        [`Se establece que ${J} estará adscrita a la Dirección de Prestaciones Médicas.`, 'DPM'],
        [`${Jcap} se encuentra jerárquicamente subordinada al Titular del Órgano de Operación Administrativa Desconcentrada.`, 'OOAD'],
        [`${Jcap} depende jerárquica y administrativamente del Órgano de Operación Administrativa Desconcentrada.`, 'OOAD'],
        [`${Jcap} forma parte de la estructura orgánica del Órgano de Operación Administrativa Desconcentrada.`, 'OOAD'],
        [`${Jcap} es la unidad administrativa del Órgano de Operación Administrativa Desconcentrada responsable de las prestaciones.`, 'OOAD'],
        [`${Jcap} es un órgano normativo adscrito a la Dirección General.`, 'DG'],
        // "la Jefatura" alone: the manual's only Jefatura.
        ['La Jefatura depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada.', 'OOAD']
    ];
    for (const [sentence, parent, by] of stated) {
        it(`«${sentence.slice(0, 90)}…» → adscrita a ${parent}`, () => {
            const result = run(manual(sentence), known);
            expect(rootLink(result).adscrita).toBe(parent);
            expect(result.report.raices[0]).toMatchObject({ origen: 'texto', adscripcion: { id: parent }, evidencia: { linea: 5 } });
            if (by) expect(result.report.raices[0].explicacion).toContain(`(por su ${by})`);
        });
    }

    const notStated: string[] = [
        // The root is the parent, not the subject.
        `La Coordinación de Salud en el Trabajo, dependiente de ${J}, atiende los riesgos de trabajo.`,
        `Se creó ${J}, de la cual dependerán la Coordinación de Salud en el Trabajo y la Coordinación de Prestaciones Económicas.`,
        `El personal adscrito a ${J} recibe capacitación.`,
        // The past, another kind of dependence, a negation.
        `Hasta 2019 ${J} dependía de la Dirección de Prestaciones Médicas.`,
        `${Jcap}, dependiente hasta entonces de la Dirección de Prestaciones Médicas, cambió de adscripción.`,
        `${Jcap} depende normativamente de la Dirección de Prestaciones Económicas y Sociales.`,
        `${Jcap} no depende de la Dirección General.`,
        // The root's name inside another unit's name; several units as the subject.
        `La Unidad de Salud de ${J}, adscrita a la Dirección General, atiende a los trabajadores.`,
        'Las Jefaturas de Servicios dependen del Órgano de Operación Administrativa Desconcentrada.',
        // Not a unit.
        `${Jcap} es un órgano desconcentrado del Instituto Mexicano del Seguro Social.`
    ];
    for (const sentence of notStated) {
        it(`«${sentence.slice(0, 90)}…» → no adscrita a`, () => {
            const result = run(manual(sentence), known);
            expect(rootLink(result).adscrita).toBeUndefined();
            expect(result.report.raices[0]).toMatchObject({ origen: 'no-declarada', evidencia: null });
        });
    }

    it('under a former name that the history of the text gives', () => {
        const history = 'Mediante el acuerdo ACDO.AS2.HCT.260122/15.P.DA, el H. Consejo Técnico autorizó el cambio de denominación de la Jefatura de Servicios de Prestaciones Económicas y Sociales por el de Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales.';
        const result = run(manual(`${history} La Jefatura de Servicios de Prestaciones Económicas y Sociales depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada.`), known);
        expect(result.report.historia.cambios).toBe(1);
        expect(rootLink(result).adscrita).toBe('OOAD');
        expect(result.report.raices[0].evidencia?.texto).toBe('La Jefatura de Servicios de Prestaciones Económicas y Sociales depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada.');
    });

    it('"la Jefatura" alone is not the root when another unit of the manual is a Jefatura too', () => {
        const text = manual('La Jefatura depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada.')
            .replace('7.1.1 Coordinación de Salud en el Trabajo', '7.1.1 Jefatura de Oficina de Salud en el Trabajo');
        const result = run(text, known);
        expect(result.manual.units[1].name).toBe('Jefatura de Oficina de Salud en el Trabajo');
        expect(rootLink(result).adscrita).toBeUndefined();
        expect(run(text.replace('La Jefatura depende', 'Esta Jefatura depende'), known).report.raices[0].adscripcion).toEqual({ id: 'OOAD', nombre: 'Órganos de Operación Administrativa Desconcentrada' });
    });

    it('a unit the workspace does not have, or a name that fits two units, leaves the root unattached', () => {
        const missing = run(manual(`${Jcap} depende jerárquicamente de la Coordinación de Servicios Regionales.`), known);
        expect(rootLink(missing).adscrita).toBeUndefined();
        expect(missing.report.raices[0]).toMatchObject({ origen: 'fuera-del-espacio', evidencia: { linea: 5, unidad: 'Coordinación de Servicios Regionales' } });
        const twins: KnownUnit[] = [
            { id: 'CA', name: 'Coordinación Administrativa', institution: 'IMSS' },
            { id: 'CA_DPM', name: 'Coordinación Administrativa', institution: 'IMSS' }
        ];
        const ambiguous = run(manual(`${Jcap} depende de la Coordinación Administrativa.`), twins);
        expect(rootLink(ambiguous).adscrita).toBeUndefined();
        expect(ambiguous.report.raices[0].origen).toBe('ambigua');
        expect(ambiguous.report.raices[0].explicacion).toContain('«Coordinación Administrativa» nombra a varias unidades del espacio de trabajo (IMSS.CA, IMSS.CA_DPM)');
    });

    it('two manuals that describe the same unit (misma unidad que) are one parent, not an ambiguity', () => {
        const both: KnownUnit[] = [
            { id: 'SG', name: 'Secretaría General', institution: 'IMSS' },
            { id: 'SG_2', name: 'Secretaría General', institution: 'IMSS', sameAs: 'SG' }
        ];
        const result = run(manual(`${Jcap} depende de la Secretaría General.`), both);
        expect(rootLink(result).adscrita).toBe('SG');
    });

    it('two sentences that name different parents: the last one found is written, the other is reported', () => {
        const result = run(manual(`${Jcap} depende jerárquicamente de la Dirección General. Actualmente ${J} se encuentra adscrita al Órgano de Operación Administrativa Desconcentrada.`), known);
        expect(rootLink(result).adscrita).toBe('OOAD');
        expect(result.report.raices[0].otrasDeclaraciones).toEqual([{ linea: 5, texto: `${Jcap} depende jerárquicamente de la Dirección General.`, unidad: 'Dirección General' }]);
        expect(result.report.avisos.some(a => a.includes('el texto declara también otra adscripción'))).toBe(true);
    });
});

describe('the real manuals', () => {
    it('DOE 2022 keeps adscrita a DG: its Atribuciones say so (line 428)', () => {
        const doe = runFile(path.join(MANUALES, 'imss-manual-direccion-operacion-evaluacion-2022.txt'), knownFrom(institutional));
        expect(rootLink(doe).adscrita).toBe('DG');
        expect(doe.report.raices).toEqual([expect.objectContaining({
            numero: '7.1', origen: 'texto', adscripcion: { id: 'DG', nombre: 'Dirección General' },
            evidencia: { linea: 428, seccion: 'Atribuciones', unidad: 'Dirección General', texto: '…la Dirección de Operación y Evaluación, se encuentra adscrita a la Dirección General…' }
        })]);
    });

    it('the Secretaría General extract is the same unit as the institutional one; the institutional root heads the institution', () => {
        const sg = runFile(path.join(MANUALES, 'imss-norma-estructuras-extracto-y-manual-sg.md'), knownFrom(institutional));
        expect(sg.report.raices).toEqual([expect.objectContaining({ origen: 'misma-unidad', mismaUnidadQue: { id: 'SG', nombre: 'Secretaría General' }, adscripcion: null })]);
        expect(institutional.report.raices).toEqual([expect.objectContaining({ numero: '8.1', origen: 'cabeza', adscripcion: null, evidencia: null })]);
        expect(institutional.files[0].text).not.toMatch(/adscrita a|\/\/ Sin adscripción/u);
    });

    it('the titles are read whole', () => {
        expect(institutional.manual.title).toBe('MANUAL DE ORGANIZACIÓN DEL INSTITUTO MEXICANO DEL SEGURO SOCIAL');
        expect(runFile(path.join(MANUALES, 'imss-manual-direccion-operacion-evaluacion-2022.txt')).manual.title).toBe('MANUAL DE ORGANIZACIÓN DE LA DIRECCIÓN DE OPERACIÓN Y EVALUACIÓN');
        expect(runFile(path.join(MANUALES, 'imss-norma-estructuras-extracto-y-manual-sg.md')).manual.title).toBe('MANUAL DE ORGANIZACIÓN DE LA SECRETARÍA GENERAL');
    });
});

describe('a title wrapped over lines', () => {
    const body = ['', ' 1. Introducción', '', 'Texto de la introducción.', '', ' 7. Funciones Sustantivas', '', ` 7.1 ${JEFATURA}`, '',
        '1. Dirigir la operación de los servicios.', '2. Las demás que le confieran las disposiciones aplicables.', ''];
    const title = (...cover: string[]) => run([...cover, ...body].join('\n')).manual.title;
    const WHOLE = 'MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE SALUD EN EL TRABAJO, PRESTACIONES ECONÓMICAS Y SOCIALES';

    it('in one line', () => {
        expect(title(WHOLE)).toBe(WHOLE);
        expect(title(WHOLE, 'DIRECCIÓN DE PRESTACIONES ECONÓMICAS Y SOCIALES')).toBe(WHOLE);
        expect(title(WHOLE, 'VIGENCIA')).toBe(WHOLE);
    });

    it('in two lines: the first ends mid-phrase, or the second starts with a connector', () => {
        expect(title('MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE', 'SALUD EN EL TRABAJO, PRESTACIONES ECONÓMICAS Y SOCIALES')).toBe(WHOLE);
        expect(title('MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE SALUD EN EL TRABAJO,', 'PRESTACIONES ECONÓMICAS Y SOCIALES')).toBe(WHOLE);
        expect(title('MANUAL DE ORGANIZACIÓN', '', 'DE LA JEFATURA DE SERVICIOS DE SALUD EN EL TRABAJO, PRESTACIONES ECONÓMICAS Y SOCIALES')).toBe(WHOLE);
    });

    it('in three lines', () => {
        expect(title('MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE', 'SERVICIOS DE SALUD EN EL TRABAJO, PRESTACIONES', 'ECONÓMICAS Y SOCIALES')).toBe(WHOLE);
        expect(title('MANUAL DE ORGANIZACIÓN DE LA', 'JEFATURA DE SERVICIOS DE SALUD EN EL TRABAJO,', 'PRESTACIONES ECONÓMICAS Y SOCIALES')).toBe(WHOLE);
    });

    it('followed by a date, a clave or a heading, which stay out of it', () => {
        expect(title('MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE', 'SALUD EN EL TRABAJO, PRESTACIONES ECONÓMICAS Y SOCIALES', 'OCTUBRE 2022')).toBe(WHOLE);
        expect(title('MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE', 'SALUD EN EL TRABAJO, PRESTACIONES ECONÓMICAS Y SOCIALES', '01 de octubre de 2022')).toBe(WHOLE);
        expect(title('MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE', 'SALUD EN EL TRABAJO, PRESTACIONES ECONÓMICAS Y SOCIALES', 'CLAVE: 2A00-002-001')).toBe(WHOLE);
        expect(title('MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE', 'SALUD EN EL TRABAJO, PRESTACIONES ECONÓMICAS Y SOCIALES', 'ÍNDICE')).toBe(WHOLE);
    });

    it('as a running head repeated on every page, in two or three lines, dropped and read whole', () => {
        for (const head of [
            ['MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE', 'SALUD EN EL TRABAJO, PRESTACIONES ECONÓMICAS Y SOCIALES'],
            ['MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE', 'SERVICIOS DE SALUD EN EL TRABAJO, PRESTACIONES', 'ECONÓMICAS Y SOCIALES']
        ]) {
            const text = [
                ...head, 'Página 1 de 3', '', ' 1. Introducción', '', ...head, 'EL TEXTO DE LA INTRODUCCIÓN EN MAYÚSCULAS.', '', 'Texto de la introducción.', '',
                ...head, ' 7. Funciones Sustantivas', '', ` 7.1 ${JEFATURA}`, '', '1. Dirigir la operación de los servicios.',
                '2. Las demás que le confieran las disposiciones aplicables.', ''
            ].join('\n');
            const result = run(text);
            expect(result.manual.title).toBe(WHOLE);
            const dropped = result.report.lineas.descartadas.filter(d => d.regla === 'titulo-corrido').length;
            expect(dropped).toBe(head.length * 3);
            // The page's first line after the head is content.
            expect(result.manual.sections.flatMap(s => s.paragraphs.map(p => p.text))).toContain('EL TEXTO DE LA INTRODUCCIÓN EN MAYÚSCULAS.');
        }
    });
});

describe('estructura importar (command line)', () => {
    const BIN = path.join(REPO, 'bin/estructura.cjs');
    const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf-8', timeout: 60_000 });

    it('says in the summary and the report where the root attachment came from', () => {
        const out = path.join(scratch, 'con-espacio');
        const report = path.join(scratch, 'con-espacio.json');
        const result = cli('importar', FIXTURE, '--salida', out, '--espacio', path.join(REPO, 'examples/manuales/imss-2018'), '--reporte', report);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toContain(`La unidad raíz «${JEFATURA}» (7.1) se adscribe a «Órganos de Operación Administrativa Desconcentrada» (IMSS.OOAD): el texto la declara en la línea 8: «La ${JEFATURA} depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada…».`);
        const json = JSON.parse(readFileSync(report, 'utf-8'));
        expect(json.raices[0]).toMatchObject({ origen: 'texto', adscripcion: { id: 'OOAD' }, evidencia: { linea: 8, unidad: 'Órgano de Operación Administrativa Desconcentrada' } });
        expect(readFileSync(path.join(out, readdirSync(out)[0]), 'utf-8')).toContain('\n    adscrita a OOAD\n');

        const empty = path.join(scratch, 'vacio');
        mkdirSync(empty);
        const alone = cli('importar', FIXTURE, '--salida', path.join(scratch, 'sin-espacio'), '--espacio', empty, '--reporte', path.join(scratch, 'sin-espacio.json'));
        expect(alone.status).toBe(0);
        expect(alone.stdout).toContain('queda sin adscripción: el texto la declara (línea 8: «');
        expect(alone.stdout).toContain('pero la unidad «Órgano de Operación Administrativa Desconcentrada» no está en el espacio de trabajo.');
        expect(JSON.parse(readFileSync(path.join(scratch, 'sin-espacio.json'), 'utf-8')).raices[0]).toMatchObject({ origen: 'fuera-del-espacio', adscripcion: null, evidencia: { linea: 8 } });
    });
});
