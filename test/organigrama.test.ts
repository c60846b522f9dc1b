// The organigrama: the chart model of the real manuals (boxes = units, hierarchy across the files a
// manual is split in, titulares, never a PHAE), its layout and its SVG.
import { beforeAll, describe, expect, it } from 'vitest';
import { isUnidad, type Unidad } from '../server/src/language/generated/ast.js';
import { structureElements } from '../server/src/language/model.js';
import { ChartBuilder, chartBoxes, compareUnitNumbers, defaultCollapsed, layoutChart, MAX_ROW_WIDTH, renderChartSvg, type Chart } from '../server/src/organigrama/index.js';
import { chartPageSvgs, PRINT_ROW_WIDTH, printScale } from '../server/src/export/charts.js';
import { mutate, Rng } from './helpers/fuzz.js';
import { buildWorkspace, exampleFiles, type TestWorkspace } from './helpers/workspace.js';

const DOE_MAIN = 'manuales/imss-doe-2022/imss-doe-2022.estructura';
const UEOD_PART = 'manuales/imss-doe-2022/imss-doe-2022.7.1.1-ueod.estructura';

function unitsOf(ws: TestWorkspace, prefix: string): Unidad[] {
    return Object.entries(ws.docs).filter(([name]) => name.startsWith(prefix))
        .flatMap(([, doc]) => [...structureElements(doc.parseResult.value)].filter(isUnidad));
}

const boxCount = (svg: string) => svg.match(/<g class="caja"/g)?.length ?? 0;

describe('organigrama of the real manuals', () => {
    let ws: TestWorkspace;
    let builder: ChartBuilder;
    let doe: Chart;

    beforeAll(async () => {
        ws = await buildWorkspace(exampleFiles());
        builder = new ChartBuilder(Object.values(ws.docs));
        doe = builder.manualChart(ws.docs[DOE_MAIN].parseResult.value);
    });

    it('draws every unit of a split manual once, from any of its files, under its one root', () => {
        const ids = [...chartBoxes(doe)].map(box => box.id);
        expect(ids).toHaveLength(unitsOf(ws, 'manuales/imss-doe-2022/').length);
        expect(ids).toHaveLength(57);
        expect(new Set(ids).size).toBe(57);
        expect(doe.roots.map(root => root.id)).toEqual(['IMSS.DOE']);
        expect(doe.title).toBe('MANUAL DE ORGANIZACIÓN DE LA DIRECCIÓN DE OPERACIÓN Y EVALUACIÓN');
        expect(doe.vigencia).toBe('2022-10-01');
        // Asked from a part file, the chart is the same manual.
        const fromPart = builder.manualChart(ws.docs[UEOD_PART].parseResult.value);
        expect([...chartBoxes(fromPart)].map(box => box.id)).toEqual(ids);
    });

    it('nests units as the manual numbers them, with kind, number and the declared titular', () => {
        const root = doe.roots[0];
        expect(root).toMatchObject({ name: 'Dirección de Operación y Evaluación', kind: 'Dirección', number: '7.1' });
        expect(root.titular).toBe('Titular de la Dirección de Operación y Evaluación');
        const ueod = root.children.find(child => child.id === 'IMSS.UEOD')!;
        expect(ueod).toMatchObject({ number: '7.1.1', name: 'Unidad de Evaluación de Órganos Desconcentrados' });
        expect(ueod.uri).toMatch(/imss-doe-2022\.7\.1\.1-ueod\.estructura$/);
        for (const box of chartBoxes(doe)) {
            for (const child of box.children) expect(child.number?.startsWith(`${box.number}.`), `${child.number} under ${box.number}`).toBe(true);
        }
    });

    it('points each box at the line of its unit id', () => {
        const ueod = [...chartBoxes(doe)].find(box => box.id === 'IMSS.UEOD')!;
        const lines = ws.docs[UEOD_PART].textDocument.getText().split('\n');
        expect(lines[ueod.line].substring(ueod.character)).toMatch(/^UEOD "/);
    });

    it('never shows a homólogo de autorización específica, not even declared titular (Norma 5.48)', async () => {
        const small = await buildWorkspace({
            'a.estructura': `manual M "Manual" { institución X vigencia 2024-01-01 }
unidad D "Dirección de Prueba" {
    número 1
    puesto PHAE "Jefe de División (homólogo)" { clase homólogo de autorización específica titular }
    unidad C "Coordinación de Prueba" {
        número 1.1
        puesto TC "Titular de la Coordinación de Prueba" { clase mando titular }
    }
}`
        });
        const chart = new ChartBuilder(Object.values(small.docs)).manualChart(small.docs['a.estructura'].parseResult.value);
        const [d] = chart.roots;
        expect(d.titular).toBeUndefined();
        expect(d.children[0].titular).toBe('Titular de la Coordinación de Prueba');
        const svg = await renderChartSvg(chart);
        expect(svg).not.toContain('homólogo');
        expect(boxCount(svg)).toBe(2);
    });

    it('a unit chart is that unit subtree; collapsed boxes hide and count their units', async () => {
        const ueodUnit = unitsOf(ws, UEOD_PART).find(unit => unit.name === 'UEOD')!;
        const chart = builder.unitChart(ueodUnit);
        const size = [...chartBoxes(chart)].length;
        expect(size).toBe(unitsOf(ws, UEOD_PART).length);
        const open = await layoutChart(chart);
        expect(open.boxes).toHaveLength(size);
        const folded = await layoutChart(chart, { collapsed: ['IMSS.UEOD'] });
        expect(folded.boxes).toHaveLength(1);
        expect(folded.boxes[0]).toMatchObject({ collapsed: true, descendants: size - 1 });
        expect(folded.unitCount).toBe(size);
    });

    it('lays out without overlaps, edges from each unit to each child', async () => {
        const layout = await layoutChart(doe);
        expect(layout.boxes).toHaveLength(57);
        expect(layout.edges).toHaveLength(56);
        const sorted = [...layout.boxes].sort((a, b) => a.y - b.y || a.x - b.x);
        for (let i = 0; i < sorted.length; i++) {
            for (let j = i + 1; j < sorted.length; j++) {
                const [a, b] = [sorted[i], sorted[j]];
                const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
                expect(overlap, `${a.box.id} overlaps ${b.box.id}`).toBe(false);
            }
        }
        const byId = new Map(layout.boxes.map(box => [box.box.id, box]));
        // Siblings read in the manual's order: down a column, or left to right along a row, row after row.
        for (const box of chartBoxes(doe)) {
            const order = box.children.map(child => child.id);
            const read = [...order].sort((a, b) => byId.get(a)!.y - byId.get(b)!.y || byId.get(a)!.x - byId.get(b)!.x);
            expect(read, `children of ${box.number}`).toEqual(order);
        }
        for (const edge of layout.edges) {
            const [from, to] = [byId.get(edge.from)!, byId.get(edge.to)!];
            expect(to.y).toBeGreaterThan(from.y);
            // From the bottom of the unit's box, in horizontal and vertical steps, to the top or the left side of the child's.
            const [start, end] = [edge.points[0], edge.points.at(-1)!];
            expect(start.y).toBeCloseTo(from.y + from.height, 0);
            expect(start.x).toBeGreaterThanOrEqual(from.x);
            expect(start.x).toBeLessThanOrEqual(from.x + from.width);
            const onTop = Math.abs(end.y - to.y) < 0.5 && end.x >= to.x && end.x <= to.x + to.width;
            const onLeft = Math.abs(end.x - to.x) < 0.5 && end.y >= to.y && end.y <= to.y + to.height;
            expect(onTop || onLeft, `${edge.from} → ${edge.to} ends at ${JSON.stringify(end)}`).toBe(true);
            for (let i = 1; i < edge.points.length; i++) {
                const [a, b] = [edge.points[i - 1], edge.points[i]];
                expect(a.x === b.x || a.y === b.y, `${edge.from} → ${edge.to}: step ${i}`).toBe(true);
            }
        }
    });

    it('lays the DOE out compactly: leaves stacked under their unit, rows wrapped, about as tall as wide', async () => {
        const layout = await layoutChart(doe);
        // With ELK's layers it was 7,360 × 556 px (an unreadable strip once fitted).
        expect(layout.width).toBeLessThanOrEqual(MAX_ROW_WIDTH + 100);
        expect(layout.height / layout.width).toBeGreaterThan(0.5);
        const byId = new Map(layout.boxes.map(box => [box.box.id, box]));
        // The two divisions of 7.1.1.1, which have no units below them, in a column under it.
        const parent = byId.get('IMSS.CECM')!;
        const column = [...chartBoxes(doe)].find(box => box.id === 'IMSS.CECM')!.children.map(child => byId.get(child.id)!);
        expect(column).toHaveLength(2);
        for (const leaf of column) expect(leaf.x).toBeGreaterThan(parent.x);
        expect(new Set(column.map(leaf => leaf.x)).size).toBe(1);
        expect(column[1].y).toBeGreaterThan(column[0].y + column[0].height);
        // A narrower row width gives a narrower chart.
        expect((await layoutChart(doe, { maxRowWidth: 900 })).width).toBeLessThan(1000);
    });

    it('orders separate trees and siblings by number, 10 after 9, units without a number last', async () => {
        const issste = builder.manualChart(ws.docs['manuales/issste-2018/issste-2018.1-sg.estructura'].parseResult.value);
        expect(issste.roots.map(root => root.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10.1']);
        for (const box of chartBoxes(issste)) {
            const numbers = box.children.map(child => child.number);
            expect(numbers, `children of ${box.number}`).toEqual([...numbers].sort(compareUnitNumbers));
        }
        expect(['1.0.2.10', '1.0.2.9', undefined, '1.0.2', '10', '9.1', '2'].sort(compareUnitNumbers))
            .toEqual(['1.0.2', '1.0.2.9', '1.0.2.10', '2', '9.1', '10', undefined]);
        // The trees read in that order: row by row, left to right.
        const layout = await layoutChart(issste, { collapsed: defaultCollapsed(issste) });
        const at = new Map(layout.boxes.map(box => [box.box.id, box]));
        const roots = issste.roots.map(root => at.get(root.id)!);
        const read = [...roots].sort((a, b) => a.y - b.y || a.x - b.x);
        expect(read.map(box => box.box.number)).toEqual(issste.roots.map(root => root.number));
        expect(layout.width).toBeLessThanOrEqual(MAX_ROW_WIDTH + 100);
        const small = await buildWorkspace({
            'n.estructura': `manual M "Manual" { institución X }
unidad Z "Sin número" { }
unidad B "Segunda" { número 10 }
unidad A "Primera" { número 9 unidad A2 "A dos" { número 9.10 } unidad A1 "A uno" { número 9.9 } }`
        });
        const numbered = new ChartBuilder(Object.values(small.docs)).manualChart(small.docs['n.estructura'].parseResult.value);
        expect(numbered.roots.map(root => root.name)).toEqual(['Primera', 'Segunda', 'Sin número']);
        expect(numbered.roots[0].children.map(child => child.number)).toEqual(['9.9', '9.10']);
    });

    it('opens a big chart readable: the first two levels, then whole levels while 60 boxes fit', async () => {
        const issste = builder.manualChart(ws.docs['manuales/issste-2018/issste-2018.1-sg.estructura'].parseResult.value);
        const total = [...chartBoxes(issste)].length;
        expect(total).toBe(553);
        const layout = await layoutChart(issste, { collapsed: defaultCollapsed(issste) });
        const firstTwoLevels = issste.roots.length + issste.roots.reduce((n, root) => n + root.children.length, 0);
        expect(layout.boxes).toHaveLength(firstTwoLevels);
        expect(layout.boxes.filter(box => box.collapsed).length).toBeGreaterThan(0);
        expect(layout.unitCount).toBe(553);
        // The DOE (57 units) opens whole.
        expect(defaultCollapsed(doe)).toEqual([]);
    });

    it('draws a workspace with errors: a repeated id, a cycle, a unit without a name', async () => {
        const broken = await buildWorkspace({
            'c.estructura': `manual M "Manual con errores" { institución X }
unidad D "Dirección" { número 1 unidad R "Repetida A" { número 1.1 } unidad R "Repetida B" { número 1.2 } }
unidad A "Ciclo A" { adscrita a B }
unidad B "Ciclo B" { adscrita a A }
unidad S "" { adscrita a D }
unidad`
        });
        const chart = new ChartBuilder(Object.values(broken.docs)).manualChart(broken.docs['c.estructura'].parseResult.value);
        const names = [...chartBoxes(chart)].map(box => box.name).sort();
        // A unit whose name is empty shows its id; one without either, a placeholder.
        expect(names).toEqual(['(unidad sin nombre)', 'Ciclo A', 'Ciclo B', 'Dirección', 'Repetida A', 'Repetida B', 'S'].sort());
        const layout = await layoutChart(chart);
        expect(layout.boxes).toHaveLength(names.length);
        expect((await renderChartSvg(chart)).match(/<g class="caja"/g)).toHaveLength(names.length);
    });

    it('draws any mutation of a manual part: no exception, one box per unit of the chart (fuzz, seed 7)', async () => {
        const files = exampleFiles();
        const main = files[DOE_MAIN];
        const part = files[UEOD_PART];
        const rng = new Rng(7);
        for (let i = 0; i < 40; i++) {
            const { op, text } = mutate(part, rng);
            const mutated = await buildWorkspace({ [DOE_MAIN]: main, [UEOD_PART]: text });
            const what = `mutation ${i} (${op})`;
            const chart = new ChartBuilder(Object.values(mutated.docs)).manualChart(mutated.docs[DOE_MAIN].parseResult.value);
            const units = [...chartBoxes(chart)].length;
            const layout = await layoutChart(chart, { collapsed: defaultCollapsed(chart) });
            expect(layout.unitCount, what).toBe(units);
            const svg = await renderChartSvg(chart);
            expect(boxCount(svg), what).toBe(units);
        }
    }, 120_000);

    it('prints a big chart on legible pages: its top levels, then a page per subtree; every unit drawn open once', async () => {
        const issste = builder.manualChart(ws.docs['manuales/issste-2018/issste-2018.estructura'].parseResult.value);
        const pages = await chartPageSvgs(issste);
        expect(pages.length).toBeGreaterThan(10);
        const drawnOpen = new Set<string>();
        const scales: number[] = [];
        for (const page of pages) {
            const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(page)!.map(Number);
            expect(width).toBeLessThanOrEqual(PRINT_ROW_WIDTH + 100);
            scales.push(printScale(width, height));
            // A box drawn without «+N» below it shows its subordinates on this page.
            for (const chunk of page.split('<g class="caja" ').slice(1)) {
                if (!chunk.includes('class="ocultas"')) drawnOpen.add(/data-id="([^"]+)"/.exec(chunk)![1]);
            }
        }
        // Each page prints its 12 px names at 9 px or more.
        expect(Math.min(...scales)).toBeGreaterThanOrEqual(0.75);
        for (const box of chartBoxes(issste)) expect(drawnOpen.has(box.id), box.id).toBe(true);
        // The DOE's seven stated charts: the whole direction (57 units) on 7 pages, its top levels
        // then one per unit below it; the other six, one unit each, on a page each.
        const counts = await Promise.all(builder.statedCharts(ws.docs[DOE_MAIN].parseResult.value).map(async chart => (await chartPageSvgs(chart)).length));
        expect(counts).toEqual([7, 1, 1, 1, 1, 1, 1]);
    });

    it('writes an SVG with one box per unit, the vigencia, and escaped text', async () => {
        const svg = await renderChartSvg(doe);
        expect(boxCount(svg)).toBe(57);
        expect(svg).toContain('Vigencia: 2022-10-01');
        expect(svg).toContain('data-id="IMSS.UEOD"');
        expect(svg).not.toMatch(/<style|<script|href=/);
        const amp = await buildWorkspace({ 'b.estructura': 'manual M "Manual" { institución X }\nunidad D "Dirección de Finanzas & <Control>" { número 1 }' });
        const ampSvg = await renderChartSvg(new ChartBuilder(Object.values(amp.docs)).manualChart(amp.docs['b.estructura'].parseResult.value));
        expect(ampSvg).toContain('Finanzas &amp; &lt;Control&gt;');
    });
});
