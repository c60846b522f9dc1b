// What other files can see of a file, to decide which documents an edit must relink and revalidate.
// It is derived from the whole AST, not from a list of what rules read: every property of every node
// is in it (a property added to the grammar later is too), with one exception, the prose analysts
// type most (function, inciso and activity texts, objetivos, section paragraphs, change
// descriptions), which is summarized by its shape (written or blank). Other files read prose only
// that way, or through function texts' comparison keys (funcion-duplicada), which are kept apart as
// `institution|key@line` (funcion-duplicada compares functions of one institution only, by the same
// key), so that an edit of one text relinks only the documents of its institution that share it. The summary also
// names the institutions that can see the file: its own and those its qualified references name.
import { isAstNode, isReference, type AstNode, type LangiumDocument } from 'langium';
import { isFuncion, isUnidad } from './generated/ast.js';
import { institutionOf, splitQualified, structureElements } from './model.js';
import { functionKey } from './rules/functions/text.js';

export interface CrossFileSummary {
    /** Everything but prose, serialized: equal strings mean other files see the same thing. */
    structure: string;
    /**
     * The institutions whose documents can read this one (its own, and every institution named by
     * a qualified reference in it); '' when it has none, which every document can read.
     */
    audience: Set<string>;
    /** `institution|key@line` of every function text (the file's institution, as `FunctionIndex` keys them). */
    functions: Set<string>;
}

/** Free text, by node type: summarized as written or blank (see the header). */
const PROSE: Readonly<Record<string, ReadonlySet<string>>> = {
    Funcion: new Set(['texto']),
    Inciso: new Set(['texto']),
    Actividad: new Set(['texto']),
    Unidad: new Set(['objetivo']),
    Seccion: new Set(['parrafos']),
    Cambio: new Set(['descripcion'])
};
const NO_PROSE: ReadonlySet<string> = new Set();

export function crossFileSummary(root: AstNode): CrossFileSummary {
    const institution = institutionOf(root);
    const audience = new Set<string>([institution]);
    const functions = new Set<string>();
    const summarize = (node: AstNode): unknown[] => {
        if (isFuncion(node)) functions.add(`${institution}|${functionKey(node)}@${node.$cstNode?.range.start.line}`);
        const prose = PROSE[node.$type] ?? NO_PROSE;
        const out: unknown[] = [node.$type, node.$cstNode?.range.start.line];
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            out.push(key, prose.has(key) ? shape(value) : Array.isArray(value) ? value.map(item => valueOf(item)) : valueOf(value));
        }
        return out;
    };
    const valueOf = (value: unknown): unknown => {
        if (isReference(value)) {
            const [namespace] = splitQualified(value.$refText);
            if (namespace !== undefined) audience.add(namespace);
            return value.$refText;
        }
        return isAstNode(value) ? summarize(value) : value;
    };
    return { structure: JSON.stringify(summarize(root)), audience, functions };
}

/** Prose as other files may read it: written (1) or blank (0), per paragraph. */
function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    return typeof value === 'string' && value.trim() !== '' ? 1 : 0;
}

/** Whether a change with this audience can alter what a document of `institution` sees. */
export function reaches(audience: ReadonlySet<string>, institution: string): boolean {
    return institution === '' || audience.has('') || audience.has(institution);
}

/**
 * Whether one of the document's qualified references names an institution of this audience: it
 * reads what is said of that institution's units in any of its files (cambio-incongruente: a
 * record of the IMSS naming `ISSSTE.X` reads the ISSSTE's later records about X, written in files
 * it does not point at).
 */
export function namesAnyOf(document: LangiumDocument, audience: ReadonlySet<string>): boolean {
    for (const reference of document.references) {
        const [namespace] = splitQualified(reference.$refText);
        if (namespace !== undefined && audience.has(namespace)) return true;
    }
    return false;
}

/** The function texts (`institution|key@line`) one summary has and the other has not, both ways, as `institution|key`. */
export function changedFunctionKeys(before: CrossFileSummary, after: CrossFileSummary): Set<string> {
    const keys = new Set<string>();
    for (const entry of before.functions) if (!after.functions.has(entry)) keys.add(entry.substring(0, entry.lastIndexOf('@')));
    for (const entry of after.functions) if (!before.functions.has(entry)) keys.add(entry.substring(0, entry.lastIndexOf('@')));
    return keys;
}

/** Whether a document has a function with one of these `institution|key` keys (its institution's, then). */
export function hasFunctionKey(document: LangiumDocument, keys: ReadonlySet<string>): boolean {
    const own = functionKeysOf(document.parseResult.value);
    for (const key of keys) if (own.has(key)) return true;
    return false;
}

/**
 * The function keys of a parse, computed once per AST (a parse is never changed, an edit makes a
 * new one): an edit asks every document of the workspace, and walking them all each time cost 5 %
 * of an edit at ×10.
 */
const keysByRoot = new WeakMap<AstNode, ReadonlySet<string>>();

function functionKeysOf(root: AstNode): ReadonlySet<string> {
    let keys = keysByRoot.get(root);
    if (!keys) {
        const found = new Set<string>();
        const institution = institutionOf(root);
        for (const element of structureElements(root)) {
            if (isUnidad(element)) for (const fn of element.funciones) found.add(`${institution}|${functionKey(fn)}`);
        }
        keysByRoot.set(root, keys = found);
    }
    return keys;
}
