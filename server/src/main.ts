// Entry point of the desktop language server (bundled as out/server.cjs, started by the extension
// over IPC, or with --stdio by other editors). The web worker's is main-browser.ts.
import { DocumentState } from 'langium';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './files/node-file-access.js';
import { registerCompararRequest } from './lsp/compare-request.js';
import { paramsStrategy } from './lsp/request-params.js';
import { registerTestHooks } from './lsp/test-hooks.js';
import { createServer, startServer } from './start-server.js';

// Requests with malformed parameters are answered InvalidParams before any handler sees them.
const connection = createConnection(ProposedFeatures.all, { messageStrategy: paramsStrategy });
const shared = createServer(connection, nodeHost(connection));
// Comparing reads other folders and git revisions from the disk: the desktop only.
registerCompararRequest(connection, shared);
registerTestHooks(connection, shared);
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
startServer(shared);
