// Helpers over the AST that every service shares: namespaces, adscription, kinds, text keys in text-keys.ts.
import { AstUtils, type AstNode } from 'langium';
import { isDocumento, isManual, isParte, isUnidad, type Elemento, type Puesto, type Unidad } from './generated/ast.js';
import { normalizeKey } from './text-keys.js';

/** The institution namespace (`IMSS`, `ISSSTE`) declared in the header of the node's file; '' when missing. */
export function institutionOf(node: AstNode): string {
    const root = AstUtils.findRootNode(node);
    return isDocumento(root) ? root.encabezado?.institucion ?? '' : '';
}

/** The id of the manual a file belongs to: its own `manual X`, or `parte de X`. */
export function manualIdOf(node: AstNode): string | undefined {
    const root = AstUtils.findRootNode(node);
    if (!isDocumento(root)) return undefined;
    const header = root.encabezado;
    if (isManual(header)) return header.name;
    if (isParte(header)) return lastSegment(header.manual?.$refText ?? '') || undefined;
    return undefined;
}

/** Identifies the manual a node belongs to, across the files it may be split in. */
export function manualKey(node: AstNode): string {
    return `${institutionOf(node)}|${manualIdOf(node) ?? ''}`;
}

export function qualifiedName(institution: string, id: string): string {
    return institution ? `${institution}.${id}` : id;
}

/** Splits `IMSS.DG` into ['IMSS', 'DG'] and `DG` into [undefined, 'DG']. */
export function splitQualified(name: string): [string | undefined, string] {
    const dot = name.lastIndexOf('.');
    return dot < 0 ? [undefined, name] : [name.substring(0, dot), name.substring(dot + 1)];
}

export function lastSegment(name: string): string {
    return splitQualified(name)[1];
}

/** The unit a unit hangs from: the unit it is nested in, else the one named by `adscrita a`. */
export function parentOf(unit: Unidad): Unidad | undefined {
    if (isUnidad(unit.$container)) return unit.$container;
    return unit.adscripcion?.ref;
}

/**
 * The unit a position is attached to: `adscrito a`, else the unit it is declared in, else the
 * unit it heads (`titular de X` written apart from X, as an occupational structure file does).
 */
export function unitOfPosition(position: Puesto): Unidad | undefined {
    if (position.adscripcion) return position.adscripcion.ref;
    if (isUnidad(position.$container)) return position.$container;
    return position.titularDe?.ref;
}

/** The unit a position is titular of: `titular de X`, or plain `titular` inside a unit. */
export function titularTarget(position: Puesto): Unidad | undefined {
    if (position.titularDe) return position.titularDe.ref;
    return position.titular ? unitOfPosition(position) : undefined;
}

/** A *puesto homólogo de autorización específica* (Norma 5.48). */
export function isPhae(position: Puesto): boolean {
    return normalizeKey(position.clase ?? '').startsWith('homologo');
}

/**
 * The chain of units from `unit` up to the root of its adscription, across files and manuals.
 * Stops before repeating a unit, so a cycle cannot make it loop.
 */
export function adscriptionPath(unit: Unidad): Unidad[] {
    const path: Unidad[] = [];
    const seen = new Set<Unidad>();
    let current: Unidad | undefined = unit;
    while (current && !seen.has(current)) {
        seen.add(current);
        path.push(current);
        current = parentOf(current);
    }
    return path;
}

/** A unit's number as written, without the trailing period some manuals add ("8.1.11."). */
export function numberKey(numero: string | undefined): string | undefined {
    return numero?.replace(/\.$/, '');
}

/**
 * The units, positions, organigramas and changes of a file, nested ones included, without visiting
 * functions and their texts (much faster than a full AST walk on a manual).
 */
export function* structureElements(root: AstNode): Generator<Elemento> {
    if (!isDocumento(root)) return;
    const stack: Elemento[] = [...root.elementos].reverse();
    while (stack.length > 0) {
        const element = stack.pop()!;
        yield element;
        if (isUnidad(element)) {
            for (let i = element.unidades.length - 1; i >= 0; i--) stack.push(element.unidades[i]);
            for (let i = element.puestos.length - 1; i >= 0; i--) stack.push(element.puestos[i]);
        }
    }
}
