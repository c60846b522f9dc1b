// Quick fixes: each rule group maps its diagnostic codes to functions that build code actions.
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { EstructuraServices } from '../estructura-module.js';

export interface FixContext {
    document: LangiumDocument;
    /** The diagnostic as the client sent it back (its `data` is what the rule attached). */
    diagnostic: Diagnostic;
    services: EstructuraServices;
}

export type FixProvider = (context: FixContext) => CodeAction[] | Promise<CodeAction[]>;

export type FixMap = Readonly<Record<string, FixProvider>>;
