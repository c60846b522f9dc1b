// The editor commands the client declares it has (issue 19). LSP has no capability for a client's
// own commands, so the VS Code extension lists them in `initializationOptions.commands`; other
// clients (Neovim, the CLI) declare none. The server offers what runs such a command only where
// it exists: the code action «Desactivar la regla…» (estructura.desactivarRegla) and rule links
// that open the rendered documentation (estructura.verRegla); other clients get a plain file link.

// The commands' names are the protocol's (server/src/protocol.ts), shared with the client.

export class ClientCommands {
    private commands: ReadonlySet<string> = new Set();

    /** Reads `initializationOptions.commands` (a list of command ids); anything else declares none. */
    declare(initializationOptions: unknown): void {
        const list = typeof initializationOptions === 'object' && initializationOptions !== null
            ? (initializationOptions as { commands?: unknown }).commands : undefined;
        this.commands = new Set(Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : []);
    }

    has(command: string): boolean {
        return this.commands.has(command);
    }
}
