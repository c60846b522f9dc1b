// Completion of references (ids with their official names) and of unit kinds after `tipo`.
import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import { isManual, isPuesto, isUnidad } from '../language/generated/ast.js';
import { UNIT_KINDS } from '../language/kinds.js';
import { institutionOf, splitQualified } from '../language/model.js';
import { tooDeepAt } from '../language/nesting.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class EstructuraCompletionProvider extends DefaultCompletionProvider {
    /**
     * Completion parses the text up to the cursor with its own parser: past the nesting guard it
     * would overflow the stack as the document parser did (found by fuzzing), so it offers nothing there.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        if (tooDeepAt(document.getText().substring(0, offset)) !== undefined) return [];
        return super.findFeaturesAt(document, offset);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const inKind = (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'NombreTipo')
            || AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'NombreTipo';
        if (inKind) {
            for (const kind of UNIT_KINDS) {
                acceptor(context, { label: kind, kind: CompletionItemKind.EnumMember, detail: 'tipo de unidad', sortText: '0' });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** Bare ids for the institution the file belongs to; qualified ids only for other institutions. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const institution = institutionOf(context.document.parseResult.value);
        return super.getReferenceCandidates(refInfo, context).filter(description => {
            const [namespace] = splitQualified(description.name);
            return namespace === undefined || namespace !== institution;
        });
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const title = isUnidad(node) ? node.nombre : isPuesto(node) ? node.titulo : isManual(node) ? node.titulo : undefined;
        const numero = isUnidad(node) && node.numero ? `${node.numero} ` : '';
        return {
            ...item,
            detail: title ? `${numero}${title}` : item.detail,
            // Typing part of the official name finds the unit too.
            filterText: `${description.name} ${title ?? ''}`,
            sortText: description.name.includes('.') ? '1' : '0'
        };
    }
}
