// What the cursor is on, wherever a user points at a unit or a position: its id in the declaration,
// a reference to it (`adscrita a DOE`, `IMSS.TIT_DG`), its official name or title (the string of its
// declaration), or a prose mention of it (several units for a plural). References, the type and
// call hierarchies start from here, so they answer the same from any of these places.
import { AstUtils, CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import { isPuesto, isUnidad, type Puesto, type Unidad } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import { linksUnits } from './definition.js';

export type Subject = Unidad | Puesto;

/** The units and positions at a document offset (empty when the cursor is on none). */
export function subjectsAt(services: EstructuraServices, document: LangiumDocument, offset: number): Subject[] {
    const mention = services.structure.MentionIndex.mentionAt(document, offset);
    if (mention && linksUnits(mention)) return [...mention.units];
    const named = declaredNameAt(document, offset);
    if (named) return [named];
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, offset, services.parser.GrammarConfig.nameRegexp);
    if (!leaf) return [];
    return services.references.References.findDeclarations(leaf).filter((node): node is Subject => isUnidad(node) || isPuesto(node));
}

/** The unit whose official name, or the position whose title, is the string at the offset. */
export function declaredNameAt(document: LangiumDocument, offset: number): Subject | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
    const owner = leaf && AstUtils.getContainerOfType(leaf.astNode, (node): node is Subject => isUnidad(node) || isPuesto(node));
    if (!owner) return undefined;
    const name = GrammarUtils.findNodeForProperty(owner.$cstNode, isUnidad(owner) ? 'nombre' : 'titulo');
    return name === leaf ? owner : undefined;
}

/** The CST node of a unit's or position's id, where its references point. */
export function idNode(subject: Subject) {
    return GrammarUtils.findNodeForProperty(subject.$cstNode, 'name');
}
