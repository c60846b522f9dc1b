// «Estructura: Ver plazas de la unidad»: the positions of the unit under the cursor (or of the unit
// whose code lens was clicked) and of its subtree, asked of the server (`estructura/plazas`) and
// shown in one reused webview beside the editor (client/webview/plazas.ts). A click on a row opens
// the position's text, as the comparison view opens a definition.
import { window } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { nonce } from './nonce.js';
import { PLAZAS_REQUEST, REQUEST_CANCELLED, type PlazasParams, type PlazasResponse } from '../../server/src/protocol.js';
import { plazasPage } from '../webview/plazas.js';
import { ReportPanel } from './report-panel.js';

/**
 * The command: from a code lens, (uri, position) as LSP JSON; from the palette or the context menu,
 * nothing (the active editor's cursor).
 */
export async function verPlazas(client: LanguageClient, uri?: unknown, position?: unknown): Promise<void> {
    const params = paramsOf(uri, position);
    if (!params) {
        void window.showInformationMessage('Abra un archivo .estructura y ponga el cursor en una unidad para ver sus plazas.');
        return;
    }
    let response: PlazasResponse;
    try {
        response = await client.sendRequest<PlazasResponse>(PLAZAS_REQUEST, params);
    } catch (error) {
        if ((error as { code?: number }).code === REQUEST_CANCELLED) return;
        void window.showErrorMessage(`No se pudieron leer las plazas: ${(error as Error).message}`);
        return;
    }
    if ('error' in response) {
        void window.showErrorMessage(response.error);
        return;
    }
    ReportPanel.show('estructura.plazas', 'Plazas', plazasPage(response, nonce()), `Plazas: ${response.titulo}`);
}

function paramsOf(uri: unknown, position: unknown): PlazasParams | undefined {
    if (typeof uri === 'string' && isPosition(position)) return { uri, position: { line: position.line, character: position.character } };
    const editor = window.activeTextEditor;
    if (editor?.document.languageId !== 'estructura') return undefined;
    const { line, character } = editor.selection.active;
    return { uri: editor.document.uri.toString(), position: { line, character } };
}

function isPosition(value: unknown): value is { line: number; character: number } {
    const p = value as { line?: unknown; character?: unknown } | undefined;
    return typeof p?.line === 'number' && typeof p.character === 'number';
}
