// Lays a chart out with ELK (layered, top-down, orthogonal edges), the way printed organigramas
// are drawn. Collapsed boxes hide their subtree and show how many units it holds.
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { chartBoxes, type Chart, type ChartBox } from './chart.js';

export interface LaidBox {
    box: Omit<ChartBox, 'children'>;
    x: number;
    y: number;
    width: number;
    height: number;
    /** The name wrapped to the box width. */
    nameLines: string[];
    /** Units below this one (0 for a leaf). */
    descendants: number;
    collapsed: boolean;
}

export interface LaidEdge {
    from: string;
    to: string;
    points: Array<{ x: number; y: number }>;
}

export interface ChartLayout {
    chart: Omit<Chart, 'roots'>;
    width: number;
    height: number;
    boxes: LaidBox[];
    edges: LaidEdge[];
    /** Units in the chart, drawn or hidden under a collapsed box. */
    unitCount: number;
}

export interface LayoutOptions {
    /** Ids of boxes whose subtree is hidden. */
    collapsed?: Iterable<string>;
}

export const BOX_WIDTH = 200;
export const LINE_HEIGHT = 15;
const PADDING = 8;
/** Characters per line of a name at the box width (12 px sans-serif averages ~6.3 px a character). */
const NAME_CHARS = 28;

let elk: Promise<ELK> | undefined;

/**
 * ELK, loaded on first use: compiling and evaluating its 1.4 MB takes ~85 ms, which the server's
 * start and a `revisar` run that draws no chart must not pay (the bundles keep it in `out/elk.cjs`).
 */
function elkInstance(): Promise<ELK> {
    elk ??= import('elkjs/lib/elk.bundled.js').then(module => {
        // The CommonJS constructor arrives as `default` (or `default.default`) depending on the loader.
        const exported = module.default as unknown as { default?: unknown };
        const Constructor = (exported.default ?? exported) as new () => ELK;
        return new Constructor();
    });
    return elk;
}

export async function layoutChart(chart: Chart, options: LayoutOptions = {}): Promise<ChartLayout> {
    const collapsed = new Set(options.collapsed ?? []);
    const boxes = new Map<string, LaidBox>();
    const nodes: ElkNode[] = [];
    const edges: ElkExtendedEdge[] = [];
    let unitCount = 0;
    const visit = (box: ChartBox, parent?: string): number => {
        unitCount++;
        const { children, ...data } = box;
        const nameLines = wrap(box.name, NAME_CHARS);
        const extraLines = 1 + (box.titular ? wrap(box.titular, NAME_CHARS + 2).length : 0);
        const laid: LaidBox = {
            box: data, x: 0, y: 0, width: BOX_WIDTH,
            height: PADDING * 2 + LINE_HEIGHT * (nameLines.length + extraLines),
            nameLines, descendants: 0, collapsed: collapsed.has(box.id) && children.length > 0
        };
        // A half-typed workspace may repeat an id (estructura-id-duplicado): ELK needs unique ones.
        const key = boxes.has(box.id) ? `${box.id}#${boxes.size}` : box.id;
        boxes.set(key, laid);
        nodes.push({ id: key, width: laid.width, height: laid.height });
        if (parent) edges.push({ id: `${parent}->${key}`, sources: [parent], targets: [key] });
        let below = 0;
        for (const child of children) {
            if (laid.collapsed) below += 1 + countBelow(child);
            else below += 1 + visit(child, key);
        }
        laid.descendants = below;
        return below;
    };
    for (const root of chart.roots) visit(root);
    unitCount += [...boxes.values()].filter(b => b.collapsed).reduce((sum, b) => sum + b.descendants, 0);

    const input: ElkNode = {
        id: 'organigrama',
        layoutOptions: {
            'elk.algorithm': 'layered',
            'elk.direction': 'DOWN',
            'elk.edgeRouting': 'ORTHOGONAL',
            'elk.spacing.nodeNode': '16',
            'elk.layered.spacing.nodeNodeBetweenLayers': '36',
            'elk.layered.spacing.edgeNodeBetweenLayers': '14',
            'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
            'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
            // One bus from the bottom of each unit to its children, as organigramas are drawn.
            'elk.layered.mergeEdges': 'true',
            // Siblings keep the manual's order (its numbering). A tree has no crossings to
            // minimize: the sweeps only cost time (the ISSSTE DA, 163 units, lays out ~1.7x faster).
            'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
            'elk.layered.crossingMinimization.strategy': 'NONE',
            'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
            'elk.separateConnectedComponents': 'true',
            'elk.padding': '[top=16,left=16,bottom=16,right=16]'
        },
        children: nodes,
        edges
    };
    const graph: ElkNode = await (await elkInstance()).layout(input);
    for (const node of graph.children ?? []) {
        const laid = boxes.get(node.id)!;
        laid.x = node.x ?? 0;
        laid.y = node.y ?? 0;
    }
    const laidEdges: LaidEdge[] = (graph.edges ?? []).map(edge => {
        const section = edge.sections?.[0];
        const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
        return { from: boxes.get(edge.sources[0])!.box.id, to: boxes.get(edge.targets[0])!.box.id, points };
    });
    const { roots: _roots, ...meta } = chart;
    return {
        chart: meta,
        width: Math.ceil(graph.width ?? 0),
        height: Math.ceil(graph.height ?? 0),
        boxes: [...boxes.values()],
        edges: laidEdges,
        unitCount
    };
}

function countBelow(box: ChartBox): number {
    let count = 0;
    for (const _ of chartBoxes({ title: '', institution: '', roots: box.children })) count++;
    return count;
}

/**
 * The ids to collapse so that a big chart opens readable: the first two levels always show, deeper
 * levels open whole while the boxes stay within `limit`; each subtree expands on demand.
 */
export function defaultCollapsed(chart: Chart, limit = 60): string[] {
    const levels: ChartBox[][] = [];
    const stack: Array<[ChartBox, number]> = chart.roots.map(root => [root, 0]);
    while (stack.length > 0) {
        const [box, depth] = stack.pop()!;
        (levels[depth] ??= []).push(box);
        for (const child of box.children) stack.push([child, depth + 1]);
    }
    let shown = 0;
    for (let depth = 0; depth < levels.length; depth++) {
        shown += levels[depth].length;
        const next = levels[depth + 1]?.length ?? 0;
        if (depth > 0 && shown + next > limit) {
            return levels[depth].filter(box => box.children.length > 0).map(box => box.id);
        }
    }
    return [];
}

/** Breaks text into lines of at most `width` characters at spaces (a longer word stands alone). */
export function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        } else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
}
