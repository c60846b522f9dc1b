// Rename. On an id: every file that refers to it; a qualified reference (`IMSS.DG`) keeps its
// institution, only the id after the dot is replaced. On a unit's official name (its string):
// the name, plus the mentions of that name in function prose, as edits the user previews and
// confirms one by one (function texts are legal text: nothing changes silently). Recording the old
// name (`anterior "…"`) is offered afterwards, on the unit (former-names.ts).
import { AstUtils, CstUtils, GrammarUtils, URI, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import {
    ResponseError, TextEdit, type AnnotatedTextEdit, type CancellationToken, type PrepareRenameParams,
    type Range, type RenameParams, type TextDocumentEdit, type WorkspaceEdit
} from 'vscode-languageserver';
import { EstructuraTerminals, isUnidad, type Unidad } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import { mentionRange, type MentionIndex } from '../language/mentions/mention-index.js';
import type { SessionNames } from './former-names.js';

const MENTIONS_ANNOTATION = 'menciones';

export class EstructuraRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;
    private readonly mentions: MentionIndex;
    private readonly sessionNames: SessionNames;

    constructor(services: EstructuraServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.mentions = services.structure.MentionIndex;
        this.sessionNames = services.structure.SessionNames;
    }

    override async prepareRename(document: LangiumDocument, params: PrepareRenameParams, cancelToken?: CancellationToken): Promise<Range | undefined> {
        // The range inside the quotes: the editor offers the name itself as the text to change.
        const named = this.officialNameAt(document, document.textDocument.offsetAt(params.position));
        if (named) return named.range;
        return super.prepareRename(document, params, cancelToken);
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const named = this.officialNameAt(document, document.textDocument.offsetAt(params.position));
        if (named) return this.renameOfficialName(named.unit, named.range, params.newName);
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

    /** The unit whose official name (the inside of its string) is at the offset. */
    private officialNameAt(document: LangiumDocument, offset: number): { unit: Unidad; range: Range } | undefined {
        const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset);
        const unit = leaf && AstUtils.getContainerOfType(leaf.astNode, isUnidad);
        const name = unit && GrammarUtils.findNodeForProperty(unit.$cstNode, 'nombre');
        if (!unit || !name || name !== leaf || name.text.length < 2) return undefined;
        const text = document.textDocument;
        return { unit, range: { start: text.positionAt(name.offset + 1), end: text.positionAt(name.end - 1) } };
    }

    private renameOfficialName(unit: Unidad, range: Range, newName: string): WorkspaceEdit {
        const name = newName.replace(/\s+/g, ' ').trim();
        if (!name || name.includes('"')) throw new ResponseError(0, 'El nombre oficial no puede quedar vacío ni contener comillas.');
        // Once the edit is applied, the lightbulb on the unit offers to record the name it replaces.
        if (typeof unit.nombre === 'string') this.sessionNames.noteRename(unit, unit.nombre);
        const byUri = new Map<string, Array<TextEdit | AnnotatedTextEdit>>();
        const add = (uri: string, edit: TextEdit | AnnotatedTextEdit) => byUri.set(uri, [...(byUri.get(uri) ?? []), edit]);
        add(AstUtils.getDocument(unit).textDocument.uri, TextEdit.replace(range, name));
        let count = 0;
        for (const mention of this.mentions.mentionsOfUnit(unit)) {
            if (mention.kind !== 'oficial' || mention.units.length !== 1) continue;
            const text = AstUtils.getDocument(mention.node).textDocument;
            add(text.uri, { ...TextEdit.replace(mentionRange(text, mention), name), annotationId: MENTIONS_ANNOTATION });
            count++;
        }
        const documentChanges: TextDocumentEdit[] = [...byUri].map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits }));
        return {
            documentChanges,
            changeAnnotations: count === 0 ? undefined : {
                [MENTIONS_ANNOTATION]: {
                    label: 'Menciones del nombre en el texto de las funciones',
                    description: `${count} ${count === 1 ? 'mención' : 'menciones'} de «${unit.nombre}»`,
                    needsConfirmation: true
                }
            }
        };
    }
}
