// «Estructura: Comparar con…»: compares what the editor has (the workspace folder, unsaved edits
// included) with a git revision, another folder, or the structure in force at a date, and shows the
// server's report (the cuadro comparativo) in a webview beside the editor. A link in the report opens
// the definition it names.
import * as path from 'node:path';
import {
    commands, ProgressLocation, SymbolKind, window, workspace,
    type DocumentSymbol, type QuickPickItem, type TextEditor, type WorkspaceFolder
} from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { nonce } from './nonce.js';
import { COMPARAR_REQUEST, REQUEST_CANCELLED, type CompareBase, type CompararParams, type CompararResponse } from '../../server/src/protocol.js';
import { comparacionPage } from '../webview/comparacion.js';
import { ReportPanel } from './report-panel.js';

interface BaseItem extends QuickPickItem { base: CompareBase['kind'] }

export async function comparar(client: LanguageClient): Promise<void> {
    const editor = window.activeTextEditor?.document.languageId === 'estructura' ? window.activeTextEditor : undefined;
    const folder = (editor && workspace.getWorkspaceFolder(editor.document.uri)) ?? workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') {
        void window.showErrorMessage('Para comparar, abra en VS Code la carpeta con los archivos .estructura (Archivo › Abrir carpeta…).');
        return;
    }
    const base = await askBase(folder);
    if (!base) return;
    const unit = editor ? await askScope(editor) : { root: undefined };
    if (!unit) return;
    const params: CompararParams = { base, root: unit.root, uri: (editor?.document.uri ?? folder.uri).toString() };
    let response: CompararResponse;
    try {
        response = await window.withProgress(
            { location: ProgressLocation.Notification, title: `Comparando con ${baseLabel(base)}…`, cancellable: true },
            (_progress, token) => client.sendRequest<CompararResponse>(COMPARAR_REQUEST, params, token)
        );
    } catch (error) {
        if ((error as { code?: number }).code === REQUEST_CANCELLED) return;
        void window.showErrorMessage(`No se pudo comparar con ${baseLabel(base)}: ${(error as Error).message}`);
        return;
    }
    if ('error' in response) {
        void window.showErrorMessage(response.error);
        return;
    }
    const title = `Comparación: ${baseLabel(base)}${unit.root ? ` (${unit.root})` : ''}`;
    ReportPanel.show('estructura.comparacion', 'Comparación', comparacionPage(response.html, nonce()), title);
}

function baseLabel(base: CompareBase): string {
    switch (base.kind) {
        case 'git': return base.rev;
        case 'carpeta': return path.basename(base.path) || base.path;
        case 'fecha': return `al ${base.date}`;
    }
}

async function askBase(folder: WorkspaceFolder): Promise<CompareBase | undefined> {
    const items: BaseItem[] = [
        { base: 'git', label: '$(git-commit) Una revisión de git…', detail: 'Lo guardado en git (HEAD), una versión anterior (HEAD~1), una rama, una etiqueta o un commit' },
        { base: 'carpeta', label: '$(folder) Una carpeta…', detail: 'Otra copia de los archivos .estructura, por ejemplo la versión anterior de un manual' },
        { base: 'fecha', label: '$(calendar) La estructura vigente en una fecha…', detail: 'Deducida de los cambios registrados (cambio …, anterior … hasta) y comparada con la de hoy' }
    ];
    const choice = await window.showQuickPick(items, {
        title: `Comparar ${folder.name} con…`,
        placeHolder: 'Elija con qué comparar lo que tiene el editor (incluidos los cambios sin guardar)'
    });
    return choice ? ASK_BASE[choice.base](folder) : undefined;
}

/** For each kind of base, what is asked once it is chosen. */
const ASK_BASE: Record<BaseItem['base'], (folder: WorkspaceFolder) => Promise<CompareBase | undefined>> = {
    git: askRevision,
    carpeta: askFolder,
    fecha: askDate
};

async function askRevision(): Promise<CompareBase | undefined> {
    // git reads the repository's own configuration, which can name programs to run: not in
    // a workspace the user has not trusted (restricted mode runs nothing of the workspace).
    if (!workspace.isTrusted) {
        void window.showErrorMessage('La comparación con una revisión de git ejecuta git en esta carpeta: solo está disponible si confía en el espacio de trabajo (comando «Espacios de trabajo: administrar la confianza del área de trabajo»).');
        return undefined;
    }
    const rev = await window.showInputBox({
        title: 'Comparar con una revisión de git',
        prompt: 'Revisión de git: HEAD, HEAD~1, una rama, una etiqueta o un commit (REV:carpeta para otra carpeta de esa revisión)',
        value: 'HEAD',
        validateInput: validateRevision
    });
    return rev === undefined ? undefined : { kind: 'git', rev: rev.trim() };
}

async function askFolder(folder: WorkspaceFolder): Promise<CompareBase | undefined> {
    const picked = await window.showOpenDialog({
        title: 'Carpeta con la versión con la que comparar',
        canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
        defaultUri: folder.uri,
        openLabel: 'Comparar con esta carpeta'
    });
    const target = picked?.[0];
    if (!target) return undefined;
    if (target.scheme !== 'file') {
        void window.showErrorMessage(`La carpeta ${target.toString()} no está en este equipo: solo se comparan carpetas locales.`);
        return undefined;
    }
    return { kind: 'carpeta', path: target.fsPath };
}

async function askDate(): Promise<CompareBase | undefined> {
    const date = await window.showInputBox({
        title: 'Comparar con la estructura vigente en una fecha',
        prompt: 'Fecha (AAAA-MM-DD): se deshacen los cambios registrados después de ella',
        placeHolder: 'AAAA-MM-DD, por ejemplo 2018-07-25',
        validateInput: validateDate
    });
    return date === undefined ? undefined : { kind: 'fecha', date: date.trim() };
}

export function validateRevision(value: string): string | undefined {
    const rev = value.trim();
    if (rev === '') return 'Escriba una revisión de git, por ejemplo HEAD o HEAD~1.';
    if (/\s/.test(rev)) return 'Una revisión de git no lleva espacios.';
    if (rev.startsWith('-')) return 'Una revisión de git no empieza con «-».';
    return undefined;
}

export function validateDate(value: string): string | undefined {
    const date = value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Escriba la fecha como AAAA-MM-DD, por ejemplo 2018-07-25.';
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date)) return `${date} no es una fecha válida.`;
    return undefined;
}

/**
 * With the cursor on a unit, whether to compare only that unit and the units below it. Undefined:
 * the user dismissed the question (the command stops).
 */
async function askScope(editor: TextEditor): Promise<{ root: string | undefined } | undefined> {
    const unit = await unitAt(editor);
    if (!unit) return { root: undefined };
    const items: Array<QuickPickItem & { root: string | undefined }> = [
        { label: 'Todo el espacio de trabajo', root: undefined },
        { label: `Solo ${unit.name} y sus dependencias`, description: unit.id, root: unit.id }
    ];
    const choice = await window.showQuickPick(items, { title: 'Qué comparar', placeHolder: 'El cursor está en una unidad: compararla sola o todo' });
    return choice ? { root: choice.root } : undefined;
}

/** The innermost unit around the cursor, from the outline the server gives (its id is the symbol's selection). */
async function unitAt(editor: TextEditor): Promise<{ id: string; name: string } | undefined> {
    let symbols: DocumentSymbol[] | undefined;
    try {
        symbols = await commands.executeCommand<DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    } catch {
        return undefined;
    }
    const cursor = editor.selection.active;
    let found: DocumentSymbol | undefined;
    const visit = (list: readonly DocumentSymbol[] | undefined) => {
        for (const symbol of list ?? []) {
            if (!symbol.range?.contains(cursor)) continue;
            if (symbol.kind === SymbolKind.Class) found = symbol;
            visit(symbol.children);
        }
    };
    visit(symbols);
    if (!found) return undefined;
    const id = editor.document.getText(found.selectionRange);
    return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(id) ? { id, name: found.name } : undefined;
}
