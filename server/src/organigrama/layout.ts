// Lays a chart out compactly, the way printed organigramas are drawn: each unit above its
// subordinate units; a unit whose subordinates have none of their own stacks them in a column under
// it (a vertical line at its left, a short tie to each box); other subordinates stand side by side,
// joined by a bus, and a row wider than `maxRowWidth` wraps to further rows fed by a trunk at its
// left. Separate trees stand side by side in number order and wrap the same way. Collapsed boxes
// hide their subtree and show how many units it holds.
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
    /** An orthogonal polyline from the parent's box to the child's (its top, or its left side in a column). */
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
    /** The widest a row of sibling subtrees (or of separate trees) grows before it wraps, in px. */
    maxRowWidth?: number;
}

export const BOX_WIDTH = 200;
export const LINE_HEIGHT = 15;
/** Rows wrap past this width: about seven boxes, legible when fitted to a 1400 px wide view. */
export const MAX_ROW_WIDTH = 1600;
const PADDING = 8;
/** Characters per line of a name at the box width (12 px bold sans-serif averages ~6.8 px a character). */
const NAME_CHARS = 26;
const MARGIN = 16;
/** Between sibling subtrees of a row, and between separate trees. */
const SIBLING_GAP = 20;
const TREE_GAP = 40;
/** From a unit's box to the row of its subordinates (the bus runs halfway). */
const LEVEL_GAP = 36;
/** Between wrapped rows (their bus runs halfway). */
const ROW_GAP = 36;
/** Wrapped rows stand this far right of their parent's left, the trunk halfway. */
const TRUNK_INSET = 24;
/** A column: its line this far right of the parent's left, its boxes further right, this far apart. */
const SPINE = 12;
const COLUMN_INSET = 28;
const COLUMN_GAP = 10;
/** A column taller than this (about seven boxes) splits into several. */
const MAX_COLUMN_HEIGHT = 520;
/** Room under a collapsed box for its toggle and its «+N». */
const COLLAPSED_EXTRA = 18;

interface Node {
    laid: LaidBox;
    key: string;
    children: Node[];
}

/** A laid-out subtree: its size, where its top box's centre is, and how to put it somewhere. */
interface Block {
    width: number;
    height: number;
    /** The x of the top box's centre from the block's left. */
    center: number;
    place(x: number, y: number): void;
}

type Point = { x: number; y: number };

/** The state of one layout: its options, the boxes laid so far and the lines between them. */
interface Layout {
    collapsed: Set<string>;
    maxRowWidth: number;
    boxes: Map<string, LaidBox>;
    edges: LaidEdge[];
    unitCount: number;
}

export async function layoutChart(chart: Chart, options: LayoutOptions = {}): Promise<ChartLayout> {
    const layout: Layout = {
        collapsed: new Set(options.collapsed ?? []),
        maxRowWidth: Math.max(BOX_WIDTH, options.maxRowWidth ?? MAX_ROW_WIDTH),
        boxes: new Map(),
        edges: [],
        unitCount: 0
    };
    const roots = chart.roots.map(root => visit(layout, root));
    layout.unitCount += [...layout.boxes.values()].filter(b => b.collapsed).reduce((sum, b) => sum + b.descendants, 0);

    // Separate trees side by side, wrapped like a row.
    const trees = roots.map(root => block(layout, root));
    const rows = wrapRows(trees.map(t => t.width), layout.maxRowWidth, TREE_GAP);
    let y = MARGIN;
    let width = 0;
    for (const row of rows) {
        let x = MARGIN;
        for (const i of row) {
            trees[i].place(x, y);
            x += trees[i].width + TREE_GAP;
        }
        width = Math.max(width, x - TREE_GAP);
        y += Math.max(...row.map(i => trees[i].height)) + TREE_GAP;
    }
    const { roots: _roots, ...meta } = chart;
    return {
        chart: meta,
        width: Math.ceil(width + MARGIN),
        height: Math.ceil(rows.length > 0 ? y - TREE_GAP + MARGIN : 2 * MARGIN),
        boxes: [...layout.boxes.values()],
        edges: layout.edges,
        unitCount: layout.unitCount
    };
}

/** A box and its open subtree as nodes, their boxes sized (not yet placed); a collapsed box counts what it hides. */
function visit(layout: Layout, box: ChartBox): Node {
    layout.unitCount++;
    const { boxes } = layout;
    const { children, ...data } = box;
    const nameLines = wrap(box.name, NAME_CHARS);
    const extraLines = 1 + (box.titular ? wrap(box.titular, NAME_CHARS + 2).length : 0) + (box.plazas ? wrap(box.plazas, NAME_CHARS + 2).length : 0);
    const laid: LaidBox = {
        box: data, x: 0, y: 0, width: BOX_WIDTH,
        height: PADDING * 2 + LINE_HEIGHT * (nameLines.length + extraLines),
        nameLines, descendants: 0, collapsed: layout.collapsed.has(box.id) && children.length > 0
    };
    // A half-typed workspace may repeat an id (estructura-id-duplicado): keys stay unique.
    const key = boxes.has(box.id) ? `${box.id}#${boxes.size}` : box.id;
    boxes.set(key, laid);
    const node: Node = { laid, key, children: [] };
    let below = 0;
    for (const child of children) {
        if (laid.collapsed) below += 1 + countBelow(child);
        else {
            const childNode = visit(layout, child);
            node.children.push(childNode);
            below += 1 + childNode.laid.descendants;
        }
    }
    laid.descendants = below;
    return node;
}

function edge(layout: Layout, from: Node, to: Node, points: Point[]): void {
    layout.edges.push({ from: from.laid.box.id, to: to.laid.box.id, points: simplify(points) });
}

function block(layout: Layout, node: Node): Block {
    if (node.children.length === 0) return leafBlock(node);
    if (node.children.every(child => child.children.length === 0)) return columnBlock(layout, node);
    return rowBlock(layout, node);
}

function leafBlock(node: Node): Block {
    const { laid } = node;
    return {
        width: laid.width, height: laid.height + (laid.collapsed ? COLLAPSED_EXTRA : 0), center: laid.width / 2,
        place: (x, y) => { laid.x = x; laid.y = y; }
    };
}

/**
 * Subordinates without subordinates of their own, in a column under the unit; a column taller
 * than MAX_COLUMN_HEIGHT splits into several side by side, their lines joined under the unit.
 */
function columnBlock(layout: Layout, node: Node): Block {
    const { laid } = node;
    const leaves = node.children.map(leafBlock);
    const total = leaves.reduce((sum, leaf) => sum + leaf.height + COLUMN_GAP, 0);
    const count = Math.min(leaves.length, Math.max(1, Math.ceil(total / MAX_COLUMN_HEIGHT)));
    const perColumn = Math.ceil(leaves.length / count);
    const leafWidth = Math.max(...leaves.map(b => b.width));
    const columnWidth = COLUMN_INSET + leafWidth;
    const spots: Array<{ column: number; top: number }> = [];
    let height = laid.height;
    for (let column = 0; column * perColumn < leaves.length; column++) {
        let top = laid.height + COLUMN_GAP + 4;
        for (const leaf of leaves.slice(column * perColumn, (column + 1) * perColumn)) {
            spots.push({ column, top });
            top += leaf.height + COLUMN_GAP;
        }
        height = Math.max(height, top - COLUMN_GAP);
    }
    const columns = spots.at(-1)!.column + 1;
    const width = Math.max(laid.width, columns * columnWidth + (columns - 1) * SIBLING_GAP);
    return {
        width, height, center: laid.width / 2,
        place: (x, y) => {
            laid.x = x;
            laid.y = y;
            const bottom = y + laid.height;
            // Further columns hang from a line just under the unit.
            const bus = bottom + (COLUMN_GAP + 4) / 2;
            node.children.forEach((child, i) => {
                const { column, top } = spots[i];
                const left = x + column * (columnWidth + SIBLING_GAP);
                leaves[i].place(left + COLUMN_INSET, y + top);
                const middle = child.laid.y + child.laid.height / 2;
                const spine = left + SPINE;
                const path: Point[] = [{ x: x + SPINE, y: bottom }];
                if (column > 0) path.push({ x: x + SPINE, y: bus }, { x: spine, y: bus });
                path.push({ x: spine, y: middle }, { x: child.laid.x, y: middle });
                edge(layout, node, child, path);
            });
        }
    };
}

/** Subordinate subtrees side by side under the unit, wrapped to rows of at most maxRowWidth. */
function rowBlock(layout: Layout, node: Node): Block {
    const { laid } = node;
    const blocks = node.children.map(child => block(layout, child));
    const rows = wrapRows(blocks.map(b => b.width), layout.maxRowWidth, SIBLING_GAP);
    const { offsets, rowsWidth } = rowOffsets(rows, blocks);
    // The unit stands over the middle of its first row.
    const first = rows[0];
    const middle = (offsets[first[0]] + blocks[first[0]].center + offsets[first.at(-1)!] + blocks[first.at(-1)!].center) / 2;
    const shift = Math.max(0, laid.width / 2 - middle);
    const center = middle + shift;
    const width = Math.max(rowsWidth + shift, center + laid.width / 2);
    const rowHeights = rows.map(row => Math.max(...row.map(i => blocks[i].height)));
    const height = laid.height + LEVEL_GAP + rowHeights.reduce((a, b) => a + b, 0) + ROW_GAP * (rows.length - 1);
    return {
        width, height, center,
        place: (x, y) => {
            laid.x = x + center - laid.width / 2;
            laid.y = y;
            const top = { x: x + center, y: y + laid.height };
            const bus = top.y + LEVEL_GAP / 2;
            const trunk = x + shift + TRUNK_INSET / 2;
            let rowTop = y + laid.height + LEVEL_GAP;
            rows.forEach((row, r) => {
                const rowBus = rowTop - (r === 0 ? LEVEL_GAP : ROW_GAP) / 2;
                for (const i of row) {
                    blocks[i].place(x + shift + offsets[i], rowTop);
                    const child = node.children[i];
                    const childTop = { x: child.laid.x + child.laid.width / 2, y: child.laid.y };
                    const path: Point[] = [top, { x: top.x, y: bus }];
                    if (r > 0) path.push({ x: trunk, y: bus }, { x: trunk, y: rowBus });
                    path.push({ x: childTop.x, y: rowBus }, childTop);
                    edge(layout, node, child, path);
                }
                rowTop += rowHeights[r] + ROW_GAP;
            });
        }
    };
}

/** Each block's x in its row (rows after the first leave room for the trunk), and the widest row. */
function rowOffsets(rows: number[][], blocks: Block[]): { offsets: number[]; rowsWidth: number } {
    const inset = rows.length > 1 ? TRUNK_INSET : 0;
    const offsets = blocks.map(() => 0);
    let rowsWidth = 0;
    for (const row of rows) {
        let x = inset;
        for (const i of row) { offsets[i] = x; x += blocks[i].width + SIBLING_GAP; }
        rowsWidth = Math.max(rowsWidth, x - SIBLING_GAP);
    }
    return { offsets, rowsWidth };
}

/**
 * Splits items of the given widths, in order, into rows no wider than `max` (an item wider than
 * that stands alone), then evens the rows out: the narrowest width that needs no more rows.
 */
export function wrapRows(widths: readonly number[], max: number, gap: number): number[][] {
    const fill = (limit: number): number[][] => {
        const rows: number[][] = [];
        let row: number[] = [];
        let width = 0;
        widths.forEach((w, i) => {
            if (row.length > 0 && width + gap + w > limit) {
                rows.push(row);
                row = [];
                width = 0;
            }
            width += (row.length > 0 ? gap : 0) + w;
            row.push(i);
        });
        if (row.length > 0) rows.push(row);
        return rows;
    };
    const rows = fill(max);
    if (rows.length <= 1) return rows;
    let low = Math.max(...widths);
    let high = max;
    while (high - low > 1) {
        const mid = (low + high) / 2;
        if (fill(mid).length <= rows.length) high = mid; else low = mid;
    }
    return fill(high);
}

/** Drops repeated points and the middle one of three in a line. */
function simplify(points: Point[]): Point[] {
    const out: Point[] = [];
    for (const p of points) {
        const last = out.at(-1);
        if (last && last.x === p.x && last.y === p.y) continue;
        const before = out.at(-2);
        if (last && before && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out.pop();
        out.push(p);
    }
    return out;
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
