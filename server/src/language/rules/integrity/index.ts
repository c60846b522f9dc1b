// Registration of this rule group's checks and quick fixes: what every file must hold to be read
// right (RULES.md, section B): its header, unique ids, an adscription chain that reaches a root,
// numbers that extend their parent's, each property written once.
import type { EstructuraServices } from '../../estructura-module.js';
import type { FixMap } from '../fixes.js';
import { ruleCheck, type RuleCheck } from '../rule-check.js';
import { checkCycle } from './estructura-ciclo.js';
import { checkDuplicateId } from './estructura-id-duplicado.js';
import { checkNumbering, renumberUnitFix } from './estructura-numeracion.js';
import { checkRepeatedProperties } from './estructura-propiedad-repetida.js';
import { checkHeader } from './manual-encabezado.js';

export function integrityChecks(services: EstructuraServices): RuleCheck[] {
    const index = services.structure.StructureIndex;
    const settings = services.settings.RuleSettings;
    return [
        ruleCheck('manual-encabezado', 'Documento', (node, accept) => checkHeader(node, accept)),
        ruleCheck('estructura-numeracion', 'Unidad', (node, accept) => checkNumbering(node, accept, index, settings)),
        ruleCheck('estructura-ciclo', 'Unidad', (node, accept) => checkCycle(node, accept)),
        ruleCheck('estructura-id-duplicado', 'Unidad', (node, accept) => checkDuplicateId(node, accept, index)),
        ruleCheck('estructura-id-duplicado', 'Puesto', (node, accept) => checkDuplicateId(node, accept, index)),
        ...(['Unidad', 'Puesto', 'Manual', 'Parte', 'Organigrama', 'Cambio', 'Tabulador'] as const).map(type =>
            ruleCheck('estructura-propiedad-repetida', type, (node, accept) => checkRepeatedProperties(node, accept)))
    ];
}

export const integrityFixes: FixMap = {
    'estructura-numeracion': renumberUnitFix
};
