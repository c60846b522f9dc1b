// Registration of this rule group's checks: the occupational structure (positions, their levels,
// superiors and plazas) and the tabuladores. The imported plantillas put each position in its own
// file row by row, so most checks read other files: the superior, the level's other names, the
// plaza keys, the change records.
import type { EstructuraServices } from '../../estructura-module.js';
import { ruleCheck, type RuleCheck } from '../rule-check.js';
import { checkPlazaKeys } from './plaza-clave-duplicada.js';
import { checkSuperiorUnit } from './puesto-adscripcion-superior.js';
import { checkLevelName } from './puesto-nivel-denominacion.js';
import { checkSuperiorLevel } from './puesto-nivel-superior.js';
import { checkPlazaTotals } from './puesto-plazas-suma.js';
import { checkSuppressedUnit } from './puesto-unidad-suprimida.js';
import { PositionLookupCache } from './shared.js';
import { checkGrossSum } from './tabulador-bruto-suma.js';

export function positionsChecks(services: EstructuraServices): RuleCheck[] {
    const settings = services.settings.RuleSettings;
    const functions = services.structure.FunctionIndex;
    const lookups = new PositionLookupCache(services.shared, services.shared.workspace.LangiumDocuments);
    return [
        ruleCheck('puesto-nivel-superior', 'Puesto', (node, accept) => checkSuperiorLevel(node, accept, settings)),
        ruleCheck('puesto-adscripcion-superior', 'Puesto', (node, accept) => checkSuperiorUnit(node, accept)),
        ruleCheck('puesto-nivel-denominacion', 'Puesto', (node, accept) => checkLevelName(node, accept, lookups)),
        ruleCheck('plaza-clave-duplicada', 'Puesto', (node, accept) => checkPlazaKeys(node, accept, lookups)),
        ruleCheck('puesto-unidad-suprimida', 'Puesto', (node, accept) => checkSuppressedUnit(node, accept, functions)),
        ruleCheck('puesto-plazas-suma', 'Puesto', (node, accept) => checkPlazaTotals(node, accept)),
        ruleCheck('tabulador-bruto-suma', 'FilaTabulador', (node, accept) => checkGrossSum(node, accept))
    ];
}
