// A build cancelled by a newer edit at any phase leaves nothing stale for the builds that follow:
// each test drives Langium's workspace lock as the language server does on didChange, starts the
// next write at a chosen point of the first one's build, and expects every document's diagnostics,
// and the last ones published for it, to equal a cold build of the same texts.
import { AstUtils, DocumentState, type AstNode, type LangiumDocument, type MultiReference, type Reference } from 'langium';
import { setTextDocument } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildWorkspace, uriOf, type TestWorkspace } from './helpers/workspace.js';

type Diagnostics = Record<string, string[]>;

function lines(diagnostics: Diagnostic[] | undefined): string[] {
    return (diagnostics ?? []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).sort();
}

const fileName = (document: LangiumDocument) => document.uri.path.split('/').pop()!;

/** Every document's diagnostics, as `line:col code message`, by file name. */
function diagnosticsOf(ws: TestWorkspace): Diagnostics {
    return Object.fromEntries(ws.shared.workspace.LangiumDocuments.all.toArray().map(doc => [fileName(doc), lines(doc.diagnostics)]));
}

interface Step {
    name: string;
    text: string;
}

/**
 * Builds `files`, sends `first` as a write of the workspace lock and, when `interrupt` says so
 * during its build, sends `then` (each a write that cancels the previous one, as didChange does);
 * expects the diagnostics after the last write, and the last ones published for each document (as
 * the language server does, from the Validated phase), to equal those of a cold build of the final
 * texts.
 */
async function expectInterruptedEqualsCold(
    files: Record<string, string>, first: Step, then: Step[],
    interrupt: (ws: TestWorkspace, fire: () => void) => void
): Promise<Diagnostics> {
    const ws = await buildWorkspace(files);
    const lock = ws.shared.workspace.WorkspaceLock;
    const builder = ws.shared.workspace.DocumentBuilder;
    const published = diagnosticsOf(ws);
    builder.onDocumentPhase(DocumentState.Validated, document => { published[fileName(document)] = lines(document.diagnostics); });
    let version = 100;
    const write = ({ name, text }: Step) => {
        const uri = uriOf(name);
        setTextDocument(ws.shared, TextDocument.create(uri.toString(), 'estructura', ++version, text));
        return lock.write(token => builder.update([uri], [], token));
    };
    const writes: Array<Promise<void>> = [];
    let fired = false;
    interrupt(ws, () => {
        if (fired) return;
        fired = true;
        for (const step of then) writes.push(write(step));
    });
    writes.push(write(first));
    // The writes `fire` adds while the first one runs too.
    for (let i = 0; i < writes.length; i++) await writes[i];
    expect(fired, 'the interruption point was reached').toBe(true);
    const final = { ...files };
    for (const { name, text } of [first, ...then]) final[name] = text;
    const cold = diagnosticsOf(await buildWorkspace(final));
    expect(staleReferences(ws), 'references to a node of a previous parse').toEqual([]);
    expect(diagnosticsOf(ws), 'diagnostics').toEqual(cold);
    expect(published, 'published diagnostics').toEqual(cold);
    return cold;
}

/** The references that resolve to a node no document of the workspace holds any more (a previous parse's). */
function staleReferences(ws: TestWorkspace): string[] {
    const documents = ws.shared.workspace.LangiumDocuments;
    const stale: string[] = [];
    for (const document of documents.all) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach(({ reference }) => {
                const targets: Array<AstNode | undefined> = 'items' in reference ? reference.items.map(item => item.ref) : [reference.ref];
                for (const target of targets) {
                    if (!target) continue;
                    const root = AstUtils.findRootNode(target);
                    const holder = root.$document;
                    if (!holder || !documents.hasDocument(holder.uri) || holder.parseResult.value !== root) {
                        stale.push(`${fileName(document)}:${(reference.$refNode?.range.start.line ?? 0) + 1} ${reference.$refText}`);
                    }
                }
            });
        }
    }
    return stale;
}

/** Calls `fire` right after the linker linked `name` (before the phase listeners of that document run). */
function afterLinking(name: string) {
    return (ws: TestWorkspace, fire: () => void) => {
        const linker = ws.services.references.Linker;
        const link = linker.link.bind(linker);
        linker.link = async (document: LangiumDocument, token) => {
            await link(document, token);
            if (document.uri.toString() === uriOf(name).toString()) fire();
        };
    };
}

/** Calls `fire` right after `name` is validated (before the phase listeners of that document run). */
function afterValidating(name: string) {
    return (ws: TestWorkspace, fire: () => void) => {
        const validator = ws.services.validation.DocumentValidator;
        const validate = validator.validateDocument.bind(validator);
        validator.validateDocument = async (document, options, token) => {
            const diagnostics = await validate(document, options, token);
            if (document.uri.toString() === uriOf(name).toString()) fire();
            return diagnostics;
        };
    };
}

/** Calls `fire` when `name` reaches `state` (from a document phase listener registered after the services' own). */
function atPhase(name: string, state: DocumentState) {
    return (ws: TestWorkspace, fire: () => void) => {
        ws.shared.workspace.DocumentBuilder.onDocumentPhase(state, document => {
            if (document.uri.toString() === uriOf(name).toString()) fire();
        });
    };
}

const CLOSING = 'Las demás que le confieran las disposiciones aplicables.';
const functions = (...texts: string[]) => `    funciones {\n${[...texts, CLOSING].map((t, i) => `        ${i + 1}. "${t}"`).join('\n')}\n    }\n`;
const MAIN = `manual M "Manual" { institucion IMSS }\n\nunidad DG "Dirección General" {\n    número 1\n${functions('Dirigir las acciones del Instituto.')}}\n\n`
    + `unidad CA "Coordinación de Análisis" {\n    número 1.1\n    adscrita a DG\n${functions('Coordinar los análisis.')}}\n`;
const PART = `parte de M "Parte" { institucion IMSS }\n\npuesto JD_X "Jefe de División" {\n    clase homólogo de autorización específica\n    adscrito a CA\n}\n`;
const OTHER = `parte de M "Otra parte" { institucion IMSS }\n\nunidad CB "Coordinación B" {\n    número 1.2\n    adscrita a DG\n${functions('Coordinar las acciones de B.')}}\n`;
const files = { 'm.estructura': MAIN, 'p.estructura': PART, 'o.estructura': OTHER };

describe('a build cancelled by a newer edit leaves nothing stale', () => {
    it('cancelled right after linking the edited file (its Linked listeners skipped): no id duplicated with its previous parse', async () => {
        // The failure of seed 9 in incremental-cold (quiet point 38 of 150): the file's part of the
        // structure index, computed from its previous parse, survived the cancelled build, and the new
        // JD_X found the previous parse's JD_X under its id («ya está definido en la línea 3»).
        const cold = await expectInterruptedEqualsCold(files,
            { name: 'p.estructura', text: PART.replace('adscrito a CA', 'adscrito a DG') },
            [{ name: 'o.estructura', text: OTHER.replace('acciones de B', 'acciones de la B') }],
            afterLinking('p.estructura'));
        expect(cold['p.estructura'].filter(d => d.includes('id-duplicado'))).toEqual([]);
    });
});

describe('a document linked by a cancelled build, before its references were indexed', () => {
    it('is relinked when a file it points at is parsed again (a text edited there)', async () => {
        // o.estructura's CB is attached to m.estructura's DG and numbered like CA (estructura-numeracion
        // in both files). The build of an edit of o is cancelled once o is linked: o's references are not
        // in the reference index yet, so Langium does not see that o points at m when m's text changes.
        const numbered = OTHER.replace('número 1.2', 'número 1.1');
        const cold = await expectInterruptedEqualsCold({ ...files, 'o.estructura': numbered },
            { name: 'o.estructura', text: numbered.replace('Coordinación B', 'Coordinación de B') },
            [{ name: 'm.estructura', text: MAIN.replace('Dirigir las acciones', 'Dirigir todas las acciones') }],
            afterLinking('o.estructura'));
        expect(cold['o.estructura'].filter(d => d.includes('numeracion'))).not.toEqual([]);
    });
});

describe('what a part reads through another file', () => {
    it('a unit described in three files (misma unidad que through a second file): a text edited in the third keeps them one unit', async () => {
        // a's UA is described as b's UB, which is described as c's UC. An edit of another text of c parses c
        // again (new nodes) and relinks b, which points at it, but not a: a's part of the function index
        // must not hold the unit that a reached through b before the edit.
        const SAME = 'Coordinar las acciones de la Dirección X.';
        const unitX = (id: string, more: string) => `unidad ${id} "Dirección X" {\n    número 1\n${more}${functions(SAME)}}\n`;
        const files = {
            'm.estructura': 'manual M "Manual" { institucion IMSS }\n',
            'a.estructura': `manual MA "Manual A" { institucion IMSS }\n\n${unitX('UA', '    misma unidad que UB\n')}`,
            'b.estructura': `manual MB "Manual B" { institucion IMSS }\n\n${unitX('UB', '    misma unidad que UC\n')}`,
            'c.estructura': `manual MC "Manual C" { institucion IMSS }\n\n${unitX('UC', '')}unidad UD "Dirección D" {\n    número 2\n${functions('Dirigir las acciones de D.')}}\n`
        };
        const cold = await expectInterruptedEqualsCold(files,
            { name: 'c.estructura', text: files['c.estructura'].replace('acciones de D', 'acciones de la D') }, [],
            (_ws, fire) => fire()); // no cancellation: one edit
        expect(Object.values(cold).flat().filter(d => d.includes('funcion-duplicada'))).toEqual([]);
    });
});

describe('a document validated by a build that a newer edit cancelled', () => {
    it('has its diagnostics published (the Validated listeners run though the build was cancelled)', async () => {
        // p's edit attaches its PHAE to DG (norma-7.2.1.15-sede). The build is cancelled right after p is
        // validated: p is complete, so the next build does not validate it again (it has no linking
        // error, which Langium would relink), and nothing else would publish it.
        const cold = await expectInterruptedEqualsCold(files,
            { name: 'p.estructura', text: PART.replace('adscrito a CA', 'adscrito a DG') },
            [{ name: 'o.estructura', text: OTHER.replace('acciones de B', 'acciones de la B') }],
            afterValidating('p.estructura'));
        expect(cold['p.estructura'].filter(d => d.includes('norma-7.2.1.15-sede'))).toHaveLength(1);
    });
});

describe('every point where a newer edit can cancel the build, for edits of the files around', () => {
    const points: Array<[string, (ws: TestWorkspace, fire: () => void) => void]> = [
        ...(['Parsed', 'IndexedContent', 'ComputedScopes', 'Linked', 'IndexedReferences', 'Validated'] as const)
            .map(state => [`p.estructura reaches ${state}`, atPhase('p.estructura', DocumentState[state])] as [string, (ws: TestWorkspace, fire: () => void) => void]),
        ['p.estructura linked', afterLinking('p.estructura')],
        ['p.estructura validated', afterValidating('p.estructura')],
        ['o.estructura linked', afterLinking('o.estructura')],
        ['m.estructura validated', afterValidating('m.estructura')]
    ];
    const next: Array<[string, Step[]]> = [
        ['a text of o', [{ name: 'o.estructura', text: OTHER.replace('acciones de B', 'acciones de la B') }]],
        ['o renumbered like CA', [{ name: 'o.estructura', text: OTHER.replace('número 1.2', 'número 1.1') }]],
        ['a text of m', [{ name: 'm.estructura', text: MAIN.replace('Coordinar los análisis', 'Coordinar todos los análisis') }]],
        ['CA renamed in m', [{ name: 'm.estructura', text: MAIN.replace('unidad CA', 'unidad CX') }]],
        ['p again, then a text of o', [
            { name: 'p.estructura', text: PART.replace('adscrito a CA', 'adscrito a CB') },
            { name: 'o.estructura', text: OTHER.replace('acciones de B', 'acciones de la B') }
        ]]
    ];
    for (const [point, interrupt] of points) {
        for (const [label, then] of next) {
            it(`p retargeted, cancelled when ${point}; then ${label}`, async () => {
                await expectInterruptedEqualsCold(files, { name: 'p.estructura', text: PART.replace('adscrito a CA', 'adscrito a DG') }, then, interrupt);
            });
        }
    }
});

describe('a request that follows references while a build runs', () => {
    // Langium answers hover or definition beside a running build once the request's own document is
    // ready; following another document's references then resolves them before that document is
    // linked, against the index of that moment.
    const numbered = { ...files, 'o.estructura': OTHER.replace('número 1.2', 'número 1.1') };
    const touch = (reference: Reference | MultiReference) => 'items' in reference ? reference.items : reference.ref;
    const followEveryReference = (ws: TestWorkspace) => {
        for (const document of ws.shared.workspace.LangiumDocuments.all) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) AstUtils.streamReferences(node).forEach(r => touch(r.reference));
        }
    };
    for (const state of ['Parsed', 'IndexedContent', 'ComputedScopes', 'Linked', 'IndexedReferences'] as const) {
        it(`when the edited file reaches ${state}: the files it relinks point at its new nodes`, async () => {
            // m's edit moves DG one line down (a structure change): o, attached to DG, is relinked.
            const cold = await expectInterruptedEqualsCold(numbered,
                { name: 'm.estructura', text: MAIN.replace('unidad DG', '// DG\nunidad DG') }, [],
                (ws, fire) => atPhase('m.estructura', DocumentState[state])(ws, () => {
                    followEveryReference(ws);
                    fire();
                }));
            expect(cold['m.estructura'].filter(d => d.includes('numeracion'))).toHaveLength(1);
        });
    }
});
