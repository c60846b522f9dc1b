// cambio-incongruente: the change records (`cambio`) agree with the structure as written — a new
// name is the unit's name now, a new adscription the unit it hangs from, a suppressed unit is gone
// — unless a later record changes the unit again. Fixtures that pass and fail, the records and the
// units in different files (and institutions) edited one at a time against a cold build, and what
// the rule finds in examples/.
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { withCode } from './helpers/fixes.js';
import { buildWorkspace, exampleFiles, positionOf, type TestWorkspace } from './helpers/workspace.js';

const CODE = 'cambio-incongruente';
const WARNING = 2;

const header = (id = 'M', institution = 'IMSS') => `manual ${id} "Manual" { institucion ${institution} }\n`;
const part = (id = 'M', institution = 'IMSS') => `parte de ${id} "Parte" { institucion ${institution} }\n`;

const found = (doc: LangiumDocument) => withCode(doc.diagnostics, CODE);
const textOf = (doc: LangiumDocument, d: Diagnostic) => doc.textDocument.getText(d.range);
const messages = (doc: LangiumDocument) => found(doc).map(d => d.message);

async function single(text: string): Promise<{ ws: TestWorkspace; doc: LangiumDocument }> {
    const ws = await buildWorkspace({ 'a.estructura': header() + text });
    return { ws, doc: ws.docs['a.estructura'] };
}

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

describe('cambio-incongruente: names', () => {
    it('a record whose nombre nuevo is the unit\'s name passes (accents, case and spacing aside)', async () => {
        const { doc } = await single(DOE + `
cambio "ACDO.AS2.HCT.280421/99.P.DA" {
    fecha 2021-04-28
    tipo denominación
    unidades UEOD
    nombre anterior "Unidad de Evaluación de Delegaciones"
    nombre nuevo "unidad de evaluacion de  organos desconcentrados"
}`);
        expect(found(doc)).toEqual([]);
    });

    it('a nombre nuevo the unit does not bear is a warning on the unit named, with the act, its date and both names', async () => {
        const { doc } = await single(DOE + `
cambio "ACDO.AS2.HCT.280421/99.P.DA" {
    fecha 2021-04-28
    tipo denominación
    unidades UEOD
    nombre nuevo "Unidad de Evaluación de los Órganos de Operación"
}`);
        const [d, ...rest] = found(doc);
        expect(rest).toEqual([]);
        expect(d.severity).toBe(WARNING);
        expect(d.message).toBe(`El cambio «ACDO.AS2.HCT.280421/99.P.DA» (2021-04-28) da a la unidad UEOD el nombre «Unidad de Evaluación de los Órganos de Operación», pero hoy se llama «Unidad de Evaluación de Órganos Desconcentrados» y ningún registro posterior la renombra.`);
        expect(d.range.start).toEqual(positionOf(doc, 'unidades UEOD', 'UEOD'));
        expect(textOf(doc, d)).toBe('UEOD');
    });

    it('renamed, then renamed again by a later record (earlier in the file): only the latest name must hold', async () => {
        const { doc } = await single(DOE + `
cambio "ACDO.AS2.HCT.280421/99.P.DA" {
    fecha 2021-04-28
    tipo denominación
    unidades DOE
    nombre nuevo "Dirección de Operación y Evaluación"
}
cambio "ACDO.SA2.HCT.111213/361.P.DAED" {
    fecha 2013-12-11
    tipo transformación
    unidades DOE
    nombre nuevo "Dirección de Vinculación Institucional y Evaluación de Delegaciones"
}
cambio "177/2001" {
    fecha 2001-04-25
    tipo transformación
    unidades DOE
    nombre nuevo "Unidad de Vinculación Institucional"
}`);
        expect(found(doc)).toEqual([]);
    });

    it('a later record that suppresses the unit also supersedes its rename; the suppression is what is reported', async () => {
        const { doc } = await single(DOE + `
cambio "ACDO.SA2.HCT.111213/361.P.DAED" { fecha 2013-12-11 tipo denominación unidades DJ nombre nuevo "Dirección de lo Contencioso" }
cambio "ACDO.AS2.HCT.280421/99.P.DA" { fecha 2021-04-28 tipo supresión unidades DJ }`);
        expect(messages(doc)).toEqual([`El cambio «ACDO.AS2.HCT.280421/99.P.DA» (2021-04-28) suprime la unidad «Dirección Jurídica» (DJ), pero sigue en la estructura (línea 12) y ningún registro posterior la vuelve a crear.`]);
    });

    it('the name kept as a former name (`anterior`) passes: the unit was renamed since, without a record', async () => {
        const { doc } = await single(`unidad UEOD "Unidad de Evaluación de los Órganos de Operación" {
    anterior "Unidad de Evaluación de Órganos Desconcentrados" hasta 2023-01-01
}
cambio "ACDO.AS2.HCT.280421/99.P.DA" { fecha 2021-04-28 tipo denominación unidades UEOD nombre nuevo "Unidad de Evaluación de Órganos Desconcentrados" }`);
        expect(found(doc)).toEqual([]);
    });

    it('two records of the same date: the one further down the same file is the later one', async () => {
        const records = (first: string, second: string) => DOE + `
cambio "ACDO.AS2.HCT.280421/99.P.DA" { fecha 2021-04-28 tipo denominación unidades UEOD nombre nuevo "${first}" }
cambio "ACDO.AS2.HCT.280421/99.P.DA" { fecha 2021-04-28 tipo denominación unidades UEOD nombre nuevo "${second}" }`;
        const ok = await single(records('Unidad de Evaluación Provisional', 'Unidad de Evaluación de Órganos Desconcentrados'));
        expect(found(ok.doc)).toEqual([]);
        const wrong = await single(records('Unidad de Evaluación de Órganos Desconcentrados', 'Unidad de Evaluación Provisional'));
        expect(found(wrong.doc).map(d => d.range.start.line)).toEqual([positionOf(wrong.doc, 'Provisional').line]);
    });

    it('a creation gives the unit its name too; a fusion names the resulting unit, which stays', async () => {
        const { doc } = await single(DOE + `
cambio "ACDO.AS2.HCT.280421/99.P.DA" { fecha 2021-04-28 tipo creación unidades CEIR nombre nuevo "Coordinación de Seguimiento a la Operación del Nivel Desconcentrado" }
cambio "ACDO.AS2.HCT.280421/99.P.DA" { fecha 2021-04-28 tipo fusión unidades UAD, DJ nombre nuevo "Unidad de Atención a la Derechohabiencia" }`);
        expect(messages(doc)).toEqual([
            `El cambio «ACDO.AS2.HCT.280421/99.P.DA» (2021-04-28) da a la unidad CEIR el nombre «Coordinación de Seguimiento a la Operación del Nivel Desconcentrado», pero hoy se llama «Coordinación de Evaluación de Incorporación y Recaudación» y ningún registro posterior la renombra.`,
            `El cambio «ACDO.AS2.HCT.280421/99.P.DA» (2021-04-28) fusiona la unidad «Dirección Jurídica» (DJ), pero sigue en la estructura (línea 12) y ningún registro posterior la vuelve a crear.`
        ]);
        expect(found(doc).map(d => textOf(doc, d))).toEqual(['CEIR', 'DJ']);
    });
});

describe('cambio-incongruente: adscriptions', () => {
    const MOVE = `
cambio "ACDO.AS2.HCT.280421/99.P.DA" {
    fecha 2021-04-28
    tipo adscripción
    unidades CEIR
    adscripción anterior DOE
    adscripción nueva UEOD
}`;

    it('a unit that hangs from its adscripción nueva passes, nested or with `adscrita a` in another file', async () => {
        expect(found((await single(DOE + MOVE)).doc)).toEqual([]);
        const ws = await buildWorkspace({
            'a.estructura': header() + DOE.replace('        unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" { }\n', '') + MOVE,
            'b.estructura': part() + 'unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" {\n    adscrita a UEOD\n}\n'
        });
        expect(found(ws.docs['a.estructura'])).toEqual([]);
    });

    it('a unit that hangs from another unit is a warning on the unit named, naming where it hangs today', async () => {
        const { doc } = await single(DOE.replace('        unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" { }\n', '')
            + 'unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" {\n    adscrita a DOE\n}\n' + MOVE);
        const [d, ...rest] = found(doc);
        expect(rest).toEqual([]);
        expect(d.code).toBe(CODE);
        expect(d.severity).toBe(WARNING);
        expect(d.message).toBe(`El cambio «ACDO.AS2.HCT.280421/99.P.DA» (2021-04-28) deja a la unidad «Coordinación de Evaluación de Incorporación y Recaudación» (CEIR) adscrita a UEOD, pero hoy está adscrita a DOE y ningún registro posterior la mueve.`);
        expect(d.range).toEqual({ start: positionOf(doc, 'unidades CEIR', 'CEIR'), end: { ...positionOf(doc, 'unidades CEIR', 'CEIR'), character: positionOf(doc, 'unidades CEIR', 'CEIR').character + 4 } });
    });

    it('a unit with no superior today, and a record of an oficio', async () => {
        const { doc } = await single(`unidad CEIR "Coordinación de Evaluación de Incorporación y Recaudación" { }
unidad UEOD "Unidad de Evaluación de Órganos Desconcentrados" { }
cambio oficio "0952171000/314" { fecha 2015-06-01 tipo reubicación unidades CEIR adscripción nueva UEOD }`);
        expect(messages(doc)).toEqual([`El cambio del oficio «0952171000/314» (2015-06-01) deja a la unidad «Coordinación de Evaluación de Incorporación y Recaudación» (CEIR) adscrita a UEOD, pero hoy no depende de ninguna unidad y ningún registro posterior la mueve.`]);
    });

    it('units named with their superior ride along with it: only the top of each subtree is checked', async () => {
        const record = `
cambio "ACDO.AS2.HCT.280421/99.P.DA" {
    fecha 2021-04-28
    tipo adscripción
    unidades UAD, CAO, DAC
    adscripción anterior DJ
    adscripción nueva DOE
}`;
        expect(found((await single(DOE + record)).doc)).toEqual([]);
        // UAD under the Dirección Jurídica: one warning, on UAD (CAO and DAC went with it).
        const moved = DOE.replace(/ {4}unidad UAD[\s\S]*?\n {4}\}\n/u, '') + `unidad UAD "Unidad de Atención a la Derechohabiencia" {
    adscrita a DJ
    unidad CAO "Coordinación de Atención y Orientación" {
        unidad DAC "División de Atención Ciudadana" { }
    }
}
`;
        const { doc } = await single(moved + record);
        expect(found(doc).map(d => textOf(doc, d))).toEqual(['UAD']);
        expect(found(doc)[0].message).toContain('«Unidad de Atención a la Derechohabiencia» (UAD) adscrita a DOE, pero hoy está adscrita a DJ');
        // Without its superior in the list, a unit is checked on its own.
        const alone = await single(DOE + record.replace('UAD, CAO, DAC', 'DAC'));
        expect(found(alone.doc).map(d => d.message)).toEqual([
            `El cambio «ACDO.AS2.HCT.280421/99.P.DA» (2021-04-28) deja a la unidad «División de Atención Ciudadana» (DAC) adscrita a DOE, pero hoy está adscrita a CAO y ningún registro posterior la mueve.`
        ]);
    });

    it('moved, then moved again by a later record (in another file): no warning', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + DOE + `
cambio "ACDO.AS2.HCT.310816/218.P.DA" { fecha 2016-08-31 tipo adscripción unidades CEIR adscripción nueva DJ }`,
            'b.estructura': part() + MOVE
        });
        expect(found(ws.docs['a.estructura'])).toEqual([]);
        expect(found(ws.docs['b.estructura'])).toEqual([]);
    });

    it('a unit hanging from a grouping (`agrupación`) hangs from the grouping\'s superior', async () => {
        const { doc } = await single(`unidad DG "Dirección General" {
    unidad OOAD "Órganos de Operación Administrativa Desconcentrada" {
        agrupación
        unidad DEL "Delegaciones" { genérica }
    }
}
cambio "ACDO.AS2.HCT.280421/99.P.DA" { fecha 2021-04-28 tipo adscripción unidades DEL adscripción nueva DG }`);
        expect(found(doc)).toEqual([]);
    });
});

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

    it('a suppressed unit that is gone leaves an unresolved reference, which is estructura-referencia\'s, not this rule\'s', async () => {
        const { doc } = await single(DOE + 'cambio "ACDO.AS2.HCT.270922/264.P.DA" { fecha 2022-09-27 tipo supresión unidades CAOSCOA, CEIR }\n');
        expect(found(doc).map(d => textOf(doc, d))).toEqual(['CEIR']);
        expect(withCode(doc.diagnostics, 'estructura-referencia')).toHaveLength(1);
    });
});

describe('cambio-incongruente: what is not checked', () => {
    it('a record without fecha (which records are later is unknown), positions, half-written records', async () => {
        const { doc } = await single(DOE + `
cambio "ACDO.AS2.HCT.280421/99.P.DA" { tipo denominación unidades UEOD nombre nuevo "Otro nombre" }
cambio "ACDO.AS2.HCT.280421/99.P.DA" { fecha 2021-04-28 tipo reubicación puestos P adscripción nueva DJ }
cambio "" { fecha 2021-04-28 unidades }
cambio { fecha 2021-04-28 tipo supresión unidades }
cambio "X" { fecha 2021-04-28 tipo denominación unidades UEOD nombre nuevo "" }
puesto P "Asesor" { adscrito a DOE }`);
        expect(found(doc)).toEqual([]);
        expect(withCode(doc.diagnostics, 'estructura-regla-fallida')).toEqual([]);
    });

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
    const UNITS = header('DOE_M') + DOE;

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
        const record = header('OTRO', 'ISSSTE') + 'cambio "Oficio 1" { fecha 2020-01-01 tipo adscripción unidades IMSS.CEIR adscripción nueva IMSS.UEOD }\n';
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
            'u.estructura': header('M') + 'unidad U "Dirección U" { unidad V "Coordinación V" { } }\n',
            'o.estructura': header('O', 'ISSSTE') + 'organigrama ORG "U" { vigencia 2020-01-01 raíz IMSS.U }\n',
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
