// What a function paragraph is: its number, whether it is the closing catch-all, its incisos.

/** "12. Coordinar…", "12 Coordinar…", "12.- Coordinar…": a numbered item; group 1 is the number. */
export const NUMBERED_ITEM = /^\s*(\d{1,3})(?:\.-|\.|\)|-)?\s+(?=\S)/u;
/** "a) …", "b. …": a lettered inciso; group 1 is the letter. */
export const LETTERED_ITEM = /^\s*([a-zñ])\)\s+(?=\S)/u;
/** "- …", "• …", "– …": a dash or bullet sub-item. */
export const DASH_ITEM = /^\s*[-–•●▪◦]\s+(?=\S)/u;

// The closing catch-all clauses of the manuals: "Las demás que le confieran…", "Desarrollar todas
// aquellas funciones inherentes al ámbito de su competencia…", "Realizar las demás funciones
// inherentes al cargo…".
const CLOSING = [
    /^(?:y\s+)?las demás (?:que|funciones|atribuciones|facultades)\b/iu,
    /^(?:realizar|desarrollar|ejercer|desempeñar|llevar a cabo) (?:todas )?(?:las demás|aquellas) (?:funciones|atribuciones|facultades|actividades)\b/iu,
    /^(?:realizar|desarrollar|ejercer|desempeñar) (?:todas )?(?:las demás|aquellas)\b.*\b(?:inherentes|le (?:confiera|confieran|encomiende|encomienden|sean?)|asignadas?|señale)\b/iu
];

export function isClosingClause(text: string): boolean {
    return CLOSING.some(pattern => pattern.test(text.trim()));
}
