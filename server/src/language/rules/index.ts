// The rule registry: every group's checks, registered with Langium's validation registry, each
// one guarded (rule-check.ts). The groups are folders named after what they check, one file per
// rule named after its code: integrity/ (what every file must hold to be read right: its header,
// unique ids, an adscription chain that ends, consistent numbers, each property once), norma/ (the
// Norma's PHAE rules), structure/ (the conventions of the structure: names, kinds, levels,
// titulares, objetivos), functions/ (the functions' text), metadata/ (acuerdos, vigencias and
// change records) and positions/ (the occupational structure: levels, superiors, plazas,
// tabuladores). Within a node type the checks run in this order, group by group.
import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { EstructuraAstType } from '../generated/ast.js';
import type { EstructuraServices } from '../estructura-module.js';
import { functionsChecks } from './functions/index.js';
import { integrityChecks } from './integrity/index.js';
import { metadataChecks } from './metadata/index.js';
import { normaChecks } from './norma/index.js';
import { positionsChecks } from './positions/index.js';
import { guard } from './rule-check.js';
import { structureChecks } from './structure/index.js';

export function registerRules(services: EstructuraServices): void {
    const all = [
        ...integrityChecks(services), ...normaChecks(services), ...structureChecks(services),
        ...functionsChecks(services), ...metadataChecks(services), ...positionsChecks(services)
    ];
    const checks: Record<string, Array<(node: AstNode, accept: ValidationAcceptor) => void>> = {};
    for (const rule of all) (checks[rule.type] ??= []).push(guard(rule));
    services.validation.ValidationRegistry.register(checks as ValidationChecks<EstructuraAstType>);
}
