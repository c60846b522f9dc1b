// Where a rule's documentation lives: docs/reglas.md, generated from the catalog and shipped with
// the extension. Diagnostics link to it (codeDescription) so the editor opens the rule's section:
// for a client with the command estructura.verRegla (VS Code, desktop or web), a command link, since
// VS Code opens a file link to a .md file as raw text at its first line; for any other client, a
// file link where the host ships the file (Host.ruleDocs: the Node server, the CLI), else none.
import type { ClientCommands } from '../client-commands.js';
import { SHOW_RULE_COMMAND } from '../../protocol.js';
import { ruleAnchor } from './anchor.js';

export { ruleAnchor };

export class RuleLinks {
    /** `docs`: the file URL of docs/reglas.md, when the host has it. */
    constructor(private readonly commands: ClientCommands, private readonly docs: string | undefined) {}

    /** The link of a rule's diagnostics and of its hover. */
    link(code: string): string | undefined {
        if (this.commands.has(SHOW_RULE_COMMAND)) return `command:${SHOW_RULE_COMMAND}?${encodeURIComponent(JSON.stringify([code]))}`;
        return this.docs ? `${this.docs}#${ruleAnchor(code)}` : undefined;
    }
}
