// The playground page: Monaco with the estructura language server in a web worker, the folder of
// files kept in the page (and in IndexedDB across reloads), the outline and the org chart. Nothing
// leaves the page: the examples are in the bundle and a shared link carries its text in the hash.
import './playground.css';
import * as monaco from 'monaco-editor';
import { bindToolbar, loadExamples } from './actions.js';
import { Chart } from './chart.js';
import { download } from './disk.js';
import { DocumentSync } from './document-sync.js';
import { FileList } from './file-list.js';
import { FileStore, pathOf, uriOf } from './file-store.js';
import { registerLanguage } from './language.js';
import { documentSymbols, registerProviders, type BridgeHost } from './lsp-bridge.js';
import { Notices } from './notices.js';
import { Outline } from './outline.js';
import { Persistence } from './persistence.js';
import { ServerLifecycle } from './server-lifecycle.js';
import { sharedFile } from './share.js';
import { Tabs } from './tabs.js';

// Monaco's own worker (text model computations) is a file beside the page.
(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
    getWorker: () => new Worker('editor.worker.js', { name: 'editor' })
};

// Monaco rejects some of its own promises with «Canceled» when it disposes a feature (switching
// models); nobody awaits them. They are not errors of the page.
window.addEventListener('unhandledrejection', event => {
    const reason = event.reason as Error | undefined;
    if (reason?.name === 'Canceled' && reason.message === 'Canceled') event.preventDefault();
});

/** The examples opened in tabs at the first visit; the last one is shown. */
const FIRST_TABS = ['primeros-pasos.estructura', 'imss-doe-2022/imss-doe-2022.estructura'];

function byId<T extends HTMLElement>(id: string): T {
    return document.getElementById(id) as T;
}

function debounce(run: () => void, ms: number): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return () => { clearTimeout(timer); timer = setTimeout(run, ms); };
}

async function openPersistence(store: FileStore, notices: Notices): Promise<Persistence | undefined> {
    try {
        return await Persistence.open(store);
    } catch {
        notices.show('aviso', 'Este navegador no permite guardar en la página (IndexedDB): lo que escriba se perderá al recargar. Descargue sus archivos antes de cerrar.');
        return undefined;
    }
}

/** The last session, or the examples at the first visit; then the file of a shared link, if any. */
async function restore(store: FileStore, tabs: Tabs, persistence: Persistence | undefined, notices: Notices): Promise<void> {
    const saved = await persistence?.load().catch(() => undefined);
    if (saved) {
        for (const file of saved.files) store.put(file);
        for (const path of saved.session.tabs) if (store.get(path)) tabs.open(path);
        if (saved.session.active && store.get(saved.session.active)) tabs.open(saved.session.active);
    } else {
        loadExamples(store);
        for (const path of FIRST_TABS) if (store.get(path)) tabs.open(path);
    }
    const shared = await sharedFile(location.hash);
    if (!shared) return;
    // The hash is read once: a reload must not bring the link's text back over the user's edits.
    history.replaceState(null, '', location.pathname + location.search);
    if ('error' in shared) return notices.show('error', shared.error);
    const same = store.textOf(shared.name) === shared.text;
    const path = same ? shared.name : store.freePath(shared.name);
    if (!same) store.put({ path, text: shared.text, unsaved: true });
    tabs.open(path);
    notices.show('info', `Se abrió «${path}» desde el enlace compartido.`);
}

function statusOf(sync: DocumentSync, uri: string | undefined): string {
    const found = uri ? sync.diagnostics.get(uri) ?? [] : [];
    const errors = found.filter(d => (d.severity ?? 1) === 1).length;
    const warnings = found.filter(d => d.severity === 2).length;
    return `Revisado: ${errors} ${errors === 1 ? 'error' : 'errores'}, ${warnings} ${warnings === 1 ? 'advertencia' : 'advertencias'} en este archivo.`;
}

async function main(): Promise<void> {
    registerLanguage();
    const notices = new Notices(byId('avisos'), byId('estado'));
    const store = new FileStore();
    const tabs = new Tabs(store, byId('editor'), byId('pestanas'));
    const sync = new DocumentSync();
    const lifecycle = new ServerLifecycle(store, sync, notices);
    const host: BridgeHost = { server: () => lifecycle.server(), ensureModel: uri => { const path = pathOf(uri); if (path !== undefined) tabs.ensureModel(path); } };
    registerProviders(host, sync);
    const activeUri = () => { const path = tabs.activePath(); return path === undefined ? undefined : uriOf(path); };
    const outline = new Outline(byId('esquema'), range => {
        tabs.editor.setSelection(range);
        tabs.editor.revealRangeInCenter(range);
        tabs.editor.focus();
    });
    const refreshOutline = debounce(() => void showOutline(host, outline, activeUri()), 250);
    const chart = new Chart(byId<HTMLIFrameElement>('organigrama'), {
        server: () => lifecycle.server(), activeUri, download,
        reveal: (uri, line, character) => { const path = pathOf(uri); if (path !== undefined) tabs.open(path, { lineNumber: line + 1, column: character + 1 }); }
    });
    const fileList = new FileList(byId('archivos'), store, sync.diagnostics, {
        open: path => tabs.open(path),
        remove: path => { if (!store.get(path)?.unsaved || confirm(`«${path}» tiene cambios sin guardar. ¿Quitarlo de la carpeta?`)) store.remove(path); }
    });
    const renderFiles = debounce(() => fileList.render(tabs.activePath()), 200);
    const persistence = await openPersistence(store, notices);
    tabs.onChange(() => {
        if (lifecycle.server()) notices.setStatus(statusOf(sync, activeUri()));
        refreshOutline();
        chart.refresh();
        renderFiles();
        persistence?.saveSession({ tabs: tabs.openTabs(), active: tabs.activePath() });
    });
    store.onChange(change => { if (change.kind !== 'edited') renderFiles(); });
    sync.onDiagnostics(uri => {
        if (!performance.getEntriesByName('estructura:primeros-diagnosticos').length) performance.mark('estructura:primeros-diagnosticos');
        renderFiles();
        if (uri !== activeUri()) return;
        notices.setStatus(statusOf(sync, uri));
        refreshOutline();
        chart.refresh();
    });
    lifecycle.onReady(() => { refreshOutline(); chart.refresh(); });
    window.addEventListener('pagehide', () => void persistence?.flush());
    bindToolbar({ store, tabs, notices }, byId('acciones'), byId('entrada-archivos'), byId('entrada-carpeta'));
    await restore(store, tabs, persistence, notices);
    await lifecycle.start();
}

async function showOutline(host: BridgeHost, outline: Outline, uri: string | undefined): Promise<void> {
    if (!uri || !uri.endsWith('.estructura')) return outline.show(undefined, 'Abra un archivo .estructura para ver sus unidades.');
    outline.show(await documentSymbols(host, uri));
}

void main();
