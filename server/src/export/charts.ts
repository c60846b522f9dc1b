// The organigramas of an exported document: the same drawing as the editor's view, every subtree
// open, without the view's interactive parts (the +/− toggles and keyboard focus), which mean
// nothing on paper or in a file. Rows of boxes wrap at a page's width; for the printable HTML, a
// chart too big for one legible page is split: its top levels first, then one page per subtree.
import { chartSvg, layoutChart, type Chart, type ChartBox } from '../organigrama/index.js';

/** Rows wrap here: a landscape letter page (24.9 cm, 942 CSS px) prints the names at 10 px or more. */
export const PRINT_ROW_WIDTH = 1100;
/** The printable area of a letter page in CSS px, within the HTML's print margins (2 cm × 1.8 cm portrait, 1.5 cm landscape), less a little. */
const PORTRAIT = { width: 680, height: 860 };
const LANDSCAPE = { width: 942, height: 670 };
/** A page prints the chart at least this scaled: 12 px names at 9 px (about 7 pt) or more. */
const MIN_PRINT_SCALE = 0.75;
/** The title and subtitle above the boxes (svg.ts). */
const SVG_HEADER = 44;

export function staticChartSvg(chart: Chart): Promise<string> {
    return drawn(chart, []);
}

/** Whether a chart of this size prints larger on a landscape page than on a portrait one. */
export function printsLandscape(width: number, height: number): boolean {
    return Math.min(1, fitScale(LANDSCAPE, width, height)) > Math.min(1, fitScale(PORTRAIT, width, height));
}

/** The scale a chart of this size prints at on the better of the two orientations (at most 1). */
export function printScale(width: number, height: number): number {
    return Math.min(1, Math.max(fitScale(PORTRAIT, width, height), fitScale(LANDSCAPE, width, height)));
}

/**
 * The chart as pages that each print legibly: the whole chart when it does. Else, with several
 * trees: their top units, then each tree as a chart of its own; with one: its top unit and its
 * subordinates (deeper units folded, with their count), then each of those subordinates' subtrees
 * as a chart of its own, split again if still too big. A page that cannot split prints smaller.
 */
export async function chartPageSvgs(chart: Chart): Promise<string[]> {
    const whole = await layoutChart(chart, { maxRowWidth: PRINT_ROW_WIDTH });
    if (printScale(whole.width, whole.height + SVG_HEADER) >= MIN_PRINT_SCALE) return [chartSvg(whole, { interactive: false })];
    const subtree = (box: ChartBox): Chart => ({ ...chart, title: [box.number, box.name].filter(Boolean).join(' '), roots: [box] });
    if (chart.roots.length > 1) {
        const tops = chart.roots.filter(root => root.children.length > 0);
        const pages = [await drawn(chart, tops.map(root => root.id))];
        for (const root of tops) pages.push(...await chartPageSvgs(subtree(root)));
        return pages;
    }
    const folded = chart.roots.flatMap(root => root.children.filter(child => child.children.length > 0));
    if (folded.length === 0) return [chartSvg(whole, { interactive: false })];
    const pages = [await drawn(chart, folded.map(box => box.id))];
    // Headed by the subtree's unit; the institution and vigencia stay in the subtitle.
    for (const box of folded) pages.push(...await chartPageSvgs(subtree(box)));
    return pages;
}

async function drawn(chart: Chart, collapsed: string[]): Promise<string> {
    return chartSvg(await layoutChart(chart, { collapsed, maxRowWidth: PRINT_ROW_WIDTH }), { interactive: false });
}

function fitScale(page: { width: number; height: number }, width: number, height: number): number {
    return Math.min(page.width / width, page.height / height);
}
