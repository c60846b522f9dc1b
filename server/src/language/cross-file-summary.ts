// What other files can see of a file: its header, its units, positions, organigramas and changes
// (ids, names, numbers, kinds, references as written, where they start) and the texts of its
// functions (by comparison key and line, for funcion-duplicada across units). When an edit leaves
// the first part unchanged, the documents of the same institution need not be relinked and
// revalidated; when function texts change, only the documents that share those texts do.
import { isAstNode, isReference, type AstNode, type LangiumDocument } from 'langium';
import { isUnidad, type Documento } from './generated/ast.js';
import { structureElements } from './model.js';
import { functionKey } from './rules/functions/text.js';

export interface CrossFileSummary {
    /** The structure, serialized: equal strings mean other files see the same structure. */
    structure: string;
    /** `key@line` of every function text. */
    functions: Set<string>;
}

/** Properties that only the file's own diagnostics read. */
const OWN: ReadonlySet<string> = new Set(['funciones', 'unidades', 'puestos', 'actividades', 'secciones', 'objetivo', 'descripcion', 'linea', 'fuente', 'publicacion']);

export function crossFileSummary(root: AstNode): CrossFileSummary {
    const document = root as Documento;
    const parts: unknown[] = [plain(document.encabezado)];
    const functions = new Set<string>();
    for (const element of structureElements(root)) {
        parts.push([element.$type, element.$cstNode?.range.start.line, isAstNode(element.$container) && isUnidad(element.$container) ? element.$container.name : '', plain(element)]);
        if (isUnidad(element)) {
            for (const fn of element.funciones) functions.add(`${functionKey(fn)}@${fn.$cstNode?.range.start.line}`);
        }
    }
    return { structure: JSON.stringify(parts), functions };
}

/** A node's own values: primitives, references as written, small nested nodes; never its container. */
function plain(node: AstNode | undefined): unknown {
    if (!node) return null;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$') || OWN.has(key)) continue;
        out[key] = Array.isArray(value) ? value.map(single) : single(value);
    }
    return out;
}

function single(value: unknown): unknown {
    if (isReference(value)) return value.$refText;
    if (isAstNode(value)) return plain(value);
    return value;
}

/** The function texts (`key@line`) one summary has and the other has not, both ways, as keys. */
export function changedFunctionKeys(before: CrossFileSummary, after: CrossFileSummary): Set<string> {
    const keys = new Set<string>();
    for (const entry of before.functions) if (!after.functions.has(entry)) keys.add(entry.substring(0, entry.lastIndexOf('@')));
    for (const entry of after.functions) if (!before.functions.has(entry)) keys.add(entry.substring(0, entry.lastIndexOf('@')));
    return keys;
}

/** Whether a document has a function with one of these keys. */
export function hasFunctionKey(document: LangiumDocument, keys: ReadonlySet<string>): boolean {
    for (const element of structureElements(document.parseResult.value)) {
        if (isUnidad(element) && element.funciones.some(fn => keys.has(functionKey(fn)))) return true;
    }
    return false;
}
