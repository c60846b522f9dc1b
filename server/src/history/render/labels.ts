// The Spanish words of a comparison report, one table per thing named, shared by every format
// (text, Markdown, HTML, and the `label` of each difference in JSON).
import type { ChangeKind } from '../compare.js';
import type { MatchBasis } from '../match.js';
import type { RecordKind } from '../snapshot.js';

export type Group = 'unidades' | 'puestos' | 'funciones';

export interface KindLabel {
    /** What the change is, as a heading: `Cambio de adscripción`. */
    label: string;
    /** What the before/after values are, in the cuadro comparativo: `Adscripción`. */
    aspect?: string;
    group: Group;
}

/** One entry per kind of change, in the order reports count them. */
export const KIND_LABELS: Readonly<Record<ChangeKind, KindLabel>> = {
    'unidad-creada': { label: 'Unidad creada', group: 'unidades' },
    'unidad-suprimida': { label: 'Unidad suprimida', group: 'unidades' },
    'unidad-renombrada': { label: 'Cambio de denominación', aspect: 'Denominación', group: 'unidades' },
    'unidad-movida': { label: 'Cambio de adscripción', aspect: 'Adscripción', group: 'unidades' },
    'unidad-transformada': { label: 'Transformación', aspect: 'Tipo', group: 'unidades' },
    'unidad-renumerada': { label: 'Cambio de número', aspect: 'Número', group: 'unidades' },
    'puesto-creado': { label: 'Puesto creado', group: 'puestos' },
    'puesto-eliminado': { label: 'Puesto eliminado', group: 'puestos' },
    'puesto-movido': { label: 'Cambio de adscripción del puesto', aspect: 'Adscripción', group: 'puestos' },
    'puesto-renombrado': { label: 'Cambio de denominación del puesto', aspect: 'Denominación', group: 'puestos' },
    'puesto-reclasificado': { label: 'Cambio de clase del puesto', aspect: 'Clase', group: 'puestos' },
    'puesto-nivel': { label: 'Cambio de nivel del puesto', aspect: 'Nivel', group: 'puestos' },
    'puesto-plazas': { label: 'Cambio de plazas', aspect: 'Plazas', group: 'puestos' },
    'funcion-agregada': { label: 'Función agregada', group: 'funciones' },
    'funcion-eliminada': { label: 'Función eliminada', group: 'funciones' },
    'funcion-modificada': { label: 'Función modificada', group: 'funciones' },
    'funcion-reordenada': { label: 'Función reordenada', group: 'funciones' }
};

export const CHANGE_KINDS = Object.keys(KIND_LABELS) as ChangeKind[];

/** A record's kind as the manuals write it. */
export const RECORD_KIND_LABELS: Readonly<Record<RecordKind, string>> = {
    creacion: 'creación', supresion: 'supresión', fusion: 'fusión', denominacion: 'denominación',
    adscripcion: 'adscripción', transformacion: 'transformación', reubicacion: 'reubicación'
};

/** The evidence a unit was matched on, when its id changed. */
export const MATCH_LABELS: Readonly<Record<Exclude<MatchBasis, 'id'>, string>> = {
    historia: 'historia: un cambio registra su nombre anterior',
    nombre: 'nombre: el mismo nombre oficial',
    contenido: 'contenido: las mismas funciones'
};

export const WORDS = {
    title: 'Comparación de estructuras',
    before: 'Antes',
    after: 'Después',
    version: 'Versión',
    files: 'Archivos',
    units: 'Unidades',
    positions: 'Puestos',
    functions: 'Funciones',
    problems: (label: string) => `Errores de sintaxis en ${label} (se comparó lo que se pudo leer)`,
    asOf: (date: string) => `Estructura al ${date}`,
    applied: 'Registros deshechos',
    appliedNote: (date: string) => `Cambios posteriores al ${date}, deshechos del más reciente al más antiguo.`,
    skipped: 'Registros no aplicados',
    inconsistencies: 'Inconsistencias',
    stateUnits: (date: string) => `Unidades al ${date}`,
    matches: 'Unidades identificadas con otra clave',
    evidence: 'Evidencia',
    differences: 'Diferencias',
    cuadro: 'Cuadro comparativo',
    unit: 'Unidad',
    current: 'Situación actual',
    proposed: 'Situación propuesta',
    act: 'Acuerdo',
    date: 'Fecha',
    kind: 'Tipo',
    reason: 'Motivo',
    unfulfilled: 'Registros sin cambio visible',
    uncovered: 'sin acuerdo que lo autorice',
    noDifferences: 'Sin diferencias.',
    noAdscription: 'sin adscripción',
    noDate: 'sin fecha',
    noAct: '(sin acuerdo)',
    none: '—',
    summary: 'Resumen',
    position: 'Puesto',
    place: 'posición',
    created: 'Creación',
    suppressed: 'Supresión',
    withSubtree: 'con su tramo de control',
    withCreated: 'con las unidades que dependen de ella',
    withSuppressed: 'con las unidades que dependían de ella',
    formerId: 'antes',
    scope: (id: string) => `Solo ${id} y las unidades que dependen de ella`,
    notFound: 'no está'
} as const;

export function plural(count: number, one: string, many: string): string {
    return `${count} ${count === 1 ? one : many}`;
}
