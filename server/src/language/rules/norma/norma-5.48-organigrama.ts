// norma-5.48-organigrama: PHAE are not shown in organigramas: an organigrama lists none.
import type { ValidationAcceptor } from 'langium';
import type { Organigrama } from '../../generated/ast.js';
import { isPhae } from '../../model.js';
import { report } from '../catalog.js';

export function checkOrganigrama(chart: Organigrama, accept: ValidationAcceptor): void {
    chart.puestos.forEach((ref, index) => {
        if (ref.ref && isPhae(ref.ref)) {
            report(accept, 'norma-5.48-organigrama', `el puesto homólogo «${ref.ref.titulo ?? ref.ref.name}» no se representa en organigramas.`,
                { node: chart, property: 'puestos', index });
        }
    });
}
