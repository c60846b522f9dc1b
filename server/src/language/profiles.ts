// Institution profiles: the data the rules need that differs between the IMSS and the ISSSTE.
// Defaults come from RULES.md; `estructura.json` may override any field per institution.

export interface InstitutionProfile {
    /** Parent kind → kinds allowed directly under it (estructura-nivel). Kinds not listed are not checked. */
    niveles: Record<string, string[]>;
    /** Kinds whose units are sedes for PHAE (Norma 7.2.1.15), besides units marked `órgano normativo`. */
    sedes: string[];
    /** Kinds that count as órganos normativos even without the `órgano normativo` attribute. */
    tiposNormativos: string[];
    /** Final punctuation of functions: "punto" (IMSS) or "punto-y-coma" (ISSSTE: «;», «, y» before the last). */
    puntuacion: 'punto' | 'punto-y-coma';
    /** ISSSTE codes attach staff units with a `.0.` segment (5.3.0.1 hangs from 5.3). */
    segmentosStaff: boolean;
    /** Every unit has an objetivo (estructura-objetivo). */
    objetivoObligatorio: boolean;
    /** estructura-nombre-duplicado: "mismo-padre" reports equal names only under the same parent. */
    nombreDuplicado: 'mismo-padre' | 'siempre';
    /** The standard closing clause the quick fix adds (funcion-cierre). */
    clausulaCierre: string;
}

const IMSS: InstitutionProfile = {
    niveles: {
        'Dirección General': ['Secretaría General', 'Dirección', 'Dirección Normativa', 'Unidad', 'Coordinación', 'Coordinación Normativa', 'Agrupación'],
        'Secretaría General': ['Unidad', 'Coordinación', 'Coordinación Normativa', 'Coordinación Técnica', 'Coordinación Administrativa', 'División'],
        'Dirección': ['Unidad', 'Coordinación', 'Coordinación Normativa', 'Coordinación Técnica', 'Coordinación Administrativa', 'División'],
        'Dirección Normativa': ['Unidad', 'Coordinación', 'Coordinación Normativa', 'Coordinación Técnica', 'Coordinación Administrativa', 'División'],
        'Unidad': ['Coordinación', 'Coordinación Técnica', 'División'],
        'Coordinación': ['Coordinación Técnica', 'División', 'Subjefatura de División'],
        'Coordinación Normativa': ['Coordinación Técnica', 'División', 'Subjefatura de División'],
        'Coordinación Administrativa': ['División', 'Subjefatura de División'],
        'Coordinación Técnica': ['División', 'Subjefatura de División'],
        'División': ['Subjefatura de División'],
        'Subjefatura de División': [],
        'Agrupación': ['Delegación', 'UMAE', 'Órgano de Operación Administrativa Desconcentrada']
    },
    sedes: ['Dirección General', 'Secretaría General', 'Dirección Normativa'],
    tiposNormativos: ['Dirección Normativa'],
    puntuacion: 'punto',
    segmentosStaff: false,
    objetivoObligatorio: false,
    nombreDuplicado: 'mismo-padre',
    clausulaCierre: 'Las demás que le confiera su superior jerárquico en el ámbito de su competencia.'
};

const ISSSTE: InstitutionProfile = {
    niveles: {
        'Secretaría General': ['Prosecretaría', 'Subdirección', 'Coordinación Administrativa', 'Unidad', 'Jefatura de Servicios', 'Departamento'],
        'Dirección': ['Subdirección', 'Coordinación Administrativa', 'Unidad', 'Jefatura de Servicios', 'Departamento', 'Subcoordinación'],
        'Tesorería General': ['Subdirección', 'Jefatura de Servicios', 'Departamento'],
        'Unidad': ['Subdirección', 'Coordinación Administrativa', 'Jefatura de Servicios', 'Departamento'],
        'Prosecretaría': ['Jefatura de Servicios', 'Departamento'],
        'Subdirección': ['Jefatura de Servicios', 'Subcoordinación', 'Departamento'],
        'Subcoordinación': ['Jefatura de Servicios', 'Departamento'],
        'Coordinación Administrativa': ['Jefatura de Servicios', 'Departamento'],
        'Jefatura de Servicios': ['Departamento'],
        'Departamento': []
    },
    sedes: ['Dirección General', 'Secretaría General'],
    tiposNormativos: [],
    puntuacion: 'punto-y-coma',
    segmentosStaff: true,
    objetivoObligatorio: true,
    nombreDuplicado: 'mismo-padre',
    clausulaCierre: 'Realizar las demás funciones inherentes al cargo que le señale su superior jerárquico o sean determinadas por la normatividad aplicable.'
};

export const DEFAULT_PROFILES: Readonly<Record<string, InstitutionProfile>> = { IMSS, ISSSTE };

/** The profile of an institution with no profile of its own: the IMSS conventions. */
export const FALLBACK_PROFILE = IMSS;
