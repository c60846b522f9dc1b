// Registration of the Norma rules (7.2.1.15, 5.48; docs/reglas.md, section A).
import type { AstNode } from 'langium';
import type { EstructuraServices } from '../../estructura-module.js';
import { institutionOf } from '../../model.js';
import type { FixMap } from '../fixes.js';
import { ruleCheck, type RuleCheck } from '../rule-check.js';
import { checkOrganigrama } from './norma-5.48-organigrama.js';
import { checkAtribuciones } from './norma-7.2.1.15-atribuciones.js';
import { checkAutoridad } from './norma-7.2.1.15-autoridad.js';
import { checkNoBasica } from './norma-7.2.1.15-no-basica.js';
import { checkSede, moveToSedeFix } from './norma-7.2.1.15-sede.js';
import { checkSinPersonal } from './norma-7.2.1.15-sin-personal.js';

export function normaChecks(services: EstructuraServices): RuleCheck[] {
    const settings = services.settings.RuleSettings;
    const index = services.structure.StructureIndex;
    // The Norma is the IMSS's: it applies where the institution's profile says so (`normaImss`).
    const applies = (node: AstNode) => settings.profile(institutionOf(node)).normaImss;
    return [
        ruleCheck('norma-7.2.1.15-sede', 'Puesto', (node, accept) => applies(node) && checkSede(node, accept, settings)),
        ruleCheck('norma-7.2.1.15-no-basica', 'Puesto', (node, accept) => applies(node) && checkNoBasica(node, accept)),
        ruleCheck('norma-7.2.1.15-sin-personal', 'Puesto', (node, accept) => applies(node) && checkSinPersonal(node, accept, index)),
        ruleCheck('norma-7.2.1.15-autoridad', 'Actividad', (node, accept) => applies(node) && checkAutoridad(node, accept)),
        ruleCheck('norma-7.2.1.15-atribuciones', 'Actividad', (node, accept) => applies(node) && checkAtribuciones(node, accept)),
        ruleCheck('norma-5.48-organigrama', 'Organigrama', (node, accept) => applies(node) && checkOrganigrama(node, accept))
    ];
}

export const normaFixes: FixMap = {
    'norma-7.2.1.15-sede': moveToSedeFix
};
