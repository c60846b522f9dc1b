// Quick fix of norma-7.2.1.15-sede: "Adscribir a la sede DOE". A PHAE written `adscrito a X` gets
// the sede in place of X; a PHAE nested in a unit (or attached only through `titular de`) gets an
// `adscrito a <sede>` line, which takes precedence over the enclosing unit.
import { AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import { TextEdit, type CodeAction } from 'vscode-languageserver';
import { isPuesto, type Puesto } from '../../generated/ast.js';
import { fixAction, lineIndentation, nodeAtDiagnostic, type FixContext } from '../fixes.js';

export interface SedeData {
    /** The id of the nearest sede above the position's unit. */
    sede: string;
    /** The id of the unit the position was attached to when the rule ran. */
    actual: string;
}

export function fixMoveToSede({ document, diagnostic }: FixContext): CodeAction[] {
    const data = diagnostic.data as Partial<SedeData> | undefined;
    if (!data?.sede) return [];
    const node = nodeAtDiagnostic(document, diagnostic);
    const position = node && AstUtils.getContainerOfType(node, isPuesto);
    if (!position) return [];
    const title = `Adscribir a la sede ${data.sede}`;
    if (position.adscripcion) {
        // Offer it only while the attachment is still the one the diagnostic is about.
        const ref = position.adscripcion.$refNode;
        if (!ref || (data.actual && position.adscripcion.ref?.name !== data.actual)) return [];
        return [fixAction(title, document, diagnostic, [TextEdit.replace(ref.range, data.sede)])];
    }
    const insertion = attachmentLine(document, position, data.sede);
    return insertion ? [fixAction(title, document, diagnostic, [insertion])] : [];
}

/** `adscrito a <sede>` as the first statement of the position's block. */
function attachmentLine(document: LangiumDocument, position: Puesto, sede: string): TextEdit | undefined {
    const open = position.$cstNode && GrammarUtils.findNodeForKeyword(position.$cstNode, '{');
    if (!open) return undefined;
    const indentation = (lineIndentation(document, position) ?? '') + '    ';
    return TextEdit.insert(open.range.end, `\n${indentation}adscrito a ${sede}`);
}
