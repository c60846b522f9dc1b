// Where each unit is mentioned in prose, for the code lens of every visible file after every edit.
//
// The mention index resolves a document's mentions once per build, lazily; the mentions of one
// unit (`MentionIndex.mentionsOfUnit`) resolve every document of the workspace, 70–190 ms after
// an edit on examples/ and ten times that at ×10: fine for one Shift+F12, not for a code lens asked
// on each change. What a document's mentions resolve to depends on its own text and on what every
// document declares of names and adscriptions (the dictionary, and the adscription chains that
// choose among equal names); not on prose. So the places found in a document are kept, by unit
// (its file and its path in it), until that document is parsed again or the names and adscriptions
// of the workspace change: an edit of a function text resolves only the edited document.
import { AstUtils, DocumentState, WorkspaceCache, type AstNode, type AstNodeLocator, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isCambio, isDocumento, isManual, isPuesto, isUnidad, type Unidad } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import type { MentionIndex } from '../language/mentions/mention-index.js';
import { structureElements } from '../language/model.js';

/** A mention: its document and offsets. */
export interface MentionPlace {
    document: LangiumDocument;
    start: number;
    end: number;
}

export class MentionCounts {
    private readonly mentions: MentionIndex;
    private readonly documents: LangiumDocuments;
    private readonly locator: AstNodeLocator;
    /** By document URI: the AST the places were found in, and the places by unit key. */
    private readonly perDocument = new Map<string, { root: AstNode; places: Map<string, Array<[number, number]>> }>();
    /** Per document, in workspace order: its URI and what it declares of names and adscriptions. */
    private signature: readonly string[] = [];
    private readonly merged: WorkspaceCache<string, Map<string, MentionPlace[]>>;

    constructor(services: EstructuraServices) {
        this.mentions = services.structure.MentionIndex;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.locator = services.workspace.AstNodeLocator;
        this.merged = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    /** The mentions of a unit (by name, alias, former name or in a plural; not by context), in workspace order. */
    of(unit: Unidad): readonly MentionPlace[] {
        return this.merged.get('places', () => this.merge()).get(this.keyOf(unit)) ?? [];
    }

    private merge(): Map<string, MentionPlace[]> {
        const documents = this.documents.all.toArray();
        const signature = documents.map(document => namesSignature(document));
        // Strings kept per AST: an unchanged document gives the same string, compared at once.
        const same = signature.length === this.signature.length && signature.every((s, i) => s === this.signature[i]);
        if (!same) this.perDocument.clear();
        this.signature = signature;
        const out = new Map<string, MentionPlace[]>();
        const present = new Set<string>();
        for (const document of documents) {
            const uri = document.uri.toString();
            present.add(uri);
            const root = document.parseResult.value;
            let kept = this.perDocument.get(uri);
            if (kept?.root !== root) this.perDocument.set(uri, kept = { root, places: this.placesIn(document) });
            for (const [key, spans] of kept.places) {
                let list = out.get(key);
                if (!list) out.set(key, list = []);
                for (const [start, end] of spans) list.push({ document, start, end });
            }
        }
        for (const uri of [...this.perDocument.keys()]) if (!present.has(uri)) this.perDocument.delete(uri);
        return out;
    }

    private placesIn(document: LangiumDocument): Map<string, Array<[number, number]>> {
        const places = new Map<string, Array<[number, number]>>();
        for (const mention of this.mentions.mentionsOf(document)) {
            if (mention.kind === 'contextual') continue;
            for (const unit of mention.units) {
                const key = this.keyOf(unit);
                const list = places.get(key);
                if (list) list.push([mention.start, mention.end]);
                else places.set(key, [[mention.start, mention.end]]);
            }
        }
        return places;
    }

    /** A unit's file and path: the same for the unit's new node when its file is parsed again unchanged in structure. */
    private keyOf(unit: Unidad): string {
        return `${AstUtils.getDocument(unit).uri.toString()}#${this.locator.getAstNodePath(unit)}`;
    }
}

const signatures = new WeakMap<AstNode, string>();

/**
 * What a document declares that mentions elsewhere resolve against: its institution and manual,
 * its units' ids, names, aliases, former names, nesting and adscriptions, the positions' units
 * (the context of their activities), and the change records (renames, moves). Prose is left out.
 */
function namesSignature(document: LangiumDocument): string {
    const root = document.parseResult.value;
    let signature = signatures.get(root);
    if (signature !== undefined) return signature;
    const parts: unknown[] = [document.uri.toString()];
    if (isDocumento(root)) {
        const header = root.encabezado;
        parts.push(header?.institucion, isManual(header) ? header.name : header?.manual?.$refText);
    }
    for (const node of structureElements(root)) {
        if (isUnidad(node)) {
            parts.push('U', node.name, node.nombre, isUnidad(node.$container) ? node.$container.name : '', node.adscripcion?.$refText,
                node.equivalente?.$refText, node.alias, node.anteriores.map(a => [a.nombre, a.hasta, a.acuerdo]));
        } else if (isPuesto(node)) {
            parts.push('P', node.name, node.adscripcion?.$refText, node.titularDe?.$refText, node.titular);
        } else if (isCambio(node)) {
            parts.push('C', node.acuerdo, node.oficio, node.fecha, node.tipo, node.nombreAnterior, node.nombreNuevo,
                node.unidades.map(r => r.$refText), node.adscripcionAnterior?.$refText, node.adscripcionNueva?.$refText);
        }
    }
    signature = JSON.stringify(parts);
    signatures.set(root, signature);
    return signature;
}
