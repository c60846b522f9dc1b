// Find references on a unit: the typed references first (`adscrita a`, `titular de`…), then the
// mentions of its name in function prose, in every file. From its id, its official name (the string
// of its declaration) or inside a mention alike.
import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { DefaultReferencesProvider } from 'langium/lsp';
import { Location, type CancellationToken, type ReferenceParams } from 'vscode-languageserver';
import { isUnidad, type Unidad } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import { mentionRange, type MentionIndex } from '../language/mentions/mention-index.js';
import { linksUnits } from './definition.js';
import { declaredNameAt, idNode } from './unit-at.js';

function byPlace(a: Location, b: Location): number {
    if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export class EstructuraReferencesProvider extends DefaultReferencesProvider {
    private readonly mentions: MentionIndex;

    constructor(services: EstructuraServices) {
        super(services);
        this.mentions = services.structure.MentionIndex;
    }

    override async findReferences(document: LangiumDocument, params: ReferenceParams, cancelToken?: CancellationToken): Promise<Location[]> {
        const offset = document.textDocument.offsetAt(params.position);
        const mention = this.mentions.mentionAt(document, offset);
        let units: Unidad[];
        let typed: Location[] = [];
        if (mention && linksUnits(mention)) {
            units = mention.units;
            for (const unit of units) {
                for (const ref of this.references.findReferences(unit, { includeDeclaration: params.context.includeDeclaration })) {
                    typed.push(Location.create(ref.sourceUri.toString(), ref.segment.range));
                }
            }
        } else {
            // On the official name (or a position's title) of a declaration: the same as on its id.
            const named = declaredNameAt(document, offset);
            const id = named && idNode(named);
            const at = id ? { ...params, position: document.textDocument.positionAt(id.offset) } : params;
            typed = await super.findReferences(document, at, cancelToken);
            const selected = this.selectedUnit(document, id ? id.offset : offset);
            units = selected ? [selected] : [];
        }
        const prose: Location[] = [];
        for (const unit of units) {
            for (const m of this.mentions.mentionsOfUnit(unit)) {
                const text = AstUtils.getDocument(m.node).textDocument;
                prose.push(Location.create(text.uri, mentionRange(text, m)));
            }
        }
        // In file and text order: the same answer whatever order the workspace's files were loaded
        // in (a web worker's client lists them in its own order).
        return [...typed.sort(byPlace), ...prose.sort(byPlace)];
    }

    /** The unit whose declaration or reference is at the offset. */
    private selectedUnit(document: LangiumDocument, offset: number): Unidad | undefined {
        const leaf = CstUtils.findDeclarationNodeAtOffset(document.parseResult.value.$cstNode, offset, this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf).find(isUnidad) : undefined;
    }
}
