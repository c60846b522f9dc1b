// estructura-id-duplicado: ids are unique per institution across the workspace.
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Puesto, Unidad } from '../generated/ast.js';
import { institutionOf, qualifiedName } from '../model.js';
import type { StructureIndex } from '../structure-index.js';
import { report } from './catalog.js';

export function checkDuplicateId(node: Unidad | Puesto, accept: ValidationAcceptor, index: StructureIndex): void {
    if (!node.name) return;
    const institution = institutionOf(node);
    const owners = index.snapshot.byQualifiedId.get(qualifiedName(institution, node.name));
    const other = owners.find(o => o !== node);
    if (!other) return;
    const otherDoc = AstUtils.getDocument(other);
    const line = (other.$cstNode?.range.start.line ?? 0) + 1;
    const file = otherDoc.uri.path.split('/').pop();
    const where = otherDoc === AstUtils.getDocument(node) ? `en la línea ${line}` : `en ${file}:${line}`;
    report(accept, 'estructura-id-duplicado',
        `el identificador «${node.name}» ya está definido ${where}${institution ? ` (institución ${institution})` : ''}; los identificadores son únicos por institución.`,
        { node, property: 'name' });
}
