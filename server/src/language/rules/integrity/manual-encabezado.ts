// manual-encabezado: each file says which manual and institution it belongs to.
import type { ValidationAcceptor } from 'langium';
import type { Documento } from '../../generated/ast.js';
import { report } from '../catalog.js';

export function checkHeader(document: Documento, accept: ValidationAcceptor): void {
    if (!document.encabezado) {
        if (document.elementos.length > 0) {
            report(accept, 'manual-encabezado',
                'el archivo no declara su manual: agregue al inicio `manual ID "Título" { institucion IMSS }` o `parte de ID { institucion IMSS }`.',
                { node: document.elementos[0], keyword: 'unidad' });
        }
        return;
    }
    if (!document.encabezado.institucion) {
        report(accept, 'manual-encabezado',
            'el encabezado no declara la institución (`institucion IMSS` o `institucion ISSSTE`); sus identificadores no se pueden resolver desde otros archivos de la institución.',
            { node: document.encabezado, keyword: document.encabezado.$type === 'Manual' ? 'manual' : 'parte' });
    }
}
