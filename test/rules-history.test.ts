// cambio-incongruente: the change records (`cambio`) agree with the structure as written — a new
// name is the unit's name now, a new adscription the unit it hangs from, a suppressed unit is gone
// — unless a later record changes the unit again. The records and the
// units in different files (and institutions) edited one at a time against a cold build, and what
// the rule finds in examples/. What needs code is here (edits, cold against incremental builds,
// examples/); the cases that are only text in, diagnostics out are fixtures:
// test/fixtures/reglas/cambio-incongruente/ (docs/fixtures.md).
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { header, part, withCode } from './helpers/rules.js';
import { buildWorkspace, exampleFiles, type TestWorkspace } from './helpers/workspace.js';

const CODE = 'cambio-incongruente';

const found = (doc: LangiumDocument) => withCode(doc.diagnostics, CODE);
const messages = (doc: LangiumDocument) => found(doc).map(d => d.message);

/** The DOE and two of its units, as in the manual of 2022 (CEIR inside UEOD, UAD with its Coordinación and División). */
const DOE = `unidad DOE "Dirección de Operación y Evaluación" {
    unidad UEOD "Unidad de Evaluación de Órganos Desconcentrados" {
        unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" { }
    }
    unidad UAD "Unidad de Atención a la Derechohabiencia" {
        unidad CAO "Coordinación de Atención y Orientación" {
            unidad DAC "División de Atención Ciudadana" { }
        }
    }
}
unidad DJ "Dirección Jurídica" { }
`;

describe('cambio-incongruente: suppressions', () => {
    it('a suppressed unit still in the structure is a warning, naming where it is; a later creation brings it back', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + DOE,
            'b.estructura': part() + `cambio "ACDO.AS2.HCT.270922/264.P.DA" { fecha 2022-09-27 tipo supresión unidades CEIR }\n`
        });
        expect(messages(ws.docs['b.estructura'])).toEqual([
            `El cambio «ACDO.AS2.HCT.270922/264.P.DA» (2022-09-27) suprime la unidad «Coordinación de Evaluación de Incorporación y Recaudación» (CEIR), pero sigue en la estructura (a.estructura:4) y ningún registro posterior la vuelve a crear.`
        ]);
        await ws.update('b.estructura', ws.docs['b.estructura'].textDocument.getText()
            + 'cambio "ACDO.AS2.HCT.250123/12.P.DA" { fecha 2023-01-25 tipo creación unidades CEIR }\n');
        expect(found(ws.docs['b.estructura'])).toEqual([]);
    });

});

describe('cambio-incongruente: what is not checked', () => {
    it('editing a name or an adscription without a record never fires it', async () => {
        const ws = await buildWorkspace({ 'a.estructura': header() + DOE });
        await ws.update('a.estructura', header() + DOE.replace('Unidad de Evaluación de Órganos Desconcentrados', 'Unidad de Evaluación').replace(/ {4}unidad UAD[\s\S]*?\n {4}\}\n/u, ''));
        expect(found(ws.docs['a.estructura'])).toEqual([]);
    });
});

/** This rule's diagnostics of every document, as `file line:col message`. */
function ruleDiagnostics(ws: TestWorkspace): string[] {
    return Object.entries(ws.docs).flatMap(([name, doc]) => found(doc).map(d => `${name} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)).sort();
}

/** Applies the edits one by one as an editor would; after each, the rule's diagnostics equal a cold build's. */
async function editAndCompare(files: Record<string, string>, edits: Array<[string, string]>): Promise<string[][]> {
    const ws = await buildWorkspace(files);
    const texts = { ...files };
    const seen = [ruleDiagnostics(ws)];
    for (const [name, text] of edits) {
        await ws.update(name, text);
        texts[name] = text;
        const now = ruleDiagnostics(ws);
        expect(now, `after editing ${name}`).toEqual(ruleDiagnostics(await buildWorkspace(texts)));
        seen.push(now);
    }
    return seen;
}

describe('cambio-incongruente across files, as the editor rebuilds them', () => {
    const RECORD = part('DOE_M') + `
cambio "ACDO.AS2.HCT.280421/99.P.DA" {
    fecha 2021-04-28
    tipo adscripción
    unidades CEIR
    adscripción nueva UEOD
}
cambio "ACDO.AS2.HCT.280421/99.P.DA" {
    fecha 2021-04-28
    tipo denominación
    unidades UEOD
    nombre nuevo "Unidad de Evaluación de Órganos Desconcentrados"
}
`;
    const UNITS = header('IMSS', 'DOE_M') + DOE;

    it('editing the unit in its file makes the warning on the record appear and disappear', async () => {
        const moved = UNITS.replace('        unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" { }\n', '')
            + 'unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" {\n    adscrita a DOE\n}\n';
        const renamed = UNITS.replace('"Unidad de Evaluación de Órganos Desconcentrados"', '"Unidad de Evaluación"');
        const seen = await editAndCompare({ 'doe.estructura': UNITS, 'historia.estructura': RECORD }, [
            ['doe.estructura', moved], ['doe.estructura', UNITS], ['doe.estructura', renamed], ['doe.estructura', UNITS]
        ]);
        expect(seen.map(s => s.length)).toEqual([0, 1, 0, 1, 0]);
        expect(seen[1][0]).toMatch(/^historia\.estructura 6:14 .*adscrita a UEOD, pero hoy está adscrita a DOE/u);
        expect(seen[3][0]).toMatch(/^historia\.estructura 12:14 .*pero hoy se llama «Unidad de Evaluación»/u);
    });

    it('a later record written, edited and deleted in a third file makes the warning disappear and come back', async () => {
        const later = (unit: string) => part('DOE_M') + `cambio "ACDO.AS2.HCT.270922/264.P.DA" { fecha 2022-09-27 tipo adscripción unidades ${unit} adscripción nueva DJ }\n`;
        const moved = UNITS.replace('        unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" { }\n', '')
            + 'unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" {\n    adscrita a DJ\n}\n';
        const seen = await editAndCompare({ 'doe.estructura': moved, 'historia.estructura': RECORD, 'z.estructura': part('DOE_M') }, [
            ['z.estructura', later('CEIR')], ['z.estructura', later('UEOD')], ['z.estructura', later('CEIR').replace('2022-09-27', '2020-09-27')],
            ['z.estructura', later('CEIR')], ['z.estructura', part('DOE_M')]
        ]);
        expect(seen.map(s => s.length)).toEqual([1, 0, 2, 1, 0, 1]);
    });

    it('a record of one institution naming a unit of another (qualified): a later record in that institution\'s file is seen', async () => {
        const record = header('ISSSTE', 'OTRO') + 'cambio "Oficio 1" { fecha 2020-01-01 tipo adscripción unidades IMSS.CEIR adscripción nueva IMSS.UEOD }\n';
        const moved = UNITS.replace('        unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" { }\n', '')
            + 'unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" {\n    adscrita a DJ\n}\n';
        const later = part('DOE_M') + 'cambio "ACDO.AS2.HCT.270922/264.P.DA" { fecha 2022-09-27 tipo adscripción unidades CEIR adscripción nueva DJ }\n';
        const seen = await editAndCompare({ 'doe.estructura': moved, 'issste.estructura': record, 'z.estructura': part('DOE_M') }, [
            ['z.estructura', later], ['z.estructura', part('DOE_M')], ['doe.estructura', UNITS]
        ]);
        expect(seen.map(s => s.length)).toEqual([1, 0, 1, 0]);
        expect(seen[0][0]).toContain('adscrita a IMSS.UEOD, pero hoy está adscrita a IMSS.DJ');
    });
});

describe('the same reach serves the other rules that read records', () => {
    it('vigencia-organigrama: a chart whose raíz is of another institution sees a record written in a file it does not point at', async () => {
        const files = {
            'u.estructura': header('IMSS', 'M') + 'unidad U "Dirección U" { unidad V "Coordinación V" { } }\n',
            'o.estructura': header('ISSSTE', 'O') + 'organigrama ORG "U" { vigencia 2020-01-01 raíz IMSS.U }\n',
            'r.estructura': part('M')
        };
        const ws = await buildWorkspace(files);
        expect(withCode(ws.docs['o.estructura'].diagnostics, 'vigencia-organigrama')).toEqual([]);
        await ws.update('r.estructura', part('M') + 'cambio "X" { fecha 2021-01-01 unidades V }\n');
        expect(withCode(ws.docs['o.estructura'].diagnostics, 'vigencia-organigrama')).toHaveLength(1);
    });
});

describe('cambio-incongruente in examples/', () => {
    it('the records of the real manuals agree with their structure; the example of the rule fires where its comments say', async () => {
        const ws = await buildWorkspace(exampleFiles());
        const all = Object.entries(ws.docs).flatMap(([name, doc]) => found(doc).map(d => ({ name, doc, d })));
        expect(all.filter(f => f.name.startsWith('manuales/'))).toEqual([]);
        const example = 'ejemplos/historia-sin-aplicar.estructura';
        const doc = ws.docs[example];
        // Each warning is announced by a comment «// Advertencia (cambio-incongruente)» on a line above its record.
        const lines = doc.textDocument.getText().split('\n');
        const announced = lines.flatMap((l, i) => (l.includes('Advertencia (cambio-incongruente)') ? [i] : []));
        const records = announced.map(i => lines.findIndex((l, j) => j > i && l.startsWith('cambio ')));
        expect(all.map(f => f.name)).toEqual(announced.map(() => example));
        const recordAbove = (line: number) => {
            let at = line;
            while (at >= 0 && !lines[at].startsWith('cambio ')) at--;
            return at;
        };
        expect(all.map(f => recordAbove(f.d.range.start.line))).toEqual(records);
    });
});
