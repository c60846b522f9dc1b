// puesto-plazas-suma: a position's declared occupied and vacant plazas add up to its plazas
// (`plazas N`, 1 when not written): both written and their sum differs, or one written and it
// alone exceeds the plazas.
import type { ValidationAcceptor } from 'langium';
import type { Puesto } from '../../generated/ast.js';
import { plazasOf } from '../../positions/plazas.js';
import { report } from '../catalog.js';

export function checkPlazaTotals(position: Puesto, accept: ValidationAcceptor): void {
    const ocupadas = position.ocupadas !== undefined ? Number(position.ocupadas) : undefined;
    const vacantes = position.vacantes !== undefined ? Number(position.vacantes) : undefined;
    if (ocupadas === undefined && vacantes === undefined) return;
    const plazas = plazasOf(position);
    const written = position.plazas !== undefined ? `las ${plazas} plazas del puesto` : `la plaza del puesto (sin \`plazas\`, una)`;
    if (ocupadas !== undefined && vacantes !== undefined) {
        if (ocupadas + vacantes === plazas) return;
        report(accept, 'puesto-plazas-suma',
            `ocupadas (${ocupadas}) más vacantes (${vacantes}) suman ${ocupadas + vacantes}, no ${written}.`,
            { node: position, property: 'ocupadas' });
        return;
    }
    const [word, value] = ocupadas !== undefined ? ['ocupadas', ocupadas] as const : ['vacantes', vacantes!] as const;
    if (value <= plazas) return;
    report(accept, 'puesto-plazas-suma', `${word} (${value}) son más que ${written}.`, { node: position, property: word });
}
