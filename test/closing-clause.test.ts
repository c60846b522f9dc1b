// The closing catch-all clause, recognized by its structure (server/src/language/closing-clause.ts),
// one function for the importer and the rule funcion-cierre. Checked by position over every function
// of the real manuals (a unit's last function is its closing clause, every other function is not,
// but for the exceptions listed by hand), over the SENER extract read here, over real forms from
// manuals outside the repository, over what it must not take, while a clause is typed, and as the
// rule reports it.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { FunctionListBuilder } from '../server/src/importer/functions.js';
import type { ImportedUnit } from '../server/src/importer/model.js';
import { isClosingClause } from '../server/src/language/closing-clause.js';
import { createEstructuraServices } from '../server/src/language/estructura-module.js';
import { isUnidad, type Documento } from '../server/src/language/generated/ast.js';
import { exampleFileNamesUnder, EXAMPLES, FUENTES } from './helpers/examples.js';
import { header, withCode, WARNING } from './helpers/rules.js';
import { buildWorkspace, lineOf } from './helpers/workspace.js';

const SHARED = FUENTES;
const SENER = path.join(SHARED, 'manuales', 'sener-manual-organizacion-general-dof-2026-extracto.txt');
const GOLDEN = path.join(SHARED, 'golden');

/** One function as the position check reads it. */
interface Listed { where: string; text: string; last: boolean }

/**
 * Lists whose last function is not a closing clause, verified by hand in the source texts. The key
 * is `<manual> <unit number>`.
 */
const NO_CLOSING: Record<string, string> = {
    'imss-2018 8.1.11.2': 'the UMAE list ends with «Establecer las líneas de acción…»: the 2018 manual gives it no closing clause (RULES.md, funcion-cierre)',
    'imss-sg 7.1': 'the .md file is an extract: the Secretaría General list stops at function 21, before any closing clause',
    'sener 111': 'Dirección General de Asuntos Internacionales: the extract ends its list with XI, a repeat of II, and no closing clause'
};

/** Every function of the imported manuals in examples/manuales/<folder>/, unit by unit. */
function exampleFunctions(folder: string): Listed[] {
    const { Estructura: services } = createEstructuraServices();
    const found: Listed[] = [];
    for (const name of exampleFileNamesUnder(`manuales/${folder}`)) {
        const text = readFileSync(path.join(EXAMPLES, name), 'utf-8');
        const doc = services.shared.workspace.LangiumDocumentFactory.fromString<Documento>(text, URI.parse(`file:///ws/${name}`));
        for (const unit of AstUtils.streamAst(doc.parseResult.value).filter(isUnidad)) {
            unit.funciones.forEach((f, i) => found.push({ where: `${folder} ${unit.numero}`, text: f.texto, last: i === unit.funciones.length - 1 }));
        }
    }
    return found;
}

/** The function count of every unit in examples/manuales/<folder>/, by unit number. */
function countsByUnit(functions: Listed[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const f of functions) {
        const number = f.where.split(' ')[1];
        counts.set(number, (counts.get(number) ?? 0) + 1);
    }
    return counts;
}

/** The golden table's function count of every unit (an independent parse of the manual). */
function goldenCounts(file: string, numberColumn: string, countColumn: string): Map<string, number> {
    const [header, ...rows] = readFileSync(path.join(GOLDEN, file), 'utf-8').trim().split('\n').map(l => l.split('\t'));
    const counts = new Map<string, number>();
    for (const row of rows) {
        const n = Number(row[header.indexOf(countColumn)]);
        if (n > 0) counts.set(row[header.indexOf(numberColumn)].trim(), n);
    }
    return counts;
}

/**
 * The SENER extract (federal DOF format), which the importer does not read: the 37 fractions of
 * article 33 of the LOAPF (5. Atribuciones), then, in 8. Objetivos y funciones, every unit heading
 * "100. SECRETARIA DE ENERGÍA." with its "Funciones:" list, one Roman-numbered line per function.
 * The texts keep their Roman numbers ("XXII. Las demás que…"), as a user may paste them.
 */
function senerFunctions(): { lists: Map<string, string[]> } {
    const lines = readFileSync(SENER, 'utf-8').split(/\r?\n/);
    const roman = /^[IVXLC]+\.\s/u;
    const lists = new Map<string, string[]>();
    const article = lines.findIndex(l => l.startsWith('Artículo 33.-'));
    const structure = lines.findIndex(l => l.startsWith('6. ESTRUCTURA ORGÁNICA'));
    // Continuation paragraphs of a fraction do not start with a Roman number.
    lists.set('LOAPF art. 33', lines.slice(article + 1, structure).filter(l => roman.test(l)));
    let unit: string | undefined;
    let inFunctions = false;
    for (const line of lines.slice(lines.lastIndexOf('8. OBJETIVOS Y FUNCIONES.'))) {
        const heading = /^(\d{3})\.\s/u.exec(line);
        if (heading) {
            unit = heading[1];
            inFunctions = false;
            lists.set(unit, []);
        } else if (/^Funciones:\s*$/u.test(line)) {
            inFunctions = true;
        } else if (unit && inFunctions && roman.test(line)) {
            lists.get(unit)!.push(line);
        }
    }
    return { lists };
}

/** What the recognizer gets wrong in `functions`, by position and the hand-listed exceptions. */
function positionCheck(functions: Listed[]) {
    const closing = functions.filter(f => f.last && !(f.where in NO_CLOSING));
    const others = functions.filter(f => !f.last || f.where in NO_CLOSING);
    return {
        closing: closing.length,
        others: others.length,
        missed: closing.filter(f => !isClosingClause(f.text)).map(f => `${f.where}: ${f.text}`),
        taken: others.filter(f => isClosingClause(f.text)).map(f => `${f.where}: ${f.text}`)
    };
}

describe('every function of the real manuals, by position', () => {
    // The examples' function lists are the manuals' lists: each unit's count equals the golden
    // table's (an independent parse), so each unit's last function is the manual's last one.
    const MANUALS = [
        { folder: 'imss-2018', golden: { file: 'imss-manual-2018-units.tsv', number: 'number', count: 'functions' }, closing: 12, others: 296 },
        { folder: 'imss-doe-2022', golden: { file: 'imss-doe-2022-units.tsv', number: 'number', count: 'functions' }, closing: 57, others: 709 },
        { folder: 'imss-sg', golden: undefined, closing: 0, others: 21 },
        { folder: 'issste-2018', golden: { file: 'issste-manual-2018-units.tsv', number: 'code', count: 'n_functions' }, closing: 553, others: 4898 }
    ];

    for (const m of MANUALS) {
        it(`${m.folder}: ${m.closing} closing clauses recognized, none of the ${m.others} other functions`, () => {
            const functions = exampleFunctions(m.folder);
            if (m.golden) expect(countsByUnit(functions)).toEqual(goldenCounts(m.golden.file, m.golden.number, m.golden.count));
            const result = positionCheck(functions);
            expect(result.missed).toEqual([]);
            expect(result.taken).toEqual([]);
            expect([result.closing, result.others]).toEqual([m.closing, m.others]);
        });
    }

    it('the other functions include the hard cases: 647 have the word «demás» or «aquellas…» in the middle', () => {
        const tricky = MANUALS.flatMap(m => exampleFunctions(m.folder)).filter(f => !f.last && /\b(?:demás|aquell)/iu.test(f.text));
        expect(tricky).toHaveLength(647);
        expect(tricky.some(f => f.text.startsWith('Integrar en coordinación con las demás áreas'))).toBe(true);
        expect(tricky.some(f => f.text.startsWith('Coordinar el apoyo técnico para aquellas Unidades'))).toBe(true);
        expect(tricky.some(f => /estímulos, recompensas y demás que establezca la normatividad/u.test(f.text))).toBe(true);
    });

    it.runIf(existsSync(SENER))('SENER extract (federal, Roman-numbered): 14 closing clauses recognized, none of the 255 other functions', () => {
        const { lists } = senerFunctions();
        // The lists read here are the golden table's.
        const units = new Map([...lists].filter(([unit]) => unit !== 'LOAPF art. 33').map(([unit, items]) => [unit, items.length]));
        expect(units).toEqual(goldenCounts('sener-manual-organizacion-general-2026-units.tsv', 'numero', 'funciones'));
        expect(lists.get('LOAPF art. 33')).toHaveLength(37);
        const functions = [...lists].flatMap(([unit, items]) => items.map((text, i) => ({ where: `sener ${unit}`, text, last: i === items.length - 1 })));
        const result = positionCheck(functions);
        expect(result.missed).toEqual([]);
        expect(result.taken).toEqual([]);
        expect([result.closing, result.others]).toEqual([14, 255]);
    });
});

describe('forms and non-forms', () => {
    it('recognizes the forms the old phrase list missed on a real IMSS manual', () => {
        expect(isClosingClause('Atender las demás que le sean señaladas por la persona Titular del Órgano de Operación Administrativa Desconcentrada.')).toBe(true);
        expect(isClosingClause('Ejercer las demás que le señalen la Ley, sus reglamentos y acuerdos del Consejo Técnico.')).toBe(true);
        expect(isClosingClause('Realizar las demás que le señalen la Ley del Seguro Social y sus reglamentos.')).toBe(true);
        expect(isClosingClause('Realizar las demás que le señale su superior jerárquico.')).toBe(true);
    });

    it('recognizes every part of the structure: label, verbs, head, object', () => {
        const recognized = [
            // Without a verb, with a label, a leading «y», masculine (the LOAPF's «asuntos»).
            'Las demás funciones que le confieran otras disposiciones jurídicas.',
            'XXV. Las demás que le señalen otras disposiciones jurídicas aplicables.',
            '12.- Las demás que le confiera su superior jerárquico.',
            'Y las demás que le encomiende la persona titular de la Dirección.',
            'Los demás que le encomienden expresamente las leyes y los reglamentos.',
            'Todas las demás atribuciones que le otorguen las leyes.',
            // Any infinitive, a list of them, a multi-word one, a phrase between commas, a preposition.
            'Desempeñar las demás facultades que le delegue el Director.',
            'Realizar y ejecutar las demás actividades que le asigne su jefe inmediato.',
            'Planear, dirigir y coordinar las demás tareas que le encomienden.',
            'Llevar a cabo las demás funciones que le encomiende su superior jerárquico.',
            'Realizar, en el ámbito de su competencia, las demás funciones que le asignen.',
            'Cumplir con las demás obligaciones que le impongan las disposiciones aplicables.',
            'Participar en las demás actividades que le sean encomendadas.',
            // «aquellas», «cualquier otra», and a qualifier instead of a noun or «que».
            'Desarrollar todas aquellas funciones inherentes al ámbito de su competencia.',
            'Realizar todas aquellas actividades afines que le encomiende su jefe inmediato.',
            'Realizar cualquier otra función que le encomiende su superior jerárquico.',
            'Las demás afines a las anteriores que le asigne su superior.',
            'Las demás análogas que le confieran las disposiciones aplicables.',
            'Las demás inherentes a su cargo.',
            'Las demás encomendadas por la Dirección General.',
            'Atender los demás asuntos que le encomiende su superior jerárquico.'
        ];
        expect(recognized.filter(t => !isClosingClause(t))).toEqual([]);
    });

    it('does not take an ordinary function that mentions «las demás» or «aquellas»', () => {
        const ordinary = [
            // «las demás» is not the function's object: it comes later, or after a noun.
            'Coordinar con las demás áreas del Instituto las acciones de mejora.',
            'Integrar en coordinación con las demás áreas de la Subdirección, el Programa Operativo Anual;',
            'Emitir los lineamientos en términos de la Ley y demás disposiciones aplicables.',
            'Otorgar permisos, autorizaciones y llevar a cabo los demás actos necesarios;',
            'Coordinar y supervisar los movimientos de personal, estímulos y demás que establezca la normatividad aplicable;',
            // The object, but not duties: units, areas, provisions.
            'Coordinar las demás áreas del Instituto.',
            'Colaborar con las demás unidades administrativas que lo requieran.',
            'Supervisar aquellas unidades que no cumplan con la normatividad.',
            'Hacer cumplir las demás disposiciones aplicables.',
            // No head: a catch-all needs «las demás», «aquellas» or «cualquier otra».
            'Realizar las funciones que le asigne su superior jerárquico.'
        ];
        expect(ordinary.filter(t => isClosingClause(t))).toEqual([]);
    });
});

describe('half-typed clauses', () => {
    it('never throws, and decides the partial forms', () => {
        const partial = ['', ' ', '"', '«', ',', ', , ,', 'y', 'Y las', 'XXV.', 'XXV. ', '12.', 'a)', 'a) ', 'Las', 'Las demás', 'Las demás.',
            'Atender', 'Atender las', 'Atender las demás', 'Realizar,', 'Realizar, en el ámbito', 'Llevar a', 'Llevar a cabo las', 'todas',
            'cualquier', 'cualquier otra', 'Desarrollar todas aquellas', '\u0301\u0303', '😀', 'x'.repeat(10_000), ','.repeat(1000)];
        for (const text of partial) expect(isClosingClause(text), JSON.stringify(text.slice(0, 40))).toBe(false);
        // Recognized once the word that makes it a catch-all is written.
        expect(isClosingClause('Realizar las demás que')).toBe(true);
        expect(isClosingClause('Las demás que')).toBe(true);
        expect(isClosingClause('Desarrollar todas aquellas funciones')).toBe(true);
    });

    /** Every prefix of `clause`, typed one character at a time: where the answer changes. */
    function transitions(clause: string): Array<{ prefix: string; recognized: boolean }> {
        const changes: Array<{ prefix: string; recognized: boolean }> = [];
        let previous = false;
        for (let end = 0; end <= clause.length; end++) {
            const prefix = clause.slice(0, end);
            const now = isClosingClause(prefix);
            if (now !== previous) changes.push({ prefix, recognized: now });
            previous = now;
        }
        return changes;
    }

    it.each([
        ['Atender las demás que le sean señaladas por la persona Titular del Órgano de Operación Administrativa Desconcentrada, en el ámbito de su competencia.', 'Atender las demás que'],
        ['Realizar las demás funciones inherentes al cargo que le señale su superior jerárquico o sean determinadas por la normatividad aplicable.', 'Realizar las demás funcion'],
        ['Desarrollar todas aquellas funciones inherentes al ámbito de su competencia y las que le sean encomendadas.', 'Desarrollar todas aquellas funcion'],
        ['XXII. Las demás que le señalen otras disposiciones jurídicas aplicables, las que le confiera el superior jerárquico y las que correspondan a sus áreas administrativas.', 'XXII. Las demás que'],
        ['Llevar a cabo las demás actividades afines que le encomiende su jefe inmediato.', 'Llevar a cabo las demás actividad'],
        ['Las demás afines que le asigne su superior jerárquico.', 'Las demás afin']
    ])('typing «%s» is recognized once, from «%s», and stays recognized', (clause, from) => {
        expect(transitions(clause)).toEqual([{ prefix: from, recognized: true }]);
    });

    it('typing an ordinary function that mentions «las demás» is never recognized', () => {
        expect(transitions('Coordinar con las demás áreas del Instituto las acciones de mejora que le correspondan.')).toEqual([]);
        expect(transitions('Supervisar aquellas unidades que no cumplan con la normatividad.')).toEqual([]);
    });
});

describe('the importer and funcion-cierre use it', () => {
    it('the importer marks the clause it recognizes', () => {
        const unit: ImportedUnit = { number: '7.1', name: 'Coordinación', parent: null, kind: 'Coordinación', line: 1, functions: [] };
        const list = new FunctionListBuilder(unit);
        list.startFunction(2, 'Coordinar con las demás áreas del Instituto las acciones de mejora.', '1.');
        list.startFunction(3, 'Atender las demás que le sean señaladas por la persona Titular del Órgano de Operación', '2.');
        list.append('Administrativa Desconcentrada.');
        list.finish();
        expect(unit.functions.map(f => f.closing)).toEqual([false, true]);
    });

    const unitWith = (functions: string) => `
unidad U "Coordinación de Pruebas" {
    número 7.1
    funciones {
${functions}
    }
}
`;
    async function single(text: string): Promise<LangiumDocument<Documento>> {
        const ws = await buildWorkspace({ 'a.estructura': header() + text });
        return ws.docs['a.estructura'];
    }

    it('funcion-cierre accepts a unit that ends with «Atender las demás que le sean señaladas…», unmarked', async () => {
        const doc = await single(unitWith(`        1. "Coordinar con las demás áreas del Instituto las acciones de mejora."
        2. "Atender las demás que le sean señaladas por la persona Titular del Órgano de Operación
            Administrativa Desconcentrada."`));
        expect(withCode(doc, 'funcion-cierre')).toEqual([]);
        expect(withCode(doc, 'funcion-infinitivo')).toEqual([]);
    });

    it('funcion-cierre warns on the last function of a unit that does not end with a closing clause', async () => {
        const doc = await single(unitWith(`        1. "Atender las solicitudes de información."
        2. "Coordinar con las demás áreas del Instituto las acciones de mejora."`));
        const found = withCode(doc, 'funcion-cierre');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].message).toBe('La lista de funciones de «Coordinación de Pruebas» (7.1) no termina con una cláusula de cierre («Las demás que le confiera…»).');
        expect(doc.textDocument.getText(found[0].range)).toBe('"Coordinar con las demás áreas del Instituto las acciones de mejora."');
        expect(found[0].range.start.line).toBe(lineOf(doc, '2. "Coordinar con las demás'));
    });

    it('funcion-cierre finds an unmarked clause of the new forms that is not last', async () => {
        const doc = await single(unitWith(`        1. "Ejercer las demás que le señalen la Ley, sus reglamentos y acuerdos del Consejo Técnico."
        2. "Coordinar la evaluación."`));
        const found = withCode(doc, 'funcion-cierre');
        expect(found.map(d => d.message)).toEqual(['La cláusula de cierre va al final de la lista de funciones.']);
        expect(found[0].range.start.line).toBe(lineOf(doc, '1. "Ejercer las demás'));
    });
});
