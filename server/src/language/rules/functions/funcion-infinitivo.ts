// funcion-infinitivo: a function starts with a verb in the infinitive ("Coordinar…", "Planear,
// dirigir y coordinar…", "Llevar a cabo…", "Dar seguimiento…"). Only the first word decides: lists
// and multi-word verbs start with an infinitive too. Incisos and the closing clause are exempt.
import type { ValidationAcceptor } from 'langium';
import type { Funcion } from '../../generated/ast.js';
import { report } from '../catalog.js';
import { rangeOf, stringSpan } from '../../string-span.js';
import { fold } from '../../text-keys.js';
import { firstWord, isClosing } from './text.js';

/** An infinitive, optionally with enclitic pronouns: "Coordinar", "Establecerlos", "Darle", "Allegarse". */
const INFINITIVE = /(?:ar|er|ir)(?:se)?(?:lo|la|los|las|le|les)?$/u;

/** Words ending like an infinitive that are not verbs, seen at the start of prose. */
const NOT_VERBS = new Set([
    'lugar', 'mujer', 'particular', 'similar', 'familiar', 'escolar', 'popular', 'militar', 'nuclear', 'singular', 'peculiar',
    'hogar', 'bienestar', 'quehacer', 'cancer', 'caracter', 'primer', 'tercer', 'cualquier', 'par', 'mar'
]);

export function isInfinitive(word: string): boolean {
    const plain = fold(word);
    return INFINITIVE.test(plain) && !NOT_VERBS.has(plain);
}

export function checkInfinitive(fn: Funcion, accept: ValidationAcceptor): void {
    if (!fn.texto || isClosing(fn)) return;
    const span = stringSpan(fn, 'texto');
    if (!span) return;
    const first = firstWord(span.inner);
    if (!first || isInfinitive(first.word)) return;
    report(accept, 'funcion-infinitivo',
        `la función empieza con «${first.word}»; las funciones empiezan con un verbo en infinitivo («Coordinar…», «Llevar a cabo…»).`,
        { node: fn, range: rangeOf(fn, span.start + first.start, span.start + first.end) });
}
