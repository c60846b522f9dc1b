// The mention index: unit names written in function texts, incisos, activities and objetivos,
// over the whole workspace. Two layers keep edits cheap: the scan of a document's texts (words and
// candidate phrases) is kept until that document changes; the names (dictionary) are one part per
// document (kept until it is parsed again) merged per build, and what each candidate resolves to is
// recomputed per build, lazily and per document.
import { AstUtils, DocumentCache, DocumentState, MultiMap, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { isFuncion, isInciso, isPuesto, isUnidad, type Unidad } from '../generated/ast.js';
import { institutionOf, structureElements, unitOfPosition } from '../model.js';
import { memoByText } from '../memo.js';
import { stringSpan } from '../string-span.js';
import { DictionaryUnions, NameDictionary, dictionaryPart, type DictionaryPart } from './dictionary.js';
import { PerDocumentParts } from '../per-document-index.js';
import { resolveText, type ResolvedMention } from './resolve.js';
import { scanText, type TextScan } from './scan.js';

/** A text that may mention units: a function, inciso or activity text, or an objetivo. */
interface ScannedText {
    node: AstNode;
    property: 'texto' | 'objetivo';
    /** Document offset of the first character inside the quotes. */
    offset: number;
    raw: string;
    scan: TextScan;
}

export interface Mention extends ResolvedMention {
    /** The node whose text holds it, and which property. */
    node: AstNode;
    property: 'texto' | 'objetivo';
    /** Offsets in the document (the scanned text's offsets shifted). */
    start: number;
    end: number;
    /** The words as written (line breaks and indentation of a wrapped string folded to one space). */
    text: string;
}

/**
 * Where a mention is in its document, as an LSP range: its offsets (`Mention.start`/`end`, or a
 * counted mention's) converted by the text document that holds it. The one conversion the
 * diagnostics, references, rename, definition, call hierarchy, semantic tokens, code lens and the
 * JSON export share.
 */
export function mentionRange(text: TextDocument, mention: { readonly start: number; readonly end: number }): Range {
    return { start: text.positionAt(mention.start), end: text.positionAt(mention.end) };
}

export class MentionIndex {
    private readonly documents: LangiumDocuments;
    private readonly scans: DocumentCache<string, { root: AstNode; texts: ScannedText[] }>;
    private readonly resolved: WorkspaceCache<string, Mention[]>;
    private readonly workspace: WorkspaceCache<string, NameDictionary | MultiMap<Unidad, Mention>>;
    /** Each document's names, kept until it is parsed again; and what successive dictionaries share. */
    private readonly names: PerDocumentParts<DictionaryPart>;
    private readonly unions = new DictionaryUnions();
    /** How many document scans were computed (for the benchmark: an edit rescans one document). */
    scanCount = 0;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        // Scans depend only on the document's own text: evicted when it changes.
        this.scans = new DocumentCache(shared);
        // Names and resolutions depend on every document: recomputed once linking is done.
        this.resolved = new WorkspaceCache(shared, DocumentState.Linked);
        this.workspace = new WorkspaceCache(shared, DocumentState.Linked);
        this.names = new PerDocumentParts(shared, document => dictionaryPart(document.parseResult.value));
    }

    get dictionary(): NameDictionary {
        return this.workspace.get('dictionary', () => new NameDictionary(this.names.all(), this.unions)) as NameDictionary;
    }

    /** The mentions written in one document, in text order. */
    mentionsOf(document: LangiumDocument): Mention[] {
        return this.resolved.get(document.uri.toString(), () => this.resolve(document));
    }

    /**
     * The mention at a document offset, if the offset is inside one: the innermost, so that in
     * «las Direcciones de Finanzas y Jurídica» «Finanzas» is the unknown member, not the list.
     */
    mentionAt(document: LangiumDocument, offset: number): Mention | undefined {
        let found: Mention | undefined;
        for (const m of this.mentionsOf(document)) {
            if (m.start <= offset && offset <= m.end && (!found || m.end - m.start < found.end - found.start)) found = m;
        }
        return found;
    }

    /** Every mention of a unit in the workspace, by name, alias, former name or in a plural. */
    mentionsOfUnit(unit: Unidad): Mention[] {
        const byUnit = this.workspace.get('byUnit', () => {
            const map = new MultiMap<Unidad, Mention>();
            for (const document of this.documents.all) {
                for (const mention of this.mentionsOf(document)) {
                    if (mention.kind !== 'contextual') for (const target of mention.units) map.add(target, mention);
                }
            }
            return map;
        }) as MultiMap<Unidad, Mention>;
        return [...byUnit.get(unit)];
    }

    /** The scanned texts of a document (kept until the document changes, and only for the AST they were scanned from). */
    scansOf(document: LangiumDocument): ScannedText[] {
        const root = document.parseResult.value;
        const kept = this.scans.get(document.uri, 'texts');
        if (kept?.root === root) return kept.texts;
        this.scanCount++;
        const texts = scanDocument(document);
        this.scans.set(document.uri, 'texts', { root, texts });
        return texts;
    }

    private resolve(document: LangiumDocument): Mention[] {
        const dictionary = this.dictionary;
        const institution = institutionOf(document.parseResult.value);
        const out: Mention[] = [];
        for (const text of this.scansOf(document)) {
            if (text.scan.candidates.length === 0 && text.scan.superior.length === 0) continue;
            for (const found of resolveText(text.raw, text.scan, dictionary, { unit: unitOf(text.node), institution })) {
                out.push({
                    ...found,
                    node: text.node,
                    property: text.property,
                    start: text.offset + found.start,
                    end: text.offset + found.end,
                    text: text.raw.substring(found.start, found.end).replace(/\s+/g, ' ')
                });
            }
        }
        return out;
    }
}

// A scan depends on the text alone: after an edit, the file's unchanged texts reuse theirs.
const scanOf = memoByText(scanText);

function scanDocument(document: LangiumDocument): ScannedText[] {
    const out: ScannedText[] = [];
    const add = (node: AstNode, property: 'texto' | 'objetivo') => {
        const span = stringSpan(node, property);
        if (span) out.push({ node, property, offset: span.start, raw: span.inner, scan: scanOf(span.inner) });
    };
    for (const element of structureElements(document.parseResult.value)) {
        if (isUnidad(element)) {
            if (element.objetivo) add(element, 'objetivo');
            for (const fn of element.funciones) {
                add(fn, 'texto');
                for (const inciso of fn.incisos) add(inciso, 'texto');
            }
        } else if (isPuesto(element)) {
            for (const activity of element.actividades) add(activity, 'texto');
        }
    }
    return out;
}

/** The unit a text belongs to, for contextual mentions and for choosing among equal names. */
function unitOf(node: AstNode): Unidad | undefined {
    if (isUnidad(node)) return node;
    if (isFuncion(node)) return node.$container;
    if (isInciso(node)) return node.$container.$container;
    const position = AstUtils.getContainerOfType(node, isPuesto);
    return position && unitOfPosition(position);
}
