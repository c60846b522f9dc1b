// The `estructura/plazas` request behind «Estructura: Ver plazas de la unidad»: the positions of the
// unit under the cursor and of its subtree, with their totals, from the positions module
// (language/positions/report.ts, which `estructura plazas` prints too).
import { AstUtils, CstUtils, DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { EstructuraServices } from '../language/estructura-module.js';
import { isPuesto, isUnidad, type Unidad } from '../language/generated/ast.js';
import { unitOfPosition } from '../language/model.js';
import { plazasReport } from '../language/positions/report.js';
import { PLAZAS_REQUEST, type PlazasParams, type PlazasResponse } from '../protocol.js';
import { subjectsAt } from './unit-at.js';

export function registerPlazasRequest(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(PLAZAS_REQUEST, (params: PlazasParams, token: CancellationToken) => plazas(shared, params, token));
}

/** Answers the request behind the workspace lock (it sees the edits sent before it); a cancellation is RequestCancelled. */
export async function plazas(shared: LangiumSharedServices, params: PlazasParams, token?: CancellationToken): Promise<PlazasResponse> {
    try {
        await shared.workspace.WorkspaceManager.ready;
        const uri = URI.parse(params.uri);
        const builder = shared.workspace.DocumentBuilder;
        if (shared.workspace.LangiumDocuments.hasDocument(uri)) await builder.waitUntil(DocumentState.Linked, uri, token);
        else await builder.waitUntil(DocumentState.Linked, token);
        if (token?.isCancellationRequested) throw cancelled();
        return await shared.workspace.WorkspaceLock.read(() => report(shared, uri, params.position));
    } catch (error) {
        if (isOperationCancelled(error)) throw cancelled();
        throw error;
    }
}

function cancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'La tabla de plazas se canceló.');
}

function report(shared: LangiumSharedServices, uri: URI, position: PlazasParams['position']): PlazasResponse {
    const documents = shared.workspace.LangiumDocuments;
    const document = documents.getDocument(uri);
    if (!document) return { error: `El archivo ${uri.fsPath} no está en el espacio de trabajo.` };
    const services = shared.ServiceRegistry.getServices(uri) as EstructuraServices;
    const unit = unitForPlazas(services, document, position);
    if (!unit) return { error: 'Ponga el cursor en una unidad (o en un puesto) para ver sus plazas.' };
    const linked = documents.all.filter(d => d.state >= DocumentState.Linked).map(d => d.parseResult.value).toArray();
    return plazasReport(linked, services.structure.StructureIndex.snapshot, unit);
}

/**
 * The unit the cursor means: a unit it names or is declared in, else the unit of a position it
 * names or is declared in (`titular de X` written apart from X: X).
 */
export function unitForPlazas(services: EstructuraServices, document: LangiumDocument, position: PlazasParams['position']): Unidad | undefined {
    const offset = document.textDocument.offsetAt(position);
    for (const subject of subjectsAt(services, document, offset)) {
        const unit = isUnidad(subject) ? subject : unitOfPosition(subject);
        if (unit) return unit;
    }
    const cst = document.parseResult.value.$cstNode;
    const leaf = cst && (CstUtils.findLeafNodeAtOffset(cst, offset) ?? CstUtils.findLeafNodeBeforeOffset(cst, offset));
    const owner = leaf && AstUtils.getContainerOfType(leaf.astNode, node => isUnidad(node) || isPuesto(node));
    if (!owner) return undefined;
    return isUnidad(owner) ? owner : isPuesto(owner) ? unitOfPosition(owner) : undefined;
}
