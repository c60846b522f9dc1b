// Roman numerals as federal manuals write them: function numbers (`XXV.`), unit headings (`I.`,
// `I.1.`) and the items of the Estructura orgánica list.

/** A well-formed Roman numeral (1–3999), upper case. */
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;
const DIGITS: ReadonlyArray<[string, number]> = [
    ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
    ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]
];

/** The value of an upper-case Roman numeral, or undefined when the text is not one. */
export function romanValue(text: string): number | undefined {
    if (text === '' || !ROMAN.test(text)) return undefined;
    let value = 0;
    let rest = text;
    for (const [digits, n] of DIGITS) {
        while (rest.startsWith(digits)) {
            value += n;
            rest = rest.slice(digits.length);
        }
    }
    return value;
}

export function toRoman(value: number): string {
    let out = '';
    let rest = value;
    for (const [digits, n] of DIGITS) {
        while (rest >= n) {
            out += digits;
            rest -= n;
        }
    }
    return out;
}
