// Registration of this rule group's checks and quick fixes: the conventions of the structure
// (RULES.md, section B): names, kinds and levels of units, titulares, objetivos.
import type { EstructuraServices } from '../../estructura-module.js';
import type { FixMap } from '../fixes.js';
import { ruleCheck, type RuleCheck } from '../rule-check.js';
import { checkLevel } from './estructura-nivel.js';
import { checkDuplicateName } from './estructura-nombre-duplicado.js';
import { checkObjective } from './estructura-objetivo.js';
import { checkNoFunctions } from './estructura-sin-funciones.js';
import { checkKindName, kindFromNameFix } from './estructura-tipo-nombre.js';
import { checkSingleTitular } from './estructura-titular-unico.js';

export function structureChecks(services: EstructuraServices): RuleCheck[] {
    const index = services.structure.StructureIndex;
    const settings = services.settings.RuleSettings;
    return [
        ruleCheck('estructura-nombre-duplicado', 'Unidad', (node, accept) => checkDuplicateName(node, accept, index, settings)),
        ruleCheck('estructura-tipo-nombre', 'Unidad', (node, accept) => checkKindName(node, accept)),
        ruleCheck('estructura-nivel', 'Unidad', (node, accept) => checkLevel(node, accept, settings)),
        ruleCheck('estructura-sin-funciones', 'Unidad', (node, accept) => checkNoFunctions(node, accept, index)),
        ruleCheck('estructura-titular-unico', 'Puesto', (node, accept) => checkSingleTitular(node, accept, index)),
        ruleCheck('estructura-objetivo', 'Unidad', (node, accept) => checkObjective(node, accept, index, settings))
    ];
}

export const structureFixes: FixMap = {
    'estructura-tipo-nombre': kindFromNameFix
};
