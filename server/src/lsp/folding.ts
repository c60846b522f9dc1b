// Folding: Langium's (multi-line nodes and comments) plus `// #region … // #endregion` markers,
// which VS Code only honours when the server provides them.
import type { LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';

const REGION_START = /^\s*\/\/\s*#region\b/;
const REGION_END = /^\s*\/\/\s*#endregion\b/;

export class EstructuraFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        const lines = document.textDocument.getText().split('\n');
        const open: number[] = [];
        lines.forEach((line, index) => {
            if (REGION_START.test(line)) open.push(index);
            else if (REGION_END.test(line) && open.length > 0) {
                acceptor({ startLine: open.pop()!, endLine: index, kind: FoldingRangeKind.Region });
            }
        });
    }
}
