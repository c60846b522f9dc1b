// The positions module (language/positions/plazas.ts): plazas of a position (default 1), occupancy
// when written, a unit's subtree with its sums by level, class and tipo de personal.
import { beforeAll, describe, expect, it } from 'vitest';
import { isUnidad, type Puesto, type Unidad } from '../server/src/language/generated/ast.js';
import { structureElements } from '../server/src/language/model.js';
import {
    occupancyOf, plazasOf, plazasText, rootUnits, sortedEntries, subtreePlazas, subtreeTotals, unattachedPositions
} from '../server/src/language/positions/plazas.js';
import { SMALL } from './helpers/plazas.js';
import { buildWorkspace, exampleFiles, type TestWorkspace } from './helpers/workspace.js';


function unit(ws: TestWorkspace, id: string): Unidad {
    for (const doc of Object.values(ws.docs)) {
        for (const element of structureElements(doc.parseResult.value)) if (isUnidad(element) && element.name === id) return element;
    }
    throw new Error(id);
}

function position(ws: TestWorkspace, id: string): Puesto {
    for (const doc of Object.values(ws.docs)) {
        for (const element of structureElements(doc.parseResult.value)) if (element.$type === 'Puesto' && element.name === id) return element as Puesto;
    }
    throw new Error(id);
}

describe('plazas of a small workspace', () => {
    let ws: TestWorkspace;
    beforeAll(async () => { ws = await buildWorkspace(SMALL); });
    const structure = () => ws.services.structure.StructureIndex.snapshot;

    it('a position holds 1 plaza unless it says, and its occupancy when it says either', () => {
        expect(plazasOf(position(ws, 'TIT_DG'))).toBe(1);
        expect(occupancyOf(position(ws, 'TIT_DG'))).toEqual({ plazas: 1 });
        expect(occupancyOf(position(ws, 'TIT_DA'))).toEqual({ plazas: 1, ocupadas: 1, vacantes: 0 });
        expect(occupancyOf(position(ws, 'ANALISTA'))).toEqual({ plazas: 5, ocupadas: 3, vacantes: 2 });
        expect(occupancyOf(position(ws, 'SUB_DJ'))).toEqual({ plazas: 2, ocupadas: 0, vacantes: 2 });
    });

    it('sums a subtree across files: nested, adscrito a, adscrita a', () => {
        const dg = subtreeTotals(unit(ws, 'DG'), structure());
        expect(dg).toEqual({ puestos: 5, plazas: 13, ocupadas: 4, vacantes: 4, sinDato: 5 });
        expect(subtreeTotals(unit(ws, 'DA'), structure())).toEqual({ puestos: 3, plazas: 10, ocupadas: 4, vacantes: 2, sinDato: 4 });
        expect(plazasText(dg)).toBe('13 plazas (4 ocupadas, 4 vacantes, 5 sin dato)');
        expect(plazasText(subtreeTotals(unit(ws, 'DJ'), structure()))).toBe('2 plazas (0 ocupadas, 2 vacantes)');
        expect(subtreeTotals(unit(ws, 'DG'), structure())).toBe(dg); // cached per build
    });

    it('lists the units of a subtree with own and subtree sums, and the sums by level, class and personal', () => {
        const result = subtreePlazas(unit(ws, 'DG'), structure());
        expect(result.units.map(u => [u.unit.name, u.depth, u.own.plazas, u.subtree.plazas])).toEqual([
            ['DG', 0, 1, 13], ['DA', 1, 10, 10], ['DJ', 1, 2, 2]
        ]);
        expect(result.total.plazas).toBe(13);
        expect(sortedEntries(result.porNivel).map(([k, t]) => [k, t.plazas])).toEqual([['K31', 1], ['MC3', 3], ['PQ1', 5], ['', 4]]);
        expect(sortedEntries(result.porClase).map(([k, t]) => [k, t.plazas])).toEqual([['enlace', 5], ['mando', 4], ['operativo', 4]]);
        expect(sortedEntries(result.porPersonal).map(([k, t]) => [k, t.plazas])).toEqual([['base', 4], ['confianza', 9]]);
    });

    it('finds the roots and the positions attached to no unit', () => {
        const roots = Object.values(ws.docs).map(doc => doc.parseResult.value);
        expect(rootUnits(roots).map(u => u.name)).toEqual(['DG']);
        expect(unattachedPositions(roots, structure()).map(p => p.name)).toEqual(['SUELTO']);
    });

    it('follows an edit: the totals of the next build', async () => {
        await ws.update('plantilla.estructura', SMALL['plantilla.estructura'].replace('plazas 4', 'plazas 6'));
        expect(subtreeTotals(unit(ws, 'DG'), structure()).plazas).toBe(15);
        await ws.update('plantilla.estructura', SMALL['plantilla.estructura']);
    });
});

describe('plazas of examples/', () => {
    let ws: TestWorkspace;
    beforeAll(async () => { ws = await buildWorkspace(exampleFiles()); });

    it('counts the hand-written positions of the IMSS', () => {
        const structure = ws.services.structure.StructureIndex.snapshot;
        const roots = Object.values(ws.docs).map(doc => doc.parseResult.value);
        const all = rootUnits(roots).map(root => subtreeTotals(root, structure));
        const total = all.reduce((sum, t) => sum + t.plazas, 0);
        // imss-puestos.estructura (4 titulares) and the three PHAE examples, one plaza each.
        expect(total).toBe(7);
        const dg = rootUnits(roots).find(root => root.name === 'DG' && root.nombre?.includes('Dirección General'));
        expect(dg && subtreeTotals(dg, structure)).toMatchObject({ puestos: 7, plazas: 7, sinDato: 7 });
    });
});
