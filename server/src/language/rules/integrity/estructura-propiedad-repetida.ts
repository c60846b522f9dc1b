// estructura-propiedad-repetida: the properties of a unit, a position, a header, an organigrama or a
// change come in any order, each once (the grammar's `( … )*` groups); a second `número` would
// silently replace the first. Reported on every repetition, naming the first one's line.
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type ValidationAcceptor } from 'langium';
import { report } from '../catalog.js';

/** How each single-valued property is written, for the message; parts of another statement are absent. */
const WRITTEN: Readonly<Record<string, string>> = {
    numero: 'número', tipo: 'tipo', adscripcion: 'adscrita a', equivalente: 'misma unidad que',
    organoNormativo: 'órgano normativo', estructuraDeclarada: 'estructura básica', agrupacion: 'agrupación',
    generica: 'genérica', objetivo: 'objetivo', linea: 'línea', clase: 'clase', titular: 'titular',
    reportaA: 'reporta a', nivel: 'nivel', plazas: 'plazas', vigencia: 'vigencia', raiz: 'raíz', fecha: 'fecha',
    tramo: 'con tramo de control', nombreAnterior: 'nombre anterior', nombreNuevo: 'nombre nuevo',
    adscripcionAnterior: 'adscripción anterior', adscripcionNueva: 'adscripción nueva', descripcion: 'descripción',
    institucion: 'institucion', clave: 'clave', publicacion: 'publicación', fuente: 'fuente',
    denominacion: 'denominación', tipoPersonal: 'personal', ocupadas: 'ocupadas', vacantes: 'vacantes',
    desde: 'desde', hoja: 'hoja', fila: 'fila', anio: 'año'
};

export function checkRepeatedProperties(node: AstNode, accept: ValidationAcceptor): void {
    const cst = node.$cstNode;
    if (!cst) return;
    const places = placesByProperty(cst);
    for (const [property, written] of Object.entries(WRITTEN)) {
        if (!(property in node)) continue;
        const found = places.get(property);
        if (!found) continue;
        for (const place of found.slice(1)) {
            report(accept, 'estructura-propiedad-repetida',
                `«${written}» ya está escrito en la línea ${found[0].range.start.line + 1}; escrito otra vez, este valor reemplaza al primero. Deje uno solo.`,
                { node, range: place.range });
        }
    }
}

/**
 * Where each property of the node is assigned, in text order: what `GrammarUtils.findNodesForProperty`
 * answers for each property, in one walk of the node's own CST instead of one per property (it was
 * 6 % of a cold check at ×30). A CST node assigned to a property is a place of it, and the walk
 * for that property stops there, as Langium's does; it goes on below for the other properties.
 */
function placesByProperty(cst: CstNode): Map<string, CstNode[]> {
    const places = new Map<string, CstNode[]>();
    const element = cst.astNode;
    const walk = (parent: CstNode, stopped: readonly string[]) => {
        if (!isCompositeCstNode(parent) || parent.astNode !== element) return;
        for (const child of parent.content) {
            const feature = AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment)?.feature;
            if (feature !== undefined && !stopped.includes(feature)) {
                const list = places.get(feature);
                if (list) list.push(child);
                else places.set(feature, [child]);
            }
            walk(child, feature === undefined || stopped.includes(feature) ? stopped : [...stopped, feature]);
        }
    };
    walk(cst, []);
    return places;
}
