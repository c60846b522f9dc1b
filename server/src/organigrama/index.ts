// The organigrama: chart model, layout and SVG, shared by the webview, the CLI export and tests.
import type { Chart } from './chart.js';
import { layoutChart, type LayoutOptions } from './layout.js';
import { chartSvg, type SvgOptions } from './svg.js';

export { ChartBuilder, chartBoxes, chartBoxId, compareUnitNumbers, type Chart, type ChartBox } from './chart.js';
export { defaultCollapsed, layoutChart, MAX_ROW_WIDTH, type ChartLayout, type LaidBox, type LayoutOptions } from './layout.js';
export { chartSvg, type SvgOptions } from './svg.js';

/** Lays out and draws a chart; every subtree open unless `collapsed` says otherwise. */
export async function renderChartSvg(chart: Chart, options: LayoutOptions & SvgOptions = {}): Promise<string> {
    return chartSvg(await layoutChart(chart, options), options);
}
