// The federal family (the Manual de Organización General of a Secretaría or Comisión, DOF) in the
// language: Roman-numbered functions (`XXV.`), units numbered by code (`100`, `111`), by Roman
// numeral (`I.`, `I.1.`) or by letter (`a`), the numbering rules that read them, and the federal
// profile (APF) that an institution other than the IMSS and the ISSSTE gets.
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Documento, Unidad } from '../server/src/language/generated/ast.js';
import { parseConfigFile } from '../server/src/language/settings.js';
import { formatNumeral, numeralValue, romanValue, toRoman } from '../server/src/language/numerals.js';
import { codeActions } from './helpers/fixes.js';
import { withCode } from './helpers/rules.js';
import { buildWorkspace, type TestWorkspace } from './helpers/workspace.js';

const header = (institution = 'SENER') => `manual SENER_MOG "Manual de Organización General" { institucion ${institution} }\n`;
const CLOSING = 'Las demás que le señalen otras disposiciones jurídicas aplicables.';

async function single(text: string, institution = 'SENER'): Promise<{ ws: TestWorkspace; doc: LangiumDocument<Documento> }> {
    const ws = await buildWorkspace({ 'a.estructura': header(institution) + text });
    return { ws, doc: ws.docs['a.estructura'] };
}

/** A unit with an objetivo and a Roman-numbered list ending with the closing clause. */
function unit(id: string, name: string, number: string, children = '', functions = ['Coordinar las acciones del área.', CLOSING]): string {
    const list = functions.map((f, i) => `        ${toRoman(i + 1)}. "${f}"`).join('\n');
    return `unidad ${id} "${name}" {\n    número ${number}\n    objetivo "Conducir las acciones del área."\n    funciones {\n${list}\n    }\n${children}}\n`;
}

async function applyOnlyFix(ws: TestWorkspace, doc: LangiumDocument, diagnostic: Diagnostic, title: string): Promise<string> {
    const actions = await codeActions(ws, doc, diagnostic);
    expect(actions.map(a => a.title)).toEqual([title]);
    const edits = actions[0].edit!.changes![doc.uri.toString()];
    return TextDocument.applyEdits(TextDocument.create('x', 'estructura', 1, doc.textDocument.getText()), edits);
}

describe('numerals', () => {
    it('reads and writes Roman numerals, letters and arabic numbers', () => {
        expect([1, 4, 9, 14, 28, 37, 1999].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XXVIII', 'XXXVII', 'MCMXCIX']);
        expect(['I', 'IV', 'XXXVII', 'IIII', 'IC', 'VV', ''].map(romanValue)).toEqual([1, 4, 37, undefined, undefined, undefined, undefined]);
        expect(numeralValue('a')).toEqual({ system: 'letter', value: 1 });
        // A lone C or D is the letter after B, unless the list is Roman.
        expect(numeralValue('C')).toEqual({ system: 'letter', value: 3 });
        expect(numeralValue('C', 'roman')).toEqual({ system: 'roman', value: 100 });
        expect(numeralValue('XII')).toEqual({ system: 'roman', value: 12 });
        expect(formatNumeral(3, 'letter')).toBe('c');
    });
});

describe('what the federal manuals write parses', () => {
    it('keeps Roman function numbers and unit numbers as written', async () => {
        const { doc } = await single(unit('SE', 'Secretaría de Energía', '100',
            unit('UAJ', 'Unidad de Asuntos Jurídicos', 'I', unit('DGC', 'Dirección General de lo Consultivo', 'I.1.'))
            + unit('DGX', 'Dirección General de Asuntos Internacionales', 'a')));
        expect(doc.parseResult.lexerErrors).toEqual([]);
        expect(doc.parseResult.parserErrors).toEqual([]);
        const se = doc.parseResult.value.elementos[0] as Unidad;
        expect(se.numero).toBe('100');
        expect(se.funciones.map(f => f.numero)).toEqual(['I.', 'II.']);
        expect(se.unidades.map(u => u.numero)).toEqual(['I', 'a']);
        expect(se.unidades[0].unidades[0].numero).toBe('I.1.');
    });
});

describe('funcion-numeracion in Roman numerals', () => {
    it('accepts I..n and reports a gap with the Roman number expected, fixing the list in Roman numerals', async () => {
        const ok = await single(unit('DG', 'Dirección General de Comunicación Social', '112', '', ['Dirigir los programas.', 'Diseñar la política.', 'Coordinar la difusión.', CLOSING]));
        expect(withCode(ok.doc, 'funcion-numeracion')).toEqual([]);
        const text = unit('DG', 'Dirección General de Comunicación Social', '112', '', ['Dirigir los programas.', 'Diseñar la política.', 'Coordinar la difusión.', CLOSING])
            .replace('III. "Coordinar', 'IV. "Coordinar').replace('IV. "Las', 'V. "Las');
        const { ws, doc } = await single(text);
        const [d] = withCode(doc, 'funcion-numeracion');
        expect(d.message).toBe('Esta función tiene el número IV, pero es la III de la lista: las funciones numeradas van de I a IV sin saltos ni repeticiones.');
        expect(doc.textDocument.getText(d.range)).toBe('IV.');
        const fixed = await applyOnlyFix(ws, doc, d, 'Renumerar las funciones de I a IV');
        expect(fixed).toContain('III. "Coordinar');
        expect(fixed).toContain('IV. "Las demás');
    });

    it('reports a malformed Roman numeral and arabic numbers in a Roman list; a word before the text is one syntax error', async () => {
        const typo = await single(unit('DG', 'Dirección General de Normatividad', '122', '', ['Coordinar las acciones.', 'Dirigir los programas.', 'Atender los asuntos.', 'Supervisar los programas.', CLOSING])
            .replace('IV. "Supervisar', 'IIII. "Supervisar'));
        expect(withCode(typo.doc, 'funcion-numeracion').map(d => d.message)).toEqual([
            '«IIII» no es un número de esta lista: sus funciones se numeran con números romanos (I, II, III…).'
        ]);
        const word = await single(unit('DG', 'Dirección General de Normatividad', '122').replace('I. "Coordinar', 'Coordinar "Coordinar'));
        expect(withCode(word.doc, 'estructura-sintaxis')).toHaveLength(1);
        const mixed = await single(unit('DG', 'Dirección General de Normatividad', '122').replace('II. "Las', '2. "Las'));
        expect(withCode(mixed.doc, 'funcion-numeracion').map(d => d.message)).toEqual([
            '«2» no es un número de esta lista: sus funciones se numeran con números romanos (I, II, III…).'
        ]);
    });

    it('the closing clause quick fix continues a Roman list', async () => {
        const { ws, doc } = await single(unit('DG', 'Dirección General de Normatividad', '122', '', ['Coordinar las acciones.', 'Dirigir los programas.']));
        const [d] = withCode(doc, 'funcion-cierre');
        const fixed = await applyOnlyFix(ws, doc, d, 'Añadir la cláusula de cierre usual');
        expect(fixed).toContain('III. cierre "Las demás que le señalen otras disposiciones jurídicas aplicables y las que le confiera su superior jerárquico."');
    });
});

describe('estructura-numeracion with codes, Roman numerals and letters', () => {
    it('accepts the SENER codes (111 under 100, 121 under 120, gaps between codes)', async () => {
        const text = unit('SE', 'Secretaría de Energía', '100',
            unit('DGAI', 'Dirección General de Asuntos Internacionales', '111') + unit('UEL', 'Unidad de Enlace Legislativo', '114')
            + unit('UAJ', 'Unidad de Asuntos Jurídicos', '120', unit('DGC', 'Dirección General de lo Consultivo', '121') + unit('DGN', 'Dirección General de Normatividad', '122')));
        const { doc } = await single(text);
        expect(withCode(doc, 'estructura-numeracion')).toEqual([]);
    });

    it('reports a code that does not start with its parent\'s, and a repeated code', async () => {
        const text = unit('UAJ', 'Unidad de Asuntos Jurídicos', '120',
            unit('DGC', 'Dirección General de lo Consultivo', '131') + unit('DGN', 'Dirección General de Normatividad', '122') + unit('DGR', 'Dirección General de Representación Legal', '122'));
        const { doc } = await single(text);
        expect(withCode(doc, 'estructura-numeracion').map(d => d.message)).toEqual([
            'El código 131 no continúa el de su unidad superior «Unidad de Asuntos Jurídicos» (120): los códigos de sus unidades empiezan con 12 y tienen 3 cifras.',
            'El número 122 se repite (también lo tiene «Dirección General de Representación Legal»).',
            'El número 122 se repite (también lo tiene «Dirección General de Normatividad»).'
        ]);
    });

    it('Roman numerals and letters need not extend their parent\'s number and may leave gaps (document order); I.1 extends I and runs in sequence; repeats are reported', async () => {
        const ok = unit('A', 'Oficina de la persona Titular de la Secretaría', 'A',
            unit('U1', 'Unidad de Asuntos Jurídicos', 'I', unit('D11', 'Dirección General de lo Consultivo', 'I.1') + unit('D12', 'Dirección General de Normatividad', 'I.2'))
            + unit('U2', 'Unidad de Enlace Legislativo', 'II', unit('Da', 'Dirección General de Enlace', 'a') + unit('Db', 'Dirección General de Estudios', 'b'))) 
            + unit('B', 'Subsecretaría de Electricidad', 'B') + unit('C', 'Subsecretaría de Hidrocarburos', 'C');
        expect(withCode((await single(ok)).doc, 'estructura-numeracion')).toEqual([]);
        const gaps = unit('A', 'Oficina de la persona Titular de la Secretaría', 'A',
            unit('U1', 'Unidad de Asuntos Jurídicos', 'I', unit('D11', 'Dirección General de lo Consultivo', 'I.1') + unit('D13', 'Dirección General de Normatividad', 'I.3'))
            + unit('U3', 'Unidad de Enlace Legislativo', 'III', unit('Da', 'Dirección General de Enlace', 'a') + unit('Dc', 'Dirección General de Estudios', 'c'))
            + unit('U4', 'Unidad de Administración', 'II.1'));
        const { ws, doc } = await single(gaps);
        const found = withCode(doc, 'estructura-numeracion');
        expect(found.map(d => d.message)).toEqual([
            'Falta el número I.2: las unidades hermanas se numeran de 1 en 1 y después de I.1 sigue I.3.',
            'El número II.1 no continúa el de su unidad superior «Oficina de la persona Titular de la Secretaría» (A); se esperaba A.N.'
        ]);
        await applyOnlyFix(ws, doc, found[0], 'Renumerar como I.2');
        const repeated = await single(unit('A', 'Oficina de la persona Titular de la Secretaría', 'A',
            unit('U1', 'Unidad de Asuntos Jurídicos', 'I') + unit('U2', 'Unidad de Enlace Legislativo', 'I')));
        expect(withCode(repeated.doc, 'estructura-numeracion').map(d => d.message)).toEqual([
            'El número I se repite (también lo tiene «Unidad de Enlace Legislativo»).',
            'El número I se repite (también lo tiene «Unidad de Asuntos Jurídicos»).'
        ]);
        // A Comisión numbers its headings I.–V. in document order while its Estructura orgánica
        // puts II.–V. under I. (the Dirección General): no gap is reported.
        const flat = await single(unit('DG', 'Dirección General de la Comisión', 'I',
            unit('UA', 'Unidad de Administración', 'II') + unit('UJ', 'Unidad Jurídica', 'III') + unit('UT', 'Unidad Técnica', 'V')));
        expect(withCode(flat.doc, 'estructura-numeracion')).toEqual([]);
        expect(withCode(flat.doc, 'estructura-nivel')).toEqual([]);
    });
});

describe('the federal profile', () => {
    it('an institution other than the IMSS and the ISSSTE gets the federal levels, objetivos and punctuation', async () => {
        const text = unit('SE', 'Secretaría de Energía', '100',
            unit('SSE', 'Subsecretaría de Electricidad', '200', unit('U', 'Unidad del Sistema Eléctrico Nacional', '210', unit('DG', 'Dirección General de Evaluación Financiera', '211'))))
            .replace('    objetivo "Conducir las acciones del área."\n', '');
        const { doc } = await single(text);
        // Secretaría → Subsecretaría → Unidad → Dirección General is the federal chain.
        expect(withCode(doc, 'estructura-nivel')).toEqual([]);
        expect(withCode(doc, 'estructura-objetivo').map(d => d.message)).toEqual([
            '«Secretaría de Energía» no tiene objetivo; en el perfil SENER cada unidad declara su «objetivo» antes de sus funciones.'
        ]);
        const misplaced = await single(unit('SE', 'Secretaría de Energía', '100', unit('D', 'Departamento de Enlace', '110')));
        expect(withCode(misplaced.doc, 'estructura-nivel')).toHaveLength(1);
    });

    it('the IMSS Norma (puestos homólogos) applies only where the profile enables it', async () => {
        const phae = `puesto PH "Jefe de División" {\n        clase homólogo de autorización específica\n        adscrito a DG\n    }\n`;
        const text = unit('SE', 'Secretaría de Energía', '100', unit('DG', 'Dirección General de Asuntos Internacionales', '111')) + phae;
        const off = await single(text);
        expect((off.doc.diagnostics ?? []).filter(d => String(d.code).startsWith('norma-'))).toEqual([]);
        const imss = await single(text, 'IMSS');
        expect(withCode(imss.doc, 'norma-7.2.1.15-sede')).toHaveLength(1);
        const ws = await buildWorkspace({ 'a.estructura': header() + text });
        ws.services.settings.RuleSettings.applyFile(parseConfigFile('{ "perfiles": { "SENER": { "normaImss": true } } }', 'estructura.json'));
        await ws.update('a.estructura', header() + text + '\n');
        expect(withCode(ws.docs['a.estructura'], 'norma-7.2.1.15-sede')).toHaveLength(1);
    });

    it('estructura.json can change the federal profile for every federal institution (APF) or for one', async () => {
        const ws = await buildWorkspace({ 'a.estructura': header() + unit('SE', 'Secretaría de Energía', '100').replace('II. "Las demás que le señalen otras disposiciones jurídicas aplicables."', 'II. "Las demás que le señalen otras disposiciones jurídicas aplicables;"') });
        const settings = ws.services.settings.RuleSettings;
        expect(settings.profile('SENER').puntuacion).toBe('punto');
        settings.applyFile(parseConfigFile('{ "perfiles": { "APF": { "puntuacion": "punto-y-coma" } } }', 'estructura.json'));
        expect(settings.profile('SENER').puntuacion).toBe('punto-y-coma');
        expect(settings.profile('CNE').puntuacion).toBe('punto-y-coma');
        expect(settings.profile('IMSS').puntuacion).toBe('punto');
        settings.applyFile(parseConfigFile('{ "perfiles": { "APF": { "puntuacion": "punto-y-coma" }, "CNE": { "objetivoObligatorio": false } } }', 'estructura.json'));
        expect(settings.profile('CNE')).toMatchObject({ puntuacion: 'punto-y-coma', objetivoObligatorio: false, normaImss: false });
        expect(settings.profile('')).toMatchObject({ puntuacion: 'punto', normaImss: true });
    });
});

describe('formatting a federal manual', () => {
    it('keeps Roman function numbers and unit numbers as written, one property per line', async () => {
        const input = `${header()}unidad SE "Secretaría de Energía" { número 100 objetivo "Conducir la política." funciones { I. "Acordar con la persona titular." XXII. cierre "${CLOSING}" }\n unidad U "Unidad de Asuntos Jurídicos" { número I.1. } unidad D "Dirección General X" { número a } }\n`;
        const ws = await buildWorkspace({ 'f.estructura': input });
        const doc = ws.docs['f.estructura'];
        const edits = await ws.services.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: { tabSize: 4, insertSpaces: true } }, CancellationToken.None);
        const formatted = TextDocument.applyEdits(TextDocument.create('f', 'estructura', 1, input), edits);
        expect(formatted).toContain('\n    número 100\n');
        expect(formatted).toContain('\n        I. "Acordar con la persona titular."\n');
        expect(formatted).toContain(`\n        XXII. cierre "${CLOSING}"\n`);
        expect(formatted).toContain('\n        número I.1.\n');
        expect(formatted).toContain('\n        número a\n');
    });
});
