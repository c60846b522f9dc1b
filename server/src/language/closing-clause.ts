// The closing catch-all of a function list, recognized by its structure, not by a list of phrasings.
// One function for the importer (it marks `cierre`, and the ISSSTE parser ends a list after it) and
// for the rules (funcion-cierre, and the exemptions of funcion-infinitivo and funcion-duplicada), so
// that what the importer marks and what the editor accepts never disagree.
//
// The clause is the whole function: an optional item label, optional infinitives, then the head
// "(todas) las demás" / "(todos) los demás" / "(todas) aquellas" / "cualquier otra", whose object
// says that what follows are the unit's remaining duties:
//
//   clause     := label? ("y" | "así como")? verbs? head object …
//   label      := "12." | "XXV." | "a)" | "-" …              (numbers the text itself carries)
//   verbs      := verb (("," | "y" | "e" | "o")? verb)* ("," words ",")? ("con" | "en" | "a")?
//   verb       := infinitive ("a cabo")?                      Realizar · Llevar a cabo · Planear, dirigir y coordinar
//   head       := ("todas" | "todos")? ("las" | "los") "demás" | ("todas" | "todos")? ("aquellas" | "aquellos")
//               | ("cualquier" | "cualesquiera") ("otra" | "otras" | "otro" | "otros")
//   object     := "que" …                                     Las demás que le confieran…
//               | duty noun …                                  … funciones / atribuciones / facultades / actividades …
//               | qualifier …                                  … inherentes / afines / análogas / encomendadas …
//
// "Coordinar con las demás áreas…" is not one (áreas is not a duty); "… y demás disposiciones
// aplicables" is not one (the head does not open the function). The object must be a whole word, so
// a half-typed clause is recognized from the word that makes it one ("Realizar las demás que") and
// stays recognized as the user writes the rest; "Las demás" alone is not recognized yet.

import { fold } from './text-keys.js';

/** Item labels the text may carry: "12.", "12.-", "3)", "XXV.", "iv)", "a)", and list bullets. */
const LABEL = /^(?:[\s"'«»“”‘’*•●▪◦–—-]+|(?:\d{1,3}(?:\.\d{1,3})*|[ivxlcdm]{1,8}|[a-z])(?:\.-|\.|\)|-)(?=\s))/u;
const TOKEN = /[\p{L}\p{N}]+|,/gu;
const INFINITIVE = /^\p{L}*(?:ar|er|ir)$/u;
/** What a catch-all leaves to others: functions, duties, matters (singular or plural, or half-typed plural). */
const DUTY = /^(?:funcion|atribucion|facultad|actividad|tarea|labor|obligacion|responsabilidad|comision|encomienda|asunto|accion)(?:es?|s)?$/u;
/** How the remaining duties are qualified: like the ones listed, or conferred by someone. */
const QUALIFIER = new RegExp('^(?:' + [
    'inherente', 'afin', 'similar', 'correspondiente', 'analog[ao]', 'conex[ao]', 'complementari[ao]', 'relativ[ao]', 'propi[ao]',
    // participles of the verbs that confer them
    '(?:relacion|deriv|asign|encomend|senal|deleg|determin|otorg|encarg)ad[ao]', '(?:confer|establec|atribu)id[ao]'
].join('|') + ')(?:es?|s)?$|^expresamente$', 'u');

/** The clause decides within its first words: only this much of a long text is read. */
const READ = 300;

export function isClosingClause(text: string): boolean {
    const words = tokensOf(text);
    const at = (k: number) => words[k];
    let i = 0;
    if (at(i) === 'y' || at(i) === 'e') i++;
    else if (at(i) === 'asi' && at(i + 1) === 'como') i += 2;
    const afterVerbs = verbs(words, i);
    if (afterVerbs > i) {
        i = afterVerbs;
        i = parenthetical(words, i);
        if (at(i) === 'con' || at(i) === 'en' || at(i) === 'a') i++;
    }
    const afterHead = head(words, i);
    if (afterHead === undefined) return false;
    const object = at(afterHead);
    return object !== undefined && (object === 'que' || DUTY.test(object) || QUALIFIER.test(object));
}

/** The folded words (lower case, no accents) and commas of the text's beginning, after its label. */
function tokensOf(text: string): string[] {
    let rest = fold(text.slice(0, READ));
    for (let label = LABEL.exec(rest); label && label[0].length > 0; label = LABEL.exec(rest)) rest = rest.slice(label[0].length);
    return rest.match(TOKEN) ?? [];
}

/** After a list of infinitives starting at `i` ("Planear, dirigir y coordinar", "Llevar a cabo"), or `i`. */
function verbs(words: string[], i: number): number {
    let end = i;
    let k = i;
    // ("cualquier" ends like an infinitive but opens the head.)
    while (k < words.length && INFINITIVE.test(words[k]) && head(words, k) === undefined) {
        k++;
        if (words[k] === 'a' && words[k + 1] === 'cabo') k += 2;
        end = k;
        // The next verb of the list, after a comma or a conjunction (", y" too) or none ("hacer cumplir").
        if (words[k] === ',') k++;
        if (words[k] === 'y' || words[k] === 'e' || words[k] === 'o') k++;
    }
    return end;
}

/** After a short phrase between commas ("Realizar, en el ámbito de su competencia, las demás…"), or `i`. */
function parenthetical(words: string[], i: number): number {
    if (words[i] !== ',') return i;
    for (let k = i + 1; k < words.length && k <= i + 10; k++) {
        if (words[k] === ',') return k + 1;
    }
    return i + 1; // a lone comma: "Realizar, las demás…"
}

/** After the head ("las demás", "todas aquellas", "cualquier otra") starting at `i`, or undefined. */
function head(words: string[], i: number): number | undefined {
    const w = (k: number) => words[k];
    if (w(i) === 'cualquier' || w(i) === 'cualesquiera') {
        return /^otr[ao]s?$/u.test(w(i + 1) ?? '') ? i + 2 : undefined;
    }
    if (w(i) === 'todas' || w(i) === 'todos') i++;
    if ((w(i) === 'las' || w(i) === 'los') && w(i + 1) === 'demas') return i + 2;
    if (w(i) === 'aquellas' || w(i) === 'aquellos') return i + 1;
    return undefined;
}
