// Entry point of the language server (bundled as out/server.cjs, started by the extension).
import { startLanguageServer } from 'langium/lsp';
import { DocumentState } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createEstructuraServices } from './language/estructura-module.js';
import { registerCompararRequest } from './lsp/compare-request.js';
import { registerOrganigramaRequest } from './lsp/organigrama-request.js';
import { registerPlazasRequest } from './lsp/plazas-request.js';
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
registerPlazasRequest(connection, shared);
registerTestHooks(connection, shared);
// The caches keyed by text hold at most twice the characters of the documents the server holds.
// Each document's length is counted when it is indexed (the workspace's files arrive parsed, an
// edited one is parsed again first) and dropped when it is deleted (a closed or deleted document
// shrinks the caches at once), not summed over the workspace at every edit. A budget that covers
// the workspace during the first build matters: texts repeated across files (standard functions,
// copies of a manual) then share one scan instead of one each (250 MB at ×30).
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
// Memory while editing: every edit leaves the previous parse of its file (and what was derived
// from it) as garbage in V8's old space, which V8 collects only once the old space has grown by its
// default factor (up to 2× what is live): 200 edits at ×10 took the server from 340 to 630 MB.
// Once the workspace is built, the old space is collected when it has grown by 40 % (set after the
// first build, which a smaller factor slowed down by a fifth at ×30), and collected once right away
// so that the factor starts from what is live rather than from the limit the build left.
let editingMemory = false;
shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
    if (editingMemory || shared.workspace.LangiumDocuments.all.some(document => document.state < DocumentState.Validated)) return;
    editingMemory = true;
    setFlagsFromString('--heap-growing-percent=40');
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    setImmediate(collect);
});
startLanguageServer(shared);
