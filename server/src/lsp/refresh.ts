// Code lenses and inlay hints of a file depend on other files (a reference to the DOE written in
// another manual changes the DOE's count; a renamed unit changes the name shown after its id):
// after each build, and after a settings change, the server asks the editor to ask again, when
// the editor says it can (workspace.codeLens / workspace.inlayHint refreshSupport).
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, InlayHintRefreshRequest } from 'vscode-languageserver';

export type Refreshable = 'codeLens' | 'inlayHint';

/** Returns a function that asks the editor to refresh, a no-op until the client says it supports it. */
export function refresher(shared: LangiumSharedServices, what: Refreshable, afterBuilds: boolean): () => void {
    const connection = shared.lsp.Connection;
    let supported = false;
    if (!connection) return () => undefined;
    shared.lsp.LanguageServer.onInitialize(params => {
        supported = params.capabilities.workspace?.[what]?.refreshSupport === true;
    });
    const refresh = () => {
        if (!supported) return;
        const type = what === 'codeLens' ? CodeLensRefreshRequest.type : InlayHintRefreshRequest.type;
        // Nothing to do when the editor cannot: the next request of its own will be right.
        connection.sendRequest(type).catch(() => undefined);
    };
    if (afterBuilds) shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => refresh());
    return refresh;
}
