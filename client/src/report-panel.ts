// A report shown in one reused webview beside the editor (the comparison, the plazas table): the
// page is built inline by its caller (it loads nothing: see each page's CSP), and a click on a link
// to a `.estructura` place inside it opens that file at that line.
import { Disposable, Position, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace, type WebviewPanel } from 'vscode';
import { placeOfHref, type FromComparacion } from '../webview/comparacion.js';

export class ReportPanel implements Disposable {
    private static readonly current = new Map<string, ReportPanel>();
    private readonly disposables: Disposable[] = [];

    /**
     * Shows `html` in the panel of `viewType` (created on first use, then reused); `label` names the
     * view in the message shown when a place cannot be opened.
     */
    static show(viewType: string, label: string, html: string, title: string): void {
        let current = ReportPanel.current.get(viewType);
        if (!current) {
            const panel = window.createWebviewPanel(viewType, title, { viewColumn: ViewColumn.Beside, preserveFocus: false }, {
                enableScripts: true,
                enableFindWidget: true,
                retainContextWhenHidden: true,
                localResourceRoots: []
            });
            current = new ReportPanel(viewType, label, panel);
            ReportPanel.current.set(viewType, current);
        }
        current.panel.title = title;
        current.panel.webview.html = html;
        current.panel.reveal(undefined, false);
    }

    private constructor(private readonly viewType: string, label: string, private readonly panel: WebviewPanel) {
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage((message: FromComparacion) => {
                if (message?.type !== 'abrir' || typeof message.href !== 'string') return;
                openPlace(message.href).catch((error: Error) => {
                    void window.showErrorMessage(`${label}: no se pudo abrir ${message.href}: ${error.message}`);
                });
            })
        );
    }

    dispose(): void {
        ReportPanel.current.delete(this.viewType);
        for (const d of this.disposables) d.dispose();
        this.panel.dispose();
    }
}

/** Opens the file a report link names at its line, in the first editor group. */
export async function openPlace(href: string): Promise<void> {
    const place = placeOfHref(href);
    if (!place) return;
    const document = await workspace.openTextDocument(Uri.parse(place.file));
    const editor = await window.showTextDocument(document, { viewColumn: ViewColumn.One, preserveFocus: false });
    // The file may have changed since the report: stay inside the document.
    const line = document.validatePosition(new Position(place.line - 1, 0)).line;
    const start = new Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex);
    editor.selection = new Selection(start, start);
    editor.revealRange(new Range(start, start), TextEditorRevealType.InCenterIfOutsideViewport);
}
