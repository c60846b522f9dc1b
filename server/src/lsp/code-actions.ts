// Quick fixes for the rules' diagnostics (quick-fixes.ts: each rule group provides them by diagnostic code); a
// syntax error gets «¿Quiso decir …?» when a word near it is a mistyped keyword; a unit whose
// official name changed in this session gets «Registrar el nombre anterior» (former-names.ts).
// Every diagnostic of a catalog rule but a syntax error (hiding those hides a misread file) also gets «Desactivar la regla … en este espacio de trabajo»:
// a command the VS Code client runs (client/src/extension.ts) to set `estructura.reglas` there,
// offered only to a client that declares it has that command (initializationOptions.commands).
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command } from 'vscode-languageserver';
import { DISABLE_RULE_COMMAND } from '../protocol.js';
import { RULES } from '../language/rules/catalog.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import { recordFormerNameFix, staleMentionFix } from './former-names.js';
import { QUICK_FIXES } from './quick-fixes.js';

export { DISABLE_RULE_COMMAND } from '../protocol.js';

export class EstructuraCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: EstructuraServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        return this.collect(document, params);
    }

    private async collect(document: LangiumDocument, params: CodeActionParams): Promise<CodeAction[]> {
        const actions: CodeAction[] = [];
        const disable: CodeAction[] = [];
        const disabled = new Set<string>();
        const canDisable = this.services.settings.ClientCommands.has(DISABLE_RULE_COMMAND);
        for (const diagnostic of params.context.diagnostics) {
            const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
            if (canDisable && code && RULES.has(code) && code !== 'estructura-sintaxis' && !disabled.has(code)) {
                disabled.add(code);
                const title = `Desactivar la regla «${code}» en este espacio de trabajo`;
                disable.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: DISABLE_RULE_COMMAND, arguments: [code] } });
            }
            const provide = typeof diagnostic.code === 'string' ? QUICK_FIXES[diagnostic.code] : undefined;
            if (!provide) continue;
            try {
                actions.push(...await provide({ document, diagnostic, services: this.services }));
                actions.push(...staleMentionFix({ document, diagnostic, services: this.services }));
            } catch {
                // A fix that cannot be computed (the file changed meanwhile) is simply not offered.
            }
        }
        actions.push(...recordFormerNameFix(this.services, document, params));
        // Last: the fixes come first in the light bulb.
        actions.push(...disable);
        return actions;
    }
}
