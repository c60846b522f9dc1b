// Navigating the structure as VS Code navigates code, on the examples: the type hierarchy (the
// adscription chain up, the subordinate units down), the call hierarchy (who names a unit, whom a
// unit's functions name), inlay hints (the official name after an id), the code lens of a unit
// (functions, references, mentions, changes), references from the official name, and recording
// the former name after a rename (with the quick fix on the mentions of the old name).
import { AstUtils, URI, type LangiumDocument } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CancellationToken, SymbolKind,
    type CallHierarchyItem, type CodeAction, type CodeLens, type InlayHint, type Location, type Range,
    type TextDocumentEdit, type TextEdit, type TypeHierarchyItem
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isCambio, isUnidad, type Cambio, type Documento, type Unidad } from '../server/src/language/generated/ast.js';
import { normalizeKey } from '../server/src/language/text-keys.js';
import { historyOf } from '../server/src/lsp/unit-history.js';
import { applyEdit, codeActions, withCode } from './helpers/fixes.js';
import { DOE, INSTITUTIONAL, POSITIONS, UEOD } from './helpers/examples.js';
import { buildWorkspace, exampleFiles, lineOf, positionOf, textParams, type TestWorkspace } from './helpers/workspace.js';

const token = CancellationToken.None;

let ws: TestWorkspace;
const doc = (name: string): LangiumDocument<Documento> => ws.docs[name];
const lsp = () => ws.services.lsp;
/** The text a location covers, its line breaks folded. */
const textAt = (location: { uri: string; range: Range }) =>
    ws.shared.workspace.LangiumDocuments.getDocument(URI.parse(location.uri))!.textDocument.getText(location.range).replace(/\s+/g, ' ');
const fileOf = (uri: string) => uri.split('/').pop();
/** `file:line:character` of each location, sorted. */
const places = (locations: Location[]) => locations.map(l => `${fileOf(l.uri)}:${l.range.start.line}:${l.range.start.character}`).sort();
const whole = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };

function unitNamed(name: string, id: string): Unidad {
    const found = AstUtils.streamAst(doc(name).parseResult.value).find((n): n is Unidad => isUnidad(n) && n.name === id);
    expect(found, `${id} in ${name}`).toBeDefined();
    return found!;
}

beforeAll(async () => {
    ws = await buildWorkspace(exampleFiles());
    // The server creates its services at startup, before the first build: the names of the
    // workspace as loaded are the ones «Registrar el nombre anterior» compares with.
    void ws.services.structure.SessionNames;
}, 120_000);

describe('type hierarchy', () => {
    async function prepare(name: string, context: string, target: string): Promise<TypeHierarchyItem[]> {
        const d = doc(name);
        return (await lsp().TypeHierarchyProvider!.prepareTypeHierarchy(d, textParams(d, positionOf(d, context, target)), token)) ?? [];
    }

    it('walks the adscription up to the root across files and manuals: CEIR › UEOD › DOE › DG', async () => {
        const [ceir] = await prepare(UEOD, 'unidad CEIR', 'CEIR');
        expect(ceir).toMatchObject({
            name: '7.1.1.5 Coordinación de Evaluación de Incorporación y Recaudación',
            detail: 'IMSS.CEIR · imss-doe-2022.7.1.1-ueod.estructura', kind: SymbolKind.Class
        });
        expect(doc(UEOD).textDocument.getText(ceir.selectionRange)).toBe('CEIR');
        const chain: string[] = [];
        let item: TypeHierarchyItem | undefined = ceir;
        while (item) {
            const supertypes: TypeHierarchyItem[] = (await lsp().TypeHierarchyProvider!.supertypes({ item }, token)) ?? [];
            expect(supertypes.length).toBeLessThanOrEqual(1);
            item = supertypes[0];
            if (item) chain.push(`${item.name} (${fileOf(item.uri)})`);
        }
        expect(chain).toEqual([
            '7.1.1 Unidad de Evaluación de Órganos Desconcentrados (imss-doe-2022.7.1.1-ueod.estructura)',
            '7.1 Dirección de Operación y Evaluación (imss-doe-2022.estructura)',
            '8.1 Dirección General (imss-2018.estructura)'
        ]);
    });

    it('lists the subordinate units, wherever declared, in the order of their numbers', async () => {
        const [doe] = await prepare(DOE, 'unidad DOE', 'DOE');
        const subtypes = (await lsp().TypeHierarchyProvider!.subtypes({ item: doe }, token))!;
        // One part file each, attached with `adscrita a DOE`.
        expect(subtypes.map(s => s.name)).toEqual([
            '7.1.1 Unidad de Evaluación de Órganos Desconcentrados', '7.1.2 Unidad de Comunicación Social',
            '7.1.3 Unidad de Atención a la Derechohabiencia', '7.1.4 Coordinación de Vinculación',
            '7.1.5 Coordinación de Análisis, Prospectiva y Seguimiento a la Operación Institucional', '7.1.6 Coordinación Administrativa'
        ]);
        expect(new Set(subtypes.map(s => fileOf(s.uri))).size).toBe(6);
        const [ueod] = await prepare(UEOD, 'unidad UEOD', 'UEOD');
        const nested = (await lsp().TypeHierarchyProvider!.subtypes({ item: ueod }, token))!;
        expect(nested.map(s => s.name.split(' ')[0])).toEqual(['7.1.1.1', '7.1.1.2', '7.1.1.3', '7.1.1.4', '7.1.1.5', '7.1.1.6', '7.1.1.7']);
    });

    it('starts from a reference, the official name or a mention in prose alike', async () => {
        const [fromId] = await prepare(DOE, 'unidad DOE', 'DOE');
        const [fromReference] = await prepare(UEOD, 'adscrita a DOE', 'DOE');
        const [fromName] = await prepare(DOE, 'unidad DOE "Dirección de Operación y Evaluación"', 'Evaluación');
        const [fromMention] = await prepare(UEOD, 'Programa Anual de Trabajo de la Dirección de Operación', 'Dirección');
        for (const item of [fromReference, fromName, fromMention]) expect(item).toEqual(fromId);
    });
});

describe('call hierarchy', () => {
    async function prepare(name: string, context: string, target: string): Promise<CallHierarchyItem> {
        const d = doc(name);
        const items = await lsp().CallHierarchyProvider!.prepareCallHierarchy(d, textParams(d, positionOf(d, context, target)), token);
        expect(items).toHaveLength(1);
        return items![0];
    }

    it('lists who names the DOE, grouped by the unit, position, record or organigrama that holds it', async () => {
        const doe = await prepare(DOE, 'unidad DOE', 'DOE');
        const incoming = (await lsp().CallHierarchyProvider!.incomingCalls({ item: doe }, token))!;
        const from = (id: string) => incoming.find(call => call.from.detail?.startsWith(`IMSS.${id} `));
        // `adscrita a DOE` in the UEOD's part file, with the mentions of the DOE in the UEOD's functions.
        const ueod = from('UEOD')!;
        expect(ueod.from.kind).toBe(SymbolKind.Class);
        const ueodTexts = ueod.fromRanges.map(range => textAt({ uri: ueod.from.uri, range }));
        expect(ueodTexts).toContain('DOE');
        expect(ueodTexts).toContain('Dirección de Operación y Evaluación');
        expect(ueod.fromRanges.map(r => r.start.line)).toContain(lineOf(doc(UEOD), 'adscrita a DOE'));
        // `titular de DOE` of a hand-written position.
        const titular = from('TIT_DOE')!;
        expect(titular.from).toMatchObject({ kind: SymbolKind.Field, name: 'Titular de la Dirección de Operación y Evaluación' });
        expect(fileOf(titular.from.uri)).toBe('imss-puestos.estructura');
        // A mention in prose only: the CEIR's twelfth function.
        expect(from('CEIR')!.fromRanges.map(range => textAt({ uri: from('CEIR')!.from.uri, range }))).toEqual(['Dirección de Operación y Evaluación']);
        // The change records and the organigrama that name the DOE are callers too.
        expect(incoming.some(call => call.from.kind === SymbolKind.Event && call.from.name.startsWith('Cambio ACDO.AS2.HCT.270922/264.P.DA'))).toBe(true);
        // Every written reference and every mention, once: the references list (Shift+F12) without the declaration.
        const calls = incoming.flatMap(call => call.fromRanges.map(range => ({ uri: call.from.uri, range })));
        const references = await lsp().ReferencesProvider!.findReferences(doc(DOE), {
            ...textParams(doc(DOE), positionOf(doc(DOE), 'unidad DOE', 'DOE')), context: { includeDeclaration: false }
        }, token);
        expect(places(calls)).toEqual(places(references));
        // A caller's ranges are in the caller's own text.
        for (const call of incoming) {
            for (const range of call.fromRanges) {
                expect(range.start.line).toBeGreaterThanOrEqual(call.from.range.start.line);
                expect(range.end.line).toBeLessThanOrEqual(call.from.range.end.line);
            }
        }
    });

    it('lists the units a unit\'s own functions name (not those of its sub-units)', async () => {
        const ceir = await prepare(UEOD, 'unidad CEIR', 'CEIR');
        const outgoing = (await lsp().CallHierarchyProvider!.outgoingCalls({ item: ceir }, token))!;
        expect(outgoing.map(call => call.to.detail?.split(' ')[0])).toEqual(['IMSS.UEOD', 'IMSS.DOE', 'IMSS.DIR']);
        const dir = outgoing.find(call => call.to.detail?.startsWith('IMSS.DIR '))!;
        expect(fileOf(dir.to.uri)).toBe('imss-2018.estructura');
        expect(dir.fromRanges.map(range => textAt({ uri: ceir.uri, range }))).toEqual(['Dirección de Incorporación y Recaudación']);
        // Its divisions (7.1.1.5.x) start after its own functions: no range of theirs.
        const firstDivision = lineOf(doc(UEOD), 'unidad DESA ');
        for (const call of outgoing) for (const range of call.fromRanges) expect(range.start.line).toBeLessThan(firstDivision);
    });

    it('follows a change record to the units it names', async () => {
        const doe = await prepare(DOE, 'unidad DOE', 'DOE');
        const incoming = (await lsp().CallHierarchyProvider!.incomingCalls({ item: doe }, token))!;
        const record = incoming.find(call => call.from.name === 'Cambio ACDO.AS2.HCT.270922/264.P.DA')!.from;
        const outgoing = (await lsp().CallHierarchyProvider!.outgoingCalls({ item: record }, token))!;
        expect(outgoing.some(call => call.to.detail?.startsWith('IMSS.DOE '))).toBe(true);
        expect(await lsp().CallHierarchyProvider!.incomingCalls({ item: record }, token)).toEqual([]);
    });
});

describe('inlay hints', () => {
    const hints = async (name: string, range = whole): Promise<InlayHint[]> =>
        (await lsp().InlayHintProvider!.getInlayHints(doc(name), { textDocument: { uri: doc(name).uri.toString() }, range }, token)) ?? [];
    const after = (name: string, context: string) => {
        const d = doc(name);
        const at = positionOf(d, context);
        return { line: at.line, character: at.character + context.length };
    };

    it('writes the official name after `adscrita a DG`, and the title after `reporta a TIT_DG`', async () => {
        const doe = await hints(DOE);
        expect(doe.find(h => h.position.line === lineOf(doc(DOE), 'adscrita a DG'))).toMatchObject({
            position: after(DOE, 'adscrita a DG'), label: 'Dirección General', paddingLeft: true, tooltip: '8.1 · imss-2018.estructura'
        });
        expect(doe.find(h => h.position.line === lineOf(doc(DOE), 'raíz UEOD'))?.label).toBe('Unidad de Evaluación de Órganos Desconcentrados');
        const positions = await hints(POSITIONS);
        expect(positions.find(h => h.position.line === lineOf(doc(POSITIONS), 'reporta a TIT_DG'))?.label).toBe('Titular de la Dirección General');
    });

    it('answers only for the range asked', async () => {
        const line = lineOf(doc(DOE), 'adscrita a DG');
        const only = await hints(DOE, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
        expect(only.map(h => h.label)).toEqual(['Dirección General']);
    });

    it('are off with `estructura.sugerencias.nombreOficial: false`, and back on with true', async () => {
        const configuration = ws.shared.workspace.ConfigurationProvider;
        try {
            configuration.updateConfiguration({ settings: { estructura: { sugerencias: { nombreOficial: false } } } });
            expect(await hints(DOE)).toEqual([]);
            configuration.updateConfiguration({ settings: { estructura: { sugerencias: { nombreOficial: true } } } });
            expect((await hints(DOE)).length).toBeGreaterThan(10);
        } finally {
            configuration.updateConfiguration({ settings: { estructura: {} } });
        }
    });
});

describe('code lens', () => {
    const lensesOf = async (name: string): Promise<CodeLens[]> =>
        (await lsp().CodeLensProvider!.provideCodeLens(doc(name), { textDocument: { uri: doc(name).uri.toString() } }, token)) ?? [];

    it('counts the DOE\'s functions, references, mentions and changes, each opening its places', async () => {
        const doe = doc(DOE);
        const line = lineOf(doe, 'unidad DOE "');
        const lenses = (await lensesOf(DOE)).filter(l => l.range.start.line === line);
        const unit = unitNamed(DOE, 'DOE');
        // References, counted by Langium's own index of references (the declaration aside).
        const written = ws.services.references.References.findReferences(unit, { includeDeclaration: false }).toArray();
        // Mentions: every document's mentions that name the DOE (not by context).
        const mentions = Object.values(ws.docs).flatMap(d => ws.services.structure.MentionIndex.mentionsOf(d))
            .filter(m => m.kind !== 'contextual' && m.units.includes(unit));
        // Records: those that name the DOE, or move units into or out of it.
        const records = Object.values(ws.docs).flatMap(d => d.parseResult.value.elementos.filter(isCambio))
            .filter(r => r.unidades.some(ref => ref.ref === unit) || (r.adscripcionAnterior?.ref === unit) !== (r.adscripcionNueva?.ref === unit));
        expect(written.length).toBe(19);
        expect(lenses.map(l => l.command!.title)).toEqual([
            '21 funciones', `${written.length} referencias`, `${mentions.length} menciones`, `${records.length} cambios`,
            // The positions of examples/ejemplos attached to the DOE and its subunits (plain text: no client command here).
            '5 plazas'
        ]);
        expect(lenses.every(l => l.range.start.line === line)).toBe(true);
        // The function count is plain text; the others open the references peek at the DOE's id.
        expect(lenses[0].command!.command).toBe('');
        const [, references, prose, changes] = lenses.map(l => l.command!);
        for (const command of [references, prose, changes]) {
            expect(command.command).toBe('editor.action.showReferences');
            expect(command.arguments![0]).toBe(doe.uri.toString());
            expect(command.arguments![1]).toEqual(positionOf(doe, 'unidad DOE', 'DOE'));
        }
        const locations = (command: typeof references) => command.arguments![2] as Location[];
        expect(places(locations(references))).toEqual(places(written.map(r => ({ uri: r.sourceUri.toString(), range: r.segment.range }))));
        expect(locations(references).map(textAt).every(t => t === 'DOE' || t === 'IMSS.DOE')).toBe(true);
        expect(locations(prose).map(textAt).every(t => normalizeKey(t).includes('operacion'))).toBe(true);
        expect(places(locations(changes))).toEqual(places(records.map(actStart)));
        // What Shift+F12 lists on the DOE is the references, then the mentions.
        const all = await lsp().ReferencesProvider!.findReferences(doe, { ...textParams(doe, positionOf(doe, 'unidad DOE', 'DOE')), context: { includeDeclaration: false } }, token);
        expect(places(all)).toEqual(places([...locations(references), ...locations(prose)]));
        // And the history in the hover tells the same records.
        const told = historyOf(unit, ws.shared.workspace.LangiumDocuments, ws.services.structure.StructureIndex.snapshot.equivalents.get(unit)).filter(e => e.role !== 'anterior');
        expect(told.length).toBe(records.length);
    });

    it('gives every unit of a file its four parts, a count of zero as plain text', async () => {
        const all = await lensesOf(UEOD);
        const units = AstUtils.streamAst(doc(UEOD).parseResult.value).filter(isUnidad).toArray();
        // And a fifth, its plazas, where the unit's subtree has positions: the UEOD's titular (imss-puestos.estructura).
        const lenses = all.filter(l => !/plaza/.test(l.command!.title));
        expect(all.filter(l => /plaza/.test(l.command!.title)).map(l => l.command!.title)).toEqual(['1 plaza']);
        expect(lenses.length).toBe(4 * units.length);
        for (const lens of lenses) {
            const zero = lens.command!.title.startsWith('0 ');
            if (zero || /funci/.test(lens.command!.title)) expect(lens.command!.command).toBe('');
            else expect(lens.command!.command).toBe('editor.action.showReferences');
        }
        expect(lenses.some(l => l.command!.title === '1 mención' || l.command!.title === '1 referencia')).toBe(true);
    });

    it('is cheap on the largest ISSSTE file (34 units) right after an edit of a function elsewhere', async () => {
        const name = 'manuales/issste-2018/issste-2018.8-dted.estructura';
        const other = 'manuales/issste-2018/issste-2018.6-dj.estructura';
        const original = doc(other).textDocument.getText();
        const measure = async (text: string) => {
            await ws.update(other, text);
            const start = performance.now();
            const lenses = await lensesOf(name);
            const ms = performance.now() - start;
            expect(lenses.length).toBe(4 * 34);
            return ms;
        };
        const prose: number[] = [];
        const renamed: number[] = [];
        try {
            // Typing in a function text: only that file's mentions are found again.
            for (let round = 0; round < 7; round++) {
                prose.push(await measure(original.replace('1. "Representar jurídicamente', `1. "Representar ${'x'.repeat(round + 1)} jurídicamente`)));
            }
            // A unit renamed: what every text's mentions resolve to may change, all are found again.
            for (let round = 0; round < 7; round++) {
                renamed.push(await measure(original.replace('unidad DJ "Dirección Jurídica"', `unidad DJ "Dirección Jurídica ${round}"`)));
            }
        } finally {
            await ws.update(other, original);
        }
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
        console.log(`code lens of ${name} (34 units, 136 lenses): after a function edit elsewhere median ${median(prose).toFixed(1)} ms ` +
            `(max ${Math.max(...prose).toFixed(1)}), after a unit renamed elsewhere median ${median(renamed).toFixed(1)} ms (max ${Math.max(...renamed).toFixed(1)})`);
        expect(median(prose)).toBeLessThan(50);
    });
});

/** Where a change record's act starts (`cambio "ACDO…"`, `cambio oficio "…"`): its code lens location. */
function actStart(record: Cambio): Location {
    const document = AstUtils.getDocument(record);
    const cst = record.$cstNode!;
    const start = document.textDocument.positionAt(cst.offset + cst.text.indexOf('"'));
    return { uri: document.uri.toString(), range: { start, end: start } };
}

describe('references from the official name and from a mention', () => {
    const references = async (name: string, context: string, target: string, includeDeclaration: boolean) => {
        const d = doc(name);
        return lsp().ReferencesProvider!.findReferences(d, { ...textParams(d, positionOf(d, context, target)), context: { includeDeclaration } }, token);
    };

    it('lists on the DOE\'s official name what it lists on its id, with and without the declaration', async () => {
        for (const includeDeclaration of [true, false]) {
            const fromId = await references(DOE, 'unidad DOE', 'DOE', includeDeclaration);
            const fromName = await references(DOE, 'unidad DOE "Dirección de Operación y Evaluación"', 'Operación', includeDeclaration);
            expect(fromName).toEqual(fromId);
            expect(fromId.length).toBeGreaterThan(50);
        }
    });

    it('lists on a mention of the DOE what it lists on its id', async () => {
        const fromId = await references(DOE, 'unidad DOE', 'DOE', false);
        const fromMention = await references(UEOD, 'Programa Anual de Trabajo de la Dirección de Operación', 'Dirección', false);
        expect(places(fromMention)).toEqual(places(fromId));
    });

    it('lists on a position\'s title what it lists on its id', async () => {
        const fromId = await references(POSITIONS, 'puesto TIT_DG', 'TIT_DG', false);
        const fromTitle = await references(POSITIONS, 'puesto TIT_DG "Titular de la Dirección General"', 'Titular', false);
        expect(fromTitle).toEqual(fromId);
        expect(fromId.length).toBeGreaterThanOrEqual(2);
    });
});

describe('after renaming an official name', () => {
    const OLD = 'Dirección de Incorporación y Recaudación';
    const NEW = 'Dirección de Afiliación y Cobranza';
    let originals: Record<string, string>;

    beforeAll(() => {
        originals = { [INSTITUTIONAL]: doc(INSTITUTIONAL).textDocument.getText() };
    });

    afterAll(async () => {
        for (const [name, text] of Object.entries(originals)) await ws.update(name, text);
    });

    const apply = async (name: string, edits: TextEdit[]) => {
        const text = TextDocument.applyEdits(TextDocument.create('file:///x', 'estructura', 0, doc(name).textDocument.getText()), edits);
        await ws.update(name, text);
    };
    const actionsOn = async (name: string, context: string, target: string) => {
        const d = doc(name);
        const at = positionOf(d, context, target);
        return (await lsp().CodeActionProvider!.getCodeActions(d, { textDocument: { uri: d.uri.toString() }, range: { start: at, end: at }, context: { diagnostics: [] } })) as CodeAction[];
    };
    const staleMentions = () => withCode(doc(UEOD).diagnostics, 'funcion-mencion').filter(d => doc(UEOD).textDocument.getText(d.range).replace(/\s+/g, ' ') === OLD);

    it('offers nothing before', async () => {
        expect(await actionsOn(INSTITUTIONAL, `unidad DIR "${OLD}"`, 'DIR')).toEqual([]);
    });

    it('offers «Registrar el nombre anterior» on the unit once the new name is in, and the mentions of the old name get «Actualizar la mención al nombre vigente»', async () => {
        // F2 on the name; the analyst keeps the mentions as they are (unchecked in the preview).
        const inst = doc(INSTITUTIONAL);
        const edit = await lsp().RenameProvider!.rename(inst, { ...textParams(inst, positionOf(inst, `"${OLD}"`, 'Incorporación')), newName: NEW }, token);
        const declaration = (edit!.documentChanges as TextDocumentEdit[]).flatMap(c => c.edits as TextEdit[]).filter(e => !('annotationId' in e));
        expect(declaration).toHaveLength(1);
        await apply(INSTITUTIONAL, declaration);

        // The old name in the UEOD's functions now names no unit: update it, or record the old name.
        const stale = staleMentions();
        expect(stale.length).toBeGreaterThan(3);
        const fixes = await codeActions(ws, doc(UEOD), stale[0]);
        expect(fixes.map(a => a.title)).toEqual([
            `Actualizar la mención al nombre vigente: «${NEW}»`,
            `Registrar «${OLD}» como nombre anterior de «${NEW}»`
        ]);
        expect(fixes[0].isPreferred).toBe(true);
        expect(applyEdit(ws, fixes[0].edit!)['imss-doe-2022.7.1.1-ueod.estructura'].split(OLD).length).toBe(doc(UEOD).textDocument.getText().split(OLD).length - 1);

        // On the unit, wherever the cursor is on its declaration line.
        for (const [context, target] of [[`unidad DIR "${NEW}"`, 'DIR'], [`unidad DIR "${NEW}"`, 'Cobranza']]) {
            const actions = await actionsOn(INSTITUTIONAL, context, target);
            expect(actions.map(a => a.title)).toEqual([`Registrar el nombre anterior «${OLD}»`]);
        }
        const [record] = await actionsOn(INSTITUTIONAL, `unidad DIR "${NEW}"`, 'DIR');
        const written = applyEdit(ws, record.edit!)['imss-2018.estructura'];
        // Among the unit's properties, before its functions, indented as they are.
        expect(written).toContain(`    unidad DIR "${NEW}" {\n        tipo Dirección\n        número 8.1.4\n        órgano normativo\n        línea 1142\n        anterior "${OLD}"\n        funciones {\n`);
        await ws.update(INSTITUTIONAL, written);

        // Recorded: nothing more to offer on the unit; the mentions of the old name now point at
        // it, with the warning of a former name and its fix.
        expect(await actionsOn(INSTITUTIONAL, `unidad DIR "${NEW}"`, 'DIR')).toEqual([]);
        const former = staleMentions();
        expect(former.length).toBe(stale.length);
        expect(former.every(d => d.severity === 2)).toBe(true);
        expect((await codeActions(ws, doc(UEOD), former[0])).map(a => a.title)).toEqual([`Actualizar la mención al nombre vigente: «${NEW}»`]);
    });

    it('also after a name typed by hand, for a unit with no property yet', async () => {
        const name = 'nueva-unidad.estructura';
        const text = 'manual M "M" { institucion PRUEBA }\nunidad X "Dirección de Pruebas" {\n}\n';
        // A file that is part of the workspace from the start would be seeded at startup; here the
        // rename provider tells the name it replaces, as F2 does.
        await ws.update(name, text);
        try {
            const unit = unitNamed(name, 'X');
            ws.services.structure.SessionNames.noteRename(unit, 'Dirección de Pruebas');
            await ws.update(name, text.replace('Dirección de Pruebas', 'Dirección de Ensayos'));
            const [action] = await actionsOn(name, 'unidad X', 'X');
            expect(action.title).toBe('Registrar el nombre anterior «Dirección de Pruebas»');
            expect(applyEdit(ws, action.edit!)[name]).toBe('manual M "M" { institucion PRUEBA }\nunidad X "Dirección de Ensayos" {\n    anterior "Dirección de Pruebas"\n}\n');
        } finally {
            await ws.remove(name);
        }
    });
});
