// Builds a workspace outside the editor (CLI, tests, benchmarks) exactly as the server would:
// every `.estructura` file under the given paths, indexed, linked and validated together.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { createEstructuraServices, type EstructuraServices } from './language/estructura-module.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { CONFIG_FILE, parseConfigFile } from './language/settings.js';
import { loadTabuladores } from './language/positions/tabulador-files.js';
import { nodeHost, openTabuladorIn } from './files/node-file-access.js';

export interface InputProblem {
    file: string;
    message: string;
}

export interface LoadedWorkspace {
    shared: LangiumSharedServices;
    services: EstructuraServices;
    documents: LangiumDocument[];
    problems: InputProblem[];
    /**
     * Files loaded only as context (`--espacio`): indexed, linked and validated with the rest so
     * references and cross-file rules see them, but not among the files the caller reports on.
     */
    contextOnly: ReadonlySet<string>;
}

export interface LoadOptions {
    /** Folders or files loaded for linking and cross-file rules only (see `contextOnly`). */
    context?: readonly string[];
}

/**
 * Expands folders to the `.estructura` files inside them; reports what cannot be read, and a
 * folder given by name that holds no `.estructura` file (a typo, or the wrong folder).
 */
export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
    const files: string[] = [];
    const problems: InputProblem[] = [];
    async function visit(target: string, explicit: boolean): Promise<void> {
        let stat;
        try {
            stat = await fs.stat(target);
        } catch {
            problems.push({ file: target, message: 'no existe o no se puede leer' });
            return;
        }
        if (stat.isDirectory()) {
            let entries: string[];
            try {
                entries = (await fs.readdir(target)).sort();
            } catch {
                problems.push({ file: target, message: 'no se puede leer la carpeta' });
                return;
            }
            for (const entry of entries) {
                if (entry === 'node_modules' || entry.startsWith('.')) continue;
                await visit(path.join(target, entry), false);
            }
        } else if (target.endsWith('.estructura')) {
            files.push(path.resolve(target));
        } else if (explicit) {
            problems.push({ file: target, message: 'no es un archivo .estructura; se omite' });
        }
    }
    for (const p of paths) {
        const before = files.length;
        await visit(p, true);
        if (files.length === before && !problems.some(problem => problem.file === p)) {
            problems.push({ file: p, message: 'la carpeta no contiene archivos .estructura' });
        }
    }
    return { files: [...new Set(files)], problems };
}

/**
 * The `estructura.json` that applies to these paths: the first one found in a given folder (or a
 * given file's folder) or any folder above it, as the editor finds it at the workspace root.
 */
export async function findConfigFile(paths: string[]): Promise<string | undefined> {
    for (const p of paths) {
        let dir = path.resolve(p);
        try {
            if (!(await fs.stat(dir)).isDirectory()) dir = path.dirname(dir);
        } catch {
            continue;
        }
        for (;;) {
            const candidate = path.join(dir, CONFIG_FILE);
            try {
                await fs.access(candidate);
                return candidate;
            } catch {
                const up = path.dirname(dir);
                if (up === dir) break;
                dir = up;
            }
        }
    }
    return undefined;
}

export async function loadWorkspace(paths: string[], validate = true, configFile?: string, options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const { shared, Estructura: services } = createEstructuraServices({ host: nodeHost() });
    const given = await collectFiles(paths);
    const context = await collectFiles(options.context ?? []);
    const givenFiles = new Set(given.files);
    const contextOnly = new Set(context.files.filter(file => !givenFiles.has(file)));
    const files = [...given.files, ...contextOnly];
    const problems = [...given.problems, ...context.problems];
    const config = configFile ?? (validate ? await findConfigFile(paths) : undefined);
    if (config) {
        try {
            const parsed = parseConfigFile(await fs.readFile(config, 'utf-8'), config);
            services.settings.RuleSettings.applyFile(parsed);
            for (const message of parsed.problems) problems.push({ file: config, message: message.startsWith(config) ? message.slice(config.length + 2) : message });
            const loaded = await loadTabuladores(parsed.tabuladores, openTabuladorIn(path.dirname(config)));
            services.settings.RuleSettings.applyTabuladores(loaded.tabuladores);
            for (const problem of loaded.problems) problems.push({ file: config, message: problem.message });
        } catch (error) {
            problems.push({ file: config, message: `no se puede leer la configuración: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        }
    }
    // All reads start at once and each file is parsed as its text arrives: reading one file after
    // another left the process idle ~100 ms on examples/ while the disk answered.
    const reads = files.map(file => fs.readFile(file, 'utf-8').then(
        text => ({ file, text }),
        (error: Error) => ({ file, error })
    ));
    const documents: LangiumDocument[] = [];
    for (const read of reads) {
        const result = await read;
        if ('error' in result) {
            problems.push({ file: result.file, message: `no se puede leer: ${result.error.message}` });
            continue;
        }
        documents.push(parse(shared, result));
    }
    await buildDocuments(shared, documents, validate);
    return { shared, services, documents, problems, contextOnly };
}

export interface SourceText {
    /** Absolute path the document is known by (for a git revision, the file's path in the working tree). */
    file: string;
    text: string;
}

/** Texts that are not files on disk (a git revision): parsed, indexed and linked as one workspace. */
export async function loadTexts(texts: readonly SourceText[], validate = false): Promise<LoadedWorkspace> {
    const { shared, Estructura: services } = createEstructuraServices({ host: nodeHost() });
    const documents = texts.map(text => parse(shared, text));
    await buildDocuments(shared, documents, validate);
    return { shared, services, documents, problems: [], contextOnly: new Set() };
}

function parse(shared: LangiumSharedServices, { file, text }: SourceText): LangiumDocument {
    return shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
}

async function buildDocuments(shared: LangiumSharedServices, documents: LangiumDocument[], validate: boolean): Promise<void> {
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build(documents, { validation: validate });
}
