// Registration of this rule group's checks and quick fixes: the functions' own conventions
// (section C of the catalog) and the metadata rules (section D).
import type { EstructuraServices } from '../../estructura-module.js';
import type { FixMap } from '../fixes.js';
import { ruleCheck, type RuleCheck } from '../index.js';
import { checkClosing, closingFix } from './closing.js';
import { checkDuplicates } from './duplicates.js';
import { FunctionIndex } from './function-index.js';
import { checkInfinitive } from './infinitive.js';
import { acuerdoDateFix, checkAcuerdo } from './metadata-acuerdo.js';
import { checkChangeRecord } from './metadata-cambios.js';
import { checkVigencia } from './metadata-vigencia.js';
import { checkFunctionNumbering, renumberFix } from './numbering.js';
import { checkPunctuation, punctuationFix } from './punctuation.js';

export function functionsChecks(services: EstructuraServices): RuleCheck[] {
    const settings = services.settings.RuleSettings;
    const structure = services.structure.StructureIndex;
    // Built once per build, shared by the checks of every document.
    const index = new FunctionIndex(services.shared);
    return [
        ruleCheck('funcion-infinitivo', 'Funcion', (node, accept) => checkInfinitive(node, accept)),
        ruleCheck('funcion-cierre', 'Unidad', (node, accept) => checkClosing(node, accept)),
        ruleCheck('funcion-numeracion', 'Unidad', (node, accept) => checkFunctionNumbering(node, accept)),
        ruleCheck('funcion-puntuacion', 'Unidad', (node, accept) => checkPunctuation(node, accept, settings)),
        ruleCheck('funcion-duplicada', 'Unidad', (node, accept) => checkDuplicates(node, accept, index)),
        ruleCheck('acuerdo-formato', 'AcuerdoManual', (node, accept) => checkAcuerdo(node, accept)),
        ruleCheck('acuerdo-formato', 'Cambio', (node, accept) => checkAcuerdo(node, accept)),
        ruleCheck('acuerdo-formato', 'NombreAnterior', (node, accept) => checkAcuerdo(node, accept)),
        ruleCheck('vigencia-organigrama', 'Organigrama', (node, accept) => checkVigencia(node, accept, structure, index)),
        ruleCheck('cambio-incongruente', 'Cambio', (node, accept) => checkChangeRecord(node, accept, structure, index))
    ];
}

export const functionsFixes: FixMap = {
    'funcion-cierre': closingFix,
    'funcion-numeracion': renumberFix,
    'funcion-puntuacion': punctuationFix,
    'acuerdo-formato': acuerdoDateFix
};
