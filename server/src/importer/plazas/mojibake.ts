// Text that was UTF-8, read once as Latin-1 / Windows-1252 and saved again («double-encoded»):
// `Ã³` for `ó`, or, when the first byte's character was later changed and the second byte has no
// Windows-1252 character, an accented capital followed by a C1 control character (`Á\u008D` for
// `Í`, as in the IFAI directory's `JURÁDICOS`). Both are re-decoded: the pair's bytes are read
// again as UTF-8 (a Spanish letter's lead byte is 0xC3). C1 controls never occur in real text,
// and `Ã`/`Â` followed by a Latin-1 symbol hardly ever in Spanish, so the repair is safe.

/** Windows-1252's characters for the bytes 0x80–0x9F that it defines. */
const CP1252: Record<string, number> = {
    '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
    '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
    '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f
};

const CONTINUATION = `\\u0080-\\u00BF${Object.keys(CP1252).join('')}`;
/** `Ã` or `Â` and a continuation byte's character; or any accented Latin-1 letter and a bare C1 control. */
const DOUBLE_ENCODED = new RegExp(`[\\u00C2\\u00C3][${CONTINUATION}]|[\\u00C0-\\u00DE][\\u0080-\\u009F]`, 'gu');

function byteOf(char: string): number {
    return CP1252[char] ?? char.charCodeAt(0);
}

/** The text with double-encoded accents re-decoded (`JURÁ\u008DDICOS` → `JURÍDICOS`, `AdministraciÃ³n` → `Administración`). */
export function repairMojibake(text: string): string {
    if (!/[\u0080-\u00FF]/u.test(text)) return text;
    return text.replace(DOUBLE_ENCODED, pair => {
        const second = byteOf(pair[1]);
        // Â or Ã is the lead byte itself; another letter lost its lead byte, which was 0xC3.
        const lead = pair[0] === '\u00C2' ? 0xc2 : 0xc3;
        const decoded = new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array([lead, second]));
        return /^\p{L}$/u.test(decoded) || lead === 0xc2 ? decoded : pair;
    });
}
