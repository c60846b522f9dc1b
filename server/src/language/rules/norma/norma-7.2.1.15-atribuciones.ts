// norma-7.2.1.15-atribuciones: a PHAE's activities serve projects entrusted to it, not the
// attributions the RIIMSS confers on the órgano: none is founded on the RIIMSS.
import type { ValidationAcceptor } from 'langium';
import { isPuesto, type Actividad } from '../../generated/ast.js';
import { isPhae } from '../../model.js';
import { report } from '../catalog.js';

export function checkAtribuciones(activity: Actividad, accept: ValidationAcceptor): void {
    if (!isPuesto(activity.$container) || !isPhae(activity.$container) || !activity.fundamento) return;
    if (/\bRIIMSS\b|Reglamento Interior del (?:Instituto Mexicano del Seguro Social|IMSS)/iu.test(activity.fundamento)) {
        report(accept, 'norma-7.2.1.15-atribuciones',
            'la actividad de un puesto homólogo atiende proyectos encomendados, no atribuciones del RIIMSS; no puede fundarse en él.',
            { node: activity, property: 'fundamento' });
    }
}
