// The organigramas of an exported document: the same drawing as the editor's view, every subtree
// open, without the view's interactive parts (the +/− toggles and keyboard focus), which mean
// nothing on paper or in a file.
import { renderChartSvg, type Chart } from '../organigrama/index.js';

export function staticChartSvg(chart: Chart): Promise<string> {
    return renderChartSvg(chart, { interactive: false });
}
