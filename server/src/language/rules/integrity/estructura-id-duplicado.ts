// estructura-id-duplicado: ids are unique per institution across the workspace.
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Puesto, Unidad } from '../../generated/ast.js';
import { institutionOf, qualifiedName } from '../../model.js';
import type { StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';
import { byLocation } from '../structure/shared.js';

export function checkDuplicateId(node: Unidad | Puesto, accept: ValidationAcceptor, index: StructureIndex): void {
    if (!node.name) return;
    const institution = institutionOf(node);
    const owners = index.snapshot.byQualifiedId.get(qualifiedName(institution, node.name));
    // The other declaration named is the first one in workspace order (file path, then position), the
    // one references resolve to (see scope.ts), whatever order the files were loaded or edited in.
    const other = owners.filter(o => o !== node).sort(byLocation)[0];
    if (!other) return;
    const otherDoc = AstUtils.getDocument(other);
    const line = (other.$cstNode?.range.start.line ?? 0) + 1;
    const file = otherDoc.uri.path.split('/').pop();
    const where = otherDoc === AstUtils.getDocument(node) ? `en la línea ${line}` : `en ${file}:${line}`;
    report(accept, 'estructura-id-duplicado',
        `el identificador «${node.name}» ya está definido ${where}${institution ? ` (institución ${institution})` : ''}; los identificadores son únicos por institución.`,
        { node, property: 'name' });
}
