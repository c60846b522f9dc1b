// Registers every rule with Langium's validation registry. Each check is guarded: an exception in
// one rule becomes one `estructura-regla-fallida` diagnostic naming that rule on that element, and
// the other rules still run.
import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import { isOperationCancelled } from 'langium';
import type { EstructuraAstType } from '../generated/ast.js';
import type { EstructuraServices } from '../estructura-module.js';
import { report, type RuleCode } from './catalog.js';
import { checkCycle } from './cycles.js';
import { checkDuplicateId } from './duplicate-ids.js';
import { functionsChecks } from './functions/index.js';
import { mentionChecks } from './mentions/index.js';
import { checkHeader } from './header.js';
import { normaChecks } from './norma/index.js';
import { checkNumbering } from './numbering.js';
import { checkRepeatedProperties } from './repeated-properties.js';
import { structureChecks } from './structure/index.js';

/** One rule's check on one node type. */
export interface RuleCheck<T extends keyof EstructuraAstType = keyof EstructuraAstType> {
    code: RuleCode;
    type: T;
    check: (node: EstructuraAstType[T], accept: ValidationAcceptor) => void;
}

export function ruleCheck<T extends keyof EstructuraAstType>(code: RuleCode, type: T, check: RuleCheck<T>['check']): RuleCheck {
    return { code, type, check } as unknown as RuleCheck;
}

function baseChecks(services: EstructuraServices): RuleCheck[] {
    const index = services.structure.StructureIndex;
    const settings = services.settings.RuleSettings;
    return [
        ruleCheck('manual-encabezado', 'Documento', (node, accept) => checkHeader(node, accept)),
        ruleCheck('estructura-numeracion', 'Unidad', (node, accept) => checkNumbering(node, accept, index, settings)),
        ruleCheck('estructura-ciclo', 'Unidad', (node, accept) => checkCycle(node, accept)),
        ruleCheck('estructura-id-duplicado', 'Unidad', (node, accept) => checkDuplicateId(node, accept, index)),
        ruleCheck('estructura-id-duplicado', 'Puesto', (node, accept) => checkDuplicateId(node, accept, index)),
        ...(['Unidad', 'Puesto', 'Manual', 'Parte', 'Organigrama', 'Cambio'] as const).map(type =>
            ruleCheck('estructura-propiedad-repetida', type, (node, accept) => checkRepeatedProperties(node, accept)))
    ];
}

export function registerRules(services: EstructuraServices): void {
    const all = [...baseChecks(services), ...normaChecks(services), ...structureChecks(services), ...functionsChecks(services), ...mentionChecks(services)];
    const checks: Record<string, Array<(node: AstNode, accept: ValidationAcceptor) => void>> = {};
    for (const rule of all) (checks[rule.type] ??= []).push(guard(rule));
    services.validation.ValidationRegistry.register(checks as ValidationChecks<EstructuraAstType>);
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
