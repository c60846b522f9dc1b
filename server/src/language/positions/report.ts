// The positions table as plain data (protocol.ts' PlazasResult): the `estructura/plazas` request
// and `estructura plazas` both print it. A unit and its subtree, or every root of the workspace
// (and the positions attached to no unit).
import type { AstNode } from 'langium';
import type { Unidad } from '../generated/ast.js';
import { institutionOf, qualifiedName } from '../model.js';
import type { PlazaGrupo, PlazasResult, PlazaTotales, PlazaUnidad } from '../../protocol.js';
import type { StructureSnapshot } from '../structure-index.js';
import { addTo, breakdown, plazasText, emptyTotals, plazaRow, sortedEntries, subtreePlazas, unattachedPositions, rootUnits, type PlazaBreakdown, type PlazaTotals } from './plazas.js';

/** A unit's qualified id (`IMSS.DG`). */
export function unitId(unit: Unidad): string {
    return qualifiedName(institutionOf(unit), unit.name ?? '');
}

/**
 * The report of `unit`'s subtree, or of every root of `documents` when `unit` is undefined.
 * `fileOf` turns a document URI into what the reader sees (a path for the CLI).
 */
export function plazasReport(documents: readonly AstNode[], structure: StructureSnapshot, unit?: Unidad, fileOf: (uri: string) => string = uri => uri): PlazasResult {
    const roots = unit ? [unit] : rootUnits(documents);
    const unidades: PlazaUnidad[] = [];
    const positions = [];
    for (const root of roots) {
        for (const entry of subtreePlazas(root, structure).units) {
            positions.push(...entry.positions);
            unidades.push({
                id: unitId(entry.unit), nombre: entry.unit.nombre ?? '', profundidad: entry.depth,
                ...(entry.parent ? { padre: unitId(entry.parent) } : {}),
                plazas: entry.subtree.plazas, totales: { ...entry.subtree }, propias: { ...entry.own },
                puestos: entry.positions.map(position => {
                    const row = plazaRow(position, entry.unit);
                    return { ...row, archivo: fileOf(row.archivo) };
                })
            });
        }
    }
    const loose = unit ? [] : unattachedPositions(documents, structure);
    const sums: PlazaBreakdown = breakdown([...positions, ...loose]);
    const totales: PlazaTotals = addTo(emptyTotals(), sums.total);
    return {
        titulo: unit ? `${unit.nombre ?? unitId(unit)} (${unitId(unit)})` : 'Todas las unidades',
        total: totales.plazas, resumen: plazasText(totales), totales,
        porNivel: groups(sums.porNivel), porClase: groups(sums.porClase), porPersonal: groups(sums.porPersonal),
        unidades,
        sinUnidad: loose.map(position => {
            const row = plazaRow(position, undefined);
            return { ...row, archivo: fileOf(row.archivo) };
        })
    };
}

function groups(map: ReadonlyMap<string, PlazaTotales>): PlazaGrupo[] {
    return sortedEntries(map).map(([clave, totals]) => ({ clave, ...totals }));
}
