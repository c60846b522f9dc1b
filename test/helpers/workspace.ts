// Builds in-memory workspaces of several `.estructura` files, as the server would, and finds
// positions in them by text, so tests read like what a user points at.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NO_HOST } from '../../server/src/files/host.js';
import { nodeRuleDocs } from '../../server/src/files/node-file-access.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { createEstructuraServices, type EstructuraServices } from '../../server/src/language/estructura-module.js';
import type { Documento } from '../../server/src/language/generated/ast.js';
import { EXAMPLES, exampleFileNames } from './examples.js';

export { EXAMPLES, REPO } from './examples.js';

export interface TestWorkspace {
    shared: LangiumSharedServices;
    services: EstructuraServices;
    docs: Record<string, LangiumDocument<Documento>>;
    /** Replaces a file's text (or adds the file) and rebuilds, as an editor change would. */
    update(name: string, text: string): Promise<void>;
    /** Removes a file and rebuilds, as deleting it on disk would. */
    remove(name: string): Promise<void>;
}

export async function buildWorkspace(files: Record<string, string>): Promise<TestWorkspace> {
    const { shared, Estructura: services } = createEstructuraServices({ host: { ...NO_HOST, ruleDocs: nodeRuleDocs() } });
    const docs: Record<string, LangiumDocument<Documento>> = {};
    let version = 0;
    for (const [name, text] of Object.entries(files)) {
        const doc = shared.workspace.LangiumDocumentFactory.fromString<Documento>(text, uriOf(name));
        shared.workspace.LangiumDocuments.addDocument(doc);
        docs[name] = doc;
    }
    await shared.workspace.DocumentBuilder.build(Object.values(docs), { validation: true });
    const workspace: TestWorkspace = {
        shared, services, docs,
        async update(name, text) {
            // As an editor does: the open text document changes, then the builder updates.
            const uri = uriOf(name);
            setTextDocument(shared, TextDocument.create(uri.toString(), 'estructura', ++version, text));
            await shared.workspace.DocumentBuilder.update([uri], []);
            docs[name] = shared.workspace.LangiumDocuments.getDocument(uri) as LangiumDocument<Documento>;
        },
        async remove(name) {
            const uri = uriOf(name);
            shared.workspace.TextDocuments?.delete(uri.toString());
            await shared.workspace.DocumentBuilder.update([], [uri]);
            delete docs[name];
        }
    };
    // The builder validates documents rebuilt on update only with this option.
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    return workspace;
}

export function uriOf(name: string): URI {
    return URI.parse(`file:///ws/${name}`);
}

/** Every `.estructura` file under examples/, keyed by its path relative to examples/. */
export function exampleFiles(): Record<string, string> {
    return Object.fromEntries(exampleFileNames().map(name => [name, readFileSync(path.join(EXAMPLES, name), 'utf-8')]));
}

/** The position of `target` inside the first occurrence of `context` in the document. */
export function positionOf(doc: LangiumDocument, context: string, target = context, occurrence = 0): Position {
    const text = doc.textDocument.getText();
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
        at = text.indexOf(context, at + 1);
        if (at < 0) throw new Error(`«${context}» not found (occurrence ${i}) in ${doc.uri.path}`);
    }
    const inner = context.indexOf(target);
    if (inner < 0) throw new Error(`«${target}» not inside «${context}»`);
    return doc.textDocument.positionAt(at + inner);
}

/** The 0-based line of the first line containing `text`. */
export function lineOf(doc: LangiumDocument, text: string): number {
    return positionOf(doc, text).line;
}

export function textParams(doc: LangiumDocument, position: Position) {
    return { textDocument: { uri: doc.uri.toString() }, position };
}
