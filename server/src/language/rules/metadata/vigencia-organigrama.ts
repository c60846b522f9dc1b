// vigencia-organigrama: an organigrama's vigencia is not earlier than the latest dated change
// (`cambio` with `fecha`) that names a unit it shows (its raíz and the raíz's subtree within the
// same manual: an organigrama is a chart of its manual) or a position it lists.
import type { ValidationAcceptor } from 'langium';
import type { Cambio, Organigrama, Unidad } from '../../generated/ast.js';
import { manualKey } from '../../model.js';
import type { StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';
import type { FunctionIndex } from '../../function-index.js';
import { unitLabel } from '../functions/text.js';

/** The raíz and the units under it that belong to the raíz's manual. */
export function unitsShown(root: Unidad, structure: StructureIndex): Unidad[] {
    const manual = manualKey(root);
    const children = structure.snapshot.children;
    const seen = new Set<Unidad>([root]);
    const queue = [root];
    while (queue.length > 0) {
        const unit = queue.shift()!;
        for (const child of children.get(unit)) {
            if (seen.has(child) || manualKey(child) !== manual) continue;
            seen.add(child);
            queue.push(child);
        }
    }
    return [...seen];
}

export function checkVigencia(chart: Organigrama, accept: ValidationAcceptor, structure: StructureIndex, index: FunctionIndex): void {
    const vigencia = chart.vigencia;
    const root = chart.raiz?.ref;
    if (!vigencia || !root) return;
    const snapshot = index.snapshot;
    let latest: { change: Cambio; what: string } | undefined;
    const consider = (change: Cambio, what: string) => {
        if (change.fecha && change.fecha > vigencia && (!latest || change.fecha > latest.change.fecha!)) latest = { change, what };
    };
    for (const unit of unitsShown(root, structure)) {
        for (const change of snapshot.changesByUnit.get(unit)) consider(change, unitLabel(unit));
    }
    for (const ref of chart.puestos) {
        const position = ref.ref;
        if (!position) continue;
        for (const change of snapshot.changesByPosition.get(position)) consider(change, `el puesto «${position.titulo ?? position.name}»`);
    }
    if (!latest) return;
    report(accept, 'vigencia-organigrama',
        `la vigencia ${vigencia} es anterior al cambio «${latest.change.acuerdo ?? latest.change.oficio ?? ''}» del ${latest.change.fecha}, que modificó ${latest.what}; actualice el organigrama y su vigencia.`,
        { node: chart, property: 'vigencia' });
}
