// Workspace-wide checks (cycles, numbering of siblings in other files, duplicate ids) look
// across files. Langium relinks only documents that point at a changed one; we also revalidate
// the documents of the same institution, so a change in one manual updates the others.
import { DefaultDocumentBuilder, URI, type LangiumDocument } from 'langium';
import { institutionOf } from './model.js';

export class EstructuraDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) return true;
        const institution = institutionOf(document.parseResult.value);
        for (const uri of changedUris) {
            const changed = this.langiumDocuments.getDocument(URI.parse(uri));
            // A changed document not parsed yet, or deleted: be safe and relink.
            if (!changed || changed.parseResult.value.$type === 'INVALID') return true;
            if (institutionOf(changed.parseResult.value) === institution) return true;
        }
        return false;
    }
}
