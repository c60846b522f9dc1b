// Entry point of the language server (bundled as out/server.cjs, started by the extension).
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createEstructuraServices } from './language/estructura-module.js';
import { registerCompararRequest } from './lsp/compare-request.js';
import { registerOrganigramaRequest } from './lsp/organigrama-request.js';
import { registerBuscarUnidadRequest } from './lsp/search-request.js';
import { paramsStrategy, registerInvalidParams } from './lsp/request-params.js';
import { registerTestHooks } from './lsp/test-hooks.js';
import { setMemoBudget } from './language/memo.js';

// Requests with malformed parameters are answered InvalidParams before any handler sees them.
const connection = createConnection(ProposedFeatures.all, { messageStrategy: paramsStrategy });
const { shared } = createEstructuraServices({ connection, ...NodeFileSystem });
registerInvalidParams(connection);
registerOrganigramaRequest(connection, shared);
registerCompararRequest(connection, shared);
registerBuscarUnidadRequest(connection, shared);
registerTestHooks(connection, shared);
// The caches keyed by text hold at most twice the characters of the documents the server holds:
// after every update (a document closed or deleted shrinks them at once).
shared.workspace.DocumentBuilder.onUpdate(() => {
    let characters = 0;
    for (const document of shared.workspace.LangiumDocuments.all) {
        try {
            characters += document.textDocument.getText().length;
        } catch {
            // A document without text yet counts for nothing.
        }
    }
    setMemoBudget(characters);
});
startLanguageServer(shared);
