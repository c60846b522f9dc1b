// Where a rule's documentation lives: docs/reglas.md, generated from the catalog and shipped with
// the extension. Diagnostics link to it (codeDescription) so the editor opens the rule's section:
// a file link for any client; for a client with the command estructura.verRegla (VS Code), a
// command link, since VS Code opens a file link to a .md file as raw text at its first line.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClientCommands } from '../client-commands.js';
import { SHOW_RULE_COMMAND } from '../../protocol.js';
import { ruleAnchor } from './anchor.js';

const DOC = path.join('docs', 'reglas.md');

function findDoc(): string | undefined {
    // Bundled (out/*.cjs) or from source (server/src/language/rules/): walk up to the repo or extension root.
    let dir = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        if (existsSync(path.join(dir, DOC))) return path.join(dir, DOC);
        dir = path.dirname(dir);
    }
    return undefined;
}

let base: string | undefined | null = null;

export { ruleAnchor };

/** A link to the rule's section of docs/reglas.md (a file URI), or undefined if the doc is not there. */
export function ruleDocHref(code: string): string | undefined {
    if (base === null) {
        const doc = findDoc();
        base = doc ? pathToFileURL(doc).href : undefined;
    }
    return base ? `${base}#${ruleAnchor(code)}` : undefined;
}

/**
 * The link of a rule's diagnostics and of its hover: where the client has estructura.verRegla,
 * `command:estructura.verRegla?["code"]` (VS Code runs command links from the Problems panel and
 * the hover; the command opens the Markdown preview at the rule's section); elsewhere the file link.
 */
export function ruleLink(code: string, commands: ClientCommands): string | undefined {
    if (commands.has(SHOW_RULE_COMMAND)) return `command:${SHOW_RULE_COMMAND}?${encodeURIComponent(JSON.stringify([code]))}`;
    return ruleDocHref(code);
}
