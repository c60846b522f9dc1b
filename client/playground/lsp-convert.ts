// LSP ↔ Monaco: positions (0-based vs 1-based), ranges, markers, completion items, Markdown and
// edits. Markdown from the server is shown untrusted and without HTML: text is data.
import * as monaco from 'monaco-editor';
import type * as lsp from 'vscode-languageserver-protocol/browser';

export function toPosition(position: monaco.IPosition): lsp.Position {
    return { line: position.lineNumber - 1, character: position.column - 1 };
}

export function toRange(range: monaco.IRange): lsp.Range {
    return {
        start: { line: range.startLineNumber - 1, character: range.startColumn - 1 },
        end: { line: range.endLineNumber - 1, character: range.endColumn - 1 }
    };
}

export function fromRange(range: lsp.Range): monaco.IRange {
    return {
        startLineNumber: range.start.line + 1, startColumn: range.start.character + 1,
        endLineNumber: range.end.line + 1, endColumn: range.end.character + 1
    };
}

export function markdown(content: lsp.MarkupContent | lsp.MarkedString | string): monaco.IMarkdownString {
    const value = typeof content === 'string' ? content
        : 'kind' in content ? (content.kind === 'markdown' ? content.value : plainAsMarkdown(content.value))
            : '```' + content.language + '\n' + content.value + '\n```';
    return { value, isTrusted: false, supportHtml: false, supportThemeIcons: false };
}

function plainAsMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

export function hoverContents(contents: lsp.Hover['contents']): monaco.IMarkdownString[] {
    return (Array.isArray(contents) ? contents : [contents]).map(markdown);
}

const SEVERITIES: Record<number, monaco.MarkerSeverity> = {
    1: monaco.MarkerSeverity.Error, 2: monaco.MarkerSeverity.Warning, 3: monaco.MarkerSeverity.Info, 4: monaco.MarkerSeverity.Hint
};

export function toMarker(diagnostic: lsp.Diagnostic): monaco.editor.IMarkerData {
    const code = diagnostic.code === undefined ? undefined : String(diagnostic.code);
    const target = diagnostic.codeDescription?.href;
    return {
        ...fromRange(diagnostic.range),
        severity: SEVERITIES[diagnostic.severity ?? 1] ?? monaco.MarkerSeverity.Error,
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        source: diagnostic.source,
        code: code !== undefined && target ? { value: code, target: monaco.Uri.parse(target) } : code,
        tags: diagnostic.tags?.map(tag => tag === 1 ? monaco.MarkerTag.Unnecessary : monaco.MarkerTag.Deprecated)
    };
}

/** Monaco's completion kinds are numbered differently from LSP's (1 = Text … 25 = TypeParameter). */
const COMPLETION_KINDS = [
    'Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module', 'Property', 'Unit',
    'Value', 'Enum', 'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember', 'Constant', 'Struct',
    'Event', 'Operator', 'TypeParameter'
] as const;

export function toCompletion(item: lsp.CompletionItem, fallback: monaco.IRange): monaco.languages.CompletionItem {
    const edit = item.textEdit;
    const range = !edit ? fallback
        : 'range' in edit ? fromRange(edit.range) : { insert: fromRange(edit.insert), replace: fromRange(edit.replace) };
    const snippet = item.insertTextFormat === 2;
    return {
        label: item.labelDetails ? { label: item.label, detail: item.labelDetails.detail, description: item.labelDetails.description } : item.label,
        kind: monaco.languages.CompletionItemKind[COMPLETION_KINDS[(item.kind ?? 1) - 1] ?? 'Text'],
        detail: item.detail,
        documentation: item.documentation === undefined ? undefined : markdown(item.documentation),
        insertText: edit?.newText ?? item.insertText ?? item.label,
        insertTextRules: snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
        range,
        sortText: item.sortText,
        filterText: item.filterText,
        preselect: item.preselect,
        additionalTextEdits: item.additionalTextEdits?.map(e => ({ range: fromRange(e.range), text: e.newText }))
    };
}

/** The edits of a WorkspaceEdit (`changes` or `documentChanges` of text edits), per URI. */
export function textEditsOf(edit: lsp.WorkspaceEdit): Array<{ uri: string; edits: lsp.TextEdit[] }> {
    if (edit.documentChanges) {
        return edit.documentChanges.flatMap(change => 'textDocument' in change ? [{ uri: change.textDocument.uri, edits: change.edits as lsp.TextEdit[] }] : []);
    }
    return Object.entries(edit.changes ?? {}).map(([uri, edits]) => ({ uri, edits }));
}

export function toWorkspaceEdit(edit: lsp.WorkspaceEdit): monaco.languages.WorkspaceEdit {
    return {
        edits: textEditsOf(edit).flatMap(({ uri, edits }) => edits.map(e => ({
            resource: monaco.Uri.parse(uri), versionId: undefined, textEdit: { range: fromRange(e.range), text: e.newText }
        })))
    };
}
