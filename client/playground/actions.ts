// The toolbar: new file, open files or a folder, save, download, share as a link, put the
// examples back. Everything a user can get wrong here ends in a Spanish message, never a thrown error.
import examples from 'playground:ejemplos';
import {
    download, hasFileSystemAccess, inputFiles, pickFiles, pickFolder, pickSaveHandle, readPicked, refusal, writeBack,
    type PickedFile
} from './disk.js';
import type { FileStore } from './file-store.js';
import type { Notices } from './notices.js';
import { shareHash } from './share.js';
import type { Tabs } from './tabs.js';

export interface ActionContext {
    store: FileStore;
    tabs: Tabs;
    notices: Notices;
}

const NEW_FILE_TEXT = `manual NUEVO "Manual nuevo" {
    institucion IMSS
}

unidad DIRECCION_NUEVA "Dirección de Ejemplo" {
    tipo Dirección
    funciones {
        1. "Coordinar las actividades de la Dirección."
    }
}
`;

/** Puts the examples in the folder as they were built (other files stay). */
export function loadExamples(store: FileStore): void {
    for (const { path, text } of examples) store.put({ path, text, unsaved: false });
}

/** Adds opened files to the folder; a file with the same path and unsaved text is kept, the new one renamed. */
async function addPicked(context: ActionContext, picked: PickedFile[], truncated: boolean): Promise<void> {
    const { store, tabs, notices } = context;
    if (!picked.length) return notices.show('aviso', 'No se encontraron archivos .estructura en lo que eligió.');
    const progress = (read: number) => notices.setStatus(`Leyendo archivos… ${read} de ${picked.length}`);
    const report = await readPicked(picked, progress);
    let first: string | undefined;
    for (const file of report.files) {
        const path = store.get(file.path)?.unsaved ? store.freePath(file.path) : file.path;
        store.put({ ...file, path, unsaved: false });
        if (!file.bytes && path.endsWith('.estructura')) first ??= path;
    }
    if (truncated) report.messages.unshift(`La carpeta tiene más de ${picked.length} archivos: solo se abrieron los primeros ${picked.length}.`);
    for (const message of report.messages.slice(0, 3)) notices.show('aviso', message);
    if (report.messages.length > 3) notices.show('aviso', `Y ${report.messages.length - 3} avisos más sobre los archivos abiertos.`);
    notices.setStatus(`Se abrieron ${report.files.length} archivos.`);
    if (first) tabs.open(first);
}

async function openFiles(context: ActionContext, input: HTMLInputElement): Promise<void> {
    if (!hasFileSystemAccess) return input.click();
    try {
        await addPicked(context, await pickFiles(), false);
    } catch (error) {
        const message = refusal(error);
        if (message) context.notices.show('error', message);
    }
}

async function openFolder(context: ActionContext, input: HTMLInputElement): Promise<void> {
    if (!hasFileSystemAccess) return input.click();
    try {
        const { files, truncated } = await pickFolder(found => context.notices.setStatus(`Buscando archivos en la carpeta… ${found}`));
        await addPicked(context, files, truncated);
    } catch (error) {
        const message = refusal(error);
        if (message) context.notices.show('error', message);
    }
}

function activeFile(context: ActionContext): { path: string; text: string; name: string } | undefined {
    const path = context.tabs.activePath();
    const text = path === undefined ? undefined : context.store.textOf(path);
    if (path === undefined || text === undefined) {
        context.notices.show('aviso', 'Abra un archivo en una pestaña primero.');
        return undefined;
    }
    return { path, text, name: path.slice(path.lastIndexOf('/') + 1) };
}

async function save(context: ActionContext): Promise<void> {
    const active = activeFile(context);
    if (!active) return;
    const file = context.store.get(active.path)!;
    try {
        file.handle ??= await pickSaveHandle(active.name);
        if (!file.handle) return downloadActive(context);
        await writeBack(file.handle, active.text);
        file.unsaved = false;
        context.tabs.render();
        context.notices.setStatus(`Se guardó «${active.name}».`);
    } catch (error) {
        const message = refusal(error);
        if (message) context.notices.show('error', `${message} El texto sigue aquí, sin perderse.`);
    }
}

function downloadActive(context: ActionContext): void {
    const active = activeFile(context);
    if (active) download(active.name, new Blob([active.text], { type: 'text/plain;charset=utf-8' }));
}

async function share(context: ActionContext): Promise<void> {
    const active = activeFile(context);
    if (!active) return;
    const result = await shareHash(active.name, active.text);
    if ('error' in result) return context.notices.show('aviso', result.error);
    const link = location.href.replace(/#.*$/, '') + result.hash;
    const copied = await navigator.clipboard?.writeText(link).then(() => true, () => false);
    context.notices.show('info', copied ? 'Enlace copiado al portapapeles. El texto va dentro del enlace: no se guarda en ningún servidor.'
        : 'Copie este enlace. El texto va dentro del enlace: no se guarda en ningún servidor.', { key: 'enlace', copy: link });
}

function newFile(context: ActionContext): void {
    const path = context.store.freePath('nuevo.estructura');
    context.store.put({ path, text: NEW_FILE_TEXT, unsaved: true });
    context.tabs.open(path);
}

/** Connects the toolbar's buttons (data-accion) and the fallback file inputs. */
export function bindToolbar(context: ActionContext, toolbar: HTMLElement, filesInput: HTMLInputElement, folderInput: HTMLInputElement): void {
    const fromInput = (input: HTMLInputElement, folder: boolean) => input.addEventListener('change', () => {
        const { files, truncated } = inputFiles(input.files!, folder);
        input.value = '';
        void addPicked(context, files, truncated);
    });
    fromInput(filesInput, false);
    fromInput(folderInput, true);
    const actions: Record<string, () => unknown> = {
        nuevo: () => newFile(context),
        'abrir-archivos': () => openFiles(context, filesInput),
        'abrir-carpeta': () => openFolder(context, folderInput),
        guardar: () => save(context),
        descargar: () => downloadActive(context),
        compartir: () => share(context),
        ejemplos: () => loadExamples(context.store)
    };
    toolbar.addEventListener('click', event => {
        const action = (event.target as Element).closest('button')?.dataset.accion;
        if (action && actions[action]) void actions[action]();
    });
}
