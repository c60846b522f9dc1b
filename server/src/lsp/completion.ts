// Completion: references (ids with their official names, found by any part of the name), unit
// kinds after `tipo` (those the parent allows first), templates beside the keywords that open a
// unit, a part header, a position, a function list or a change record, and the keywords.
//
// Names are matched by the server, ignoring accents and case (name-match.ts), over the whole phrase
// typed after the keyword (`adscrita a direccion de oper`), not only the word at the cursor. Langium
// would drop every item whose label (the id) does not fuzzy-match the typed word, and the editor
// filters again by `filterText`: each item's edit therefore covers the phrase, and its `filterText`
// starts with the phrase as typed, followed by the id and the folded name, so what the server
// matched the editor keeps (while the list is refreshed on every keystroke: it is incomplete).
import { AstUtils, CstUtils, GrammarAST, type AstNodeDescription, type CstNode, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EstructuraServices } from '../language/estructura-module.js';
import { isManual, isPuesto, isUnidad, type Unidad } from '../language/generated/ast.js';
import { kindFromName, UNIT_KINDS } from '../language/kinds.js';
import { adscriptionPath, institutionOf, manualKey, parentOf, splitQualified } from '../language/model.js';
import { normalizeKey } from '../language/text-keys.js';
import { tooDeepAt } from '../language/nesting.js';
import { phraseRank, wordPosition } from './name-match.js';
import { kindsAllowedUnder, SNIPPET_KEYWORDS, snippetFor, unitAround } from './snippets.js';

/** A context whose items replace the whole phrase typed after a keyword (maybe empty). */
interface PhraseContext extends CompletionContext {
    phrase: string;
}

function isPhraseContext(context: CompletionContext): context is PhraseContext {
    return typeof (context as Partial<PhraseContext>).phrase === 'string';
}

/** Characters of a phrase being typed: words of letters, digits, `_`, `.` and `-`, and blanks. */
const PHRASE_TAIL = /[\p{L}\p{N}_.\- \t]*$/u;
const WORD = /[\p{L}\p{N}_.\-]+/gu;

export class EstructuraCompletionProvider extends DefaultCompletionProvider {
    private readonly services: EstructuraServices;
    private keywordValues?: Set<string>;

    constructor(services: EstructuraServices) {
        super(services);
        this.services = services;
    }

    /** Every keyword of the grammar. */
    get keywords(): Set<string> {
        this.keywordValues ??= new Set(AstUtils.streamAllContents(this.grammar).filter(GrammarAST.isKeyword).map(k => k.value));
        return this.keywordValues;
    }

    /**
     * Completion parses the text up to the cursor with its own parser: past the nesting guard it
     * would overflow the stack as the document parser did (found by fuzzing), so it offers nothing there.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        if (tooDeepAt(document.getText().substring(0, offset)) !== undefined) return [];
        return super.findFeaturesAt(document, offset);
    }

    /** The keywords the grammar accepts at `offset` (for the quick fix of a mistyped keyword). */
    keywordsExpectedAt(document: TextDocument, offset: number): string[] {
        return [...new Set(this.findFeaturesAt(document, offset).map(f => f.feature).filter(GrammarAST.isKeyword).map(k => k.value))];
    }

    /** First the phrase after a keyword that takes a reference or a kind, then Langium's own contexts. */
    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const phrase = this.phraseContext(document, position);
        if (phrase) yield phrase;
        yield* super.buildContexts(document, position);
    }

    /**
     * The context of a reference or kind being typed on the cursor's line: the leftmost word after a
     * keyword (or a comma) where the grammar expects a reference or a unit kind, up to the cursor.
     * A single word followed by a blank is a finished reference: then Langium's contexts decide.
     */
    private phraseContext(document: LangiumDocument, position: Position): PhraseContext | undefined {
        const cst = document.parseResult.value.$cstNode;
        if (!cst) return undefined;
        const textDocument = document.textDocument;
        const offset = textDocument.offsetAt(position);
        if (insideTextOrComment(cst, offset)) return undefined;
        const lineStart = textDocument.offsetAt({ line: position.line, character: 0 });
        const before = textDocument.getText().substring(lineStart, offset);
        const tail = PHRASE_TAIL.exec(before)!;
        const words = [...tail[0].matchAll(WORD)].map(m => ({ start: tail.index + m.index!, text: m[0] }));
        const opensPhrase = (i: number) => i > 0 ? this.keywords.has(words[i - 1].text) : /,\s*$/.test(before.substring(0, tail.index));
        const candidates: Array<{ at: number; previous: number }> = [];
        for (let i = 0; i < words.length; i++) {
            if (!opensPhrase(i)) continue;
            const rest = before.substring(words[i].start);
            if (i === words.length - 1 && /\s$/.test(rest)) continue;
            candidates.push({ at: words[i].start, previous: i > 0 ? words[i - 1].start : tail.index - 1 });
        }
        if (/\s$/.test(before) || words.length === 0) {
            if (opensPhrase(words.length)) candidates.push({ at: before.length, previous: words.length > 0 ? words[words.length - 1].start : tail.index - 1 });
        }
        for (const candidate of candidates) {
            const start = lineStart + candidate.at;
            const features = this.findFeaturesAt(textDocument, start);
            if (!features.some(f => GrammarAST.isCrossReference(f.feature) || isKindFeature(f))) continue;
            const text = textDocument.getText();
            const wordEnd = offset + (/^[\p{L}\p{N}_.\-]*/u.exec(text.substring(offset))?.[0].length ?? 0);
            return {
                document, textDocument, offset, position, features,
                node: CstUtils.findLeafNodeBeforeOffset(cst, Math.max(0, lineStart + candidate.previous))?.astNode,
                tokenOffset: start,
                tokenEndOffset: wordEnd,
                phrase: text.substring(start, offset)
            };
        }
        return undefined;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (isKindFeature(next)) return this.completionForKind(context, acceptor);
        if (GrammarAST.isKeyword(next.feature) && !isPhraseContext(context)) this.completionForSnippet(context, next.feature, acceptor);
        return super.completionFor(context, next, acceptor);
    }

    /** A template beside a keyword that opens one (`unidad`, not the `unidad` of `misma unidad que`). */
    private completionForSnippet(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        if (!SNIPPET_KEYWORDS.has(keyword.value)) return;
        const group: unknown = keyword.$container;
        if (!GrammarAST.isGroup(group) || group.elements[0] !== keyword) return;
        const snippet = snippetFor(keyword.value, context.document, context.offset, this.services);
        if (!snippet) return;
        acceptor(context, {
            label: keyword.value,
            labelDetails: { description: snippet.description },
            kind: CompletionItemKind.Snippet,
            detail: snippet.description,
            insertText: snippet.text,
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: '0'
        });
    }

    /** Unit kinds: the one the name suggests and those the parent's level allows first. */
    private completionForKind(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const phrase = isPhraseContext(context) ? context.phrase : '';
        const unit = unitAround(context.document, context.offset);
        const profile = this.services.settings.RuleSettings.profile(institutionOf(context.document.parseResult.value));
        const parent = unit ? parentOf(unit) : undefined;
        const { parentKind, kinds: allowed } = kindsAllowedUnder(parent !== unit ? parent : undefined, profile);
        const allowedKeys = new Set(allowed.map(normalizeKey));
        const suggested = unit?.nombre ? kindFromName(unit.nombre)?.kind : undefined;
        const all = [...new Set([...allowed, ...UNIT_KINDS, ...Object.keys(profile.niveles)])];
        for (const kind of all) {
            const rank = phraseRank(phrase, { id: kind, names: [kind] });
            if (rank === undefined) continue;
            const isAllowed = allowedKeys.has(normalizeKey(kind));
            const bySuggestion = suggested !== undefined && normalizeKey(suggested) === normalizeKey(kind);
            // Allowed kinds first (the name's own kind before them), then the others.
            const group = isAllowed ? (bySuggestion ? 0 : 1) : allowed.length === 0 && bySuggestion ? 0 : 2;
            const order = isAllowed ? allowed.findIndex(k => normalizeKey(k) === normalizeKey(kind)) : all.indexOf(kind);
            acceptor(context, {
                label: kind,
                kind: CompletionItemKind.EnumMember,
                labelDetails: isAllowed ? { description: `bajo ${parentKind}` } : bySuggestion ? { description: 'por el nombre' } : undefined,
                detail: isAllowed ? `tipo de unidad que puede depender de una ${parentKind}` : 'tipo de unidad',
                filterText: filterText(phrase, [kind, normalizeKey(kind)]),
                sortText: `${group}${String(rank)}${String(order).padStart(3, '0')}`,
                preselect: group === 0 && rank === 0 ? true : undefined
            });
        }
    }

    /**
     * Bare ids for the institution the file belongs to; qualified ids only for other institutions.
     * In a phrase context, only the candidates the phrase names; never the unit being written as
     * its own adscription or equivalent, nor (for an adscription) a unit below it.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const institution = institutionOf(context.document.parseResult.value);
        const phrase = isPhraseContext(context) ? context.phrase : '';
        const self = (refInfo.property === 'adscripcion' || refInfo.property === 'equivalente') && isUnidad(refInfo.container)
            ? writtenUnit(context) : undefined;
        return super.getReferenceCandidates(refInfo, context).filter(description => {
            const [namespace] = splitQualified(description.name);
            if (namespace !== undefined && namespace === institution) return false;
            const node = description.node;
            if (self && isUnidad(node) && (node === self || (refInfo.property === 'adscripcion' && adscriptionPath(node).includes(self)))) return false;
            return phraseRank(phrase, fieldsOf(description)) !== undefined;
        });
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const title = titleOf(node);
        const numero = isUnidad(node) && node.numero ? node.numero : undefined;
        const phrase = isPhraseContext(context) ? context.phrase : '';
        const rank = phraseRank(phrase, fieldsOf(description)) ?? 9;
        return {
            ...item,
            label: description.name,
            detail: title ? `${numero ? `${numero} ` : ''}${title}` : item.detail,
            // The name on every row, not only in the details of the selected one.
            labelDetails: title ? { detail: ` ${title}`, description: numero } : undefined,
            filterText: filterText(phrase, [description.name, title && normalizeKey(title), title]),
            // Best match first; the file's own institution (bare ids) before others; the phrase
            // early in the name; the file's own manual; then by id.
            sortText: [
                rank, description.name.includes('.') ? 1 : 0, String(wordPosition(phrase, title ?? '')).padStart(2, '0'),
                manualKey(node ?? context.document.parseResult.value) === manualKey(context.document.parseResult.value) ? 0 : 1,
                description.name
            ].join('')
        };
    }

    /**
     * In a phrase context the item's edit replaces the phrase (the server matched it by name: no
     * fuzzy match of the label); a keyword is kept only when the phrase starts it.
     */
    protected override fillCompletionItem(context: CompletionContext, item: CompletionValueItem): CompletionItem | undefined {
        if (!isPhraseContext(context) || item.textEdit) return super.fillCompletionItem(context, item);
        const label = 'label' in item && typeof item.label === 'string' ? item.label : undefined;
        if (label === undefined) return super.fillCompletionItem(context, item);
        if (item.filterText === undefined && !normalizeKey(label).startsWith(normalizeKey(context.phrase))) return undefined;
        const start = context.textDocument.positionAt(context.tokenOffset);
        const newText = typeof item.insertText === 'string' ? item.insertText : label;
        const textEdit = this.clientCapabilities?.completionItem?.insertReplaceSupport
            ? { newText, insert: { start, end: context.position }, replace: { start, end: context.textDocument.positionAt(context.tokenEndOffset) } }
            : { newText, range: { start, end: context.position } };
        return super.fillCompletionItem(context, { ...item, textEdit });
    }
}

/** The offset is inside a string (a function's text may span lines) or a comment of the document. */
function insideTextOrComment(cst: CstNode, offset: number): boolean {
    const leaf = CstUtils.findLeafNodeAtOffset(cst, Math.max(0, offset - 1));
    if (!leaf || offset <= leaf.offset) return false;
    const type = leaf.tokenType.name;
    if (type === 'STRING') return offset < leaf.end;
    return (type === 'SL_COMMENT' || type === 'ML_COMMENT') && offset <= leaf.end;
}

/** The parser expects a unit kind (`tipo …`). */
function isKindFeature(next: NextFeature): boolean {
    return (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'NombreTipo')
        || AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'NombreTipo';
}

/** The unit whose body the cursor is in. */
function writtenUnit(context: CompletionContext): Unidad | undefined {
    return unitAround(context.document, context.offset);
}

function titleOf(node: unknown): string | undefined {
    return isUnidad(node) ? node.nombre : isPuesto(node) ? node.titulo : isManual(node) ? node.titulo : undefined;
}

function fieldsOf(description: AstNodeDescription) {
    const node = description.node;
    const title = titleOf(node);
    const names = isUnidad(node) ? [title ?? '', ...node.alias, ...node.anteriores.map(a => a.nombre)] : [title ?? ''];
    return { id: description.name, numero: isUnidad(node) ? node.numero : undefined, names: names.filter(Boolean) };
}

/**
 * What the editor filters on: the phrase as typed first (the server matched it already, accents
 * and all), then the id and the names, folded and as written.
 */
function filterText(phrase: string, parts: Array<string | undefined>): string {
    return [...new Set([phrase, ...parts].filter((p): p is string => !!p))].join(' ');
}

