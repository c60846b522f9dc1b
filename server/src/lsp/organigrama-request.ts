// The `estructura/organigrama` request: the chart of the manual (or of the unit under the cursor)
// drawn as SVG by the server, so the webview stays a thin viewer and the CLI export draws the same.
import { AstUtils, CstUtils, DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { isUnidad, type Unidad } from '../language/generated/ast.js';
import { ChartBuilder, chartBoxes, chartSvg, defaultCollapsed, layoutChart, type Chart } from '../organigrama/index.js';

export const ORGANIGRAMA_REQUEST = 'estructura/organigrama';

export interface OrganigramaParams {
    uri: string;
    /** The cursor; with `alcance: 'unidad'` the chart is the subtree of the unit around it. */
    position?: { line: number; character: number };
    alcance: 'manual' | 'unidad';
    /** Ids of collapsed boxes; absent: open as many levels as stay readable (about 60 boxes). */
    collapsed?: string[];
}

export interface OrganigramaResult {
    svg: string;
    title: string;
    institution: string;
    vigencia?: string;
    unitCount: number;
    shownCount: number;
    collapsed: string[];
    /** Ids of every box with units below it, for «expand all» / «collapse all». */
    parents: string[];
}

export type OrganigramaResponse = OrganigramaResult | { error: string };

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
    const builder = new ChartBuilder(documents.all.filter(d => d.state >= DocumentState.Linked));
    const chart = chartFor(builder, document, params);
    if (!chart) return { error: 'Este archivo no describe unidades: no hay organigrama que mostrar.' };
    const collapsed = params.collapsed ?? defaultCollapsed(chart);
    const layout = await layoutChart(chart, { collapsed });
    const parents = [...chartBoxes(chart)].filter(box => box.children.length > 0).map(box => box.id);
    return {
        svg: chartSvg(layout),
        title: chart.title,
        institution: chart.institution,
        vigencia: chart.vigencia,
        unitCount: layout.unitCount,
        shownCount: layout.boxes.length,
        collapsed: layout.boxes.filter(box => box.collapsed).map(box => box.box.id),
        parents
    };
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
