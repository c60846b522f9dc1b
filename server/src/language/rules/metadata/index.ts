// Registration of this rule group's checks and quick fixes: the metadata of the manuals, the
// Acuerdos they cite, the vigencia of their organigramas and their change records
// (docs/reglas.md, section D).
import type { EstructuraServices } from '../../estructura-module.js';
import type { FixMap } from '../fixes.js';
import { ruleCheck, type RuleCheck } from '../rule-check.js';
import { acuerdoDateFix, checkAcuerdo } from './acuerdo-formato.js';
import { checkChangeRecord } from './cambio-incongruente.js';
import { checkVigencia } from './vigencia-organigrama.js';

export function metadataChecks(services: EstructuraServices): RuleCheck[] {
    const structure = services.structure.StructureIndex;
    const functions = services.structure.FunctionIndex;
    return [
        ruleCheck('acuerdo-formato', 'AcuerdoManual', (node, accept) => checkAcuerdo(node, accept)),
        ruleCheck('acuerdo-formato', 'Cambio', (node, accept) => checkAcuerdo(node, accept)),
        ruleCheck('acuerdo-formato', 'NombreAnterior', (node, accept) => checkAcuerdo(node, accept)),
        ruleCheck('vigencia-organigrama', 'Organigrama', (node, accept) => checkVigencia(node, accept, structure, functions)),
        ruleCheck('cambio-incongruente', 'Cambio', (node, accept) => checkChangeRecord(node, accept, structure, functions))
    ];
}

export const metadataFixes: FixMap = {
    'acuerdo-formato': acuerdoDateFix
};
