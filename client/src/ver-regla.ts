// «Ver la regla» (estructura.verRegla): the link of each diagnostic's code, in the Problems panel
// and in the hover, is `command:estructura.verRegla?["<code>"]` for this client (the server sends
// it because the client declares the command at initialize). VS Code would open a file link to
// docs/reglas.md as raw text at its first line; this opens the Markdown preview at the rule's section.
import { commands, Range, Uri, window, workspace } from 'vscode';
import { ruleAnchor } from '../../server/src/language/rules/anchor.js';

/** docs/reglas.md of the installed extension, with the rule's section as fragment (none without a code). */
export function ruleSectionUri(extensionUri: Uri, code: unknown): Uri {
    const doc = Uri.joinPath(extensionUri, 'docs', 'reglas.md');
    return typeof code === 'string' && code ? doc.with({ fragment: ruleAnchor(code) }) : doc;
}

/**
 * Opens the rendered catalog at the rule's section: VS Code's Markdown preview scrolls to the
 * heading whose id is the URI's fragment (`markdown.showPreviewToSide` with `reglas.md#funcion-duplicada`, beside the editor).
 * Without the built-in Markdown extension, the text of the file at the rule's heading.
 */
export async function verRegla(extensionUri: Uri, code: unknown): Promise<void> {
    const target = ruleSectionUri(extensionUri, code);
    try {
        await commands.executeCommand('markdown.showPreviewToSide', target);
        return;
    } catch {
        // The Markdown extension is disabled: the source instead.
    }
    const document = await workspace.openTextDocument(target.with({ fragment: '' }));
    const line = typeof code === 'string' ? document.getText().split('\n').findIndex(l => l === `### ${code}`) : -1;
    const at = new Range(Math.max(line, 0), 0, Math.max(line, 0), 0);
    await window.showTextDocument(document, { selection: at, preview: true });
}
