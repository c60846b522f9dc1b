// Starts the language server on a connection, the same in both hosts: the Node process the desktop
// extension spawns (main.ts) and the web worker of VS Code for the Web and the playground
// (main-browser.ts). Only the host (files/host.ts) and what is Node's alone differ.
import { DocumentState } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { Host } from './files/host.js';
import { createEstructuraServices, type EstructuraSharedServices } from './language/estructura-module.js';
import { setMemoBudget } from './language/memo.js';
import { registerOrganigramaRequest } from './lsp/organigrama-request.js';
import { registerPlazasRequest } from './lsp/plazas-request.js';
import { registerInvalidParams } from './lsp/request-params.js';
import { registerBuscarUnidadRequest } from './lsp/search-request.js';

/** Creates the services and registers the requests of both hosts; call `startLanguageServer` after
 *  registering the host's own. */
export function createServer(connection: Connection, host: Host): EstructuraSharedServices {
    const { shared } = createEstructuraServices({ connection, host });
    registerInvalidParams(connection);
    registerOrganigramaRequest(connection, shared);
    registerBuscarUnidadRequest(connection, shared);
    registerPlazasRequest(connection, shared);
    trackMemoBudget(shared);
    return shared;
}

export function startServer(shared: EstructuraSharedServices): void {
    startLanguageServer(shared);
}

/**
 * The caches keyed by text hold at most twice the characters of the documents the server holds.
 * Each document's length is counted when it is indexed (the workspace's files arrive parsed, an
 * edited one is parsed again first) and dropped when it is deleted (a closed or deleted document
 * shrinks the caches at once), not summed over the workspace at every edit. A budget that covers
 * the workspace during the first build matters: texts repeated across files (standard functions,
 * copies of a manual) then share one scan instead of one each (250 MB at ×30).
 */
function trackMemoBudget(shared: EstructuraSharedServices): void {
    const lengths = new Map<string, number>();
    let characters = 0;
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.IndexedContent, document => {
        const key = document.uri.toString();
        // The parse's text, not `document.textDocument`, which would create a TextDocument for every file.
        const length = document.parseResult.value.$cstNode?.root.fullText.length ?? 0;
        characters += length - (lengths.get(key) ?? 0);
        lengths.set(key, length);
        setMemoBudget(characters);
    });
    shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
        // A deleted URI may be a folder: every document under it goes.
        for (const uri of deleted.map(u => u.toString())) {
            for (const [key, length] of lengths) {
                if (key !== uri && !key.startsWith(`${uri}/`)) continue;
                characters -= length;
                lengths.delete(key);
            }
        }
        if (deleted.length > 0) setMemoBudget(characters);
    });
}
