// Registers every rule with Langium's validation registry.
import type { ValidationChecks } from 'langium';
import type { EstructuraAstType } from '../generated/ast.js';
import type { EstructuraServices } from '../estructura-module.js';
import { checkCycle } from './cycles.js';
import { checkDuplicateId } from './duplicate-ids.js';
import { checkHeader } from './header.js';
import { checkNumbering } from './numbering.js';

export function registerRules(services: EstructuraServices): void {
    const index = services.structure.StructureIndex;
    const checks: ValidationChecks<EstructuraAstType> = {
        Documento: (node, accept) => checkHeader(node, accept),
        Unidad: [
            (node, accept) => checkNumbering(node, accept, index),
            (node, accept) => checkCycle(node, accept),
            (node, accept) => checkDuplicateId(node, accept, index)
        ],
        Puesto: (node, accept) => checkDuplicateId(node, accept, index)
    };
    services.validation.ValidationRegistry.register(checks);
}
