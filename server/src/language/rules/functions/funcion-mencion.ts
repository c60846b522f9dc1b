// funcion-mencion: unit names in function prose that point nowhere, to a former name, or are
// spelled differently from the official name. The mention index (language/mentions) finds them.
import { AstUtils, type ValidationAcceptor } from 'langium';
import { TextEdit, type CodeAction } from 'vscode-languageserver';
import type { Documento } from '../../generated/ast.js';
import { mentionRange, type Mention, type MentionIndex } from '../../mentions/mention-index.js';
import { report } from '../catalog.js';
import { fixAction, type FixContext } from '../fixes.js';

export interface MentionData {
    /** The words as written (spaces folded), to check the fix still applies. */
    texto: string;
    /** The name to write instead. */
    nombre: string;
    /** Set for a former name: `nombre` is the name in force. */
    vigente?: true;
}

export function checkMentions(root: Documento, accept: ValidationAcceptor, index: MentionIndex): void {
    const document = AstUtils.getDocument(root);
    for (const mention of index.mentionsOf(document)) {
        const range = mentionRange(document.textDocument, mention);
        const info = { node: mention.node, range };
        if (mention.kind === 'desconocida') {
            // A member of a plural list is named by its own words; the list says which kind it is.
            const what = mention.list ? `«${mention.text}», de la lista «${mention.list}»,` : `«${mention.text}»`;
            report(accept, 'funcion-mencion', `${what} no corresponde a ninguna unidad del espacio de trabajo (ni por su nombre oficial, ni por un alias o un nombre anterior registrado).`, info, 'info');
        } else if (mention.kind === 'anterior' && mention.replacement) {
            report(accept, 'funcion-mencion', `«${mention.text}» es un nombre anterior: ${formerNote(mention)}; el nombre vigente es «${mention.replacement}».`,
                { ...info, data: { texto: mention.text, nombre: mention.replacement, vigente: true } satisfies MentionData }, 'warning');
        } else if (mention.kind === 'variante' && mention.replacement) {
            const unit = mention.units[0];
            report(accept, 'funcion-mencion', `«${mention.text}» es una variante del nombre oficial «${mention.replacement}»${unit?.numero ? ` (${unit.numero})` : ''}.`,
                { ...info, data: { texto: mention.text, nombre: mention.replacement } satisfies MentionData }, 'info');
        }
    }
}

function formerNote(mention: Mention): string {
    const entry = mention.entry;
    const when = [entry?.until && `hasta ${entry.until}`, entry?.change && `por ${entry.change}`].filter(Boolean).join(', ');
    return `cambió de nombre${when ? ` (${when})` : ''}`;
}

/** Quick fix: write the name in force (a former name) or the official name (a variant) in place of the mention. */
export function mentionFix({ document, diagnostic }: FixContext): CodeAction[] {
    const data = diagnostic.data as Partial<MentionData> | undefined;
    if (!data?.nombre || !data.texto) return [];
    // Offer it only while the text under the diagnostic is still the mention.
    if (document.textDocument.getText(diagnostic.range).replace(/\s+/g, ' ') !== data.texto) return [];
    const title = data.vigente ? `Actualizar la mención al nombre vigente: «${data.nombre}»` : `Escribir «${data.nombre}»`;
    return [fixAction(title, document, diagnostic, [TextEdit.replace(diagnostic.range, data.nombre)])];
}
