// Institution profiles: the data the rules need that differs between the IMSS, the ISSSTE and the
// rest of the federal public administration (APF: the Secretarías and Comisiones whose Manual de
// Organización General is published in the DOF). Defaults come from RULES.md and the manuals in
// examples/fuentes/manuales; `estructura.json` may override any field per institution.

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
    /**
     * The IMSS Norma's rules on puestos homólogos de autorización específica (7.2.1.15, 5.48) apply
     * to this institution's positions. Off for the federal institutions: the Norma is the IMSS's own.
     */
    normaImss: boolean;
    /**
     * How the position levels of the institution are ordered, for puesto-nivel-superior:
     * "federal" (the grupo-grado-nivel codes by their grupo: G above H … above P; two levels of
     * one grupo are not compared), "federal-grado-nivel" (within a grupo, a higher grado, then a
     * higher nivel, is above), or the institution's levels from the highest down. Undefined: not
     * checked (no order is assumed for an institution's own levels, such as the IMSS categories).
     */
    ordenNiveles?: 'federal' | 'federal-grado-nivel' | string[];
}

// Level tables (estructura-nivel). Each entry is backed by RULES.md's hierarchy or by the
// imported manuals (examples/manuales, sources in examples/fuentes/manuales); anything else is reported.
//
// IMSS — RULES.md: Dirección → Unidad/Coordinación → Coordinación/Coordinación Técnica/División
// → División → Subjefatura de División.
//  - Dirección General: Secretaría General and the Direcciones (IMSS 2018, 8.1.1–8.1.10); a Unidad
//    and a Coordinación (RIIMSS art. 67 quoted in IMSS 2018: «auxiliado … por la Unidad de
//    Vinculación y la Coordinación de Comunicación Social»); the OOAD grouping (8.1.11).
//  - Dirección (and Secretaría General, same level): Unidad, Coordinación, Coordinación Normativa
//    and Coordinación Administrativa, as RULES.md says, and nothing else. Sources (in
//    examples/fuentes/manuales):
//    · DOE 2022, the real structure: the six units under 7.1 are 7.1.1–7.1.3 Unidades, 7.1.4 and
//      7.1.5 Coordinaciones and 7.1.6 Coordinación Administrativa (headings at lines 811, 2644,
//      3607, 4024, 4820, 5185 of imss-manual-direccion-operacion-evaluacion-2022.txt); every
//      Coordinación Técnica and División hangs from a Unidad or a Coordinación (7.1.1.6, 7.1.1.7,
//      7.1.2.2–7.1.2.4, 7.1.4.1–7.1.4.4 …).
//    · DOE 2022 Antecedentes, lines 178–183: the Dirección «quedando integrada por las Unidades
//      de Evaluación de Órganos Desconcentrados, de Comunicación Social y de Atención a la
//      Derechohabiencia; y por las coordinaciones normativas de Vinculación, … y Administrativa»;
//      lines 92–97 (2013): «de la que dependerán la Unidad de Evaluación de Delegaciones, las
//      Coordinaciones de Comunicación Social, de Vinculación Institucional y de Asuntos
//      Internacionales»; IMSS 2018 (imss-manual-organizacion-2018.txt) lines 697–699, the same.
//    · Lines 169–172 («la Coordinación Técnica de Vinculación Internacional, la Coordinación
//      Técnica de Vinculación con la Administración Pública Federal, y la División de Información
//      Estratégica Institucional, todas ellas dependientes hasta entonces de la Dirección de
//      Planeación Estratégica Institucional»), which this table once read as a Coordinación
//      Técnica and a División directly under a Dirección, describe the Dirección's structure, not
//      its first level: the same Antecedentes say «todas ellas dependientes hasta entonces de la
//      Dirección Jurídica» (lines 158–163) of a Coordinación and four Divisiones that hung from
//      a Unidad, and lines 134–139 list among what a Dirección «agrega a su estructura» the
//      Divisiones de Asuntos Bilaterales and Multilaterales, which hang from a Coordinación
//      Técnica (7.1.4.2.1, 7.1.4.2.2).
//    · The only División-level post at a Dirección's seat was a puesto homólogo de autorización
//      específica of Jefe de División (lines 188–191), a position that is no unit and is not drawn
//      (Norma 5.48, line 29 of imss-norma-estructuras-extracto-y-manual-sg.md); when it became the
//      División de Análisis Prospectiva it went under a Coordinación (7.1.5.3).
//    · The Secretaría General keeps the Dirección's row: the Divisiones transferred «para su
//      integración en la Secretaria General» (lines 147–150) are read like «agrega a su
//      estructura», and no text at hand shows what hangs directly from it.
//  - Unidad: Coordinación (7.1.1.1), Coordinación Técnica (7.1.1.6, 7.1.2.2), División (7.1.1.7,
//    7.1.2.4); Coordinación Normativa (DOE Antecedentes: the Unidad de Vinculación Institucional
//    «con tres coordinaciones normativas»).
//  - Coordinación: Coordinación (RULES.md, second step), Coordinación Técnica (7.1.4.1–7.1.4.3),
//    División (7.1.1.1.1 …).
//  - Coordinación Técnica, Coordinación Administrativa: División (7.1.2.2.1, 7.1.6.1).
//  - División: Subjefatura de División (7.1.1.5.1.1, 7.1.1.5.3.1), the only place it appears.
//  - Agrupación (8.1.11 Órganos de Operación Administrativa Desconcentrada): Delegaciones
//    (8.1.11.1), UMAE (8.1.11.2), and the OOAD that replaced the Delegaciones.
const IMSS_DIRECCION = ['Unidad', 'Coordinación', 'Coordinación Normativa', 'Coordinación Administrativa'];
const IMSS_COORDINACION = ['Coordinación', 'Coordinación Técnica', 'División'];

const IMSS: InstitutionProfile = {
    niveles: {
        'Dirección General': ['Secretaría General', 'Dirección', 'Dirección Normativa', 'Unidad', 'Coordinación', 'Coordinación Normativa', 'Agrupación'],
        'Secretaría General': IMSS_DIRECCION,
        'Dirección': IMSS_DIRECCION,
        'Dirección Normativa': IMSS_DIRECCION,
        'Unidad': ['Coordinación', 'Coordinación Normativa', 'Coordinación Técnica', 'División'],
        'Coordinación': IMSS_COORDINACION,
        'Coordinación Normativa': IMSS_COORDINACION,
        'Coordinación Técnica': ['División'],
        'Coordinación Administrativa': ['División'],
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
    clausulaCierre: 'Las demás que le confiera su superior jerárquico en el ámbito de su competencia.',
    normaImss: true
};

// ISSSTE — RULES.md: Dirección → Subdirección → Jefatura de Servicios → Departamento, plus staff
// units (codes with `.0.`). From the 2018 manual:
//  - Dirección General: the ten areas (1 Secretaría General, 2–9 Direcciones, 10.1 Unidad de
//    Desarrollo Institucional); the manual does not describe the Dirección General itself.
//  - Secretaría General: Prosecretaría (1.1), Subdirección (1.2–1.5), staff Unidad (1.0.1 Unidad de
//    Información y Análisis Estratégico) and Coordinación Administrativa (1.0.2); staff Jefatura de
//    Servicios as under the Direcciones.
//  - Dirección: Subdirección (2.1 …), Subcoordinación (7.1–7.3, Dirección de Delegaciones),
//    Tesorería General (4.1, Dirección de Finanzas), Jefatura de Servicios (staff 3.0.1, 4.0.1,
//    5.0.1; 9.1–9.2 in the Dirección de Comunicación Social), Coordinación Administrativa (2.0.1,
//    3.0.3 … 9.0.1), staff Unidad as under the Secretaría General.
//  - Subdirección, Prosecretaría, Subcoordinación, Tesorería General (the second level: 1.1, 4.1,
//    7.1): Jefatura de Servicios (1.1.1, 4.1.1, 7.1.1 …) and staff Departamentos (5.3.0.1–5.3.0.3,
//    6.1.0.1, 8.1.0.1).
//  - Unidad: Jefatura de Servicios (10.1.1–10.1.6), Departamento (1.0.1.1–1.0.1.3).
//  - Coordinación Administrativa: Departamento (1.0.2.1 …, all nine of them).
//  - Jefatura de Servicios: Departamento.
const ISSSTE_DIRECCION = ['Subdirección', 'Subcoordinación', 'Tesorería General', 'Jefatura de Servicios', 'Coordinación Administrativa', 'Unidad'];
const ISSSTE_SUBDIRECCION = ['Jefatura de Servicios', 'Departamento'];

const ISSSTE: InstitutionProfile = {
    niveles: {
        'Dirección General': ['Secretaría General', 'Dirección', 'Unidad'],
        'Secretaría General': ['Prosecretaría', 'Subdirección', 'Unidad', 'Coordinación Administrativa', 'Jefatura de Servicios'],
        'Dirección': ISSSTE_DIRECCION,
        'Subdirección': ISSSTE_SUBDIRECCION,
        'Prosecretaría': ISSSTE_SUBDIRECCION,
        'Subcoordinación': ISSSTE_SUBDIRECCION,
        'Tesorería General': ISSSTE_SUBDIRECCION,
        'Unidad': ['Jefatura de Servicios', 'Departamento'],
        'Coordinación Administrativa': ['Departamento'],
        'Jefatura de Servicios': ['Departamento'],
        'Departamento': []
    },
    sedes: ['Dirección General', 'Secretaría General'],
    tiposNormativos: [],
    puntuacion: 'punto-y-coma',
    segmentosStaff: true,
    objetivoObligatorio: true,
    nombreDuplicado: 'mismo-padre',
    clausulaCierre: 'Realizar las demás funciones inherentes al cargo que le señale su superior jerárquico o sean determinadas por la normatividad aplicable.',
    // As before the federal profile existed; the ISSSTE has no PHAE of its own in the manual at hand.
    normaImss: true
};

// APF (federal Secretarías and Comisiones), from the SENER Manual de Organización General (DOF
// 2026, sener-manual-organizacion-general-dof-2026-extracto.txt) and the federal levels of
// DOMAIN.md (K Director General, L Director General Adjunto, M Director de Área, N Subdirector,
// O Jefe de Departamento):
//  - Secretaría: its Subsecretarías, Unidad de Administración y Finanzas and the units of the
//    titular's Oficina (Estructura orgánica, lines 955–1018: A.–F.; 100 → 111, 112, 114, 117,
//    118, 120, 130 in Objetivos y funciones), the Órganos Administrativos Desconcentrados (F.).
//  - Subsecretaría, Oficialía Mayor, Coordinación General: Unidades and Direcciones Generales
//    (B. → I. Unidad del Sistema Nacional de Información Energética, II.–V. Direcciones Generales).
//  - Unidad: Direcciones Generales (120 → 121–123, 130 → 131–133; I. → I.1.–I.3.).
//  - Dirección General → Dirección General Adjunta → Dirección (de Área) → Subdirección →
//    Departamento: the federal grupos K–O.
const APF_SECRETARIA = ['Subsecretaría', 'Oficialía Mayor', 'Oficina', 'Unidad', 'Coordinación General', 'Dirección General', 'Órgano Administrativo Desconcentrado', 'Comisión', 'Agrupación'];

const APF: InstitutionProfile = {
    niveles: {
        'Secretaría': APF_SECRETARIA,
        'Oficina': APF_SECRETARIA,
        'Subsecretaría': ['Unidad', 'Coordinación General', 'Dirección General'],
        'Oficialía Mayor': ['Unidad', 'Coordinación General', 'Dirección General'],
        'Coordinación General': ['Unidad', 'Dirección General', 'Dirección General Adjunta', 'Dirección'],
        'Unidad': ['Dirección General', 'Dirección General Adjunta', 'Dirección'],
        // In a Comisión or another desconcentrado the Dirección General heads the body: Unidades
        // and Coordinaciones Generales hang from it.
        'Dirección General': ['Unidad', 'Coordinación General', 'Dirección General Adjunta', 'Dirección', 'Coordinación', 'Subdirección'],
        'Dirección General Adjunta': ['Dirección', 'Subdirección'],
        'Dirección': ['Subdirección', 'Departamento'],
        'Subdirección': ['Departamento'],
        'Departamento': [],
        'Agrupación': ['Órgano Administrativo Desconcentrado', 'Comisión', 'Unidad', 'Dirección General']
    },
    sedes: [],
    tiposNormativos: [],
    // SENER: the 232 functions of its 14 units end with a period.
    puntuacion: 'punto',
    segmentosStaff: false,
    // SENER: each of the 14 units states its Objetivo before its Funciones.
    objetivoObligatorio: true,
    nombreDuplicado: 'mismo-padre',
    // The SENER's own wording, shortened (its units end with «Las demás que le señalen otras
    // disposiciones jurídicas aplicables, las que le confiera el superior jerárquico…»).
    clausulaCierre: 'Las demás que le señalen otras disposiciones jurídicas aplicables y las que le confiera su superior jerárquico.',
    normaImss: false,
    // The federal grupo-grado-nivel codes (DOMAIN.md; the IFAI 2014 directory and the SRE 2018
    // tabulador write them): G Secretario … K Director General … P Enlace.
    ordenNiveles: 'federal'
};

export const DEFAULT_PROFILES: Readonly<Record<string, InstitutionProfile>> = { IMSS, ISSSTE, APF };

/** The profile of a file that names no institution: the IMSS conventions. */
export const FALLBACK_PROFILE = IMSS;

/** The profile of an institution with none of its own (SENER, CNE…): the federal one. */
export const FEDERAL_PROFILE = APF;
