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
}
