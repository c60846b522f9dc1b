// The editor and its tabs: one Monaco model per open file (a tab, or a file a definition or a
// reference list shows), the tab bar, each tab's view state, and going to a place in any file of
// the folder (F12 across files switches tab).
import * as monaco from 'monaco-editor';
import { LANGUAGE_ID } from './document-sync.js';
import { pathOf, uriOf, type FileStore } from './file-store.js';

function languageOf(path: string): string {
    return path.endsWith('.estructura') ? LANGUAGE_ID : path.endsWith('.json') ? 'json' : 'plaintext';
}

function baseName(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
}

export class Tabs {
    readonly editor: monaco.editor.IStandaloneCodeEditor;
    private tabs: string[] = [];
    private active: string | undefined;
    private readonly viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();
    private readonly listeners: Array<() => void> = [];
    /** The tabs drawn with the unsaved mark: an edit redraws the bar only when a mark appears. */
    private shownUnsaved = new Set<string>();

    constructor(private readonly store: FileStore, container: HTMLElement, private readonly bar: HTMLElement) {
        this.editor = monaco.editor.create(container, {
            automaticLayout: true, theme: 'estructura', wordWrap: 'on', 'semanticHighlighting.enabled': false,
            minimap: { enabled: false }, fixedOverflowWidgets: true, wordBasedSuggestions: 'off', renderWhitespace: 'none',
            // Each region is a decoration Monaco updates on the page's thread (5,000, its default,
            // took 0.1 s per update of a 20 MB file); the ISSSTE manual's largest file has 256.
            foldingMaximumRegions: 2000
        });
        monaco.editor.registerEditorOpener({
            openCodeEditor: (_source, resource, selection) => {
                const path = pathOf(resource.toString());
                if (path === undefined || !store.get(path)) return false;
                this.open(path, selection);
                return true;
            }
        });
        store.onChange(change => {
            if (change.kind === 'removed') this.forget(change.path);
            if (change.kind === 'changed') this.reload(change.path);
            if (change.kind !== 'edited' || !this.shownUnsaved.has(change.path)) this.render();
        });
        bar.addEventListener('click', event => this.clicked(event));
    }

    /** Called when the tabs or the active tab change. */
    onChange(listener: () => void): void {
        this.listeners.push(listener);
    }

    openTabs(): string[] {
        return [...this.tabs];
    }

    activePath(): string | undefined {
        return this.active;
    }

    /** The model of a file of the folder, created from the store when missing. */
    ensureModel(path: string): monaco.editor.ITextModel | undefined {
        const uri = monaco.Uri.parse(uriOf(path));
        const existing = monaco.editor.getModel(uri);
        const file = this.store.get(path);
        if (existing || !file || file.bytes) return existing ?? undefined;
        const model = monaco.editor.createModel(file.text, languageOf(path), uri);
        file.live = model;
        model.onDidChangeContent(() => this.store.edited(path));
        return model;
    }

    /** Shows a file in a tab (opening one if needed), optionally at a place. */
    open(path: string, at?: monaco.IRange | monaco.IPosition | null): void {
        const model = this.ensureModel(path);
        if (!model) return;
        if (!this.tabs.includes(path)) this.tabs.push(path);
        if (this.active !== path) {
            if (this.active) this.viewStates.set(this.active, this.editor.saveViewState());
            this.active = path;
            this.editor.setModel(model);
            const state = this.viewStates.get(path);
            if (state) this.editor.restoreViewState(state);
        }
        if (at) {
            const range = 'startLineNumber' in at ? at : monaco.Range.fromPositions(at);
            this.editor.setSelection(range);
            this.editor.revealRangeInCenterIfOutsideViewport(range);
        }
        this.editor.focus();
        this.render();
        this.notify();
    }

    private notify(): void {
        for (const listener of this.listeners) listener();
    }

    close(path: string): void {
        const index = this.tabs.indexOf(path);
        if (index < 0) return;
        this.tabs.splice(index, 1);
        this.viewStates.delete(path);
        if (this.active === path) {
            this.active = undefined;
            const next = this.tabs[Math.min(index, this.tabs.length - 1)];
            if (next) this.open(next);
            else this.editor.setModel(null);
        }
        this.disposeModel(path);
        this.render();
        this.notify();
    }

    private disposeModel(path: string): void {
        const model = monaco.editor.getModel(monaco.Uri.parse(uriOf(path)));
        const file = this.store.get(path);
        if (file && model) {
            file.text = model.getValue();
            file.live = undefined;
        }
        model?.dispose();
    }

    /** A file removed from the folder loses its tab and its model. */
    private forget(path: string): void {
        if (this.tabs.includes(path)) this.close(path);
        else monaco.editor.getModel(monaco.Uri.parse(uriOf(path)))?.dispose();
    }

    /** A file replaced in the folder (opened again from disk): its model takes the new text. */
    private reload(path: string): void {
        const model = monaco.editor.getModel(monaco.Uri.parse(uriOf(path)));
        const file = this.store.get(path);
        if (!model || !file) return;
        file.live = model;
        if (model.getValue() !== file.text) model.setValue(file.text);
        file.unsaved = false;
    }

    private clicked(event: MouseEvent): void {
        const target = event.target as Element;
        const tab = target.closest<HTMLElement>('[data-ruta]');
        if (!tab) return;
        const path = tab.dataset.ruta!;
        if (target.closest('.cerrar')) this.close(path);
        else this.open(path);
    }

    /** Redraws the tab bar; names are text nodes, never markup. */
    render(): void {
        const items = this.tabs.map(path => {
            const tab = document.createElement('div');
            tab.className = 'pestana' + (path === this.active ? ' activa' : '');
            tab.dataset.ruta = path;
            tab.setAttribute('role', 'tab');
            tab.setAttribute('aria-selected', String(path === this.active));
            tab.title = path;
            const name = document.createElement('span');
            name.textContent = baseName(path) + (this.store.get(path)?.unsaved ? ' •' : '');
            const close = document.createElement('button');
            close.type = 'button';
            close.className = 'cerrar';
            close.title = 'Cerrar la pestaña (el archivo sigue en la carpeta)';
            close.textContent = '×';
            tab.append(name, close);
            return tab;
        });
        this.bar.replaceChildren(...items);
        this.shownUnsaved = new Set(this.tabs.filter(path => this.store.get(path)?.unsaved));
    }
}
