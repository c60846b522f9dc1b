// Inside the organigrama frame: the `acquireVsCodeApi` the VS Code webview's script expects,
// posting to the playground page instead of to VS Code. The frame is sandboxed (an opaque
// origin): it reaches the page only through these messages.
const state: { value?: unknown } = {};

(globalThis as { acquireVsCodeApi?: unknown }).acquireVsCodeApi = () => ({
    postMessage: (message: unknown) => window.parent.postMessage(message, '*'),
    getState: () => state.value,
    setState: (value: unknown) => { state.value = value; }
});
