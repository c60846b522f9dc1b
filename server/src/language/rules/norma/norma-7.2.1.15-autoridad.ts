// norma-7.2.1.15-autoridad: a PHAE performs no acts of authority: an activity marked `autoridad`
// is an error, one that starts with a verb of authority a warning.
import type { ValidationAcceptor } from 'langium';
import { isPuesto, type Actividad } from '../../generated/ast.js';
import { isPhae } from '../../model.js';
import { report } from '../catalog.js';

// Leading verbs of acts of authority (acts that bind third parties). "Sancionar" is not one: in
// these manuals it means to approve.
const AUTHORITY = /^(?:imponer|resolver|ordenar|conceder|otorgar|negar|vetar|expedir|nombrar|remover|revocar|suspender|clausurar|multar|embargar|determinar\s+(?:los\s+)?cr[eé]ditos)\b/iu;

export function checkAutoridad(activity: Actividad, accept: ValidationAcceptor): void {
    if (!isPuesto(activity.$container) || !isPhae(activity.$container)) return;
    if (activity.autoridad) {
        report(accept, 'norma-7.2.1.15-autoridad', 'un puesto homólogo no realiza actos de autoridad, y esta actividad está marcada «autoridad».', { node: activity });
    } else if (AUTHORITY.test((activity.texto ?? '').trim())) {
        const verb = (activity.texto ?? '').trim().split(/\s+/u)[0];
        report(accept, 'norma-7.2.1.15-autoridad', `«${verb}» es un acto de autoridad, que un puesto homólogo no realiza.`, { node: activity, property: 'texto' }, 'warning');
    }
}
