// The rule catalog: the single source of truth for every diagnostic the project reports.
// Hover texts, docs and the CLI read it from here.
import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Rule {
    readonly code: string;
    /** Where the rule comes from, as cited at the start of every message. */
    readonly source: string;
    readonly severity: Severity;
    readonly description: string;
    /** The clause or convention quoted in the documentation. */
    readonly quote?: string;
}

const rules = [
    {
        code: 'estructura-sintaxis',
        source: 'Sintaxis',
        severity: 'error',
        description: 'El archivo no se puede leer como `.estructura`: falta o sobra algo en la línea indicada.'
    },
    {
        code: 'estructura-referencia',
        source: 'Estructura',
        severity: 'error',
        description: 'Toda referencia a una unidad, un puesto o un manual (adscrita a, titular de, reporta a, parte de…) debe existir en el espacio de trabajo, dentro de la institución o calificada con ella (`IMSS.DG`).'
    },
    {
        code: 'estructura-numeracion',
        source: 'Convención de los manuales',
        severity: 'error',
        description: 'El número de una unidad extiende en un segmento el número de su unidad superior, y las unidades hermanas se numeran 1..n sin huecos ni repeticiones. En el perfil ISSSTE se admiten los segmentos `.0.` de las unidades de staff (5.3.0.1 depende de 5.3).',
        quote: 'Las unidades se numeran como un esquema decimal bajo la sección de Funciones (7.1, 7.1.1, 7.1.1.5.1.1); el número codifica la unidad superior.'
    },
    {
        code: 'estructura-ciclo',
        source: 'Estructura',
        severity: 'error',
        description: 'La cadena de adscripción (también entre archivos y manuales) no puede volver a una unidad ya recorrida: toda unidad debe llegar a una raíz.'
    },
    {
        code: 'estructura-id-duplicado',
        source: 'Estructura',
        severity: 'error',
        description: 'Los identificadores de unidades y puestos son únicos por institución en todo el espacio de trabajo, porque las referencias se resuelven por identificador.'
    },
    {
        code: 'manual-encabezado',
        source: 'Estructura',
        severity: 'warning',
        description: 'Cada archivo declara a qué manual pertenece (`manual` o `parte de`) y su institución, que es el espacio de nombres de sus identificadores.'
    }
] as const satisfies readonly Rule[];

export type RuleCode = (typeof rules)[number]['code'];

export const RULES: ReadonlyMap<string, Rule> = new Map(rules.map(rule => [rule.code, rule]));

export function rule(code: RuleCode): Rule {
    return RULES.get(code)!;
}

/** Reports a diagnostic of a catalog rule, with its code, default severity and source cited. */
export function report<N extends AstNode>(
    accept: ValidationAcceptor, code: RuleCode, message: string, info: DiagnosticInfo<N>
): void {
    const r = rule(code);
    accept(r.severity, `${r.source}: ${message}`, { ...info, code });
}
