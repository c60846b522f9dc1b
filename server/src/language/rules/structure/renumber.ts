// Quick fix of estructura-numeracion: "Renumerar como 7.1.2". The rule puts the expected number
// in the diagnostic's data (`RenumberData`); the fix writes it, keeping a trailing period if the
// number had one, and renumbers the units below it in the same manual (in any of its files)
// whose numbers extend the old one, so the subtree stays consistent.
import { AstUtils, GrammarUtils } from 'langium';
import { CodeActionKind, TextEdit, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver';
import { isUnidad, type Unidad } from '../../generated/ast.js';
import { manualKey, numberKey } from '../../model.js';
import type { StructureIndex } from '../../structure-index.js';
import { nodeAtDiagnostic, type FixContext } from '../fixes.js';
import type { RenumberData } from '../numbering.js';

export function fixRenumber({ document, diagnostic, services }: FixContext): CodeAction[] {
    const data = diagnostic.data as Partial<RenumberData> | undefined;
    if (!data?.numero || !data.actual) return [];
    const node = nodeAtDiagnostic(document, diagnostic);
    const unit = node && AstUtils.getContainerOfType(node, isUnidad);
    // Offer it only while the diagnostic still points at that number.
    if (!unit || numberKey(unit.numero) !== data.actual) return [];
    const edit: WorkspaceEdit = { changes: {} };
    renumber(unit, data.actual, data.numero, edit);
    for (const descendant of descendants(unit, services.structure.StructureIndex)) {
        const number = numberKey(descendant.numero);
        if (number?.startsWith(`${data.actual}.`)) renumber(descendant, number, data.numero + number.substring(data.actual.length), edit);
    }
    return [{
        title: `Renumerar como ${data.numero}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit
    }];
}

function renumber(unit: Unidad, from: string, to: string, edit: WorkspaceEdit): void {
    const node = unit.$cstNode && GrammarUtils.findNodeForProperty(unit.$cstNode, 'numero');
    if (!node) return;
    const trailing = node.text.endsWith('.') && !from.endsWith('.') ? '.' : '';
    const uri = AstUtils.getDocument(unit).uri.toString();
    (edit.changes![uri] ??= []).push(TextEdit.replace(node.range, to + trailing));
}

/** Units below `unit` in its own manual, nested or attached from other files; each once. */
function descendants(unit: Unidad, index: StructureIndex): Unidad[] {
    const manual = manualKey(unit);
    const seen = new Set<Unidad>([unit]);
    const out: Unidad[] = [];
    const pending = [unit];
    while (pending.length > 0) {
        for (const child of index.snapshot.children.get(pending.pop()!)) {
            if (seen.has(child) || manualKey(child) !== manual) continue;
            seen.add(child);
            out.push(child);
            pending.push(child);
        }
    }
    return out;
}
