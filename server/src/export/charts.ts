// The organigramas of an exported document: the same drawing as the editor's view, every subtree
// open, without the view's interactive parts (the +/− toggles and keyboard focus), which mean
// nothing on paper or in a file. Rows of boxes wrap at a page's width; for the printable HTML, a
// chart too big for one legible page is split: its top levels first, then one page per subtree.
import { chartSvg, layoutChart, type Chart } from '../organigrama/index.js';

/** Rows wrap here: a landscape letter page (24.9 cm, 942 CSS px) prints the names at 10 px or more. */
export const PRINT_ROW_WIDTH = 1100;
/** The printable area of a letter page in CSS px, with the HTML's margins (less room for a caption). */
const PORTRAIT = { width: 680, height: 850 };
const LANDSCAPE = { width: 942, height: 650 };
/** A page prints the chart at least this scaled: 12 px names at 9 px (about 7 pt) or more. */
const MIN_PRINT_SCALE = 0.75;

export function staticChartSvg(chart: Chart): Promise<string> {
    return drawn(chart, []);
}

/** Whether a chart of this size prints larger on a landscape page than on a portrait one. */
export function printsLandscape(width: number, height: number): boolean {
    return fitScale(LANDSCAPE, width, height) > fitScale(PORTRAIT, width, height);
}

/** The scale a chart of this size prints at on the better of the two orientations (at most 1). */
export function printScale(width: number, height: number): number {
    return Math.min(1, Math.max(fitScale(PORTRAIT, width, height), fitScale(LANDSCAPE, width, height)));
}

/**
 * The chart as pages that each print legibly: the whole chart when it does; else its roots and
 * their subordinates (deeper units folded, with their count), then each of those subordinates'
 * subtrees as a chart of its own, split again if still too big.
 */
export async function chartPageSvgs(chart: Chart): Promise<string[]> {
    const whole = await layoutChart(chart, { maxRowWidth: PRINT_ROW_WIDTH });
    const deep = chart.roots.some(root => root.children.some(child => child.children.length > 0));
    if (printScale(whole.width, whole.height + 44) >= MIN_PRINT_SCALE || !deep) return [chartSvg(whole, { interactive: false })];
    const folded = chart.roots.flatMap(root => root.children.filter(child => child.children.length > 0));
    const pages = [await drawn(chart, folded.map(box => box.id))];
    for (const box of folded) {
        // Headed by the subtree's unit; the institution and vigencia stay in the subtitle.
        pages.push(...await chartPageSvgs({ ...chart, title: [box.number, box.name].filter(Boolean).join(' '), roots: [box] }));
    }
    return pages;
}

async function drawn(chart: Chart, collapsed: string[]): Promise<string> {
    return chartSvg(await layoutChart(chart, { collapsed, maxRowWidth: PRINT_ROW_WIDTH }), { interactive: false });
}

function fitScale(page: { width: number; height: number }, width: number, height: number): number {
    return Math.min(page.width / width, page.height / height);
}
