// The structure rules of RULES.md section B (names, kinds, levels, functions, titulares,
// objetivos): what needs code — settings changed at runtime, edits, the quick fixes of
// estructura-numeracion and estructura-tipo-nombre, the imported manuals. The cases that are
// only text in, diagnostics out are fixtures: test/fixtures/reglas/<código>/ (docs/fixtures.md).
import { describe, expect, it } from 'vitest';
import { parseConfigFile } from '../server/src/language/settings.js';
import { applyEdit, codeActions } from './helpers/fixes.js';
import { header, textOf, WARNING, withCode } from './helpers/rules.js';
import { buildWorkspace, exampleFiles, lineOf } from './helpers/workspace.js';

// One function, so that estructura-sin-funciones stays quiet where a fixture is about another rule.
const F = 'funciones { 1. "Coordinar las acciones." }';
const O = 'objetivo "Coordinar."';

describe('estructura-nombre-duplicado', () => {
    it('allows the same name under different parents (ISSSTE: nine Coordinación Administrativa), unless the profile says "siempre"', async () => {
        const files = {
            'a.estructura': header('ISSSTE') + `
unidad DM "Dirección Médica" { ${O} ${F}
    unidad CA1 "Coordinación Administrativa" { ${O} ${F} }
}
unidad DF "Dirección de Finanzas" { ${O} ${F}
    unidad CA2 "Coordinación Administrativa" { ${O} ${F} }
}`
        };
        const ws = await buildWorkspace(files);
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-nombre-duplicado')).toEqual([]);
        ws.services.settings.RuleSettings.applyFile(parseConfigFile('{ "perfiles": { "ISSSTE": { "nombreDuplicado": "siempre" } } }', 'estructura.json'));
        await ws.update('a.estructura', files['a.estructura'] + ' ');
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-nombre-duplicado');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(doc, 'unidad CA1'), lineOf(doc, 'unidad CA2')]);
        expect(found[0].message).toMatch(/^Otra unidad del ISSSTE tiene el mismo nombre: CA2 \(línea \d+\); /u);
    });

    it('never reports units linked with «misma unidad que»; their children count as children of one parent', async () => {
        const inst = header('IMSS', 'INST') + `unidad DG "Dirección General" { ${F}
    unidad SG "Secretaría General" { ${F}
        unidad UA "Unidad de Asuntos" { ${F} }
    }
}`;
        const sg = (link: string) => header('IMSS', 'SGM') + `unidad SG_2 "Secretaría General" { misma unidad que SG ${F}
    unidad UA_2 "Unidad de Asuntos" { ${link} ${F} }
}`;
        const ws = await buildWorkspace({ 'inst.estructura': inst, 'sg.estructura': sg('') });
        // The two Secretarías are one unit; the two Unidades de Asuntos hang from it and are not linked.
        expect(withCode(ws.docs['inst.estructura'].diagnostics, 'estructura-nombre-duplicado').map(d => textOf(ws.docs['inst.estructura'], d))).toEqual(['"Unidad de Asuntos"']);
        const found = withCode(ws.docs['sg.estructura'].diagnostics, 'estructura-nombre-duplicado');
        expect(found.map(d => textOf(ws.docs['sg.estructura'], d))).toEqual(['"Unidad de Asuntos"']);
        expect(found[0].message).toContain('Otra unidad de «Secretaría General» tiene el mismo nombre: UA (inst.estructura:4)');

        await ws.update('sg.estructura', sg('misma unidad que UA'));
        for (const doc of Object.values(ws.docs)) expect(withCode(doc.diagnostics, 'estructura-nombre-duplicado')).toEqual([]);
    });
});

describe('estructura-tipo-nombre', () => {
    it('warns on the tipo when the name says another kind, and the fix writes the kind the name says', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad DSL "División de Seguimiento Legislativo" {
    tipo Coordinación Técnica
    ${F}
}`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-tipo-nombre');
        expect(found.map(d => [d.range.start.line, d.severity, textOf(doc, d)])).toEqual([[lineOf(doc, 'tipo Coordinación'), WARNING, 'Coordinación Técnica']]);
        expect(found[0].message).toBe('El nombre «División de Seguimiento Legislativo» indica el tipo «División», pero el tipo declarado es «Coordinación Técnica».');

        const actions = await codeActions(ws, doc, found[0]);
        expect(actions.map(a => a.title)).toEqual(['Cambiar el tipo a «División»']);
        const fixed = applyEdit(ws, actions[0].edit!)['a.estructura'];
        expect(fixed).toContain('    tipo División\n');
        await ws.update('a.estructura', fixed);
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-tipo-nombre')).toEqual([]);
    });

});

describe('estructura-titular-unico', () => {
    it('sees a titular declared in another file, and forgets it when that file changes', async () => {
        const withSecond = header('IMSS', 'PUESTOS') + `puesto T2 "Encargado de la Unidad" { titular de UCS }`;
        const ws = await buildWorkspace({
            'a.estructura': header('IMSS', 'MA') + `unidad UCS "Unidad de Comunicación Social" { ${F}\n    puesto T1 "Titular" { titular }\n}`,
            'b.estructura': header('IMSS', 'PUESTOS')
        });
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'estructura-titular-unico')).toEqual([]);

        await ws.update('b.estructura', withSecond);
        const found = withCode(ws.docs['b.estructura'].diagnostics, 'estructura-titular-unico');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('«T1» (a.estructura:3)');
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-titular-unico')).toEqual([]);

        // The first titular goes away in a.estructura: the one in b.estructura is now the only one.
        await ws.update('a.estructura', header('IMSS', 'MA') + `unidad UCS "Unidad de Comunicación Social" { ${F} }`);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'estructura-titular-unico')).toEqual([]);

        // And it comes back.
        await ws.update('a.estructura', header('IMSS', 'MA') + `unidad UCS "Unidad de Comunicación Social" { ${F}\n    puesto T1 "Titular" { titular }\n}`);
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'estructura-titular-unico')).toHaveLength(1);
    });
});

describe('estructura-objetivo', () => {
    it('does not ask the IMSS for objetivos, unless its profile does', async () => {
        const text = header('IMSS') + `unidad DAF "División de Afiliación" { ${F} }`;
        const ws = await buildWorkspace({ 'a.estructura': text });
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-objetivo')).toEqual([]);
        ws.services.settings.RuleSettings.applyFile(parseConfigFile('{ "perfiles": { "IMSS": { "objetivoObligatorio": true } } }', 'estructura.json'));
        await ws.update('a.estructura', text + ' ');
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-objetivo')).toHaveLength(1);
    });
});

describe('quick fix of estructura-numeracion', () => {
    async function fixOf(files: Record<string, string>, name: string, context: string) {
        const ws = await buildWorkspace(files);
        const doc = ws.docs[name];
        const diagnostic = withCode(doc.diagnostics, 'estructura-numeracion').find(d => d.range.start.line === lineOf(doc, context));
        expect(diagnostic, `no estructura-numeracion on «${context}»`).toBeDefined();
        const actions = await codeActions(ws, doc, diagnostic!);
        return { ws, actions, texts: actions.length ? applyEdit(ws, actions[0].edit!) : {} };
    }

    it('fills a gap with the expected number', async () => {
        const { ws, actions, texts } = await fixOf({
            'a.estructura': header() + `
unidad D "Dirección A" { número 7.1
    unidad U1 "Unidad Uno" { número 7.1.1 }
    unidad U3 "Unidad Dos" { número 7.1.3 }
}`
        }, 'a.estructura', 'número 7.1.3');
        expect(actions.map(a => a.title)).toEqual(['Renumerar como 7.1.2']);
        expect(texts['a.estructura']).toContain('unidad U3 "Unidad Dos" { número 7.1.2 }');
        await ws.update('a.estructura', texts['a.estructura']);
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-numeracion')).toEqual([]);
    });

    it('gives a repeated number the first free one', async () => {
        const { actions, texts } = await fixOf({
            'a.estructura': header() + `
unidad D "Dirección A" { número 7.1
    unidad U1 "Unidad Uno" { número 7.1.1 }
    unidad U2 "Unidad Dos" { número 7.1.2 }
    unidad U2B "Unidad Tres" { número 7.1.2 }
}`
        }, 'a.estructura', 'Unidad Tres');
        expect(actions.map(a => a.title)).toEqual(['Renumerar como 7.1.3']);
        expect(texts['a.estructura']).toContain('unidad U2B "Unidad Tres" { número 7.1.3 }');
    });

    it('puts the parent\'s number in front of the unit\'s own last segment, with its subtree in other files and its trailing period', async () => {
        const { ws, actions, texts } = await fixOf({
            'a.estructura': header('IMSS', 'MO') + `
unidad D "Dirección A" { número 7.1
    unidad U1 "Unidad Uno" { número 7.1.1 }
    unidad X "Unidad Dos" { número 7.3.2.
        unidad XC "Coordinación Dos Uno" { número 7.3.2.1 }
    }
}`,
            'b.estructura': `parte de MO { institucion IMSS }\nunidad XD "División Dos Uno Uno" { número 7.3.2.1.1 adscrita a XC }`
        }, 'a.estructura', 'número 7.3.2.');
        expect(actions.map(a => a.title)).toEqual(['Renumerar como 7.1.2']);
        expect(texts['a.estructura']).toContain('unidad X "Unidad Dos" { número 7.1.2.\n');
        expect(texts['a.estructura']).toContain('unidad XC "Coordinación Dos Uno" { número 7.1.2.1 }');
        expect(texts['b.estructura']).toContain('{ número 7.1.2.1.1 adscrita a XC }');
        await ws.update('a.estructura', texts['a.estructura']);
        await ws.update('b.estructura', texts['b.estructura']);
        for (const doc of Object.values(ws.docs)) expect(withCode(doc.diagnostics, 'estructura-numeracion')).toEqual([]);
    });

    it('keeps an ISSSTE staff segment and takes the next free number when its own is taken', async () => {
        const { actions } = await fixOf({
            'a.estructura': header('ISSSTE') + `
unidad D "Dirección de Administración" { número 5
    unidad S1 "Coordinación Administrativa" { número 5.0.1 }
    unidad S2 "Jefatura de Servicios de Tecnologías" { número 6.0.1 }
}`
        }, 'a.estructura', 'número 6.0.1');
        expect(actions.map(a => a.title)).toEqual(['Renumerar como 5.0.2']);
    });
});

describe('the imported manuals', () => {
    it('have no false structure diagnostics: IMSS 2018, DOE 2022, SG and the ISSSTE 2018 (553 units)', async () => {
        const ws = await buildWorkspace(exampleFiles());
        const codes = ['estructura-nivel', 'estructura-objetivo', 'estructura-nombre-duplicado', 'estructura-tipo-nombre',
            'estructura-sin-funciones', 'estructura-titular-unico', 'estructura-regla-fallida'];
        const found: string[] = [];
        for (const [name, doc] of Object.entries(ws.docs)) {
            if (!name.startsWith('manuales/')) continue;
            for (const d of doc.diagnostics ?? []) {
                if (codes.includes(String(d.code))) found.push(`${name}:${d.range.start.line + 1} ${d.code}`);
            }
        }
        expect(found).toEqual([]);
        // The ISSSTE profile asks every unit for its objetivo: all 553 units have one.
        const issste = Object.entries(ws.docs).filter(([name]) => name.startsWith('manuales/issste-2018/'));
        const units = issste.reduce((n, [, doc]) => n + (doc.textDocument.getText().match(/^\s*unidad \w+ "/gmu)?.length ?? 0), 0);
        expect(units).toBe(553);

        // With "siempre", equal names under different parents are reported: among them the
        // Jefatura de Servicios de Planeación y Programación Institucional described both under
        // the Secretaría General (1.4.1) and the Unidad de Desarrollo Institucional (10.1.1).
        ws.services.settings.RuleSettings.applyFile(parseConfigFile('{ "perfiles": { "ISSSTE": { "nombreDuplicado": "siempre" } } }', 'estructura.json'));
        await ws.update('manuales/issste-2018/issste-2018.10.1-udi.estructura', ws.docs['manuales/issste-2018/issste-2018.10.1-udi.estructura'].textDocument.getText() + ' ');
        const udi = ws.docs['manuales/issste-2018/issste-2018.10.1-udi.estructura'];
        const duplicates = withCode(udi.diagnostics, 'estructura-nombre-duplicado');
        expect(duplicates.map(d => textOf(udi, d).replace(/\s+/gu, ' '))).toContain('"Jefatura de Servicios de Planeación y Programación Institucional"');
        // IMSS: the Secretaría General of the SG manual is the one of the institutional manual.
        expect(withCode(ws.docs['manuales/imss-sg/imss-sg.estructura'].diagnostics, 'estructura-nombre-duplicado')).toEqual([]);
    }, 120_000);
});

describe('estructura-propiedad-repetida', () => {
    it('finds nothing in the imported manuals and the examples', async () => {
        const ws = await buildWorkspace(exampleFiles());
        expect(Object.values(ws.docs).flatMap(doc => withCode(doc.diagnostics, 'estructura-propiedad-repetida'))).toEqual([]);
    }, 120_000);
});
