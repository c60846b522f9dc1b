// Builds a workspace outside the editor (CLI, tests, benchmarks) exactly as the server would:
// every `.estructura` file under the given paths, indexed, linked and validated together.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createEstructuraServices, type EstructuraServices } from './language/estructura-module.js';
import type { LangiumSharedServices } from 'langium/lsp';

export interface InputProblem {
    file: string;
    message: string;
}

export interface LoadedWorkspace {
    shared: LangiumSharedServices;
    services: EstructuraServices;
    documents: LangiumDocument[];
    problems: InputProblem[];
}

/** Expands folders to the `.estructura` files inside them; reports what cannot be read. */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
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
    for (const p of paths) await visit(p, true);
    return { files: [...new Set(files)], problems };
}

export async function loadWorkspace(paths: string[], validate = true): Promise<LoadedWorkspace> {
    const { shared, Estructura: services } = createEstructuraServices(NodeFileSystem);
    const { files, problems } = await collectFiles(paths);
    const documents: LangiumDocument[] = [];
    for (const file of files) {
        let text: string;
        try {
            text = await fs.readFile(file, 'utf-8');
        } catch (error) {
            problems.push({ file, message: `no se puede leer: ${(error as Error).message}` });
            continue;
        }
        documents.push(shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file)));
    }
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build(documents, { validation: validate });
    return { shared, services, documents, problems };
}
