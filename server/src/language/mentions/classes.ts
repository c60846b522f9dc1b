// Names in prose that look like units but are not one unit of the institution: kinds used as
// classes ("la Unidad Administrativa", "cada Jefatura de Departamento") and bodies outside it
// ("la Secretaría de Hacienda y Crédito Público", "el Órgano Interno de Control").
import { UNIT_KINDS } from '../kinds.js';
import { nameWords } from './words.js';

/** Kinds (singular) that prose uses for any unit of the kind, besides the `tipo` names. */
const CLASS_NAMES = [
    ...UNIT_KINDS,
    'Jefatura de Departamento', 'Unidad Administrativa', 'Unidad Administrativa Central',
    'Unidad Administrativa Desconcentrada', 'Órgano Normativo', 'Órgano Colegiado', 'Órgano de Gobierno',
    'Órgano Fiscalizador', 'Órgano Superior', 'Órgano Desconcentrado', 'Unidad Médica',
    'Unidad Médica de Alta Especialidad', 'Unidad Médica Rural', 'Unidad Médica Hospitalaria',
    'Subdelegación', 'Subdelegación Médica', 'Delegación Estatal', 'Delegación Regional'
].map(nameWords);

/** Words that may follow a class name without making it a particular unit ("… del Instituto"). */
const QUALIFIERS = new Set(['de', 'en', 'a', 'y', 'instituto', 'issste', 'imss', 'programa', 'bienestar', 'central', 'centrales', 'desconcentrada', 'desconcentradas']);

/** Bodies outside the institution: federal ministries and their units, the Federation's treasury. */
const EXTERNAL_PREFIXES = [
    ['secretaria', 'de'], ['tesoreria', 'de', 'federacion'], ['organo', 'interno', 'de', 'control'],
    ['unidad', 'de', 'inteligencia', 'financiera']
];
const EXTERNAL_WORDS = new Set(['federacion', 'republica', 'gobierno']);

function startsWith(words: readonly string[], prefix: readonly string[]): boolean {
    return prefix.length <= words.length && prefix.every((w, i) => words[i] === w);
}

/** A kind named as a class, possibly qualified ("Unidad Administrativa del Instituto"). */
export function isKindClass(words: readonly string[]): boolean {
    return CLASS_NAMES.some(name => startsWith(words, name) && words.slice(name.length).every(w => QUALIFIERS.has(w)));
}

/** A body outside the institution ("Secretaría de Salud", "… de la Secretaría de Gobernación"). */
export function isExternal(words: readonly string[]): boolean {
    if (EXTERNAL_PREFIXES.some(prefix => startsWith(words, prefix))) return true;
    for (let i = 1; i < words.length; i++) {
        if (EXTERNAL_WORDS.has(words[i]) || (words[i] === 'secretaria' && words[i + 1] === 'de')) return true;
    }
    return false;
}
