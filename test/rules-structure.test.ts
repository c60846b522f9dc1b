// The structure rules of RULES.md section B (names, kinds, levels, functions, titulares,
// objetivos) and the quick fixes of estructura-numeracion and estructura-tipo-nombre, on small
// fixtures and on the imported manuals.
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { parseConfigFile } from '../server/src/language/settings.js';
import { applyEdit, codeActions, withCode } from './helpers/fixes.js';
import { buildWorkspace, exampleFiles, lineOf } from './helpers/workspace.js';

const header = (institution = 'IMSS', id = 'M') => `manual ${id} "Manual" { institucion ${institution} }\n`;
// One function, so that estructura-sin-funciones stays quiet where a fixture is about another rule.
const F = 'funciones { 1. "Coordinar las acciones." }';
const O = 'objetivo "Coordinar."';

const ERROR = 1;
const WARNING = 2;

function textOf(doc: LangiumDocument, d: Diagnostic): string {
    return doc.textDocument.getText(d.range);
}

describe('estructura-nombre-duplicado', () => {
    it('warns on both units with the same name under one parent, accents, case and spacing aside', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad D "Dirección de Pruebas" { ${F}
    unidad A "División de Enlace" { ${F} }
    unidad B "DIVISION  de  enlace" { ${F} }
}`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-nombre-duplicado');
        expect(found.map(d => [d.range.start.line, d.severity, textOf(doc, d)])).toEqual([
            [lineOf(doc, 'unidad A'), WARNING, '"División de Enlace"'],
            [lineOf(doc, 'unidad B'), WARNING, '"DIVISION  de  enlace"']
        ]);
        expect(found[0].message).toBe(`Otra unidad de «Dirección de Pruebas» tiene el mismo nombre: B (línea ${lineOf(doc, 'unidad B') + 1}); si es la misma unidad descrita en otro manual, declárelo con «misma unidad que».`);
    });

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

    it('compares across files of one institution, not across institutions', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('IMSS', 'MA') + `unidad D "Dirección A" { ${F}\n    unidad X1 "Coordinación de Enlace" { ${F} }\n}`,
            'b.estructura': header('IMSS', 'MB') + `unidad X2 "Coordinación de Enlace" { adscrita a D ${F} }`,
            'c.estructura': header('ISSSTE', 'MC') + `unidad D "Dirección A" { ${O} ${F}\n    unidad X3 "Coordinación de Enlace" { ${O} ${F} }\n}`
        });
        const a = withCode(ws.docs['a.estructura'].diagnostics, 'estructura-nombre-duplicado');
        expect(a).toHaveLength(1);
        expect(a[0].message).toContain('el mismo nombre: X2 (b.estructura:2)');
        expect(withCode(ws.docs['b.estructura'].diagnostics, 'estructura-nombre-duplicado')).toHaveLength(1);
        expect(withCode(ws.docs['c.estructura'].diagnostics, 'estructura-nombre-duplicado')).toEqual([]);
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

    it('accepts a matching tipo, refinements the name cannot show, plural generic and grouping names, and units without tipo', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad DG "Dirección General" { tipo Dirección General ${F}
    unidad DPM "Dirección de Prestaciones Médicas" { tipo Dirección Normativa ${F} }
    unidad CV "Coordinación de Vinculación" { tipo coordinacion normativa ${F} }
    unidad OOAD "Órganos de Operación Administrativa Desconcentrada" { tipo Agrupación agrupación
        unidad DEL "Delegaciones" { tipo Delegación genérica 35 ${F} }
        unidad UMAE "Unidades Médicas de Alta Especialidad" { tipo UMAE genérica 25 ${F} }
    }
    unidad UC "Unidad de Congresos" { ${F} }
    unidad X "Comisión Especial" { tipo División ${F} }
}`
        });
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-tipo-nombre')).toEqual([]);
    });

    it('asks for Agrupación on a plural grouping name', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `unidad OOAD "Órganos de Operación Administrativa Desconcentrada" { tipo Delegación agrupación }`
        });
        const found = withCode(ws.docs['a.estructura'].diagnostics, 'estructura-tipo-nombre');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('indica el tipo «Agrupación» (un nombre en plural que agrupa unidades)');
    });
});

describe('estructura-nivel', () => {
    it('warns on the tipo of a child whose kind is not allowed under its parent (IMSS table)', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad DIV "División de Prensa" {
    tipo División
    ${F}
    unidad COORD "Coordinación de Información" {
        tipo Coordinación
        ${F}
    }
}`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-nivel');
        expect(found.map(d => [d.range.start.line, d.severity, textOf(doc, d)])).toEqual([[lineOf(doc, 'tipo Coordinación'), WARNING, 'Coordinación']]);
        expect(found[0].message).toBe('Una unidad de tipo «Coordinación» no puede depender de «División de Prensa» (División) según la tabla de niveles del perfil IMSS: bajo una unidad de tipo «División» van: Subjefatura de División.');
    });

    it('accepts the IMSS hierarchy and leaves kinds missing from the table alone', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad DG "Dirección General" { tipo Dirección General ${F}
    unidad D "Dirección de Operación" { tipo Dirección ${F}
        unidad U "Unidad de Evaluación" { tipo Unidad ${F}
            unidad C "Coordinación de Evaluación" { tipo Coordinación ${F}
                unidad DV "División de Evaluación" { tipo División ${F}
                    unidad SD "Subjefatura de División de Soporte" { tipo Subjefatura de División ${F} }
                }
            }
            unidad CT "Coordinación Técnica de Análisis" { tipo Coordinación Técnica ${F}
                unidad DV2 "División de Análisis" { tipo División ${F} }
            }
        }
        unidad CA "Coordinación Administrativa" { tipo Coordinación Administrativa ${F}
            unidad DRH "División de Recursos Humanos" { tipo División ${F}
                unidad DEP "Departamento de Nómina" { tipo Departamento ${F} }
            }
        }
    }
    unidad OOAD "Órganos de Operación Administrativa Desconcentrada" { tipo Agrupación agrupación
        unidad DEL "Delegaciones" { tipo Delegación genérica ${F} }
    }
}`
        });
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-nivel')).toEqual([]);
    });

    it('warns on a División and a Coordinación Técnica directly under an IMSS Dirección (DOE 2022: only Unidades and Coordinaciones hang from it)', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad D "Dirección de Operación y Evaluación" { tipo Dirección ${F}
    unidad U "Unidad de Comunicación Social" { tipo Unidad ${F} }
    unidad CV "Coordinación de Vinculación" { tipo Coordinación Normativa ${F} }
    unidad CA "Coordinación Administrativa" { tipo Coordinación Administrativa ${F} }
    unidad DIEI "División de Información Estratégica Institucional" { tipo División ${F} }
    unidad CTVI "Coordinación Técnica de Vinculación Internacional" { tipo Coordinación Técnica ${F} }
}`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-nivel');
        expect(found.map(d => [d.range.start.line, d.severity, textOf(doc, d)])).toEqual([
            [lineOf(doc, 'unidad DIEI'), WARNING, 'División'],
            [lineOf(doc, 'unidad CTVI'), WARNING, 'Coordinación Técnica']
        ]);
        const allowed = 'según la tabla de niveles del perfil IMSS: bajo una unidad de tipo «Dirección» van: Unidad, Coordinación, Coordinación Normativa, Coordinación Administrativa.';
        expect(found.map(d => d.message)).toEqual([
            `Una unidad de tipo «División» no puede depender de «Dirección de Operación y Evaluación» (Dirección) ${allowed}`,
            `Una unidad de tipo «Coordinación Técnica» no puede depender de «Dirección de Operación y Evaluación» (Dirección) ${allowed}`
        ]);
    });

    it('follows the parent across files and manuals, and reads a kind from the name when there is no tipo', async () => {
        const ws = await buildWorkspace({
            'inst.estructura': header('IMSS', 'INST') + `unidad DG "Dirección General" { tipo Dirección General ${F} }`,
            'doe.estructura': header('IMSS', 'DOE_M') + `\nunidad DIV "División de Operación" { adscrita a DG ${F} }`
        });
        const doc = ws.docs['doe.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-nivel');
        expect(found.map(d => [d.range.start.line, d.severity, textOf(doc, d)])).toEqual([[lineOf(doc, 'unidad DIV'), WARNING, '"División de Operación"']]);
        expect(found[0].message).toContain('no puede depender de «Dirección General» (Dirección General)');
    });

    it('uses the ISSSTE table: staff units, Tesorería General and Subcoordinaciones under a Dirección', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('ISSSTE') + `
unidad DF "Dirección de Finanzas" { tipo Dirección ${O} ${F}
    unidad TG "Tesorería General" { tipo Tesorería General ${O} ${F}
        unidad JS "Jefatura de Servicios de Registro Financiero" { tipo Jefatura de Servicios ${O} ${F}
            unidad DEP "Departamento de Registro" { tipo Departamento ${O} ${F} }
        }
    }
    unidad SC "Subcoordinación de Enlace" { tipo Subcoordinación ${O} ${F} }
    unidad CA "Coordinación Administrativa" { tipo Coordinación Administrativa ${O} ${F}
        unidad DRH "Departamento de Recursos Humanos" { tipo Departamento ${O} ${F} }
    }
    unidad DX "Departamento Suelto" { tipo Departamento ${O} ${F} }
}`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-nivel');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(doc, 'unidad DX')]);
        expect(found[0].message).toContain('tabla de niveles del perfil ISSSTE');
    });
});

describe('estructura-sin-funciones', () => {
    it('warns on the name of a unit with no functions', async () => {
        const ws = await buildWorkspace({ 'a.estructura': header() + `\nunidad UCS "Unidad de Comunicación Social" {\n    tipo Unidad\n}` });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-sin-funciones');
        expect(found.map(d => [d.range.start.line, d.severity, textOf(doc, d)])).toEqual([[lineOf(doc, 'unidad UCS'), WARNING, '"Unidad de Comunicación Social"']]);
        expect(found[0].message).toMatch(/^«Unidad de Comunicación Social» no tiene funciones; /u);
    });

    it('accepts units with functions, groupings, generic units, and a description whose functions are in the other one (misma unidad que)', async () => {
        const ws = await buildWorkspace({
            'inst.estructura': header('IMSS', 'INST') + `
unidad DG "Dirección General" { ${F}
    unidad SG "Secretaría General" { }
    unidad OOAD "Órganos de Operación Administrativa Desconcentrada" { agrupación
        unidad UMAE "Unidades Médicas de Alta Especialidad" { genérica 25 }
    }
}`,
            'sg.estructura': header('IMSS', 'SGM') + `unidad SG_2 "Secretaría General" { misma unidad que SG ${F} }`
        });
        for (const doc of Object.values(ws.docs)) expect(withCode(doc.diagnostics, 'estructura-sin-funciones')).toEqual([]);
    });

    it('reports both descriptions of one unit when neither has functions', async () => {
        const ws = await buildWorkspace({
            'inst.estructura': header('IMSS', 'INST') + `unidad SG "Secretaría General" { }`,
            'sg.estructura': header('IMSS', 'SGM') + `unidad SG_2 "Secretaría General" { misma unidad que SG }`
        });
        expect(withCode(ws.docs['inst.estructura'].diagnostics, 'estructura-sin-funciones')).toHaveLength(1);
        expect(withCode(ws.docs['sg.estructura'].diagnostics, 'estructura-sin-funciones')).toHaveLength(1);
    });
});

describe('estructura-titular-unico', () => {
    it('reports every titular after the first, on its titular declaration', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad UCS "Unidad de Comunicación Social" { ${F}
    puesto T1 "Titular de la Unidad" { titular }
    puesto T2 "Encargado" { titular }
}
puesto T3 "Otro Titular" { titular de UCS }
puesto P4 "Analista" { adscrito a UCS }`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-titular-unico');
        expect(found.map(d => [d.range.start.line, d.severity, textOf(doc, d)])).toEqual([
            [lineOf(doc, 'puesto T2'), ERROR, 'titular'],
            [lineOf(doc, 'puesto T3'), ERROR, 'UCS']
        ]);
        expect(found[0].message).toBe(`La unidad «Unidad de Comunicación Social» ya tiene como titular el puesto «T1» (línea ${lineOf(doc, 'puesto T1') + 1}); una unidad tiene a lo más un puesto titular.`);
    });

    it('accepts one titular per unit', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header() + `
unidad A "Unidad A" { ${F} puesto TA "Titular A" { titular } }
unidad B "Unidad B" { ${F} puesto TB "Titular B" { titular } puesto PB "Analista" { reporta a TB } }`
        });
        expect(withCode(ws.docs['a.estructura'].diagnostics, 'estructura-titular-unico')).toEqual([]);
    });

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
    it('warns on the name of an ISSSTE unit without objetivo', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('ISSSTE') + `\nunidad DAF "Departamento de Afiliación" {\n    ${F}\n}\nunidad DV "Departamento de Vigencia" { ${O} ${F} }`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-objetivo');
        expect(found.map(d => [d.range.start.line, d.severity, textOf(doc, d)])).toEqual([[lineOf(doc, 'unidad DAF'), WARNING, '"Departamento de Afiliación"']]);
        expect(found[0].message).toBe('«Departamento de Afiliación» no tiene objetivo; en el perfil ISSSTE cada unidad declara su «objetivo» antes de sus funciones.');
    });

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

describe('incomplete models', () => {
    it('no structure rule fails on units without name, unresolved references or half-typed text', async () => {
        const ws = await buildWorkspace({
            'a.estructura': header('ISSSTE') + `
unidad SIN_NOMBRE {
    tipo
}
unidad X "Jefatura de Servicios de Prueba" { adscrita a NO_EXISTE misma unidad que TAMPOCO
    puesto P "Titular" { titular de NINGUNA }
    puesto Q { titular }
}
puesto R "Suelto" { titular }
unidad Y "División de" { tipo División de
    unidad Z "" { número 1.2 }
`,
            'b.estructura': `unidad W "Departamento" { número 3 adscrita a X }`,
            'c.estructura': ''
        });
        for (const [name, doc] of Object.entries(ws.docs)) {
            expect(withCode(doc.diagnostics, 'estructura-regla-fallida'), name).toEqual([]);
        }
        const a = ws.docs['a.estructura'];
        expect(withCode(a.diagnostics, 'estructura-referencia').length).toBeGreaterThan(0);
        // The rules did run on those units.
        expect(withCode(a.diagnostics, 'estructura-sin-funciones').map(d => d.range.start.line)).toContain(lineOf(a, 'unidad X'));
        expect(withCode(a.diagnostics, 'estructura-objetivo').map(d => d.range.start.line)).toContain(lineOf(a, 'unidad X'));
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
    it('reports a property written twice on the second, naming the first one\'s line; lists and single properties pass', async () => {
        const ws = await buildWorkspace({
            'a.estructura': `${header()}unidad UEOD "Unidad de Evaluación" {
    número 7.1.1
    tipo Unidad
    alias "UEOD"
    alias "Unidad de Evaluación de Delegaciones"
    número 7.1.2
    puesto T "Titular" {
        titular
        clase mando
        titular
    }
}
cambio "ACDO.AS2.HCT.310822/226.P.DA" {
    fecha 2022-08-31
    tipo denominación
    fecha 2022-09-01
}
`
        });
        const doc = ws.docs['a.estructura'];
        const found = withCode(doc.diagnostics, 'estructura-propiedad-repetida');
        expect(found.map(d => [d.range.start.line + 1, doc.textDocument.getText(d.range), d.message])).toEqual([
            [7, '7.1.2', '«número» ya está escrito en la línea 3; escrito otra vez, este valor reemplaza al primero. Deje uno solo.'],
            [11, 'titular', '«titular» ya está escrito en la línea 9; escrito otra vez, este valor reemplaza al primero. Deje uno solo.'],
            [17, '2022-09-01', '«fecha» ya está escrito en la línea 15; escrito otra vez, este valor reemplaza al primero. Deje uno solo.']
        ]);
        expect(found.every(d => d.severity === 1)).toBe(true);
    });

    it('finds nothing in the imported manuals and the examples', async () => {
        const ws = await buildWorkspace(exampleFiles());
        expect(Object.values(ws.docs).flatMap(doc => withCode(doc.diagnostics, 'estructura-propiedad-repetida'))).toEqual([]);
    }, 120_000);
});
