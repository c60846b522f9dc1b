// Numbers as the manuals write them: arabic (`12`), Roman numerals (federal manuals number their
// functions `I.`…`XXV.` and their units `I.`, `I.1.`) and letters (`a)` for units under a Roman
// numeral). The numbering rules compare their values and write the expected number in the same system.

export type NumeralSystem = 'arabic' | 'roman' | 'letter';

const ROMAN_DIGITS: ReadonlyArray<[string, number]> = [
    ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
    ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]
];
/** A well-formed Roman numeral (1–3999), upper case as the manuals write them. */
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const LETTERS = 'abcdefghijklmnñopqrstuvwxyz';

export function romanValue(text: string): number | undefined {
    if (text === '' || !ROMAN.test(text)) return undefined;
    let value = 0;
    let rest = text;
    for (const [digits, n] of ROMAN_DIGITS) {
        while (rest.startsWith(digits)) {
            value += n;
            rest = rest.substring(digits.length);
        }
    }
    return value;
}

export function toRoman(value: number): string {
    let out = '';
    let rest = value;
    for (const [digits, n] of ROMAN_DIGITS) {
        while (rest >= n) {
            out += digits;
            rest -= n;
        }
    }
    return out;
}

/**
 * One numeral: its system and value, or undefined when it is none of them. A single C, D, L or M
 * is read as a letter (C. after B.), not as 100, 500, 50 or 1000, unless the list is known to be
 * Roman (`prefer`).
 */
export function numeralValue(text: string, prefer?: NumeralSystem): { system: NumeralSystem; value: number } | undefined {
    if (/^\d+$/.test(text)) return { system: 'arabic', value: Number(text) };
    const roman = text.length === 1 && !'IVX'.includes(text) && prefer !== 'roman' ? undefined : romanValue(text);
    if (roman !== undefined) return { system: 'roman', value: roman };
    const letter = LETTERS.indexOf(text.toLowerCase());
    if (text.length === 1 && letter >= 0) return { system: 'letter', value: letter + 1 };
    return undefined;
}

/** `value` written in `system`: 3, III or c. */
export function formatNumeral(value: number, system: NumeralSystem): string {
    if (system === 'roman') return toRoman(value);
    if (system === 'letter') return LETTERS[value - 1] ?? String(value);
    return String(value);
}
