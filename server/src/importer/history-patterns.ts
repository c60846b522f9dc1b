// The wordings of the history that become change records: one row per wording, with the pattern
// that finds it, the kind of change it states and how to read the units out of the text around it.
// Every match of every row (in the table's order) yields the records its `read` finds.
import type { Paragraph } from './model.js';
import type { Approval, ChangeKind, ImportedChange } from './history.js';
import { named, nameAfter, nameBefore, namesBetween, sentenceAt, type Known, type Name } from './history-names.js';

/** What a wording says of one change; the approval, the sentence and the line come from around it. */
type ChangeFields = Omit<ImportedChange, 'descripcion' | 'line' | 'tipo' | keyof Approval>;

interface Around {
    text: string;
    known: Known;
    approval: Approval;
}

interface ChangePattern {
    pattern: RegExp;
    tipo: ChangeKind;
    read(match: RegExpExecArray, around: Around): ChangeFields[];
}

/** The name right at `at`, then `link` ("por la de", " a la"…), then the name right after it. */
function namePair(around: Around, at: number, link: RegExp): [Name, Name] | undefined {
    const { text, known } = around;
    const first = nameAfter(text, at, known, 0);
    const linked = first && link.exec(text.substring(first.end));
    const second = first && linked && nameAfter(text, first.end + linked[0].length, known, 0);
    return first && second ? [first, second] : undefined;
}

/** A unit that took a new name (or became another unit): recorded under the new one. */
function replaced(before: string, after: string): ChangeFields {
    return { nombreAnterior: before, nombreNuevo: after, unidades: [after] };
}

const after = (match: RegExpExecArray) => match.index + match[0].length;

const CHANGE_PATTERNS: ChangePattern[] = [
    {
        // "cambio de denominación de la X por (el de) Y", continued by "así como de la X2 por Y2" / ", y la X2 por Y2".
        pattern: /cambio de denominaci[oó]n de (?:la|el)\s+/u,
        tipo: 'denominación',
        read(match, around) {
            const found: ChangeFields[] = [];
            for (let at = after(match); ;) {
                const pair = namePair(around, at, /^\s*,?\s*por (?:el de |la de )?(?:la |el )?/u);
                if (!pair) break;
                found.push(replaced(pair[0].text, pair[1].text));
                const more = /^\s*,?\s*(?:así como|y)\s+(?:de\s+)?(?:la|el)\s+/u.exec(around.text.substring(pair[1].end));
                if (!more) break;
                at = pair[1].end + more[0].length;
            }
            return found;
        }
    },
    {
        // "La X cambió de denominación a Y"; "… de la X, así como el cambio de denominación a Y".
        pattern: /(?:cambi[óo] de denominaci[oó]n|el cambio de denominaci[oó]n) a\s+(?:la |el )?/u,
        tipo: 'denominación',
        read: (match, around) => nameBeforeAndAfter(match, around)
    },
    {
        // "modificando su denominación de X, por la de Y".
        pattern: /modificando su denominaci[oó]n de\s+/u,
        tipo: 'denominación',
        read: (match, around) => pairFrom(match, around, /^\s*,?\s*por la de\s+/u)
    },
    {
        // "se aprobó el cambio de la X por la Y" (one unit replaced by another).
        pattern: /\bel cambio de (?:la|el)\s+/u,
        tipo: 'transformación',
        read: (match, around) => pairFrom(match, around, /^\s+por (?:la|el)\s+/u)
    },
    {
        // "la X se transforme en Y".
        pattern: /se transform[eó] en\s+(?:la |el )?/u,
        tipo: 'transformación',
        read: (match, around) => nameBeforeAndAfter(match, around)
    },
    {
        // "la conversión de la X a Y".
        pattern: /conversi[oó]n de (?:la|el)\s+/u,
        tipo: 'transformación',
        read: (match, around) => pairFrom(match, around, /^\s+a\s+(?:la |el )?/u)
    },
    {
        // A position converted into a unit: "la reubicación de un puesto … adscrito a la A a dicha
        // Coordinación y se convierte en la X": it moved from A to the Coordinación named before, and
        // became X there.
        pattern: /se convierte en (?:la|el)\s+/u,
        tipo: 'transformación',
        read: (match, { text, known }) => {
            const became = nameAfter(text, after(match), known, 0);
            if (!became) return [];
            const moved = /reubicaci[oó]n de un puesto [^;.]*? adscrito a (?:la|el)\s+/u.exec(text.substring(0, match.index));
            const from = moved ? nameAfter(text, moved.index + moved[0].length, known, 0) : undefined;
            const to = from && /^\s+a dich[ao] (\p{Lu}\p{L}*)/u.exec(text.substring(from.end));
            const target = to ? named(text, from.end, to[1], known) : undefined;
            return [{ nombreNuevo: became.text, unidades: [became.text], ...(from && target ? { adscripcionAnterior: from.text, adscripcionNueva: target.text } : {}) }];
        }
    },
    {
        // "comenzara a operar la X, en sustitución de la Y".
        pattern: /comenzara a operar (?:la|el)\s+/u,
        tipo: 'transformación',
        read: (match, around) => {
            const pair = namePair(around, after(match), /^\s*,?\s*en sustituci[oó]n de (?:la|el)\s+/u);
            return pair ? [replaced(pair[1].text, pair[0].text)] : [];
        }
    },
    {
        // "la transformación de la Y en la X".
        pattern: /transformaci[oó]n de (?:la|el)\s+/u,
        tipo: 'transformación',
        read: (match, around) => pairFrom(match, around, /^\s+en (?:la|el)\s+/u)
    },
    {
        // "1) Su denominación cambió a X": the unit whose structure the approval modified.
        pattern: /\bSu denominaci[oó]n cambi[óo] a (?:la |el )?/u,
        tipo: 'denominación',
        read: (match, { text, known, approval }) => {
            const renamed = nameAfter(text, after(match), known, 0);
            return renamed && approval.subject ? [replaced(approval.subject, renamed.text)] : [];
        }
    },
    {
        // "se creó la X", "se creara la X", "Se crearon la X y la Y".
        pattern: /\bse cre(?:ó|o|ara|aron)\s+(?:la|el)\s+/iu,
        tipo: 'creación',
        read: (match, { text, known }) => {
            const found: ChangeFields[] = [];
            for (let at = after(match); ;) {
                const created = nameAfter(text, at, known, 0);
                if (!created) break;
                found.push({ nombreNuevo: created.text, unidades: [created.text] });
                const more = /^\s+y\s+(?:la|el)\s+/u.exec(text.substring(created.end));
                if (!more) break;
                at = created.end + more[0].length;
            }
            return found;
        }
    },
    {
        // "la X …, la cual se suprimió".
        pattern: /,?\s*(?:la|el) cual se suprimi[óo]/u,
        tipo: 'supresión',
        read: (match, { text, known }) => {
            const before = nameBefore(text, match.index + 1, known);
            return before ? [{ nombreAnterior: before.text, unidades: [before.text] }] : [];
        }
    },
    {
        // "cambio de adscripción de la X y su tramo de control, de (dicha) A a la (nueva) B".
        pattern: /cambio de adscripci[oó]n de (?:la|el)\s+/u,
        tipo: 'adscripción',
        read: (match, around) => movedWithItsSubtree(match, around)
    },
    {
        // "que la X, así como la Y dependiente de ésta cambiaran de adscripción de la A, a la B".
        pattern: /\bcambiaran de adscripci[oó]n de (?:la|el)\s+/u,
        tipo: 'adscripción',
        read: (match, around) => {
            const { text, known } = around;
            const clause = Math.max(0, text.lastIndexOf(' que ', match.index) + 5);
            const moved = namesBetween(text, clause, match.index, known);
            const pair = namePair(around, after(match), /^\s*,?\s*a (?:la|el)\s+/u);
            return moved.length > 0 && pair ? [{ unidades: moved.map(n => n.text), adscripcionAnterior: pair[0].text, adscripcionNueva: pair[1].text }] : [];
        }
    },
    {
        // Units that came from elsewhere: "Se incorporó la X, con la A y la B, todas ellas dependientes hasta
        // entonces de la P" (into the unit whose structure was modified), "… y se le incorporó la X,
        // dependiente hasta entonces de la P" (into the item's subject), "la Y, la cual … agrega a su
        // estructura a la A, …, todas ellas anteriormente comprendidas en la estructura orgánica de la P".
        pattern: /,?\s*(?:todas ellas |ambas )?(?:dependientes? hasta entonces|anteriormente comprendidas en la estructura org[aá]nica) de (?:la|el)\s+/u,
        tipo: 'adscripción',
        read: (match, around) => incorporated(match, around)
    }
];

/** Pattern, then the name before it and the one after it: the second replaced the first. */
function nameBeforeAndAfter(match: RegExpExecArray, { text, known }: Around): ChangeFields[] {
    const before = nameBefore(text, match.index, known);
    const renamed = nameAfter(text, after(match), known, 0);
    return before && renamed ? [replaced(before.text, renamed.text)] : [];
}

/** Pattern, a name, `link`, a name: the second replaced the first. */
function pairFrom(match: RegExpExecArray, around: Around, link: RegExp): ChangeFields[] {
    const pair = namePair(around, after(match), link);
    return pair ? [replaced(pair[0].text, pair[1].text)] : [];
}

/** "cambio de adscripción de la X y su tramo de control, de (dicha) A a la (nueva) B". */
function movedWithItsSubtree(match: RegExpExecArray, { text, known }: Around): ChangeFields[] {
    const moved = nameAfter(text, after(match), known, 0);
    if (!moved) return [];
    const rest = text.substring(moved.end);
    const tramo = /^\s*y su tramo de control/u.test(rest);
    const from = /^(?:\s*y su tramo de control)?\s*,?\s*de (?:(?:la|el)\s+|dich[ao] (\p{Lu}\p{L}*))/u.exec(rest);
    const source = !from ? undefined
        : from[1] ? named(text, match.index, from[1], known)
        : nameAfter(text, moved.end + from[0].length, known, 0);
    const to = / a (?:la|el)\s+(?:nueva\s+)?/u.exec(rest);
    const target = to && nameAfter(text, moved.end + to.index + to[0].length, known, 0);
    return target ? [{ unidades: [moved.text], adscripcionAnterior: source?.text, adscripcionNueva: target.text, tramo }] : [];
}

/** Units incorporated from another one: where to depends on the verb of their clause. */
function incorporated(match: RegExpExecArray, { text, known, approval }: Around): ChangeFields[] {
    const source = nameAfter(text, after(match), known, 0);
    const clause = Math.max(0, ...[...text.substring(0, match.index).matchAll(/(?:^|;\s*|\d\)\s*)/gu)].map(m => m.index + m[0].length));
    const verb = /\b(se le incorpor[óo]|se incorpor[óo]|agrega a su estructura a)\s+/iu.exec(text.substring(clause, match.index));
    if (!source || !verb) return [];
    const target = /le incorpor/u.test(verb[1]) ? nameAfter(text, clause, known, text.length)
        : /agrega/u.test(verb[1]) ? nameBefore(text, text.lastIndexOf(', la cual', clause + verb.index), known)
        : approval.subject ? { text: approval.subject } : undefined;
    const moved = namesBetween(text, clause + verb.index + verb[0].length, match.index, known);
    return target && moved.length > 0 ? [{ unidades: moved.map(n => n.text), adscripcionAnterior: source.text, adscripcionNueva: target.text }] : [];
}

/** The change records a paragraph states, under the approval it belongs to. */
export function changesIn(paragraph: Paragraph, approval: Approval, known: Known): ImportedChange[] {
    const { text } = paragraph;
    const { subject: _, ...who } = approval;
    const around: Around = { text, known, approval };
    return CHANGE_PATTERNS.flatMap(({ pattern, tipo, read }) =>
        [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))].flatMap(match =>
            read(match, around).map(fields => ({ ...who, tipo, ...fields, descripcion: sentenceAt(text, match.index), line: paragraph.line }))));
}
