// estructura-propiedad-repetida: the properties of a unit, a position, a header, an organigrama or a
// change come in any order, each once (the grammar's `( … )*` groups); a second `número` would
// silently replace the first. Reported on every repetition, naming the first one's line.
import { GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import { report } from './catalog.js';

/** How each single-valued property is written, for the message; parts of another statement are absent. */
const WRITTEN: Readonly<Record<string, string>> = {
    numero: 'número', tipo: 'tipo', adscripcion: 'adscrita a', equivalente: 'misma unidad que',
    organoNormativo: 'órgano normativo', estructuraDeclarada: 'estructura básica', agrupacion: 'agrupación',
    generica: 'genérica', objetivo: 'objetivo', linea: 'línea', clase: 'clase', titular: 'titular',
    reportaA: 'reporta a', nivel: 'nivel', plazas: 'plazas', vigencia: 'vigencia', raiz: 'raíz', fecha: 'fecha',
    tramo: 'con tramo de control', nombreAnterior: 'nombre anterior', nombreNuevo: 'nombre nuevo',
    adscripcionAnterior: 'adscripción anterior', adscripcionNueva: 'adscripción nueva', descripcion: 'descripción',
    institucion: 'institucion', clave: 'clave', publicacion: 'publicación', fuente: 'fuente'
};

export function checkRepeatedProperties(node: AstNode, accept: ValidationAcceptor): void {
    const cst = node.$cstNode;
    if (!cst) return;
    for (const [property, written] of Object.entries(WRITTEN)) {
        if (!(property in node)) continue;
        const places = GrammarUtils.findNodesForProperty(cst, property);
        for (const place of places.slice(1)) {
            report(accept, 'estructura-propiedad-repetida',
                `«${written}» ya está escrito en la línea ${places[0].range.start.line + 1}; escrito otra vez, este valor reemplaza al primero. Deje uno solo.`,
                { node, range: place.range });
        }
    }
}
