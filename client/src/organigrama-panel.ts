// The organigrama view: a webview beside the editor showing the chart of the manual (or of the
// unit under the cursor). The server draws the SVG; this panel asks for it again after edits,
// reveals a unit's definition on click and saves the SVG.
import {
    Disposable, Position, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace,
    type ExtensionContext, type TextEditor, type WebviewPanel
} from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { nonce } from './nonce.js';
import { ORGANIGRAMA_REQUEST, type OrganigramaParams, type OrganigramaResponse, type OrganigramaResult } from '../../server/src/protocol.js';
import { organigramaPage, type FromWebview, type ToWebview } from '../webview/page.js';

/** Quiet time after the last keystroke before the chart is redrawn. */
const REFRESH_DELAY_MS = 400;

export class OrganigramaPanel implements Disposable {
    private static current: OrganigramaPanel | undefined;

    private readonly disposables: Disposable[] = [];
    private collapsed: string[] | undefined;
    private last: OrganigramaResult | undefined;
    private timer: NodeJS.Timeout | undefined;
    private generation = 0;
    /** The canvas width the webview reported: the server wraps rows of boxes to it. */
    private viewWidth: number | undefined;
    /** A unit to centre on once the webview is ready (the command opened the panel). */
    private pendingFocus: (Focus & { fallback: OrganigramaParams }) | undefined;
    private ready = false;

    /** Opens the view (or reuses the open one) for the active editor's manual or unit. */
    static show(context: ExtensionContext, client: LanguageClient, alcance: OrganigramaParams['alcance'], editor = window.activeTextEditor): void {
        if (!editor || editor.document.languageId !== 'estructura') {
            void window.showInformationMessage('Abra un archivo .estructura para ver su organigrama.');
            return;
        }
        const target = targetOf(editor, alcance);
        if (OrganigramaPanel.current) {
            OrganigramaPanel.current.retarget(target);
            return;
        }
        OrganigramaPanel.open(context, client, target);
    }

    /**
     * Centres the view on the unit under the cursor: in the chart shown when it is there, else in
     * its manual's chart (opening the view if needed); the boxes above it expand.
     */
    static centre(context: ExtensionContext, client: LanguageClient, editor = window.activeTextEditor): void {
        if (!editor || editor.document.languageId !== 'estructura') {
            void window.showInformationMessage('Abra un archivo .estructura y ponga el cursor en una unidad.');
            return;
        }
        const { line, character } = editor.selection.active;
        const focus: Focus = { uri: editor.document.uri.toString(), line, character };
        const panel = OrganigramaPanel.current ?? OrganigramaPanel.open(context, client, targetOf(editor, 'manual'));
        panel.centreOn(focus, targetOf(editor, 'manual'));
    }

    private static open(context: ExtensionContext, client: LanguageClient, target: OrganigramaParams): OrganigramaPanel {
        const panel = window.createWebviewPanel('estructura.organigrama', 'Organigrama', { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            // Only the bundled script and stylesheet: nothing else may load (see the CSP in page.ts).
            localResourceRoots: [Uri.joinPath(context.extensionUri, 'out', 'webview')],
            retainContextWhenHidden: true
        });
        return OrganigramaPanel.current = new OrganigramaPanel(context, client, panel, target);
    }

    private constructor(context: ExtensionContext, private readonly client: LanguageClient, private readonly panel: WebviewPanel, private target: OrganigramaParams) {
        const webview = panel.webview;
        const asset = (name: string) => webview.asWebviewUri(Uri.joinPath(context.extensionUri, 'out', 'webview', name)).toString();
        webview.html = organigramaPage({
            cspSource: webview.cspSource,
            nonce: nonce(),
            scriptUri: asset('organigrama.js'),
            styleUri: asset('organigrama.css')
        });
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message).catch((error: Error) => {
                // A click that cannot open its file must say so, not do nothing.
                void window.showErrorMessage(`Organigrama: ${error.message}`);
            })),
            workspace.onDidChangeTextDocument(event => {
                if (event.document.languageId === 'estructura' && event.contentChanges.length > 0) this.scheduleRefresh();
            }),
            workspace.onDidSaveTextDocument(document => {
                if (document.languageId === 'estructura') this.scheduleRefresh();
            }),
            workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('estructura.organigrama.plazas')) this.scheduleRefresh();
            })
        );
        // Files changed outside the editor (git checkout, a re-import) change the chart too.
        const watcher = workspace.createFileSystemWatcher('**/*.estructura');
        this.disposables.push(watcher,
            watcher.onDidChange(() => this.scheduleRefresh()),
            watcher.onDidCreate(() => this.scheduleRefresh()),
            watcher.onDidDelete(() => this.scheduleRefresh()));
    }

    private retarget(target: OrganigramaParams): void {
        this.target = target;
        this.collapsed = undefined;
        this.panel.reveal(undefined, true);
        void this.refresh();
    }

    private centreOn(focus: Focus, fallback: OrganigramaParams): void {
        this.panel.reveal(undefined, true);
        // A panel just created asks for its first chart when its page is ready ('listo').
        if (this.ready) void this.refresh(focus, fallback);
        else this.pendingFocus = { ...focus, fallback };
    }

    private scheduleRefresh(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
    }

    /**
     * Asks for the chart again. With a focus, the view centres on that unit; when the chart shown
     * does not hold it, the chart of `fallback` (the unit's manual) replaces it.
     */
    private async refresh(focus?: Focus, fallback?: OrganigramaParams): Promise<void> {
        const generation = ++this.generation;
        const ask = async (target: OrganigramaParams, collapsed: string[] | undefined): Promise<OrganigramaResponse> => {
            try {
                return await this.client.sendRequest<OrganigramaResponse>(ORGANIGRAMA_REQUEST, {
                    ...target, collapsed, viewWidth: this.viewWidth,
                    plazas: workspace.getConfiguration('estructura').get<boolean>('organigrama.plazas') === true,
                    focus: focus && { uri: focus.uri, line: focus.line, character: focus.character }
                } satisfies OrganigramaParams);
            } catch (error) {
                return { error: `No se pudo dibujar el organigrama: ${(error as Error).message}` };
            }
        };
        let response = await ask(this.target, this.collapsed);
        if (focus && fallback && !('error' in response) && !response.focus) {
            if (generation !== this.generation) return;
            this.target = fallback;
            this.collapsed = undefined;
            response = await ask(fallback, undefined);
        }
        // An older answer arriving after a newer request must not replace it.
        if (generation !== this.generation) return;
        if ('error' in response) {
            this.post({ type: 'error', message: response.error });
            return;
        }
        this.last = response;
        this.collapsed = response.collapsed;
        this.panel.title = `Organigrama: ${shorten(response.title)}`;
        const { svg, title, institution, vigencia, unitCount, shownCount, key } = response;
        this.post({ type: 'organigrama', svg, title, institution, vigencia, unitCount, shownCount, key, focus: response.focus });
    }

    private async onMessage(message: FromWebview): Promise<void> {
        switch (message.type) {
            case 'listo': {
                this.ready = true;
                this.viewWidth = message.width || undefined;
                const focus = this.pendingFocus;
                this.pendingFocus = undefined;
                return this.refresh(focus, focus?.fallback);
            }
            case 'ancho':
                // Rows of boxes wrap to the new width.
                this.viewWidth = message.width;
                return this.refresh();
            case 'revelar':
                return reveal(message.uri, message.line, message.character);
            case 'alternar': {
                const collapsed = new Set(this.collapsed ?? []);
                if (!collapsed.delete(message.id)) collapsed.add(message.id);
                this.collapsed = [...collapsed];
                return this.refresh();
            }
            case 'expandir':
                this.collapsed = [];
                return this.refresh();
            case 'contraer':
                this.collapsed = undefined;
                return this.refresh();
            case 'guardar':
                return this.save();
        }
    }

    private async save(): Promise<void> {
        if (!this.last) return;
        const folder = workspace.workspaceFolders?.[0]?.uri;
        const name = `organigrama-${this.last.title.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'estructura'}.svg`;
        const destination = await window.showSaveDialog({
            defaultUri: folder ? Uri.joinPath(folder, name) : undefined,
            filters: { SVG: ['svg'] },
            saveLabel: 'Guardar organigrama'
        });
        if (!destination) return;
        await workspace.fs.writeFile(destination, new TextEncoder().encode(this.last.svg));
        void window.showInformationMessage(`Organigrama guardado en ${destination.fsPath}.`);
    }

    private post(message: ToWebview): void {
        void this.panel.webview.postMessage(message);
    }

    dispose(): void {
        clearTimeout(this.timer);
        OrganigramaPanel.current = undefined;
        for (const d of this.disposables) d.dispose();
        this.panel.dispose();
    }
}

/** Opens the unit's file in the editor group beside the chart and selects its id. */
async function reveal(uri: string, line: number, character: number): Promise<void> {
    const document = await workspace.openTextDocument(Uri.parse(uri));
    const editor: TextEditor = await window.showTextDocument(document, { viewColumn: ViewColumn.One, preserveFocus: false });
    // The chart may be a keystroke behind the text: stay inside the document.
    const position = document.validatePosition(new Position(line, character));
    const word = document.getWordRangeAtPosition(position) ?? new Range(position, position);
    editor.selection = new Selection(word.start, word.end);
    editor.revealRange(word, TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A place in a file whose unit the view centres on. */
interface Focus { uri: string; line: number; character: number }

function targetOf(editor: TextEditor, alcance: OrganigramaParams['alcance']): OrganigramaParams {
    return {
        uri: editor.document.uri.toString(),
        position: alcance === 'unidad' ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined,
        alcance
    };
}

function shorten(title: string): string {
    return title.length > 40 ? `${title.slice(0, 39)}…` : title;
}
