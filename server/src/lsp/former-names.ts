// After a unit's official name changes (F2 on the name, or typed by hand): the lightbulb on the
// unit offers «Registrar el nombre anterior «…»», which writes `anterior "…"` in the unit, so the
// manuals' prose that still uses the old name keeps pointing at the unit (and `funcion-mencion`
// warns there, with «Actualizar la mención al nombre vigente»); a mention of the old name that
// points nowhere because it was not recorded gets both actions.
//
// The rename itself only renames (and proposes the mentions, each to confirm): a VS Code user
// expects F2 to change what it says, and a name is also renamed to fix a typo, which is no former
// name. The old name is what the unit was called when the workspace was loaded, or before a
// rename in this session, as long as the unit keeps its id and file.
import { AstUtils, DocumentState, isCompositeCstNode, isLeafCstNode, URI, type CstNode, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { CodeActionKind, TextEdit, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { isNombreAnterior, isUnidad, type Unidad } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import type { FixContext } from '../language/rules/fixes.js';
import { institutionOf, structureElements } from '../language/model.js';
import { normalizeKey } from '../language/text-keys.js';

export class SessionNames {
    /** By document URI, then unit id: the official names the unit had in this session, oldest first. */
    private readonly names = new Map<string, Map<string, string[]>>();
    private seeded = false;
    private readonly documents: LangiumDocuments;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        // The names of the workspace as first loaded (created late, from what is loaded by then);
        // files added afterwards are being written: a half-typed name is no former name.
        const loaded = this.documents.all.filter(d => d.state >= DocumentState.IndexedContent).toArray();
        if (loaded.length > 0) this.seed(loaded);
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, built => {
            if (!this.seeded) this.seed(built);
        });
    }

    private seed(documents: LangiumDocument[]): void {
        this.seeded = true;
        for (const document of documents) {
            for (const node of structureElements(document.parseResult.value)) {
                if (isUnidad(node) && node.name && typeof node.nombre === 'string') this.add(document.uri.toString(), node.name, node.nombre);
            }
        }
    }

    private add(uri: string, id: string, name: string): void {
        let byId = this.names.get(uri);
        if (!byId) this.names.set(uri, byId = new Map());
        const list = byId.get(id);
        if (!list) byId.set(id, [name]);
        else if (!list.includes(name)) list.push(name);
    }

    /** The rename provider tells the name it replaces. */
    noteRename(unit: Unidad, oldName: string): void {
        if (unit.name) this.add(AstUtils.getDocument(unit).uri.toString(), unit.name, oldName);
    }

    /** The names the unit had in this session that are not its name now, oldest first. */
    earlierNames(unit: Unidad): string[] {
        const list = unit.name ? this.names.get(AstUtils.getDocument(unit).uri.toString())?.get(unit.name) : undefined;
        const now = normalizeKey(unit.nombre ?? '');
        return (list ?? []).filter(name => normalizeKey(name) !== now);
    }

    /** The units that were called `name` (folded) in this session and are called otherwise now. */
    unitsFormerlyNamed(name: string): Unidad[] {
        const key = normalizeKey(name);
        const out: Unidad[] = [];
        for (const [uri, byId] of this.names) {
            const ids = [...byId].filter(([, list]) => list.some(n => normalizeKey(n) === key)).map(([id]) => id);
            if (ids.length === 0) continue;
            const document = this.documents.getDocument(URI.parse(uri));
            if (!document) continue;
            for (const node of structureElements(document.parseResult.value)) {
                if (isUnidad(node) && ids.includes(node.name) && this.earlierNames(node).some(n => normalizeKey(n) === key)) out.push(node);
            }
        }
        return out;
    }
}

/** «Registrar el nombre anterior «…»» on a unit's declaration (`unidad ID "Nombre"`). */
export function recordFormerNameFix(services: EstructuraServices, document: LangiumDocument, params: CodeActionParams): CodeAction[] {
    const text = document.textDocument;
    const start = text.offsetAt(params.range.start);
    const end = text.offsetAt(params.range.end);
    const actions: CodeAction[] = [];
    for (const node of structureElements(document.parseResult.value)) {
        if (!isUnidad(node) || !node.$cstNode) continue;
        const header = headerEnd(node);
        if (end < node.$cstNode.offset || start > header) continue;
        for (const name of unrecorded(services, node)) actions.push(recordAction(node, name, `Registrar el nombre anterior «${name}»`));
    }
    return actions;
}

/**
 * On a `funcion-mencion` diagnostic over a name no unit has now, which a unit had in this session:
 * write its current name there, or record the old one in the unit.
 */
export function staleMentionFix({ document, diagnostic, services }: FixContext): CodeAction[] {
    if (diagnostic.code !== 'funcion-mencion' || (diagnostic.data as { nombre?: unknown } | undefined)?.nombre !== undefined) return [];
    const written = document.textDocument.getText(diagnostic.range).replace(/\s+/g, ' ');
    const institution = institutionOf(document.parseResult.value);
    const units = services.structure.SessionNames.unitsFormerlyNamed(written)
        .filter(unit => institutionOf(unit) === institution && typeof unit.nombre === 'string');
    // Two units once called the same: which one the text meant is the analyst's call.
    if (units.length !== 1) return [];
    const [unit] = units;
    const actions: CodeAction[] = [{
        title: `Actualizar la mención al nombre vigente: «${unit.nombre}»`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.textDocument.uri]: [TextEdit.replace(diagnostic.range, unit.nombre)] } }
    }];
    const former = unrecorded(services, unit).find(name => normalizeKey(name) === normalizeKey(written));
    if (former) actions.push({ ...recordAction(unit, former, `Registrar «${former}» como nombre anterior de «${unit.nombre}»`), diagnostics: [diagnostic] });
    return actions;
}

/** The unit's earlier names in this session that neither an `anterior` line nor a record holds. */
function unrecorded(services: EstructuraServices, unit: Unidad): string[] {
    const earlier = services.structure.SessionNames.earlierNames(unit);
    if (earlier.length === 0) return [];
    const recorded = new Set(services.structure.MentionIndex.dictionary.formerNames.get(unit).map(entry => normalizeKey(entry.name)));
    for (const former of unit.anteriores) if (typeof former.nombre === 'string') recorded.add(normalizeKey(former.nombre));
    return earlier.filter(name => !recorded.has(normalizeKey(name)));
}

/**
 * The CST children of the unit's own rule: a top-level unit's node wraps the `Elemento` call
 * around them (one composite child for the same unit).
 */
function ownChildren(unit: Unidad): readonly CstNode[] {
    let cst = unit.$cstNode;
    for (;;) {
        if (!isCompositeCstNode(cst)) return [];
        const visible = cst.content.filter(child => !child.hidden);
        if (visible.length === 1 && isCompositeCstNode(visible[0]) && visible[0].astNode === unit) cst = visible[0];
        else return cst.content;
    }
}

/** The offset after the unit's opening brace (its declaration, `unidad ID "Nombre" {`). */
function headerEnd(unit: Unidad): number {
    for (const child of ownChildren(unit)) {
        if (child.astNode === unit && isLeafCstNode(child) && child.text === '{') return child.end;
    }
    return unit.$cstNode!.offset;
}

function recordAction(unit: Unidad, name: string, title: string): CodeAction {
    const document = AstUtils.getDocument(unit);
    return {
        title,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [document.textDocument.uri]: [recordEdit(document, unit, name)] } }
    };
}

/**
 * `anterior "…"` on a line of its own among the unit's properties: after its other `anterior`
 * lines, before its objetivo, functions, positions and sub-units (as the manuals order them).
 */
function recordEdit(document: LangiumDocument, unit: Unidad, name: string): TextEdit {
    const text = document.textDocument.getText();
    const cst = unit.$cstNode!;
    const line = `anterior "${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    let before: number | undefined;
    let propertyIndent: string | undefined;
    let afterBrace = false;
    for (const child of ownChildren(unit)) {
        if (child.hidden) continue;
        if (!afterBrace) {
            afterBrace = child.astNode === unit && isLeafCstNode(child) && child.text === '{';
            continue;
        }
        const closing = isLeafCstNode(child) && child.text === '}';
        if (!closing) propertyIndent ??= indentOf(text, child.offset);
        const own = child.astNode === unit || isNombreAnterior(child.astNode);
        if (!own || (isLeafCstNode(child) && ['objetivo', 'funciones', '}'].includes(child.text))) {
            before = child.offset;
            break;
        }
    }
    const at = before ?? cst.end - 1;
    const indent = indentOf(text, at);
    if (indent === undefined) return TextEdit.insert(document.textDocument.positionAt(at), `${line} `);
    // The closing brace is one level out: a property goes one level in (as the others, if any).
    const inner = text[at] === '}' ? propertyIndent ?? `${indent}    ` : indent;
    const lineStart = at - indent.length;
    return TextEdit.insert(document.textDocument.positionAt(lineStart), `${inner}${line}\n`);
}

/** The white space before `offset` when nothing else precedes it on its line. */
function indentOf(text: string, offset: number): string | undefined {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const before = text.substring(lineStart, offset);
    return /^[ \t]*$/.test(before) ? before : undefined;
}
