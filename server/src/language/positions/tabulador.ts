// Pay scales (tabuladores) as one in-memory shape, whether declared in a `.estructura` file
// (`tabulador ID "título" { nivel G11 bruto 219371.46 { "Sueldo base" 34967.02 … } }`) or loaded
// from a spreadsheet that `estructura.json` names (`tabuladores`, tabulador-files.ts). Later code
// (the comparison of plazas and cost, the rules) reads tabuladores only through `tabuladoresOf`.
// Amounts are monthly pesos, kept as whole centavos so sums are exact.
import type { LangiumDocuments } from 'langium';
import type { EstructuraServices } from '../estructura-module.js';
import { isDocumento, isTabulador, type FilaTabulador, type Tabulador } from '../generated/ast.js';
import { institutionOf } from '../model.js';
import { levelKey } from './levels.js';

/** One concept of a level's pay (`"Sueldo base" 34967.02`). */
export interface TabuladorPart {
    concepto: string;
    /** The amount in centavos; undefined when the text is not an amount of pesos and centavos. */
    centavos: number | undefined;
}

/** Where a row was written: its node in a `.estructura` file, or its file, sheet and row. */
export interface TabuladorRowOrigin {
    node?: FilaTabulador;
    archivo?: string;
    hoja?: string;
    fila?: number;
}

/** One level of a tabulador. */
export interface TabuladorRow {
    /** The level as written (`G11`, `MC03`). */
    nivel: string;
    /** Its comparison key (`levelKey`: MC03 = MC3). */
    key: string;
    /** The monthly gross in centavos; undefined when not given (or not an amount). */
    brutoCentavos: number | undefined;
    partes: TabuladorPart[];
    origen: TabuladorRowOrigin;
}

export type TabuladorOrigin =
    | { tipo: 'declarado'; node: Tabulador }
    | { tipo: 'archivo'; archivo: string; hoja?: string };

/** A tabulador, declared or loaded. */
export interface TabuladorData {
    /** Its id (`tabulador SRE_2018`, or `nombre` in `estructura.json`). */
    nombre: string;
    titulo?: string;
    /** The institution it belongs to; '' for a loaded one that names none (it applies to every institution). */
    institucion: string;
    fuente?: string;
    anio?: number;
    /** `AAAA-MM-DD`. */
    vigencia?: string;
    filas: TabuladorRow[];
    origen: TabuladorOrigin;
}

/** Pesos as written (`219371.46`, `785`, `785.0`) to centavos; undefined for anything else. */
export function centavosOf(text: string | number | undefined): number | undefined {
    if (text === undefined) return undefined;
    const written = typeof text === 'number' ? text.toFixed(2) : text.trim();
    const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(written);
    if (!match) return undefined;
    return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Centavos as pesos with two decimals and thousands separators (`219,371.46`), for messages. */
export function formatPesos(centavos: number): string {
    const abs = Math.abs(centavos);
    const pesos = Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${centavos < 0 ? '-' : ''}${pesos}.${String(abs % 100).padStart(2, '0')}`;
}

/** The tabulador a `tabulador` element declares. */
export function declaredTabulador(node: Tabulador): TabuladorData {
    return {
        nombre: node.name,
        titulo: node.titulo,
        institucion: institutionOf(node),
        fuente: node.fuente,
        anio: node.anio !== undefined ? Number(node.anio) : undefined,
        vigencia: node.vigencia,
        filas: node.filas.map(declaredRow),
        origen: { tipo: 'declarado', node }
    };
}

/** One row of a declared tabulador. */
export function declaredRow(row: FilaTabulador): TabuladorRow {
    return {
        nivel: row.nivel,
        key: levelKey(row.nivel),
        brutoCentavos: centavosOf(row.bruto),
        partes: row.partes.map(part => ({ concepto: part.concepto, centavos: centavosOf(part.importe) })),
        origen: { node: row, archivo: row.desde, hoja: row.hoja, fila: row.fila !== undefined ? Number(row.fila) : undefined }
    };
}

/** The sum of a row's parts in centavos; undefined when it has none or one is not an amount. */
export function partsSum(row: TabuladorRow): number | undefined {
    if (row.partes.length === 0) return undefined;
    let sum = 0;
    for (const part of row.partes) {
        if (part.centavos === undefined) return undefined;
        sum += part.centavos;
    }
    return sum;
}

/** A row whose gross and parts are both given and differ (to the centavo): both amounts. */
export function grossMismatch(row: TabuladorRow): { bruto: number; suma: number } | undefined {
    const suma = partsSum(row);
    if (row.brutoCentavos === undefined || suma === undefined || suma === row.brutoCentavos) return undefined;
    return { bruto: row.brutoCentavos, suma };
}

/**
 * The Spanish message for a row whose gross is not the sum of its parts (tabulador-bruto-suma,
 * and the loader of tabulador files); undefined when it is, or when it cannot be told.
 */
export function grossMessage(row: TabuladorRow): string | undefined {
    const mismatch = grossMismatch(row);
    if (!mismatch) return undefined;
    return `el bruto del nivel «${row.nivel}», ${formatPesos(mismatch.bruto)}, no es la suma de sus partes, ${formatPesos(mismatch.suma)} (diferencia: ${formatPesos(mismatch.bruto - mismatch.suma)}).`;
}

/** The row of a level in a tabulador (by `levelKey`: MC03 finds MC3). */
export function rowOfLevel(tabulador: TabuladorData, nivel: string): TabuladorRow | undefined {
    const key = levelKey(nivel);
    return tabulador.filas.find(row => row.key === key);
}

/** The tabuladores declared in the workspace's `.estructura` files, in workspace order. */
export function declaredTabuladores(documents: LangiumDocuments): TabuladorData[] {
    const out: TabuladorData[] = [];
    const sorted = documents.all.toArray().sort((a, b) => a.uri.toString() < b.uri.toString() ? -1 : a.uri.toString() > b.uri.toString() ? 1 : 0);
    for (const document of sorted) {
        const root = document.parseResult.value;
        if (!isDocumento(root)) continue;
        for (const element of root.elementos) if (isTabulador(element)) out.push(declaredTabulador(element));
    }
    return out;
}

/** What `tabuladoresOf` reads: the workspace's documents and the tabuladores loaded from files. */
export interface TabuladorSources {
    documents: LangiumDocuments;
    /** Loaded from the spreadsheets `estructura.json` names (tabulador-files.ts); none when absent. */
    loaded?: readonly TabuladorData[];
}

/**
 * The tabuladores of an institution: those declared in its files (workspace order), then those
 * loaded from spreadsheets for it (or for no institution in particular), in `estructura.json` order.
 */
export function tabuladoresOf(institution: string, sources: TabuladorSources): TabuladorData[] {
    const declared = declaredTabuladores(sources.documents).filter(t => t.institucion === institution);
    const loaded = (sources.loaded ?? []).filter(t => t.institucion === '' || t.institucion === institution);
    return [...declared, ...loaded];
}

/** `tabuladoresOf` over a language services container: its documents and the tabuladores its settings loaded. */
export function institutionTabuladores(services: EstructuraServices, institution: string): TabuladorData[] {
    return tabuladoresOf(institution, { documents: services.shared.workspace.LangiumDocuments, loaded: services.settings.RuleSettings.tabuladores });
}
