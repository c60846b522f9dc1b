// The `estructura/organigrama` request: the chart of the manual (or of the unit under the cursor)
// drawn as SVG by the server, so the webview stays a thin viewer and the CLI export draws the same.
import { AstUtils, CstUtils, DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { EstructuraServices } from '../language/estructura-module.js';
import { isUnidad, type Unidad } from '../language/generated/ast.js';
import { ChartBuilder, chartBoxes, chartBoxId, chartSvg, defaultCollapsed, layoutChart, type Chart, type ChartBox } from '../organigrama/index.js';
import { ORGANIGRAMA_REQUEST, type OrganigramaParams, type OrganigramaResponse } from '../protocol.js';

export function registerOrganigramaRequest(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(ORGANIGRAMA_REQUEST, (params: OrganigramaParams, token: CancellationToken) =>
        organigrama(shared, params, token));
}

/**
 * Answers the request: the chart, or a message in Spanish when there is none (a file the server does
 * not have, a file without units). A cancellation rejects with RequestCancelled (-32800).
 */
export async function organigrama(shared: LangiumSharedServices, params: OrganigramaParams, token?: CancellationToken): Promise<OrganigramaResponse> {
    try {
        return await chart(shared, params, token);
    } catch (error) {
        if (isOperationCancelled(error)) throw cancelled();
        throw error;
    }
}

function cancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'El organigrama se canceló.');
}

function checkCancelled(token: CancellationToken | undefined): void {
    if (token?.isCancellationRequested) throw cancelled();
}

async function chart(shared: LangiumSharedServices, params: OrganigramaParams, token?: CancellationToken): Promise<OrganigramaResponse> {
    await shared.workspace.WorkspaceManager.ready;
    const uri = URI.parse(params.uri);
    const builder = shared.workspace.DocumentBuilder;
    // The chart reflects the text as typed: wait for the build of the latest edit. A document the
    // server does not have (yet: an editor opened it just before, and the build that adds it is
    // queued) has no build to wait for: the workspace's is awaited, and the lock below decides.
    if (shared.workspace.LangiumDocuments.hasDocument(uri)) await builder.waitUntil(DocumentState.Linked, uri, token);
    else await builder.waitUntil(DocumentState.Linked, token);
    checkCancelled(token);
    // Behind the workspace lock, like Langium's own requests: an edit or close sent before this
    // request is built first.
    const response = await shared.workspace.WorkspaceLock.read(() => drawChart(shared, uri, params));
    checkCancelled(token);
    return response;
}

async function drawChart(shared: LangiumSharedServices, uri: URI, params: OrganigramaParams): Promise<OrganigramaResponse> {
    const documents = shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(uri)) return { error: `El archivo ${uri.fsPath} no está en el espacio de trabajo.` };
    const document = documents.getDocument(uri)!;
    const structure = params.plazas === true ? (shared.ServiceRegistry.getServices(uri) as EstructuraServices).structure.StructureIndex.snapshot : undefined;
    const builder = new ChartBuilder(documents.all.filter(d => d.state >= DocumentState.Linked), { plazas: structure });
    const chart = chartFor(builder, document, params);
    if (!chart) return { error: 'Este archivo no describe unidades: no hay organigrama que mostrar.' };
    let collapsed = params.collapsed ?? defaultCollapsed(chart);
    const focusDocument = params.focus && documents.getDocument(URI.parse(params.focus.uri));
    const focusUnit = focusDocument && unitAt(focusDocument, params.focus!);
    const focusId = focusUnit ? chartBoxId(focusUnit) : undefined;
    const path = focusId ? pathTo(chart, focusId) : undefined;
    // The unit to centre on shows: nothing above it stays collapsed.
    if (path) collapsed = collapsed.filter(id => !path.includes(id) || id === focusId);
    const layout = await layoutChart(chart, { collapsed, maxRowWidth: rowWidthFor(params.viewWidth) });
    const parents = [...chartBoxes(chart)].filter(box => box.children.length > 0).map(box => box.id);
    return {
        svg: chartSvg(layout),
        title: chart.title,
        institution: chart.institution,
        vigencia: chart.vigencia,
        unitCount: layout.unitCount,
        shownCount: layout.boxes.length,
        collapsed: layout.boxes.filter(box => box.collapsed).map(box => box.box.id),
        parents,
        key: chartKey(chart, params),
        focus: path ? focusId : undefined
    };
}

/** Fitted to a view this wide, text stays at least 0.8 of its size; rows between 900 and 2,400 px. */
function rowWidthFor(viewWidth: number | undefined): number | undefined {
    if (!viewWidth || !Number.isFinite(viewWidth) || viewWidth <= 0) return undefined;
    return Math.round(Math.min(2400, Math.max(900, viewWidth / 0.8)));
}

function chartKey(chart: Chart, params: OrganigramaParams): string {
    if (params.alcance === 'unidad' && chart.roots.length === 1 && params.position) return `unidad:${chart.roots[0].id}`;
    return `manual:${chart.institution}:${chart.manual ?? chart.title}`;
}

/** The ids from a root down to the box `id`, or undefined when the chart has no such box. */
function pathTo(chart: Chart, id: string): string[] | undefined {
    const search = (box: ChartBox, above: string[]): string[] | undefined => {
        const path = [...above, box.id];
        if (box.id === id) return path;
        for (const child of box.children) {
            const found = search(child, path);
            if (found) return found;
        }
        return undefined;
    };
    for (const root of chart.roots) {
        const found = search(root, []);
        if (found) return found;
    }
    return undefined;
}


function chartFor(builder: ChartBuilder, document: LangiumDocument, params: OrganigramaParams): Chart | undefined {
    if (params.alcance === 'unidad' && params.position) {
        const unit = unitAt(document, params.position);
        if (unit) return builder.unitChart(unit);
    }
    const root = document.parseResult.value;
    const chart = builder.manualChart(root);
    return chart.roots.length > 0 ? chart : undefined;
}

/** The innermost unit whose text contains the position. */
function unitAt(document: LangiumDocument, position: { line: number; character: number }): Unidad | undefined {
    const cst = document.parseResult.value.$cstNode;
    if (!cst) return undefined;
    const offset = document.textDocument.offsetAt(position);
    const leaf = CstUtils.findLeafNodeAtOffset(cst, offset) ?? CstUtils.findLeafNodeBeforeOffset(cst, offset);
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, isUnidad) : undefined;
}
