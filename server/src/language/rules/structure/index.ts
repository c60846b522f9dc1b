// Registration of this rule group's checks and quick fixes (RULES.md, section B).
import type { EstructuraServices } from '../../estructura-module.js';
import type { FixMap } from '../fixes.js';
import { ruleCheck, type RuleCheck } from '../index.js';
import { checkDuplicateName } from './duplicate-names.js';
import { checkKindName, fixKindName } from './kind-name.js';
import { checkLevel } from './levels.js';
import { checkNoFunctions } from './no-functions.js';
import { checkObjective } from './objective.js';
import { fixRenumber } from './renumber.js';
import { checkSingleTitular } from './single-titular.js';

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
    'estructura-numeracion': fixRenumber,
    'estructura-tipo-nombre': fixKindName
};
