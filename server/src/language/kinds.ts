// Unit kinds seen in the IMSS, ISSSTE and federal (DOF) manuals, as analysts write them after `tipo`.
import { normalizeKey } from './text-keys.js';

export const UNIT_KINDS = [
    'Dirección General', 'Secretaría General', 'Dirección', 'Dirección Normativa', 'Unidad',
    'Coordinación', 'Coordinación Normativa', 'Coordinación Técnica', 'Coordinación Administrativa',
    'División', 'Subjefatura de División', 'Jefatura de Servicios', 'Departamento',
    'Delegación', 'Órgano de Operación Administrativa Desconcentrada', 'UMAE',
    'Subdirección', 'Subcoordinación', 'Prosecretaría', 'Tesorería General', 'Agrupación',
    'Secretaría', 'Subsecretaría', 'Oficialía Mayor', 'Oficina', 'Coordinación General', 'Dirección General Adjunta',
    'Órgano Administrativo Desconcentrado', 'Comisión'
] as const;

// Name prefixes that suggest a kind, longest first so "Coordinación Técnica de…" is not "Coordinación".
// Plural headings stand for many instances (generic) or group units (agrupación).
const PREFIXES: Array<[prefix: string, kind: string, shape?: 'generic' | 'grouping']> = [
    ['Órganos de Operación Administrativa Desconcentrada', 'Agrupación', 'grouping'],
    ['Órgano de Operación Administrativa Desconcentrada', 'Órgano de Operación Administrativa Desconcentrada'],
    ['Unidades Médicas de Alta Especialidad', 'UMAE', 'generic'],
    ['Unidad Médica de Alta Especialidad', 'UMAE'],
    ['Delegaciones', 'Delegación', 'generic'],
    ['Delegación', 'Delegación'],
    ['Órganos Administrativos Desconcentrados', 'Agrupación', 'grouping'],
    ['Órgano Administrativo Desconcentrado', 'Órgano Administrativo Desconcentrado'],
    ['Dirección General Adjunta', 'Dirección General Adjunta'],
    ['Dirección General', 'Dirección General'],
    ['Secretaría General', 'Secretaría General'],
    // Federal: the Secretaría itself, its Subsecretarías, the titular's Oficina. (Not «Comisión»:
    // a Comisión Nacional is a desconcentrado, but «Comisión» names committees of every kind.)
    ['Subsecretaría', 'Subsecretaría'],
    ['Secretaría', 'Secretaría'],
    ['Oficialía Mayor', 'Oficialía Mayor'],
    ['Oficina', 'Oficina'],
    ['Coordinación General', 'Coordinación General'],
    ['Tesorería General', 'Tesorería General'],
    ['Coordinación Técnica', 'Coordinación Técnica'],
    ['Coordinación Administrativa', 'Coordinación Administrativa'],
    ['Coordinación Normativa', 'Coordinación Normativa'],
    ['Subjefatura de División', 'Subjefatura de División'],
    ['Jefatura de Servicios', 'Jefatura de Servicios'],
    ['Subdirección', 'Subdirección'],
    ['Subcoordinación', 'Subcoordinación'],
    ['Prosecretaría', 'Prosecretaría'],
    ['Dirección', 'Dirección'],
    ['Coordinación', 'Coordinación'],
    ['División', 'División'],
    ['Departamento', 'Departamento'],
    ['Unidad', 'Unidad']
];

export interface KindGuess {
    kind: string;
    /** The name is plural and stands for many instances (Delegaciones, UMAE). */
    generic?: boolean;
    /** The name groups other units and has no functions of its own. */
    grouping?: boolean;
}

/** The kind a unit's official name suggests by its prefix; a suggestion the rules may question. */
const FOLDED_PREFIXES = PREFIXES.map(([prefix, kind, shape]) => [normalizeKey(prefix), kind, shape] as const);

export function kindFromName(name: string): KindGuess | undefined {
    const folded = normalizeKey(name);
    for (const [p, kind, shape] of FOLDED_PREFIXES) {
        if (folded === p || folded.startsWith(p + ' ')) {
            return { kind, ...(shape === 'generic' ? { generic: true } : shape === 'grouping' ? { grouping: true } : {}) };
        }
    }
    return undefined;
}
