// What a comparison of two versions of a structure is made of: the kinds of change, each
// difference with the `cambio` records tied to it, and the whole `Comparison` the renderers read
// (its JSON shape is documented in docs/comparar.md). compare.ts builds it; acts.ts ties the
// differences to their records. Both import this module, not each other.
import type { MatchBasis } from './match.js';
import type { Place, Snapshot } from './snapshot.js';
import type { WordPart } from './word-diff.js';

export type ChangeKind =
    | 'unidad-creada' | 'unidad-suprimida' | 'unidad-renombrada' | 'unidad-movida' | 'unidad-transformada' | 'unidad-renumerada'
    | 'puesto-creado' | 'puesto-eliminado' | 'puesto-movido' | 'puesto-renombrado' | 'puesto-reclasificado' | 'puesto-nivel' | 'puesto-plazas'
    | 'funcion-agregada' | 'funcion-eliminada' | 'funcion-modificada' | 'funcion-reordenada';

/** Whether a kind of change is one the Norma has authorized by an act (a `cambio` record). */
export const NEEDS_ACT: Readonly<Record<ChangeKind, boolean>> = {
    'unidad-creada': true, 'unidad-suprimida': true, 'unidad-renombrada': true, 'unidad-movida': true,
    'unidad-transformada': true, 'unidad-renumerada': false,
    'puesto-creado': true, 'puesto-eliminado': true, 'puesto-movido': true, 'puesto-renombrado': false,
    'puesto-reclasificado': true, 'puesto-nivel': true, 'puesto-plazas': true,
    'funcion-agregada': false, 'funcion-eliminada': false, 'funcion-modificada': false, 'funcion-reordenada': false
};

export interface RecordRef {
    act: string;
    date?: string;
    kind?: string;
    source: 'cambio' | 'anterior';
    place?: Place;
}

export interface Difference {
    kind: ChangeKind;
    /** The unit the change is about, by its id in the later version (the earlier one if it was suppressed). */
    unit?: string;
    /** Its id in the earlier version, when it differs. */
    unitBefore?: string;
    /** The unit's name in the later version (the earlier one if suppressed). */
    unitName?: string;
    position?: string;
    /** The value before and after: a name, an adscription id, a kind, a number, a level, a function text. */
    before?: string;
    after?: string;
    /** Names of adscription ids in `before`/`after`, for readers. */
    beforeName?: string;
    afterName?: string;
    /** A moved, created or suppressed unit's descendants that went with it. */
    subtree?: string[];
    /** Function positions (1-based) in each version. */
    index?: { before?: number; after?: number };
    /** Word-level difference of an edited function. */
    words?: WordPart[];
    placeBefore?: Place;
    placeAfter?: Place;
    /** Records of the later version that authorize the change. */
    records: RecordRef[];
    /** The change needs an act (see NEEDS_ACT) and no record covers it. */
    uncovered: boolean;
}

export interface Comparison {
    before: { label: string; files: number; units: number; positions: number; problems: Snapshot['problems'] };
    after: { label: string; files: number; units: number; positions: number; problems: Snapshot['problems'] };
    /** Units matched with another id, and on what evidence. */
    matches: Array<{ before: string; after: string; by: Exclude<MatchBasis, 'id'> }>;
    differences: Difference[];
    /** With `CompareOptions.root`: the unit compared on each side (absent where not found). */
    scope?: { before?: string; after?: string };
    /** Records new in the later version whose change the comparison does not show. */
    unfulfilled: Array<{ record: RecordRef; units: string[]; reason: string }>;
    /** Plazas per unit and their cost; absent when neither version has positions in scope. */
    plazas?: PlazaReport;
}

/** Plazas (a position's `plazas`, 1 when not written) of a unit, or of a unit and those below it. */
export interface PlazaCounts {
    before: number;
    after: number;
    /** New positions' plazas, and plazas added to a position. */
    created: number;
    /** Removed positions' plazas, and plazas taken from a position. */
    suppressed: number;
    /** Plazas of positions that came from another unit (for a subtree: from outside it). */
    movedIn: number;
    /** Plazas of positions that went to another unit (for a subtree: outside it). */
    movedOut: number;
    /** Plazas kept by a position whose level changed (levelKey: MC03 = MC3). */
    relevelled: number;
    /** Monthly gross of the priced plazas, in cents; undefined without a tabulador for that version. */
    costBefore?: number;
    costAfter?: number;
    /** Plazas whose level the tabulador lacks (or without level): not in the cost. */
    unpricedBefore: number;
    unpricedAfter: number;
}

export interface PlazaUnit {
    /** The unit's id in the later version; in the earlier one for a suppressed unit; `''` for positions without a unit. */
    unit: string;
    name: string;
    /** Depth in the tree of both versions (0 for a root). */
    depth: number;
    /** The unit is not in the later version. */
    suppressed: boolean;
    /** Its own positions' plazas. */
    own: PlazaCounts;
    /** Its own and those of the units below it (in the later version; a suppressed unit under its earlier parent). */
    subtree: PlazaCounts;
    /** Something in its subtree changed: plazas created, suppressed, moved, re-levelled, or their cost. */
    changed: boolean;
}

/** A plaza the tabulador does not price: its position, unit and level (absent if the position has none). */
export interface UnpricedPlazas {
    side: 'before' | 'after';
    position: string;
    unit?: string;
    level?: string;
    plazas: number;
}

export interface PlazaCost {
    /** The tabulador of each version (the same label when one prices both). */
    scale: { before?: string; after?: string };
    /** Cents; undefined for a version without a tabulador. */
    monthlyBefore?: number;
    monthlyAfter?: number;
    /** 12 × the monthly gross (tabuladores state monthly amounts; nothing else is added). */
    annualBefore?: number;
    annualAfter?: number;
    unpriced: UnpricedPlazas[];
}

export interface PlazaReport {
    /** Units with plazas in their subtree in either version, depth first. */
    units: PlazaUnit[];
    /** All the compared plazas; `movedIn`/`movedOut` cross the scope of `--unidad` (0 without it). */
    total: PlazaCounts & { moved: number };
    cost?: PlazaCost;
}
