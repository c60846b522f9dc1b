// What a rule group registers: one rule's check on one node type (`ruleCheck`). Each check runs
// guarded: an exception in one rule becomes one `estructura-regla-fallida` diagnostic naming that
// rule on that element, and the other rules still run. The groups import this module; the registry
// (index.ts) imports the groups.
import type { AstNode, ValidationAcceptor } from 'langium';
import { isOperationCancelled } from 'langium';
import type { EstructuraAstType } from '../generated/ast.js';
import { report, type RuleCode } from './catalog.js';

/** One rule's check on one node type. */
export interface RuleCheck<T extends keyof EstructuraAstType = keyof EstructuraAstType> {
    code: RuleCode;
    type: T;
    check: (node: EstructuraAstType[T], accept: ValidationAcceptor) => void;
}

export function ruleCheck<T extends keyof EstructuraAstType>(code: RuleCode, type: T, check: RuleCheck<T>['check']): RuleCheck {
    return { code, type, check } as unknown as RuleCheck;
}

/** Runs one rule's check so that its exception becomes one diagnostic (exported for the isolation tests). */
export function guard(rule: RuleCheck): (node: AstNode, accept: ValidationAcceptor) => void {
    const check = rule.check as (node: AstNode, accept: ValidationAcceptor) => void;
    return (node, accept) => {
        try {
            check(node, accept);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            const detail = error instanceof Error ? error.message : String(error);
            report(accept, 'estructura-regla-fallida', `la regla «${rule.code}» falló al revisar este elemento (${detail}); las demás reglas sí se aplicaron.`, { node });
        }
    };
}
