// Position levels as institutions write them. Federal codes are grupo-grado-nivel: a letter for
// the grupo (G Secretario … K Director General … M Director de Área, N Subdirector, O Jefe de
// Departamento, P Enlace), then the grado (a letter or a digit) and the nivel (digits): `NC1`,
// `MC03`, `K31`, `HB1`. Sub-levels are spelt with or without leading zeros (`MC03` / `MC3`,
// `OC002` / `OC2`): one level. Other institutions' levels (IMSS categories) are kept as written.

/** The comparison key of a level: upper case, no spaces, no leading zeros in the sub-level. */
export function levelKey(level: string | undefined): string {
    return (level ?? '').toUpperCase().replace(/\s+/g, '').replace(/([A-Z])0+(\d)/g, '$1$2');
}

export interface FederalLevel {
    grupo: string;
    grado: string;
    nivel: number;
}

/** A federal grupo-grado-nivel code, or undefined for any other way of writing a level. */
export function federalLevel(level: string | undefined): FederalLevel | undefined {
    const match = /^([A-Z])([A-Z]|\d)(\d+)$/.exec(levelKey(level));
    return match ? { grupo: match[1], grado: match[2], nivel: Number(match[3]) } : undefined;
}
