// Registration of this rule group's checks and quick fixes: the functions' own conventions and the
// unit names their text mentions (docs/reglas.md, section C).
import type { EstructuraServices } from '../../estructura-module.js';
import type { FixMap } from '../fixes.js';
import { ruleCheck, type RuleCheck } from '../rule-check.js';
import { checkClosing, closingFix } from './funcion-cierre.js';
import { checkDuplicates } from './funcion-duplicada.js';
import { checkInfinitive } from './funcion-infinitivo.js';
import { checkMentions, mentionFix } from './funcion-mencion.js';
import { checkFunctionNumbering, renumberFunctionsFix } from './funcion-numeracion.js';
import { checkPunctuation, punctuationFix } from './funcion-puntuacion.js';

export function functionsChecks(services: EstructuraServices): RuleCheck[] {
    const settings = services.settings.RuleSettings;
    const functions = services.structure.FunctionIndex;
    const mentions = services.structure.MentionIndex;
    return [
        ruleCheck('funcion-infinitivo', 'Funcion', (node, accept) => checkInfinitive(node, accept)),
        ruleCheck('funcion-cierre', 'Unidad', (node, accept) => checkClosing(node, accept)),
        ruleCheck('funcion-numeracion', 'Unidad', (node, accept) => checkFunctionNumbering(node, accept)),
        ruleCheck('funcion-puntuacion', 'Unidad', (node, accept) => checkPunctuation(node, accept, settings)),
        ruleCheck('funcion-duplicada', 'Unidad', (node, accept) => checkDuplicates(node, accept, functions)),
        ruleCheck('funcion-mencion', 'Documento', (node, accept) => checkMentions(node, accept, mentions))
    ];
}

export const functionsFixes: FixMap = {
    'funcion-cierre': closingFix,
    'funcion-numeracion': renumberFunctionsFix,
    'funcion-puntuacion': punctuationFix,
    'funcion-mencion': mentionFix
};
