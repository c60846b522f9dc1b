// The folder panel: every file of the virtual folder with its count of errors and warnings; a
// click opens it in a tab, × removes it from the folder (after a question when it has unsaved text).
import type { Diagnostic } from 'vscode-languageserver-protocol/browser';
import { uriOf, type FileStore } from './file-store.js';

/** Drawing thousands of rows slows the page: the list shows this many, then says how many more. */
const MAX_ROWS = 500;

export class FileList {
    constructor(
        private readonly root: HTMLElement,
        private readonly store: FileStore,
        private readonly diagnostics: Map<string, Diagnostic[]>,
        actions: { open(path: string): void; remove(path: string): void }
    ) {
        root.addEventListener('click', event => {
            const target = event.target as Element;
            const row = target.closest<HTMLElement>('[data-ruta]');
            if (!row) return;
            if (target.closest('.quitar')) actions.remove(row.dataset.ruta!);
            else actions.open(row.dataset.ruta!);
        });
    }

    render(active: string | undefined): void {
        const paths = this.store.paths();
        const rows: HTMLElement[] = [];
        let folder = '';
        for (const path of paths.slice(0, MAX_ROWS)) {
            const slash = path.lastIndexOf('/');
            const here = path.slice(0, slash + 1);
            if (here && here !== folder) rows.push(this.heading(here));
            folder = here;
            rows.push(this.row(path, path === active, path.slice(slash + 1), here ? 1 : 0));
        }
        if (paths.length > MAX_ROWS) {
            const more = document.createElement('li');
            more.className = 'mas';
            more.textContent = `… y ${paths.length - MAX_ROWS} archivos más`;
            rows.push(more);
        }
        this.root.replaceChildren(...rows);
    }

    private heading(folder: string): HTMLElement {
        const li = document.createElement('li');
        li.className = 'subcarpeta';
        li.textContent = folder;
        return li;
    }

    private row(path: string, active: boolean, name: string, depth: number): HTMLElement {
        const li = document.createElement('li');
        li.dataset.ruta = path;
        li.className = (active ? 'activo ' : '') + `nivel-${depth}`;
        const open = document.createElement('button');
        open.type = 'button';
        open.className = 'abrir';
        open.title = path;
        open.textContent = name + (this.store.get(path)?.unsaved ? ' •' : '');
        li.append(open);
        const found = this.diagnostics.get(uriOf(path)) ?? [];
        const errors = found.filter(d => (d.severity ?? 1) === 1).length;
        const warnings = found.filter(d => d.severity === 2).length;
        if (errors || warnings) {
            const count = document.createElement('span');
            count.className = errors ? 'cuenta errores' : 'cuenta';
            count.textContent = String(errors || warnings);
            count.title = `${errors} errores, ${warnings} advertencias`;
            li.append(count);
        }
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'quitar';
        remove.title = 'Quitar el archivo de la carpeta';
        remove.textContent = '×';
        li.append(remove);
        return li;
    }
}
