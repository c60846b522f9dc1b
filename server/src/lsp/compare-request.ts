// The `estructura/comparar` request: the editor's «Comparar con…». «Después» is what the editor has
// (the server's documents of the workspace folder, unsaved edits included); «antes» is a git revision
// of that folder, another folder, or the structure in force at a date derived from today's records.
// The answer is the comparison as one HTML page (the cuadro comparativo) for the webview, with its
// counts, or a message in Spanish saying why there is none.
import * as path from 'node:path';
import { DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type WorkspaceFolder } from 'vscode-languageserver';
import { stateAt } from '../history/as-of.js';
import { compareSnapshots, type Comparison } from '../history/compare.js';
import { renderHtml, type ReportInput } from '../history/render/index.js';
import type { EstructuraSharedServices } from '../language/estructura-module.js';
import { workspacePayScale } from '../history/pay-scale.js';
import { scalesFor } from '../history/plaza-changes.js';
import { loadSide, SideError } from '../history/sides.js';
import { snapshotOf, type Place, type Snapshot } from '../history/snapshot.js';
import { COMPARAR_REQUEST, type CompareBase, type CompararParams, type CompararResponse, type CompararSummary } from '../protocol.js';

export function registerCompararRequest(connection: Connection, shared: EstructuraSharedServices): void {
    connection.onRequest(COMPARAR_REQUEST, (params: CompararParams, token: CancellationToken) => comparar(shared, params, token));
}

/** Answers the request; a cancellation rejects with RequestCancelled (-32800), as the protocol says. */
export async function comparar(shared: EstructuraSharedServices, params: CompararParams, token?: CancellationToken): Promise<CompararResponse> {
    try {
        return await compare(shared, params, token);
    } catch (error) {
        if (isOperationCancelled(error)) throw cancelled();
        if (error instanceof ResponseError) throw error;
        if (error instanceof SideError) return { error: error.message };
        // A failure of the server itself: said in the editor like the others, the details logged.
        console.error(error);
        return { error: `No se pudo hacer la comparación: ${error instanceof Error ? error.message : String(error)}` };
    }
}

function cancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'La comparación se canceló.');
}

function checkCancelled(token: CancellationToken | undefined): void {
    if (token?.isCancellationRequested) throw cancelled();
}

async function compare(shared: EstructuraSharedServices, params: CompararParams, token?: CancellationToken): Promise<CompararResponse> {
    const invalid = invalidBase(params.base);
    if (invalid) return { error: invalid };
    await shared.workspace.WorkspaceManager.ready;
    const folder = folderFor(shared.workspace.WorkspaceManager.workspaceFolders ?? [], params.uri);
    if (!folder) return { error: 'Para comparar hace falta una carpeta abierta en VS Code (Archivo › Abrir carpeta…) con los archivos .estructura.' };
    const cwd = folder.path;
    // «Después» is the text as typed: wait for the build of the latest edit, then read the documents
    // behind the workspace lock (an edit sent before this request is built first). Only the plain-data
    // snapshot is taken under the lock: loading «antes» (git, another folder) runs outside it, so
    // typing is never held up by a comparison.
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, token);
    const { after, afterScale } = await shared.workspace.WorkspaceLock.read(() => {
        const snapshot = currentSnapshot(shared, folder);
        return { after: snapshot, afterScale: workspacePayScale(snapshot, shared.workspace.LangiumDocuments, shared.settings.RuleSettings.tabuladores) };
    });
    checkCancelled(token);
    if (after.files.length === 0) return { error: `La carpeta ${cwd} no contiene archivos .estructura.` };
    const root = params.root === undefined ? undefined : qualifyRoot(after, params.root, params.uri);

    let input: ReportInput;
    let beforeFiles: ReadonlySet<string> = new Set();
    const base = params.base;
    if (base.kind === 'fecha') {
        const result = stateAt(after, base.date);
        input = { comparison: compareSnapshots(result.state, after, { root, payScales: scalesFor(afterScale, afterScale) }), asOf: { date: base.date, result } };
    } else {
        const spec = base.kind === 'git' ? base.rev : folderSpec(base.path, cwd);
        const before = await loadSide({ spec, defaultPaths: [cwd], cwd });
        checkCancelled(token);
        if (before.kind === 'git') beforeFiles = new Set(before.snapshot.files);
        input = { comparison: compareSnapshots(before.snapshot, after, { root, payScales: scalesFor(before.payScale, afterScale) }) };
    }
    const comparison = input.comparison;
    if (comparison.scope && comparison.scope.before === undefined && comparison.scope.after === undefined) {
        return { error: `No hay una unidad «${params.root}» en ninguna de las dos versiones.` };
    }
    const html = renderHtml(input, {
        title: `Comparación: ${comparison.before.label} → ${comparison.after.label}`,
        // Links go to the workspace folder's own files, the ones the server already has. A place in
        // a git revision has the revision's line numbers (the working-tree file at that line is
        // other text), and a file of another folder, once opened, would be indexed beside the
        // workspace as a second definition of its units: neither is a link.
        href: (place: Place) => beforeFiles.has(place.file) || !isInside(cwd, place.absolute) ? undefined : placeHref(place)
    });
    checkCancelled(token);
    return { html, summary: summaryOf(comparison), before: comparison.before.label, after: comparison.after.label };
}

/** The link a place gets: the file's URI, the 1-based line as fragment (`file:///…/a.estructura#L12`). */
export function placeHref(place: Place): string {
    return `${URI.file(place.absolute).toString()}#L${place.line}`;
}

function summaryOf(comparison: Comparison): CompararSummary {
    return {
        differences: comparison.differences.length,
        uncovered: comparison.differences.filter(d => d.uncovered).length,
        unfulfilled: comparison.unfulfilled.length
    };
}

function invalidBase(base: CompareBase | undefined): string | undefined {
    switch (base?.kind) {
        case 'git':
            return typeof base.rev === 'string' && base.rev.trim() !== '' ? undefined : 'Indique la revisión de git con la que comparar (por ejemplo, HEAD).';
        case 'carpeta':
            return typeof base.path === 'string' && base.path !== '' ? undefined : 'Indique la carpeta con la que comparar.';
        case 'fecha':
            return typeof base.date === 'string' && isDate(base.date) ? undefined : `La fecha debe escribirse AAAA-MM-DD (por ejemplo, 2018-07-25), no «${String(base.date)}».`;
        default:
            return 'Indique con qué comparar: una revisión de git, una carpeta o una fecha.';
    }
}

function isDate(text: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const parsed = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text);
}

interface Folder {
    name: string;
    /** Absolute path on disk. */
    path: string;
}

/** The workspace folder holding the active document (the innermost one), else the first one. */
function folderFor(folders: readonly WorkspaceFolder[], uri: string | undefined): Folder | undefined {
    const local = folders
        .map(folder => ({ name: folder.name, uri: URI.parse(folder.uri) }))
        .filter(folder => folder.uri.scheme === 'file')
        .map(folder => ({ name: folder.name, path: folder.uri.fsPath }));
    if (uri !== undefined) {
        const file = URI.parse(uri);
        if (file.scheme === 'file') {
            const holding = local.filter(folder => isInside(folder.path, file.fsPath)).sort((a, b) => b.path.length - a.path.length)[0];
            if (holding) return holding;
        }
    }
    return local[0];
}

function isInside(folder: string, file: string): boolean {
    const relative = path.relative(folder, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The folder as the report names it: relative to the workspace folder when inside it. */
function folderSpec(folder: string, cwd: string): string {
    const absolute = path.resolve(cwd, folder);
    return isInside(cwd, absolute) ? path.relative(cwd, absolute) || '.' : absolute;
}

/** The version the editor has: the linked documents of the folder, named relative to it. */
function currentSnapshot(shared: EstructuraSharedServices, folder: Folder): Snapshot {
    const cwd = folder.path;
    const documents = shared.workspace.LangiumDocuments.all
        .filter((d: LangiumDocument) => d.uri.scheme === 'file' && d.state >= DocumentState.Linked && isInside(cwd, d.uri.fsPath))
        .toArray();
    return snapshotOf(documents, { label: folder.name, fileName: d => path.relative(cwd, d.uri.fsPath) || d.uri.fsPath });
}

/**
 * An unqualified id names the unit of the active document's institution when the document defines
 * one by that id (IMSS and ISSSTE may both have a `DG`); otherwise it stays as written.
 */
function qualifyRoot(after: Snapshot, root: string, uri: string | undefined): string {
    if (root.includes('.') || uri === undefined) return root;
    const file = URI.parse(uri).fsPath;
    for (const unit of after.units.values()) {
        if (unit.id.endsWith(`.${root}`) && unit.place?.absolute === file) return unit.id;
    }
    return root;
}
