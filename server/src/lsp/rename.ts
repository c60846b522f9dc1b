// Rename edits every file that refers to the id. A qualified reference (`IMSS.DG`) keeps its
// institution: only the id after the dot is replaced.
import { URI, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ResponseError, TextEdit, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { EstructuraServices } from '../language/estructura-module.js';
import { EstructuraTerminals } from '../language/generated/ast.js';

export class EstructuraRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: EstructuraServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const pattern = new RegExp(`^${EstructuraTerminals.ID.source}$`);
        if (!pattern.test(params.newName)) {
            throw new ResponseError(0, `«${params.newName}» no es un identificador válido: use letras, dígitos y _ , sin espacios, empezando con una letra.`);
        }
        const edit = await super.rename(document, params);
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const text = this.documents.getDocument(URI.parse(uri))?.textDocument;
            if (!text) continue;
            edit!.changes![uri] = edits.map(e => {
                const old = text.getText(e.range);
                const dot = old.lastIndexOf('.');
                if (dot < 0) return e;
                const start = text.positionAt(text.offsetAt(e.range.start) + dot + 1);
                return TextEdit.replace({ start, end: e.range.end }, e.newText);
            });
        }
        return edit;
    }
}
