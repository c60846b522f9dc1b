// The organigramas of an exported document: the same drawing as the editor's view, every subtree
// open, without the view's interactive parts (the +/− toggles and keyboard focus), which mean
// nothing on paper or in a file.
import { renderChartSvg, type Chart } from '../organigrama/index.js';

export async function staticChartSvg(chart: Chart): Promise<string> {
    return staticSvg(await renderChartSvg(chart));
}

/** Removes the toggle buttons (a `<g class="alternar">` holds no nested group) and tab stops. */
export function staticSvg(svg: string): string {
    return svg.replace(/<g class="alternar"[^>]*>[\s\S]*?<\/g>/g, '').replace(/ tabindex="0"/g, '');
}
