// The `estructura/buscarUnidad` request behind «Estructura: Buscar unidad…»: the units of the
// workspace whose official name (or alias, former name, number, id) the query names, ignoring
// accents and case. VS Code filters the workspace symbols (Ctrl+T) again by their name, with
// accents, so «direccion juridica» never reaches «Dirección Jurídica» there; the command shows
// these results as they come, in a QuickPick that does not filter them again.
import { DocumentState, GrammarUtils, isOperationCancelled, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { isUnidad, type Unidad } from '../language/generated/ast.js';
import { institutionOf, parentOf, qualifiedName, structureElements } from '../language/model.js';
import { unitKind } from '../language/rules/structure/shared.js';
import { phraseRank, wordPosition } from './name-match.js';
import { BUSCAR_UNIDAD_REQUEST, type BuscarUnidadParams, type BuscarUnidadResult, type UnidadEncontrada } from '../protocol.js';

export function registerBuscarUnidadRequest(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(BUSCAR_UNIDAD_REQUEST, (params: BuscarUnidadParams, token: CancellationToken) => buscarUnidad(shared, params, token));
}

/** Answers the request, behind the workspace lock so that it sees the edits sent before it. */
export async function buscarUnidad(shared: LangiumSharedServices, params: BuscarUnidadParams, token?: CancellationToken): Promise<BuscarUnidadResult> {
    try {
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, token);
        if (token?.isCancellationRequested) throw cancelled();
        return await shared.workspace.WorkspaceLock.read(() => searchUnits(shared, params));
    } catch (error) {
        if (isOperationCancelled(error)) throw cancelled();
        throw error;
    }
}

function cancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'La búsqueda se canceló.');
}

/** The search itself, over the linked documents as they are now. */
export function searchUnits(shared: LangiumSharedServices, params: BuscarUnidadParams): BuscarUnidadResult {
    const query = typeof params?.query === 'string' ? params.query : '';
    const limit = typeof params?.limite === 'number' && params.limite > 0 ? Math.floor(params.limite) : 200;
    const found: Array<{ unit: Unidad; document: LangiumDocument; rank: number }> = [];
    for (const document of shared.workspace.LangiumDocuments.all) {
        if (document.state < DocumentState.Linked) continue;
        for (const element of structureElements(document.parseResult.value)) {
            if (!isUnidad(element) || !element.name) continue;
            const institution = institutionOf(element);
            const rank = phraseRank(query, {
                id: qualifiedName(institution, element.name),
                numero: element.numero,
                names: [element.nombre ?? '', ...element.alias, ...element.anteriores.map(a => a.nombre)]
            });
            if (rank !== undefined) found.push({ unit: element, document, rank });
        }
    }
    const position = (unit: Unidad) => wordPosition(query, unit.nombre ?? '');
    found.sort((a, b) => a.rank - b.rank || position(a.unit) - position(b.unit) || byNumber(a.unit.numero, b.unit.numero)
        || a.document.uri.toString().localeCompare(b.document.uri.toString()) || (a.unit.$cstNode?.offset ?? 0) - (b.unit.$cstNode?.offset ?? 0));
    return {
        unidades: found.slice(0, limit).map(({ unit, document, rank }) => describe(unit, document, query, rank)),
        omitidas: Math.max(0, found.length - limit)
    };
}

function describe(unit: Unidad, document: LangiumDocument, query: string, rank: number): UnidadEncontrada {
    const nameNode = GrammarUtils.findNodeForProperty(unit.$cstNode, 'name') ?? unit.$cstNode;
    const parent = parentOf(unit);
    const other = rank === 3 ? [...unit.alias, ...unit.anteriores.map(a => a.nombre)].find(name => phraseRank(query, { id: '', names: [name] }) !== undefined) : undefined;
    return {
        id: qualifiedName(institutionOf(unit), unit.name),
        nombre: unit.nombre ?? unit.name,
        numero: unit.numero,
        tipo: unitKind(unit)?.kind,
        superior: parent && parent !== unit ? parent.nombre : undefined,
        tambien: other,
        uri: document.uri.toString(),
        range: nameNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
    };
}

/** 7.1.2 before 7.1.10; units without a number last. */
function byNumber(a: string | undefined, b: string | undefined): number {
    if (a === b) return 0;
    if (a === undefined) return 1;
    if (b === undefined) return -1;
    return a.localeCompare(b, 'es', { numeric: true });
}
