// Quick fixes for the rules' diagnostics: each rule group provides them by diagnostic code; a
// syntax error gets «¿Quiso decir …?» when a word near it is a mistyped keyword; a unit whose
// official name changed in this session gets «Registrar el nombre anterior» (former-names.ts).
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { EstructuraServices } from '../language/estructura-module.js';
import type { FixMap } from '../language/rules/fixes.js';
import { functionsFixes } from '../language/rules/functions/index.js';
import { mentionFixes } from '../language/rules/mentions/index.js';
import { normaFixes } from '../language/rules/norma/index.js';
import { structureFixes } from '../language/rules/structure/index.js';
import { formerNameActions, staleMentionFixes } from './former-names.js';
import { fixKeywordTypo } from './keyword-typo.js';

const FIXES: FixMap = { ...normaFixes, ...structureFixes, ...functionsFixes, ...mentionFixes, 'estructura-sintaxis': fixKeywordTypo };

export class EstructuraCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: EstructuraServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        return this.collect(document, params);
    }

    private async collect(document: LangiumDocument, params: CodeActionParams): Promise<CodeAction[]> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const provide = typeof diagnostic.code === 'string' ? FIXES[diagnostic.code] : undefined;
            if (!provide) continue;
            try {
                actions.push(...await provide({ document, diagnostic, services: this.services }));
                actions.push(...staleMentionFixes(this.services, document, diagnostic));
            } catch {
                // A fix that cannot be computed (the file changed meanwhile) is simply not offered.
            }
        }
        actions.push(...formerNameActions(this.services, document, params));
        return actions;
    }
}
