// The structure as VS Code shows hierarchies.
//
// Type hierarchy (units): the supertype of a unit is the unit it hangs from (the one it is nested
// in, else its `adscrita a`), across files and manuals, so expanding it walks the adscription to
// the root (CEIR › UEOD › DOE › DG); its subtypes are its subordinate units, wherever declared.
//
// Call hierarchy (units and positions): the incoming calls of a unit are the places that name it,
// grouped by the unit, position, change record or organigrama that holds them: written references
// (`adscrita a`, `titular de`, `misma unidad que`, `unidades`, `raíz`…) and mentions of it in prose
// (functions, incisos, objetivos, activities); of a position, its references (`reporta a`,
// `puestos`). The outgoing calls of a unit are the units its own texts name (its functions, their
// incisos and its objetivo; not those of its sub-units), of a position the units its activities
// name, of a change record or an organigrama the units and positions it refers to.
//
// An item carries the path of its node in its document, to find it again when the editor expands it.
import { AstUtils, GrammarUtils, URI, type AstNode, type AstNodeLocator, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { CallHierarchyProvider, TypeHierarchyProvider } from 'langium/lsp';
import {
    SymbolKind,
    type CallHierarchyIncomingCall, type CallHierarchyIncomingCallsParams, type CallHierarchyItem, type CallHierarchyOutgoingCall,
    type CallHierarchyOutgoingCallsParams, type CallHierarchyPrepareParams, type Range, type TypeHierarchyItem,
    type TypeHierarchyPrepareParams, type TypeHierarchySubtypesParams, type TypeHierarchySupertypesParams
} from 'vscode-languageserver';
import {
    isCambio, isOrganigrama, isPuesto, isUnidad,
    type Cambio, type Organigrama, type Puesto, type Unidad
} from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import type { IncomingReferences } from '../language/incoming-references.js';
import { mentionRange, type MentionIndex } from '../language/mentions/mention-index.js';
import { institutionOf, numberKey, parentOf, qualifiedName } from '../language/model.js';
import type { StructureIndex } from '../language/structure-index.js';
import { linksUnits } from './definition.js';
import { subjectsAt } from './unit-at.js';

/** What an item stands for: a unit or a position, or (as a caller) a change record or an organigrama. */
type Node = Unidad | Puesto | Cambio | Organigrama;

const isNode = (node: unknown): node is Node => isUnidad(node) || isPuesto(node) || isCambio(node) || isOrganigrama(node);

interface ItemData {
    /** The node's path in its document (AstNodeLocator). */
    path: string;
    /** Its id (or the record's act), to check the path still leads to it. */
    key: string;
}

/** Builds the items of both hierarchies and finds their nodes again. */
class HierarchyItems {
    private readonly documents: LangiumDocuments;
    private readonly locator: AstNodeLocator;

    constructor(services: EstructuraServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.locator = services.workspace.AstNodeLocator;
    }

    item(node: Node): CallHierarchyItem & TypeHierarchyItem {
        const document = AstUtils.getDocument(node);
        const file = document.uri.path.split('/').pop() ?? '';
        const range = node.$cstNode!.range;
        const data: ItemData = { path: this.locator.getAstNodePath(node), key: keyOf(node) };
        if (isUnidad(node)) {
            const name = node.nombre || node.name;
            return {
                name: node.numero ? `${node.numero} ${name}` : name,
                detail: `${qualifiedName(institutionOf(node), node.name)} · ${file}`,
                kind: SymbolKind.Class, uri: document.uri.toString(), range,
                selectionRange: GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range ?? range, data
            };
        }
        if (isPuesto(node)) {
            return {
                name: node.titulo || node.name, detail: `${qualifiedName(institutionOf(node), node.name)} · ${file}`,
                kind: SymbolKind.Field, uri: document.uri.toString(), range,
                selectionRange: GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range ?? range, data
            };
        }
        if (isCambio(node)) {
            const act = node.acuerdo !== undefined ? `Cambio ${node.acuerdo}` : node.oficio !== undefined ? `Cambio oficio ${node.oficio}` : 'Cambio';
            const actNode = GrammarUtils.findNodeForProperty(node.$cstNode, node.acuerdo !== undefined ? 'acuerdo' : 'oficio');
            return {
                name: act, detail: [node.tipo, node.fecha, file].filter(Boolean).join(' · '),
                kind: SymbolKind.Event, uri: document.uri.toString(), range, selectionRange: actNode?.range ?? range, data
            };
        }
        return {
            name: node.titulo || node.name, detail: [node.vigencia && `vigencia ${node.vigencia}`, file].filter(Boolean).join(' · '),
            kind: SymbolKind.Event, uri: document.uri.toString(), range,
            selectionRange: GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range ?? range, data
        };
    }

    /** The node an item stands for, in the current state of its document. */
    nodeOf(item: CallHierarchyItem | TypeHierarchyItem): Node | undefined {
        const document: LangiumDocument | undefined = this.documents.getDocument(URI.parse(item.uri));
        const data = item.data as Partial<ItemData> | undefined;
        if (!document || typeof data?.path !== 'string') return undefined;
        let node: AstNode | undefined;
        try {
            node = this.locator.getAstNode(document.parseResult.value, data.path);
        } catch {
            return undefined;
        }
        return isNode(node) && keyOf(node) === data.key ? node : undefined;
    }
}

function keyOf(node: Node): string {
    if (isCambio(node)) return node.acuerdo ?? node.oficio ?? '';
    return node.name ?? '';
}

/** The unit an orphan description stands for hangs where the other description hangs. */
function superiorOf(unit: Unidad): Unidad | undefined {
    const parent = parentOf(unit);
    if (parent) return parent;
    const same = unit.equivalente?.ref;
    return same && same !== unit ? parentOf(same) : undefined;
}

/** By number as the manual numbers (7.1.2 before 7.1.10), those without a number last. */
function byNumber(a: Unidad, b: Unidad): number {
    const x = numberKey(a.numero)?.split('.') ?? [];
    const y = numberKey(b.numero)?.split('.') ?? [];
    if (x.length === 0 || y.length === 0) return y.length - x.length;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const d = x[i].localeCompare(y[i], undefined, { numeric: true });
        if (d !== 0) return d;
    }
    return x.length - y.length;
}

export class EstructuraTypeHierarchyProvider implements TypeHierarchyProvider {
    private readonly items: HierarchyItems;
    private readonly structure: StructureIndex;

    constructor(private readonly services: EstructuraServices) {
        this.items = new HierarchyItems(services);
        this.structure = services.structure.StructureIndex;
    }

    prepareTypeHierarchy(document: LangiumDocument, params: TypeHierarchyPrepareParams): TypeHierarchyItem[] | undefined {
        const units = subjectsAt(this.services, document, document.textDocument.offsetAt(params.position)).filter(isUnidad);
        return units.length > 0 ? units.map(unit => this.items.item(unit)) : undefined;
    }

    supertypes(params: TypeHierarchySupertypesParams): TypeHierarchyItem[] | undefined {
        const unit = this.items.nodeOf(params.item);
        if (!isUnidad(unit)) return undefined;
        const superior = superiorOf(unit);
        return superior ? [this.items.item(superior)] : [];
    }

    subtypes(params: TypeHierarchySubtypesParams): TypeHierarchyItem[] | undefined {
        const unit = this.items.nodeOf(params.item);
        if (!isUnidad(unit)) return undefined;
        return [...this.structure.snapshot.children.get(unit)].sort(byNumber).map(child => this.items.item(child));
    }
}

export class EstructuraCallHierarchyProvider implements CallHierarchyProvider {
    private readonly items: HierarchyItems;
    private readonly incoming: IncomingReferences;
    private readonly mentions: MentionIndex;

    constructor(private readonly services: EstructuraServices) {
        this.items = new HierarchyItems(services);
        this.incoming = services.structure.IncomingReferences;
        this.mentions = services.structure.MentionIndex;
    }

    prepareCallHierarchy(document: LangiumDocument, params: CallHierarchyPrepareParams): CallHierarchyItem[] | undefined {
        const subjects = subjectsAt(this.services, document, document.textDocument.offsetAt(params.position));
        return subjects.length > 0 ? subjects.map(subject => this.items.item(subject)) : undefined;
    }

    incomingCalls(params: CallHierarchyIncomingCallsParams): CallHierarchyIncomingCall[] | undefined {
        const target = this.items.nodeOf(params.item);
        if (!target) return undefined;
        if (!isUnidad(target) && !isPuesto(target)) return [];
        const calls = new Grouped();
        for (const { source, reference } of this.incoming.to(target)) {
            const caller = AstUtils.getContainerOfType(source, isNode);
            if (caller && reference.$refNode) calls.add(caller, reference.$refNode.range);
        }
        if (isUnidad(target)) {
            for (const mention of this.mentions.mentionsOfUnit(target)) {
                const caller = AstUtils.getContainerOfType(mention.node, (node): node is Unidad | Puesto => isUnidad(node) || isPuesto(node));
                const text = AstUtils.getDocument(mention.node).textDocument;
                if (caller) calls.add(caller, mentionRange(text, mention));
            }
        }
        return calls.entries().map(([caller, fromRanges]) => ({ from: this.items.item(caller), fromRanges }));
    }

    outgoingCalls(params: CallHierarchyOutgoingCallsParams): CallHierarchyOutgoingCall[] | undefined {
        const source = this.items.nodeOf(params.item);
        if (!source) return undefined;
        const calls = new Grouped();
        if (isUnidad(source) || isPuesto(source)) {
            const document = AstUtils.getDocument(source);
            for (const mention of this.mentions.mentionsOf(document)) {
                if (!linksUnits(mention) || ownerOf(mention.node) !== source) continue;
                const range = mentionRange(document.textDocument, mention);
                for (const unit of mention.units) calls.add(unit, range);
            }
        } else {
            // A change record or an organigrama: the units and positions it names.
            const refs = isCambio(source)
                ? [...source.unidades, source.adscripcionAnterior, source.adscripcionNueva, ...source.puestos]
                : [source.raiz, ...source.puestos];
            for (const ref of refs) {
                const target = ref?.ref;
                if (target && ref.$refNode) calls.add(target, ref.$refNode.range);
            }
        }
        return calls.entries().map(([to, fromRanges]) => ({ to: this.items.item(to), fromRanges }));
    }
}

/** The unit or position whose own text holds a mention (an activity's position, a function's unit). */
function ownerOf(node: AstNode): Unidad | Puesto | undefined {
    return AstUtils.getContainerOfType(node, (n): n is Unidad | Puesto => isUnidad(n) || isPuesto(n));
}

/** Ranges grouped by node, in the order the nodes first came. */
class Grouped {
    private readonly map = new Map<Node, Range[]>();

    add(node: Node, range: Range): void {
        const ranges = this.map.get(node);
        if (ranges) ranges.push(range);
        else this.map.set(node, [range]);
    }

    entries(): Array<[Node, Range[]]> {
        return [...this.map].filter(([node]) => node.$cstNode !== undefined);
    }
}
