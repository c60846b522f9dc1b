// Unit names in function prose, on the real manuals of examples/: what they resolve to, the
// editor features on them (definition, hover, references, semantic tokens, rename of an official
// name) and the funcion-mencion diagnostic, with its quick fixes; incremental updates.
import { AstUtils, type LangiumDocument } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { CancellationToken, type Hover, type LocationLink, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver';
import type { Unidad } from '../server/src/language/generated/ast.js';
import type { Mention } from '../server/src/language/mentions/mention-index.js';
import { applyEdit, codeActions, withCode } from './helpers/fixes.js';
import { buildWorkspace, exampleFiles, positionOf, textParams, type TestWorkspace } from './helpers/workspace.js';

const UEOD_FILE = 'manuales/imss-doe-2022/imss-doe-2022.7.1.1-ueod.estructura';
const CV_FILE = 'manuales/imss-doe-2022/imss-doe-2022.7.1.4-cv.estructura';
const IMSS_FILE = 'manuales/imss-2018/imss-2018.estructura';
const ISSSTE_DJ = 'manuales/issste-2018/issste-2018.6-dj.estructura';
const ISSSTE_SPP = 'manuales/issste-2018/issste-2018.5.7-spp.estructura';
const token = CancellationToken.None;

let ws: TestWorkspace;
beforeAll(async () => {
    ws = await buildWorkspace(exampleFiles());
}, 120_000);

const index = () => ws.services.structure.MentionIndex;
const doc = (name: string) => ws.docs[name];

/** The mention that covers the given words (first occurrence of `context`, at `target`). */
function mentionAt(name: string, context: string, target = context): Mention {
    const d = doc(name);
    const found = index().mentionAt(d, d.textDocument.offsetAt(positionOf(d, context, target)));
    expect(found, `no mention at «${target}» in ${name}`).toBeTruthy();
    return found!;
}

const ids = (units: Unidad[]) => units.map(u => u.name);
const fileOf = (uri: string) => uri.split('/ws/').pop();

describe('what a mention resolves to', () => {
    it('a variant spelling (without the article) resolves to DOE 7.1.1.1, with the official spelling', () => {
        const m = mentionAt(UEOD_FILE, 'Coordinación de Evaluación de Calidad Médica');
        expect(m).toMatchObject({ kind: 'variante', text: 'Coordinación de Evaluación de Calidad Médica', replacement: 'Coordinación de Evaluación de la Calidad Médica' });
        expect(ids(m.units)).toEqual(['CECM']);
        expect(m.units[0].numero).toBe('7.1.1.1');
    });

    it('the longest name wins, and a shortened official name is a variant of it', () => {
        const full = mentionAt(CV_FILE, 'Anual de la Coordinación Técnica de Vinculación con el Congreso', 'Coordinación');
        expect([full.kind, full.text, ids(full.units)]).toEqual(['oficial', 'Coordinación Técnica de Vinculación con el Congreso', ['CTVC']]);
        const short = mentionAt(CV_FILE, 'Coordinación de Vinculación con el Congreso');
        expect([short.kind, short.text, ids(short.units), short.replacement])
            .toEqual(['variante', 'Coordinación de Vinculación con el Congreso', ['CTVC'], 'Coordinación Técnica de Vinculación con el Congreso']);
    });

    it('a DOE function names a unit defined in the IMSS 2018 manual', () => {
        const m = mentionAt(UEOD_FILE, 'Dirección de Incorporación y Recaudación');
        expect([m.kind, ids(m.units)]).toEqual(['oficial', ['DIR']]);
        expect(AstUtils.getDocument(m.units[0]).uri.path).toBe(`/ws/${IMSS_FILE}`);
    });

    it('a plural coordination yields each unit', () => {
        const doe = mentionAt(CV_FILE, 'las Unidades de Comunicación Social y de Evaluación de', 'Unidades');
        expect([doe.kind, ids(doe.units)]).toEqual(['plural', ['UCS', 'UEOD']]);
        const issste = mentionAt(ISSSTE_SPP, 'Direcciones de Comunicación Social y Jurídica');
        expect([issste.kind, ids(issste.units)]).toEqual(['plural', ['DCS', 'DJ']]);
    });

    it('classes and contextual mentions are not units', () => {
        const normativas = mentionAt(UEOD_FILE, 'Direcciones Normativas');
        expect([normativas.kind, normativas.units]).toEqual(['clase', []]);
        // In the functions of the Unidad de Evaluación de Órganos Desconcentrados: the Dirección above it.
        const superior = mentionAt(UEOD_FILE, 'su superior jerárquico');
        expect(superior.kind).toBe('contextual');
        expect(ids(superior.units)).toEqual(['DOE']);
    });

    it('finds mentions in every manual, in numbers', () => {
        const kinds: Record<string, number> = {};
        for (const d of Object.values(ws.docs)) for (const m of index().mentionsOf(d)) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
        expect(kinds.oficial).toBeGreaterThan(1000);
        expect(kinds.plural).toBeGreaterThanOrEqual(5);
        expect(kinds.variante).toBeGreaterThanOrEqual(15);
        expect(kinds.desconocida).toBeLessThan(120);
    });
});

describe('funcion-mencion', () => {
    it('reports the obsolete ISSSTE name as unknown (info), and as a former name (warning, quick fix) once a change records it', async () => {
        const obsolete = (d: LangiumDocument) => withCode(d.diagnostics, 'funcion-mencion')
            .filter(x => d.textDocument.getText(x.range).replace(/\s+/g, ' ') === 'Dirección de Tecnología y Desarrollo Institucional');
        const total = () => Object.values(ws.docs).reduce((n, d) => n + obsolete(d).length, 0);
        expect(total()).toBe(18);
        expect(obsolete(doc(ISSSTE_DJ)).map(d => d.severity)).toEqual([3]);
        expect(obsolete(doc(ISSSTE_DJ))[0].message).toBe('«Dirección de Tecnología y Desarrollo Institucional» no corresponde a ninguna unidad del espacio de trabajo (ni por su nombre oficial, ni por un alias o un nombre anterior registrado).');

        const history = 'historia-issste.estructura';
        await ws.update(history, [
            'parte de ISSSTE_2018 "Historia" {', '    institucion ISSSTE', '}', '',
            'cambio "ACUERDO DE PRUEBA" {', '    fecha 2019-01-01', '    tipo denominación', '    unidades DTED',
            '    nombre anterior "Dirección de Tecnología y Desarrollo Institucional"',
            '    nombre nuevo "Dirección de Tecnología y Estrategia Digital"', '}', ''
        ].join('\n'));
        try {
            expect(total()).toBe(18);
            const [warning] = obsolete(doc(ISSSTE_DJ));
            expect(warning.severity).toBe(2);
            expect(warning.message).toBe('«Dirección de Tecnología y Desarrollo Institucional» es un nombre anterior: cambió de nombre (hasta 2019-01-01, por ACUERDO DE PRUEBA); el nombre vigente es «Dirección de Tecnología y Estrategia Digital».');
            const actions = await codeActions(ws, doc(ISSSTE_DJ), warning);
            expect(actions.map(a => a.title)).toEqual(['Actualizar la mención al nombre vigente: «Dirección de Tecnología y Estrategia Digital»']);
            const fixed = applyEdit(ws, actions[0].edit!)['issste-2018.6-dj.estructura'];
            expect(fixed).toContain('"Coordinar con la Dirección de Tecnología y Estrategia Digital, el proceso de');
        } finally {
            await ws.remove(history);
        }
    });

    it('reports a variant spelling as info with the official spelling as quick fix', async () => {
        const d = doc(UEOD_FILE);
        const variant = withCode(d.diagnostics, 'funcion-mencion').find(x => d.textDocument.getText(x.range) === 'Coordinación de Evaluación de Calidad Médica')!;
        expect(variant.severity).toBe(3);
        expect(variant.message).toBe('«Coordinación de Evaluación de Calidad Médica» es una variante del nombre oficial «Coordinación de Evaluación de la Calidad Médica» (7.1.1.1).');
        const actions = await codeActions(ws, d, variant);
        expect(actions.map(a => a.title)).toEqual(['Escribir «Coordinación de Evaluación de la Calidad Médica»']);
    });

    it('says nothing of official names, classes, outside bodies or contextual mentions', () => {
        const d = doc(UEOD_FILE);
        const flagged = withCode(d.diagnostics, 'funcion-mencion').map(x => d.textDocument.getText(x.range));
        expect(flagged).not.toContain('Dirección de Incorporación y Recaudación');
        expect(flagged).not.toContain('Direcciones Normativas');
        const all = Object.values(ws.docs).flatMap(x => withCode(x.diagnostics, 'funcion-mencion').map(y => x.textDocument.getText(y.range).replace(/\s+/g, ' ')));
        expect(all).not.toContain('Secretaría de Hacienda y Crédito Público');
        expect(all.filter(t => t.startsWith('Unidad Administrativa'))).toEqual([]);
    });
});

describe('funcion-mencion on plural lists', () => {
    // A small ISSSTE manual: the Direcciones Jurídica and de Comunicación Social exist, the Dirección
    // de Finanzas only when `finanzas` is set; no Dirección General.
    const LIST_FILE = 'listas.estructura';
    const TEXTS = [
        'Coordinar con las Direcciones de Finanzas y Jurídica la integración del informe.',
        'Acordar con las Direcciones de Comunicación Social, de Planeación y Jurídica los programas de difusión.',
        'Informar a las Direcciones Normativas y a las Coordinaciones del avance de los programas.',
        'Integrar con las Direcciones General y Jurídica el programa anual.',
        'Gestionar ante las Secretarías de Hacienda y Crédito Público y de la Función Pública el registro de la estructura.',
        'Solicitar a las Direcciones de Finanzas la información presupuestal.',
        'Las demás que le confieran las disposiciones aplicables.'
    ];
    const unitText = (id: string, name: string, number: string, functions = ['Las demás que le confieran las disposiciones aplicables.']) =>
        `unidad ${id} "${name}" {\n    número ${number}\n    funciones {\n${functions.map((f, i) => `        ${i + 1}. "${f}"`).join('\n')}\n    }\n}\n`;
    const manual = (finanzas: boolean) => [
        'manual ISSSTE_LISTAS "Manual de prueba" { institucion ISSSTE }',
        unitText('DJ', 'Dirección Jurídica', '1'),
        unitText('DCS', 'Dirección de Comunicación Social', '2'),
        finanzas ? unitText('DF', 'Dirección de Finanzas', '3') : '',
        unitText('CE', 'Coordinación de Enlace', '4', TEXTS)
    ].join('\n');
    const build = async (finanzas: boolean) => {
        const small = await buildWorkspace({ [LIST_FILE]: manual(finanzas) });
        const d = small.docs[LIST_FILE];
        const mentions = small.services.structure.MentionIndex;
        /** The mention under `target`, inside the first occurrence of `context`. */
        const at = (context: string, target: string) => mentions.mentionAt(d, d.textDocument.offsetAt(positionOf(d, context, target)))!;
        /** Where go-to-definition leads from `target`: the names of the declarations it links to. */
        const definition = async (context: string, target: string) => {
            const links = await small.services.lsp.DefinitionProvider!.getDefinition(d, textParams(d, positionOf(d, context, target)), token) as LocationLink[] | undefined;
            return (links ?? []).map(l => d.textDocument.getText(l.targetSelectionRange));
        };
        const hover = async (context: string, target: string) =>
            ((await small.services.lsp.HoverProvider!.getHoverContent(d, textParams(d, positionOf(d, context, target))) as Hover).contents as { value: string }).value;
        return { d, at, definition, hover, all: () => mentions.mentionsOf(d) };
    };
    const MESSAGE = (member: string, list: string) => `«${member}», de la lista «${list}», no corresponde a ninguna unidad del espacio de trabajo (ni por su nombre oficial, ni por un alias o un nombre anterior registrado).`;
    /** The range of `target` inside `context`, as the diagnostic should cover it. */
    const rangeOf = (d: LangiumDocument, context: string, target: string) => {
        const start = positionOf(d, context, target);
        return { start, end: { line: start.line, character: start.character + target.length } };
    };

    it('without a Dirección de Finanzas: the unknown member of each list is an info over its own words; the members that exist still resolve', async () => {
        const { d, at, definition, hover } = await build(false);
        const found = withCode(d.diagnostics, 'funcion-mencion');
        expect(found.map(x => ({ message: x.message, severity: x.severity, range: x.range }))).toEqual([
            { message: MESSAGE('Finanzas', 'Direcciones de Finanzas y Jurídica'), severity: 3, range: rangeOf(d, TEXTS[0], 'Finanzas') },
            { message: MESSAGE('Planeación', 'Direcciones de Comunicación Social, de Planeación y Jurídica'), severity: 3, range: rangeOf(d, TEXTS[1], 'Planeación') }
        ]);
        // Where the unknown member is, the mention is that member; the rest of the list still links.
        expect(at(TEXTS[0], 'Finanzas')).toMatchObject({ kind: 'desconocida', text: 'Finanzas', units: [] });
        const plural = at(TEXTS[0], 'Jurídica');
        expect([plural.kind, plural.text, ids(plural.units)]).toEqual(['plural', 'Direcciones de Finanzas y Jurídica', ['DJ']]);
        const three = at(TEXTS[1], 'Comunicación');
        expect([three.kind, ids(three.units)]).toEqual(['plural', ['DCS', 'DJ']]);
        expect(await definition(TEXTS[0], 'Jurídica')).toEqual(['"Dirección Jurídica"']);
        expect(await definition(TEXTS[0], 'Finanzas')).toEqual([]);
        expect(await hover(TEXTS[0], 'Finanzas')).toContain('*Nombre con forma de unidad que no existe en el espacio de trabajo:* «Finanzas», de la lista «Direcciones de Finanzas y Jurídica»');
        expect(await hover(TEXTS[0], 'Jurídica')).toContain('**Dirección Jurídica**');
    });

    it('with a Dirección de Finanzas: the list of the issue names both units and is not reported (only «Planeación» of the three-member list is)', async () => {
        const { d, at } = await build(true);
        expect(withCode(d.diagnostics, 'funcion-mencion').map(x => d.textDocument.getText(x.range))).toEqual(['Planeación']);
        const plural = at(TEXTS[0], 'Finanzas');
        expect([plural.kind, plural.text, ids(plural.units)]).toEqual(['plural', 'Direcciones de Finanzas y Jurídica', ['DF', 'DJ']]);
    });

    it('says nothing of class plurals, a kind used as a class inside a list, outside bodies, or a plural without a list', async () => {
        const { d, all } = await build(false);
        const flagged = withCode(d.diagnostics, 'funcion-mencion').map(x => d.textDocument.getText(x.range));
        expect(flagged).toEqual(['Finanzas', 'Planeación']);
        const kinds = all().map(m => [m.text, m.kind, ids(m.units).join(',')]);
        expect(kinds).toEqual(expect.arrayContaining([
            ['Direcciones Normativas', 'clase', ''],
            ['Coordinaciones', 'clase', ''],
            // «General» is the kind Dirección General named as a class, as in the singular.
            ['Direcciones General y Jurídica', 'plural', 'DJ'],
            ['Secretarías de Hacienda y Crédito Público y de la Función Pública', 'clase', ''],
            ['Direcciones de Finanzas', 'clase', '']
        ]));
    });

    it('finds no unknown member in the lists of the real manuals, where every list names units of the workspace', () => {
        const members = Object.values(ws.docs).flatMap(d => index().mentionsOf(d).filter(m => m.list));
        expect(members).toEqual([]);
        const lists = Object.values(ws.docs).flatMap(d => index().mentionsOf(d).filter(m => m.kind === 'plural').map(m => m.text));
        expect(lists).toContain('Direcciones de Finanzas y Administración');
        expect(lists).toContain('Jefaturas de Servicios de Contratación, Proyectos y Control y Seguimiento');
    });
});

describe('editor features on mentions', () => {
    const lsp = () => ws.services.lsp;

    it('goes from a DOE function to the unit in the IMSS 2018 manual', async () => {
        const d = doc(UEOD_FILE);
        const at = positionOf(d, 'Dirección de Incorporación y Recaudación', 'Incorporación');
        const links = await lsp().DefinitionProvider!.getDefinition(d, textParams(d, at), token) as LocationLink[];
        expect(links).toHaveLength(1);
        expect(fileOf(links[0].targetUri)).toBe(IMSS_FILE);
        const target = doc(IMSS_FILE);
        expect(target.textDocument.getText(links[0].targetSelectionRange)).toBe('"Dirección de Incorporación y Recaudación"');
        expect(d.textDocument.getText(links[0].originSelectionRange!)).toBe('Dirección de Incorporación y Recaudación');
    });

    it('hovers a mention with the unit card, and a former-name note where it applies', async () => {
        const d = doc(CV_FILE);
        const hover = await lsp().HoverProvider!.getHoverContent(d, textParams(d, positionOf(d, 'Coordinación de Vinculación con el Congreso', 'Congreso'))) as Hover;
        const text = (hover.contents as { value: string }).value;
        expect(text).toContain('*Mención con una variante del nombre oficial:* «Coordinación de Vinculación con el Congreso» · Nombre oficial: «Coordinación Técnica de Vinculación con el Congreso»');
        expect(text).toContain('**Coordinación Técnica de Vinculación con el Congreso**');
        expect(text).toContain('**Función');
    });

    it('lists prose mentions among the references of a unit, from inside a mention too', async () => {
        const d = doc(UEOD_FILE);
        const refs = await lsp().ReferencesProvider!.findReferences(d, {
            ...textParams(d, positionOf(d, 'Dirección de Incorporación y Recaudación', 'Recaudación')), context: { includeDeclaration: false }
        }, token);
        const texts = refs.map(r => ws.docs[fileOf(r.uri)!].textDocument.getText(r.range).replace(/\s+/g, ' '));
        expect(texts.filter(t => t === 'Dirección de Incorporación y Recaudación').length).toBe(index().mentionsOfUnit(mentionAt(UEOD_FILE, 'Dirección de Incorporación y Recaudación').units[0]).length);
        expect(texts.length).toBeGreaterThan(3);
    });

    it('marks mentions with semantic tokens, one per line of a wrapped name', async () => {
        const d = doc(CV_FILE);
        const tokens = await lsp().SemanticTokenProvider!.semanticHighlight(d, { textDocument: { uri: d.uri.toString() } }, token);
        // Decode: (deltaLine, deltaStart, length, type, modifiers)*
        const decoded: Array<{ line: number; char: number; length: number }> = [];
        let line = 0;
        let char = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i];
            char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
            decoded.push({ line, char, length: tokens.data[i + 2] });
        }
        const at = positionOf(d, 'Anual de la Coordinación Técnica de Vinculación con el Congreso', 'Coordinación');
        expect(decoded).toContainEqual({ line: at.line, char: at.character, length: 'Coordinación Técnica de Vinculación con el Congreso'.length });
        expect(decoded.length).toBeGreaterThan(10);
    });

    it('renames an official name and offers the mentions of that name as edits to confirm', async () => {
        const inst = doc(IMSS_FILE);
        const at = positionOf(inst, '"Dirección de Incorporación y Recaudación"', 'Incorporación');
        const range = await lsp().RenameProvider!.prepareRename(inst, textParams(inst, at), token);
        expect(inst.textDocument.getText(range as never)).toBe('Dirección de Incorporación y Recaudación');
        const edit = await lsp().RenameProvider!.rename(inst, { ...textParams(inst, at), newName: 'Dirección de Recaudación e Incorporación' }, token);
        const changes = edit!.documentChanges as TextDocumentEdit[];
        const edits = changes.flatMap(c => c.edits.map(e => ({ file: fileOf(c.textDocument.uri)!, e: e as TextEdit })));
        const declaration = edits.filter(x => !('annotationId' in x.e));
        expect(declaration.map(x => [x.file, ws.docs[x.file].textDocument.getText(x.e.range)])).toEqual([[IMSS_FILE, 'Dirección de Incorporación y Recaudación']]);
        const mentions = edits.filter(x => 'annotationId' in x.e);
        expect(mentions.length).toBeGreaterThan(3);
        for (const x of mentions) {
            expect(ws.docs[x.file].textDocument.getText(x.e.range).replace(/\s+/g, ' ')).toBe('Dirección de Incorporación y Recaudación');
            expect(x.e.newText).toBe('Dirección de Recaudación e Incorporación');
        }
        expect(Object.values(edit!.changeAnnotations!)[0]).toMatchObject({ needsConfirmation: true });
    });
});

describe('incremental updates', () => {
    it('an edit rescans only the edited file, and its mentions follow', async () => {
        const other = doc(IMSS_FILE);
        const before = index().scansOf(other);
        const name = 'manuales/issste-2018/issste-2018.6-dj.estructura';
        const original = doc(name).textDocument.getText();
        await ws.update(name, original.replace('Coordinar con la Dirección de Tecnología y Desarrollo Institucional', 'Coordinar con la Dirección de Finanzas'));
        try {
            expect(index().scansOf(other)).toBe(before);
            const m = mentionAt(name, 'Coordinar con la Dirección de Finanzas', 'Finanzas');
            expect([m.kind, ids(m.units)]).toEqual(['oficial', ['DF']]);
        } finally {
            await ws.update(name, original);
        }
    });
});
