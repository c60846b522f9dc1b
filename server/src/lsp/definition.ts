// Go to definition: typed references (Langium's default), and unit names written in function
// prose, which jump to the unit's declaration in whichever file and manual holds it.
import { AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import { DefaultDefinitionProvider } from 'langium/lsp';
import { LocationLink, type CancellationToken, type DefinitionParams } from 'vscode-languageserver';
import type { Unidad } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import { mentionRange, type Mention, type MentionIndex } from '../language/mentions/mention-index.js';

/** Mentions that name units (contextual ones are for hover only). */
export function linksUnits(mention: Mention): boolean {
    return mention.kind !== 'contextual' && mention.units.length > 0;
}

export class EstructuraDefinitionProvider extends DefaultDefinitionProvider {
    private readonly mentions: MentionIndex;

    constructor(services: EstructuraServices) {
        super(services);
        this.mentions = services.structure.MentionIndex;
    }

    override async getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken?: CancellationToken): Promise<LocationLink[] | undefined> {
        const mention = this.mentions.mentionAt(document, document.textDocument.offsetAt(params.position));
        if (mention && linksUnits(mention)) {
            const origin = mentionRange(document.textDocument, mention);
            return mention.units.flatMap(unit => unitLink(unit, origin));
        }
        return super.getDefinition(document, params, cancelToken);
    }
}

function unitLink(unit: Unidad, origin: LocationLink['originSelectionRange']): LocationLink[] {
    const cst = unit.$cstNode;
    if (!cst) return [];
    const name = GrammarUtils.findNodeForProperty(cst, 'nombre') ?? GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
    return [LocationLink.create(AstUtils.getDocument(unit).textDocument.uri, cst.range, name.range, origin)];
}
