// The organigrama frame's script: the VS Code webview's own (client/webview/organigrama.ts, pan,
// zoom and clicks), after the shim that stands in for VS Code. The shim's import comes first so
// it runs first.
import './vscode-api-shim.js';
import '../webview/organigrama.js';
