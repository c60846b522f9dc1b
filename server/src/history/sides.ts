// The two sides of a comparison as the user names them: a folder (or file), or a git revision of the
// workspace (`HEAD~3`, or `HEAD~3:examples/manuales` for one folder of it). Node only: it reads the
// disk and runs git.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { normalizeKey } from '../language/text-keys.js';
import { tabuladorFromWorkbook } from '../language/positions/tabulador-files.js';
import { readSpreadsheetLazily } from '../spreadsheets/lazy-reader.js';
import { collectFiles, findConfigFile, loadTexts, loadWorkspace, type SourceText } from '../workspace.js';
import { declaredTabuladores } from '../language/positions/tabulador.js';
import { payScaleOf, workspacePayScale, type PayScale } from './pay-scale.js';
import { snapshotOf, type Snapshot } from './snapshot.js';

export interface SideRequest {
    /** What the user wrote: a path, `REV` or `REV:path`. */
    spec: string;
    /** Folders to read at a bare revision: the other side's folders, else the working folder. */
    defaultPaths: readonly string[];
    cwd: string;
}

export interface LoadedSide {
    snapshot: Snapshot;
    kind: 'carpeta' | 'git';
    /** The folders or files read (for a revision, relative to the working folder). */
    paths: string[];
    /** The tabuladores its workspace has for the institutions of its positions. */
    payScale?: PayScale;
}

/** A side that cannot be read: the message names it; the command exits with 2. */
export class SideError extends Error {}

export async function isPath(spec: string, cwd: string): Promise<boolean> {
    try {
        await fs.stat(path.resolve(cwd, spec));
        return true;
    } catch {
        return false;
    }
}

export async function loadSide(request: SideRequest): Promise<LoadedSide> {
    const { spec, cwd } = request;
    if (await isPath(spec, cwd)) return loadFolder(spec, cwd);
    const colon = spec.indexOf(':');
    const rev = colon > 0 ? spec.slice(0, colon) : spec;
    const paths = colon > 0 ? [spec.slice(colon + 1) || '.'] : request.defaultPaths.length > 0 ? [...request.defaultPaths] : ['.'];
    const root = gitRoot(cwd);
    if (root === undefined) {
        throw new SideError(`«${spec}» no es una carpeta ni un archivo, y ${cwd} no está en un repositorio de git donde buscarlo como revisión.`);
    }
    if (!isRevision(rev, cwd)) {
        throw new SideError(`«${spec}» no es una carpeta ni un archivo, ni una revisión de git de este repositorio («${rev}» no existe).`);
    }
    return loadRevision(rev, paths, cwd, root);
}

async function loadFolder(spec: string, cwd: string): Promise<LoadedSide> {
    const absolute = path.resolve(cwd, spec);
    const { files, problems } = await collectFiles([absolute]);
    if (files.length === 0) {
        throw new SideError(`${spec}: ${problems[0]?.message ?? 'la carpeta no contiene archivos .estructura'}`);
    }
    // Not validated, but its estructura.json is read: the tabulador spreadsheets it names price the
    // plazas. What that file says wrong is `estructura revisar`'s business, not the comparison's.
    const config = await findConfigFile([absolute]);
    const workspace = await loadWorkspace([absolute], false, config);
    const snapshot = snapshotOf(workspace.documents, {
        label: spec,
        fileName: d => path.relative(cwd, d.uri.fsPath) || d.uri.fsPath
    });
    for (const problem of workspace.problems) {
        if (problem.file !== config) snapshot.problems.push({ file: problem.file, line: 0, message: problem.message });
    }
    const payScale = workspacePayScale(snapshot, workspace.shared.workspace.LangiumDocuments, workspace.services.settings.RuleSettings.tabuladores);
    return { snapshot, kind: 'carpeta', paths: [spec], ...(payScale ? { payScale } : {}) };
}

function git(args: string[], cwd: string, input?: string) {
    // The input as bytes: with `encoding: 'buffer'`, Node 20 would encode a string input with that
    // encoding and throw ERR_UNKNOWN_ENCODING.
    return spawnSync('git', args, { cwd, input: input === undefined ? undefined : Buffer.from(input, 'utf-8'), encoding: 'buffer', maxBuffer: 1 << 30 });
}

function gitRoot(cwd: string): string | undefined {
    const result = git(['rev-parse', '--show-toplevel'], cwd);
    if (result.error || result.status !== 0) return undefined;
    return result.stdout.toString('utf-8').trim();
}

function isRevision(rev: string, cwd: string): boolean {
    // A revision is never an option: `--output=…` must not reach git as one.
    if (rev.startsWith('-')) return false;
    const result = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
    return !result.error && result.status === 0;
}

async function loadRevision(rev: string, paths: string[], cwd: string, root: string): Promise<LoadedSide> {
    // Paths are the user's, relative to the working folder; git wants them from the repository root.
    const pathspecs = paths.map(p => path.relative(root, path.resolve(cwd, p)) || '.');
    const listed = git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', rev, '--', ...pathspecs], root);
    if (listed.status !== 0) throw new SideError(`${rev}: git no pudo listar sus archivos: ${listed.stderr.toString('utf-8').trim()}`);
    const names = listed.stdout.toString('utf-8').split('\0').filter(name => name.endsWith('.estructura')).sort();
    if (names.length === 0) {
        throw new SideError(`${rev}: la revisión no tiene archivos .estructura en ${paths.join(', ')}.`);
    }
    const texts = readBlobs(rev, names, root).map(({ name, text }): SourceText => ({ file: path.join(root, name), text }));
    const workspace = await loadTexts(texts, false);
    const snapshot = snapshotOf(workspace.documents, {
        label: `${rev}`,
        fileName: d => `${rev}:${path.relative(cwd, d.uri.fsPath)}`
    });
    const payScale = workspacePayScale(snapshot, workspace.shared.workspace.LangiumDocuments);
    return { snapshot, kind: 'git', paths: pathspecs.map(p => path.relative(cwd, path.join(root, p)) || '.'), ...(payScale ? { payScale } : {}) };
}

/** All the files' texts in one `git cat-file --batch` (one process, not one per file). */
function readBlobs(rev: string, names: string[], root: string): Array<{ name: string; text: string }> {
    const result = git(['cat-file', '--batch'], root, names.map(name => `${rev}:${name}\n`).join(''));
    if (result.status !== 0) throw new SideError(`${rev}: git no pudo leer los archivos: ${result.stderr.toString('utf-8').trim()}`);
    const out: Array<{ name: string; text: string }> = [];
    const data = result.stdout;
    let offset = 0;
    for (const name of names) {
        const end = data.indexOf(0x0a, offset);
        const header = data.subarray(offset, end).toString('utf-8');
        const match = /^\S+ blob (\d+)$/.exec(header);
        if (!match) throw new SideError(`${rev}:${name}: git no devolvió su contenido (${header}).`);
        const size = Number(match[1]);
        out.push({ name, text: data.subarray(end + 1, end + 1 + size).toString('utf-8') });
        offset = end + 1 + size + 1;
    }
    return out;
}

/** The gross column of a spreadsheet named with `--tabulador`, by the names tabuladores give it. */
const GROSS_COLUMNS = ['bruto', 'total_bruto', 'total bruto', 'bruto mensual', 'sueldo bruto'];

/**
 * The tabulador a user names (`--tabulador`), for positions of any institution: every `tabulador`
 * a `.estructura` file (or folder) declares, or a CSV/XLSX whose first sheet has the columns
 * `nivel` and `bruto` (or `total_bruto`). Other columns are named in estructura.json's `tabuladores`.
 */
export async function loadPayScaleFile(spec: string, cwd: string): Promise<PayScale> {
    const absolute = path.resolve(cwd, spec);
    if (!await isPath(spec, cwd)) throw new SideError(`--tabulador: no existe «${spec}».`);
    const scale = /\.(csv|xlsx)$/i.test(spec) ? await spreadsheetScale(spec, absolute) : await declaredScale(absolute);
    if (!scale) throw new SideError(`--tabulador: «${spec}» no declara ningún tabulador con bruto mensual.`);
    return scale;
}

async function declaredScale(absolute: string): Promise<PayScale | undefined> {
    const workspace = await loadWorkspace([absolute], false);
    return payScaleOf(new Map([['', declaredTabuladores(workspace.shared.workspace.LangiumDocuments)]]));
}

async function spreadsheetScale(spec: string, absolute: string): Promise<PayScale | undefined> {
    let book;
    try {
        book = await readSpreadsheetLazily(absolute);
    } catch (error) {
        throw new SideError(`--tabulador: ${(error as Error).message}`);
    }
    const header = book.sheets[0]?.rows.find(r => r.cells.some(c => normalizeKey(c.text) === normalizeKey('nivel')));
    const bruto = GROSS_COLUMNS.find(name => header?.cells.some(c => normalizeKey(c.text) === normalizeKey(name)));
    if (!header || !bruto) {
        throw new SideError(`--tabulador: la primera hoja de «${spec}» no tiene las columnas «nivel» y «bruto» (o «total_bruto»); `
            + 'con otros nombres, declare el tabulador en «tabuladores» de estructura.json.');
    }
    const tabulador = tabuladorFromWorkbook({ archivo: spec, nombre: path.basename(spec), columnas: { nivel: 'nivel', bruto, partes: [] } }, book, () => undefined);
    return tabulador ? payScaleOf(new Map([['', [tabulador]]])) : undefined;
}
