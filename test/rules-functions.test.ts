// The function rules (section C: funcion-infinitivo, funcion-cierre, funcion-numeracion,
// funcion-puntuacion, funcion-duplicada) and the metadata rules (section D: acuerdo-formato,
// vigencia-organigrama): what needs code — their quick fixes, settings changed at runtime, edits,
// related information, and what they find in the real imported manuals of examples/. The cases
// that are only text in, diagnostics out are fixtures: test/fixtures/reglas/<código>/ (docs/fixtures.md).
import { AstUtils, type LangiumDocument } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isUnidad, type Documento } from '../server/src/language/generated/ast.js';
import { comparisonKey } from '../server/src/language/text-keys.js';
import { parseConfigFile } from '../server/src/language/settings.js';
import { codeActions } from './helpers/fixes.js';
import { header, HINT, INFO, textOf, WARNING, withCode } from './helpers/rules.js';
import { buildWorkspace, exampleFiles, lineOf, type TestWorkspace } from './helpers/workspace.js';

async function single(text: string, institution = 'IMSS'): Promise<{ ws: TestWorkspace; doc: LangiumDocument<Documento> }> {
    const ws = await buildWorkspace({ 'a.estructura': header(institution) + text });
    return { ws, doc: ws.docs['a.estructura'] };
}

/** The document's text after applying the only quick fix offered for `diagnostic`. */
async function applyFix(ws: TestWorkspace, doc: LangiumDocument, diagnostic: Diagnostic, title?: string): Promise<string> {
    const actions = await codeActions(ws, doc, diagnostic);
    expect(actions).toHaveLength(1);
    if (title) expect(actions[0].title).toBe(title);
    const edits = actions[0].edit!.changes![doc.uri.toString()];
    return TextDocument.applyEdits(TextDocument.create('x', 'estructura', 1, doc.textDocument.getText()), edits);
}

const unit = (functions: string, attrs = '') => `
unidad U "Coordinación de Pruebas" {
    número 7.1
${attrs}    funciones {
${functions}
    }
}
`;

describe('funcion-cierre', () => {
    it('reports a list without a closing clause on its last function and adds the profile\'s clause, numbered', async () => {
        const { ws, doc } = await single(unit(`        1. "Coordinar la evaluación."
        2. "Integrar los informes." línea 12`));
        const found = withCode(doc, 'funcion-cierre');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].message).toBe('La lista de funciones de «Coordinación de Pruebas» (7.1) no termina con una cláusula de cierre («Las demás que le confiera…»).');
        expect(textOf(doc, found[0])).toBe('"Integrar los informes."');
        const fixed = await applyFix(ws, doc, found[0], 'Añadir la cláusula de cierre usual');
        expect(fixed).toContain(`        2. "Integrar los informes." línea 12
        3. cierre "Las demás que le confiera su superior jerárquico en el ámbito de su competencia."
    }`);
        // The fixed text passes.
        await ws.update('a.estructura', fixed);
        expect(withCode(ws.docs['a.estructura'], 'funcion-cierre')).toEqual([]);
    });

    it('adds the ISSSTE clause without a number to an unnumbered list', async () => {
        const { ws, doc } = await single(unit(`        "Coordinar la evaluación;"
        "Integrar los informes." {
            a) "Mensuales."
        }`), 'ISSSTE');
        const found = withCode(doc, 'funcion-cierre');
        const fixed = await applyFix(ws, doc, found[0]);
        expect(fixed).toContain(`            a) "Mensuales."
        }
        cierre "Realizar las demás funciones inherentes al cargo que le señale su superior jerárquico o sean determinadas por la normatividad aplicable."
    }`);
    });

    it('reports an extra closing clause and one that is not last', async () => {
        const twice = await single(unit(`        "Coordinar la evaluación."
        cierre "Las demás que le confieran las disposiciones."
        cierre "Las demás que le confiera su superior jerárquico."`));
        const extra = withCode(twice.doc, 'funcion-cierre');
        expect(extra.map(d => textOf(twice.doc, d))).toEqual(['"Las demás que le confieran las disposiciones."']);
        expect(extra[0].message).toMatch(/^Sobra esta cláusula de cierre/);
        expect(await codeActions(twice.ws, twice.doc, extra[0])).toEqual([]);

        const early = await single(unit(`        cierre "Las demás que le confieran las disposiciones."
        "Coordinar la evaluación."`));
        const misplaced = withCode(early.doc, 'funcion-cierre');
        expect(misplaced).toHaveLength(1);
        expect(misplaced[0].message).toBe('La cláusula de cierre va al final de la lista de funciones.');
    });
});

describe('funcion-numeracion', () => {
    it('reports the first function out of place, once per list, and renumbers the whole list', async () => {
        const { ws, doc } = await single(unit(`        1. "Coordinar la evaluación."
        3. "Integrar los informes."
        3. "Difundir los resultados."
        5. cierre "Las demás que le confiera su superior jerárquico."`));
        const found = withCode(doc, 'funcion-numeracion');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(textOf(doc, found[0])).toBe('3.');
        expect(found[0].range.start.line).toBe(lineOf(doc, '3. "Integrar'));
        expect(found[0].message).toBe('Esta función tiene el número 3, pero es la 2 de la lista: las funciones numeradas van de 1 a 4 sin saltos ni repeticiones.');
        const fixed = await applyFix(ws, doc, found[0], 'Renumerar las funciones de 1 a 4');
        expect(fixed).toContain(`        1. "Coordinar la evaluación."
        2. "Integrar los informes."
        3. "Difundir los resultados."
        4. cierre "Las demás que le confiera su superior jerárquico."`);
    });

    it('reports functions left without a number in a numbered list and numbers them', async () => {
        const { ws, doc } = await single(unit(`        "Coordinar la evaluación."
        "Integrar los informes."
        3 "Difundir los resultados."
        4 cierre "Las demás que le confiera su superior jerárquico."`));
        const found = withCode(doc, 'funcion-numeracion');
        expect(found).toHaveLength(1);
        expect(found[0].message).toBe('La función 1 de la lista no tiene número; las funciones numeradas van de 1 a 4.');
        expect(textOf(doc, found[0])).toBe('"Coordinar la evaluación."');
        const fixed = await applyFix(ws, doc, found[0]);
        expect(fixed).toContain(`        1 "Coordinar la evaluación."
        2 "Integrar los informes."
        3 "Difundir los resultados."
        4 cierre`);
    });
});

describe('funcion-puntuacion', () => {
    it('IMSS profile: reports a semicolon (info, on the punctuation) and fixes it', async () => {
        const { ws, doc } = await single(unit(`        "Coordinar la evaluación;"
        cierre "Las demás que le confiera su superior jerárquico."`));
        const found = withCode(doc, 'funcion-puntuacion');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(INFO);
        expect(textOf(doc, found[0])).toBe(';');
        expect(found[0].message).toBe('La función termina con «;»; se esperaba «.».');
        const fixed = await applyFix(ws, doc, found[0], 'Terminar la función con «.»');
        expect(fixed).toContain('"Coordinar la evaluación."');
    });

    it('reports a function without final punctuation on its last word, and a colon without incisos', async () => {
        const { ws, doc } = await single(unit(`        "Coordinar la evaluación de
            los programas"
        "Integrar los informes siguientes:"
        cierre "Las demás que le confiera su superior jerárquico."`));
        const found = withCode(doc, 'funcion-puntuacion');
        expect(found.map(d => textOf(doc, d))).toEqual(['programas', ':']);
        expect(found[0].message).toBe('La función termina sin puntuación; se esperaba «.».');
        const fixed = await applyFix(ws, doc, found[0]);
        expect(fixed).toContain('los programas."');
    });

    it('ISSSTE profile: reports each deviation with the ending it expects, and fixes it', async () => {
        const { ws, doc } = await single(unit(`        1. "Coordinar la evaluación."
        2. "Integrar los informes, y"
        3. "Difundir los resultados y"
        4. cierre "Realizar las demás funciones inherentes al cargo"`), 'ISSSTE');
        const found = withCode(doc, 'funcion-puntuacion');
        expect(found.map(d => [d.range.start.line, textOf(doc, d)])).toEqual([
            [lineOf(doc, '1. "Coordinar'), '.'],
            [lineOf(doc, '2. "Integrar'), ', y'],
            [lineOf(doc, '3. "Difundir'), ' y'],
            [lineOf(doc, '4. cierre'), 'cargo']
        ]);
        expect(found[1].message).toBe('La función termina con «, y»; se esperaba «;» (las funciones terminan con «;» hasta la penúltima).');
        expect(found[2].message).toBe('La función termina con «y»; se esperaba «, y» (la penúltima función termina con «, y»).');
        expect(await applyFix(ws, doc, found[0])).toContain('"Coordinar la evaluación;"');
        expect(await applyFix(ws, doc, found[1])).toContain('"Integrar los informes;"');
        expect(await applyFix(ws, doc, found[2], 'Terminar la función con «, y»')).toContain('"Difundir los resultados, y"');
        expect(await applyFix(ws, doc, found[3])).toContain('inherentes al cargo."');
    });

    it('follows the profile setting of estructura.json', async () => {
        const { ws, doc } = await single(unit(`        "Coordinar la evaluación;"
        "Integrar los informes, y"
        cierre "Las demás que le confiera su superior jerárquico."`));
        expect(withCode(doc, 'funcion-puntuacion')).toHaveLength(2);
        ws.services.settings.RuleSettings.applyFile(parseConfigFile('{ "perfiles": { "IMSS": { "puntuacion": "punto-y-coma" } } }', 'estructura.json'));
        await ws.update('a.estructura', ws.docs['a.estructura'].textDocument.getText() + '\n');
        expect(withCode(ws.docs['a.estructura'], 'funcion-puntuacion')).toEqual([]);
    });
});

describe('funcion-duplicada', () => {
    it('warns on the second of two equal functions of a unit, ignoring accents, case and punctuation', async () => {
        const { doc } = await single(unit(`        1. "Coordinar la evaluación de los programas."
        2. "Integrar los informes."
        3. "coordinar la EVALUACION  de los programas;"
        4. cierre "Las demás que le confiera su superior jerárquico."`));
        const found = withCode(doc, 'funcion-duplicada');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(doc, '3. "coordinar'));
        expect(found[0].message).toBe('Esta función repite la función 1 de la misma unidad.');
        expect(found[0].relatedInformation?.[0].location.range.start.line).toBe(lineOf(doc, '1. "Coordinar'));
    });

    it('hints on each of two units that share a function (funcion-duplicada-entre-unidades), naming the other, across files', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('IMSS', 'MA') + `unidad A "División de Evaluación Administrativa" { número 7.1.1
    funciones {
        1. "Evaluar el desempeño de los órganos."
        2. cierre "Las demás que le confiera su superior jerárquico."
    }
}`,
            'b.estructura': header('IMSS', 'MB') + `unidad B "División de Evaluación Financiera" { número 7.1.2
    funciones {
        1. "Integrar los informes."
        2. "Evaluar el desempeño de los órganos;"
        3. cierre "Las demás que le confiera su superior jerárquico."
    }
}`
        });
        const a = withCode(ws.docs['a.estructura'], 'funcion-duplicada-entre-unidades');
        const b = withCode(ws.docs['b.estructura'], 'funcion-duplicada-entre-unidades');
        expect(a.map(d => d.severity)).toEqual([HINT]);
        // Two units, not one: the warning of a repetition inside a unit is not given.
        expect(withCode(ws.docs['a.estructura'], 'funcion-duplicada')).toEqual([]);
        expect(a[0].message).toBe('La misma función está en «División de Evaluación Financiera» (7.1.2), función 2.');
        expect(b[0].message).toBe('La misma función está en «División de Evaluación Administrativa» (7.1.1), función 1.');
        expect(b[0].relatedInformation?.[0].location.uri).toBe(ws.docs['a.estructura'].uri.toString());
        // The closing clauses, equal in both, are exempt.
        expect(b).toHaveLength(1);
        // Editing one file updates the other's diagnostics.
        await ws.update('b.estructura', ws.docs['b.estructura'].textDocument.getText().replace('Evaluar el desempeño', 'Medir el desempeño'));
        expect(withCode(ws.docs['a.estructura'], 'funcion-duplicada-entre-unidades')).toEqual([]);
    });

});

describe('acuerdo-formato', () => {
    it('reports a date that does not match the id, on the id, and fixes the date', async () => {
        const { ws, doc } = await single(`
cambio "ACDO.AS2.HCT.310822/226.P.DA" {
    fecha 2022-09-27
}`);
        const found = withCode(doc, 'acuerdo-formato');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(textOf(doc, found[0])).toBe('"ACDO.AS2.HCT.310822/226.P.DA"');
        expect(found[0].message).toBe('El segmento 310822 de «ACDO.AS2.HCT.310822/226.P.DA» indica la sesión del 2022-08-31, pero la fecha declarada es 2022-09-27.');
        const fixed = await applyFix(ws, doc, found[0], 'Cambiar la fecha a 2022-08-31');
        expect(fixed).toContain('fecha 2022-08-31');
    });

    it('checks the manual\'s acuerdos and former names too', async () => {
        const ws = await buildWorkspace({
            'a.estructura': `manual M "Manual" {
    institucion IMSS
    acuerdo "ACDO.AS2.HCT.270922/264.P.DA" fecha 2022-09-28
    acuerdo "ACDO.AS2.HCT.310222/1.P.DA"
    acuerdo "acdo.as2.hct.270922/264.p.da"
    acuerdo "ACDO.AS2.HCT. 270922/264.P.DA"
}
unidad U "Coordinación" { anterior "Coordinación Vieja" acuerdo "ACDO.AS2.HCT.2709/264.P.DA" }`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc, 'acuerdo-formato');
        expect(found.map(d => d.message)).toEqual([
            'El segmento 270922 de «ACDO.AS2.HCT.270922/264.P.DA» indica la sesión del 2022-09-27, pero la fecha declarada es 2022-09-28.',
            'El segmento 310222 de «ACDO.AS2.HCT.310222/1.P.DA» no es una fecha DDMMAA válida.',
            'El identificador «acdo.as2.hct.270922/264.p.da» debe escribirse en mayúsculas (ACDO.AS2.HCT.270922/264.P.DA).',
            'El identificador «ACDO.AS2.HCT. 270922/264.P.DA» tiene espacios; se escribe sin ellos (p. ej. ACDO.AS2.HCT.270922/264.P.DA).',
            'El identificador «ACDO.AS2.HCT.2709/264.P.DA» no tiene la forma ACDO.<sesión>.HCT.<DDMMAA>/<número>.P.<área> (p. ej. ACDO.AS2.HCT.270922/264.P.DA).'
        ]);
        expect(await applyFix(ws, doc, found[0])).toContain('acuerdo "ACDO.AS2.HCT.270922/264.P.DA" fecha 2022-09-27');
    });
});

describe('vigencia-organigrama', () => {
    const structure = header('IMSS', 'DOE_M') + `
unidad DOE "Dirección de Operación y Evaluación" {
    unidad CAPSOI "Coordinación de Análisis, Prospectiva y Seguimiento a la Operación Institucional" { }
}
`;

    it('warns when the vigencia is earlier than a dated change to a unit under the raíz, in another file', async () => {
        const ws = await buildWorkspace({
            'a.estructura': structure + `
organigrama ORG "Dirección de Operación y Evaluación" {
    vigencia 2022-01-01
    raíz DOE
}`,
            'historia.estructura': `parte de DOE_M { institucion IMSS }
cambio "ACDO.AS2.HCT.270922/264.P.DA" { fecha 2022-09-27 descripción "Sin unidades." }
cambio "ACDO.AS2.HCT.310822/226.P.DA" { fecha 2022-08-31 tipo denominación unidades CAPSOI }
cambio "ACDO.AS2.HCT.280421/99.P.DA" { fecha 2021-04-28 unidades DOE }`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc, 'vigencia-organigrama');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(textOf(doc, found[0])).toBe('2022-01-01');
        expect(found[0].message).toBe('La vigencia 2022-01-01 es anterior al cambio «ACDO.AS2.HCT.310822/226.P.DA» del 2022-08-31, que modificó «Coordinación de Análisis, Prospectiva y Seguimiento a la Operación Institucional»; actualice el organigrama y su vigencia.');
        // A later vigencia passes.
        await ws.update('a.estructura', doc.textDocument.getText().replace('2022-01-01', '2022-10-01'));
        expect(withCode(ws.docs['a.estructura'], 'vigencia-organigrama')).toEqual([]);
    });

});

describe('the real manuals of examples/', () => {
    let ws: TestWorkspace;
    const all = (code: string) => Object.entries(ws.docs).flatMap(([name, doc]) => withCode(doc, code).map(d => ({ name, doc, d })));
    const file = (name: string) => ws.docs[name];
    const ISSSTE = 'manuales/issste-2018/';
    const INSTITUTIONAL = 'manuales/imss-2018/imss-2018.estructura';
    const UEOD = 'manuales/imss-doe-2022/imss-doe-2022.7.1.1-ueod.estructura';

    beforeAll(async () => {
        ws = await buildWorkspace(exampleFiles());
    });

    it('no rule fails on any example', () => {
        expect(all('estructura-regla-fallida')).toEqual([]);
    });

    it('funcion-cierre: the UMAE (8.1.11.2) of the IMSS 2018 manual has no closing clause; DOE and ISSSTE units all have one', () => {
        const found = all('funcion-cierre').filter(f => f.name.startsWith('manuales/'));
        const umae = found.filter(f => f.name === INSTITUTIONAL);
        expect(umae).toHaveLength(1);
        expect(umae[0].d.message).toContain('«Unidades Médicas de Alta Especialidad» (8.1.11.2)');
        expect(found.filter(f => f.name.startsWith(ISSSTE) || f.name.includes('imss-doe-2022'))).toEqual([]);
    });

    it('funcion-infinitivo: exactly the 3 ISSSTE functions of 5,451 that do not start with an infinitive', () => {
        const found = all('funcion-infinitivo').filter(f => f.name.startsWith(ISSSTE));
        expect(found.map(f => textOf(f.doc, f.d)).sort()).toEqual(['Cuando', 'Elaboración', 'En']);
        const lines = found.map(f => f.doc.textDocument.getText({ start: f.d.range.start, end: { line: f.d.range.start.line, character: 200 } }));
        expect(lines.sort()).toEqual([
            expect.stringMatching(/^Cuando resulte procedente, instrumentar/),
            expect.stringMatching(/^Elaboración de calendarios/),
            expect.stringMatching(/^En coordinación con/)
        ]);
    });

    it('funcion-duplicada-entre-unidades: DOE 7.1.1.2.1 and 7.1.1.2.2 share their 12 functions (11 reported; the closing clause is exempt)', () => {
        const doc = file(UEOD);
        const units = AstUtils.streamAst(doc.parseResult.value).filter(isUnidad).toArray();
        const a = units.find(u => u.numero === '7.1.1.2.1')!;
        const b = units.find(u => u.numero === '7.1.1.2.2')!;
        expect(a.funciones.map(f => comparisonKey(f.texto))).toEqual(b.funciones.map(f => comparisonKey(f.texto)));
        expect(a.funciones).toHaveLength(12);
        const lines = new Set(a.funciones.map(f => f.$cstNode!.range.start.line));
        const onA = withCode(doc, 'funcion-duplicada-entre-unidades').filter(d => lines.has(d.range.start.line));
        expect(onA).toHaveLength(11);
        expect(onA.every(d => d.severity === HINT)).toBe(true);
        const bLines = new Set(b.funciones.map(f => f.$cstNode!.range.start.line));
        expect(onA.every(d => d.relatedInformation!.some(r => bLines.has(r.location.range.start.line)))).toBe(true);
    });

    it('funcion-duplicada-entre-unidades: IMSS 2018 DVIED function 10 = DPEI function 7', () => {
        const found = all('funcion-duplicada-entre-unidades').filter(f => f.name === INSTITUTIONAL);
        expect(found.map(f => f.d.message).sort()).toEqual([
            'La misma función está en «Dirección de Planeación Estratégica Institucional» (8.1.10), función 7.',
            'La misma función está en «Dirección de Vinculación Institucional y Evaluación de Delegaciones» (8.1.9), función 10.'
        ]);
    });

    it('funcion-puntuacion: the IMSS 2018 function that ends with «;»', () => {
        const found = all('funcion-puntuacion').filter(f => f.name === INSTITUTIONAL);
        expect(found).toHaveLength(1);
        expect(textOf(found[0].doc, found[0].d)).toBe(';');
    });

    it('funcion-puntuacion: the ISSSTE convention holds, only real deviations are reported', () => {
        // 5,451 functions in «;» / «, y» / «.»: a handful of deviations (missing or wrong punctuation).
        const found = all('funcion-puntuacion').filter(f => f.name.startsWith(ISSSTE));
        expect(found.length).toBeGreaterThan(0);
        expect(found.length).toBeLessThan(25);
    });

    it('acuerdo-formato: the real ids are consistent; vigencia-organigrama: the 2018 chart predates the 2022 change to the Dirección Jurídica', () => {
        expect(all('acuerdo-formato')).toEqual([]);
        // The DOE manual's history records ACDO.AS2.HCT.270922/264.P.DA (2022-09-27), which moved a
        // Coordinación into the Dirección Jurídica that the institutional chart (vigencia 2018-02-16) shows.
        expect(all('vigencia-organigrama').map(x => x.d.message)).toEqual([
            'La vigencia 2018-02-16 es anterior al cambio «ACDO.AS2.HCT.270922/264.P.DA» del 2022-09-27, que modificó «Dirección Jurídica» (8.1.5); actualice el organigrama y su vigencia.'
        ]);
    });
});
