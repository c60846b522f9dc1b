// What a comparison prices plazas with: the tabuladores (language/positions/tabulador.ts) reduced
// to each level's monthly gross, in centavos (whole numbers, so sums are exact to the centavo), by
// institution. The tabuladores of a version are those of its workspace (`tabuladoresOf`, per
// institution of its positions); a file named with `--tabulador` prices every institution.
import type { LangiumDocuments } from 'langium';
import { splitQualified } from '../language/model.js';
import { levelKey } from '../language/positions/levels.js';
import { formatPesos, tabuladoresOf, type TabuladorData, type TabuladorSources } from '../language/positions/tabulador.js';
import type { Snapshot } from './snapshot.js';

export interface PayScaleLevel {
    /** The level as the tabulador writes it (`J11`). */
    level: string;
    /** Monthly gross (bruto mensual), in centavos. */
    monthly: number;
}

export interface PayScale {
    /** How reports name it: the tabuladores' ids and titles, with source and year when known. */
    label: string;
    /** Institution (`SRE`) → level key (`levelKey`) → row; `''` holds the rows for any institution. */
    levels: Map<string, Map<string, PayScaleLevel>>;
}

/** `SRE_2018 «Tabulador de mando» (DOF, 2018)`, `SRE_CSV, archivo tabuladores/sre.csv (SRE, 2018)`. */
function tabuladorLabel(t: TabuladorData): string {
    const facts = [t.fuente, t.anio === undefined ? undefined : String(t.anio)].filter(x => x !== undefined && x !== '');
    const file = t.origen.tipo === 'archivo' && t.origen.archivo !== t.nombre ? t.origen.archivo : undefined;
    return `${t.nombre}${t.titulo ? ` «${t.titulo}»` : ''}${file ? `, archivo ${file}` : ''}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}

/**
 * A pay scale from tabuladores by institution (`''`: for any institution). Where two give a level,
 * the first one given wins; a row without a gross is no price.
 */
export function payScaleOf(byInstitution: ReadonlyMap<string, readonly TabuladorData[]>): PayScale | undefined {
    const levels = new Map<string, Map<string, PayScaleLevel>>();
    const labels: string[] = [];
    for (const [institution, tabuladores] of byInstitution) {
        const table = new Map<string, PayScaleLevel>();
        for (const tabulador of tabuladores) {
            const label = tabuladorLabel(tabulador);
            if (!labels.includes(label)) labels.push(label);
            for (const row of tabulador.filas) {
                if (row.brutoCentavos === undefined || row.key === '' || table.has(row.key)) continue;
                table.set(row.key, { level: row.nivel, monthly: row.brutoCentavos });
            }
        }
        if (table.size > 0) levels.set(institution, table);
    }
    return levels.size === 0 ? undefined : { label: labels.join('; '), levels };
}

/** The tabuladores a version's workspace has for the institutions of its positions; undefined if none. */
export function workspacePayScale(snapshot: Snapshot, documents: LangiumDocuments, loaded?: TabuladorSources['loaded']): PayScale | undefined {
    const institutions = new Set<string>();
    for (const id of snapshot.positions.keys()) {
        const institution = splitQualified(id)[0];
        if (institution !== undefined) institutions.add(institution);
    }
    const byInstitution = new Map<string, TabuladorData[]>();
    for (const institution of [...institutions].sort()) byInstitution.set(institution, tabuladoresOf(institution, { documents, loaded }));
    return payScaleOf(byInstitution);
}

/** The row of a level for a position of `institution`: its institution's tabulador first, then one for any. */
export function lookUpLevel(scale: PayScale, institution: string | undefined, level: string | undefined): PayScaleLevel | undefined {
    const key = levelKey(level);
    if (key === '') return undefined;
    return (institution === undefined ? undefined : scale.levels.get(institution)?.get(key)) ?? scale.levels.get('')?.get(key);
}

/** Centavos as Mexican pesos: `$1,234,567.89`, `-$348,696.84`. */
export function pesos(centavos: number): string {
    const text = formatPesos(centavos);
    return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}

/** A difference in pesos, with its sign: `+$348,696.84`, `-$1.00`, `$0.00`. */
export function pesosDelta(centavos: number): string {
    return centavos > 0 ? `+${pesos(centavos)}` : pesos(centavos);
}
