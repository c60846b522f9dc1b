// Deterministic mutation fuzzing of `.estructura` texts: a seeded PRNG, a rough tokenizer (strings,
// comments, words, numbers, punctuation, blanks) and mutation operators that an editor, a bad copy
// or a broken file can produce. The same seed always gives the same mutations, so a failure is
// reproduced by its seed and index.

/** mulberry32: a small, fast 32-bit PRNG; good enough to pick mutations, and reproducible. */
export class Rng {
    private state: number;
    constructor(seed: number) { this.state = seed >>> 0; }
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** An integer in [0, n). */
    int(n: number): number { return Math.floor(this.next() * n); }
    pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
}

/** Tokens with their offsets; concatenated they give back the text exactly. */
export function tokenize(text: string): string[] {
    return text.match(/"(?:\\.|[^"\\])*"?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|\s+|[\p{L}\p{N}_]+|[^]/gu) ?? [];
}

/** Tokens a mutation may insert: the grammar's keywords and punctuation, and some hostile text. */
const VOCABULARY = [
    'manual', 'parte', 'de', 'unidad', 'puesto', 'funciones', 'actividades', 'organigrama', 'cambio', 'tipo', 'número', 'numero',
    'adscrita', 'a', 'misma', 'que', 'órgano', 'normativo', 'estructura', 'básica', 'no', 'agrupación', 'genérica', 'alias',
    'anterior', 'hasta', 'objetivo', 'cierre', 'autoridad', 'fundamento', 'línea', 'clase', 'mando', 'titular', 'reporta',
    'nivel', 'plazas', 'vigencia', 'raíz', 'puestos', 'fecha', 'unidades', 'nombre', 'nuevo', 'adscripción', 'descripción',
    'institucion', 'IMSS', 'ISSSTE', 'clave', 'acuerdo', 'sección', 'oficio', 'con', 'tramo', 'control',
    '{', '}', '"', '.', ',', ')', '-', ':', '\\', '//', '/*', '*/', '\n', ' ', '\t', '\r', '1.', '7.1.1', '2022-10-01', '2022-13-45',
    '"texto"', '"', '""', '"\\"', 'a)', 'z)', 'IMSS.DG', 'DG', 'X.Y.Z', '...', '0', '99999999999999999999', 'ñandú', 'ÁREA_ÑANDÚ',
    '\u0000', '\ufeff', '\u200b', '\u00a0', '\ud800', '\udfff', '😀', '\u2028', '\u0301'
];

export type Mutation = { op: string; text: string };

/** One random mutation of `text`: token deletion, insertion, swap, duplication, truncation, random characters. */
export function mutate(text: string, rng: Rng): Mutation {
    const tokens = tokenize(text);
    const n = tokens.length;
    const at = () => rng.int(Math.max(1, n));
    switch (rng.int(9)) {
        case 0: { // delete one token
            const i = at();
            return { op: `delete token ${i}`, text: [...tokens.slice(0, i), ...tokens.slice(i + 1)].join('') };
        }
        case 1: { // delete a run of tokens
            const i = at(); const k = 1 + rng.int(12);
            return { op: `delete tokens ${i}..${i + k}`, text: [...tokens.slice(0, i), ...tokens.slice(i + k)].join('') };
        }
        case 2: { // insert a vocabulary token
            const i = at(); const word = rng.pick(VOCABULARY);
            return { op: `insert ${JSON.stringify(word)} at ${i}`, text: [...tokens.slice(0, i), word, ...tokens.slice(i)].join('') };
        }
        case 3: { // insert a token copied from elsewhere in the file
            const i = at(); const word = tokens[at()] ?? '';
            return { op: `insert copy at ${i}`, text: [...tokens.slice(0, i), word, ...tokens.slice(i)].join('') };
        }
        case 4: { // swap two tokens
            const i = at(); const j = at(); const copy = [...tokens];
            [copy[i], copy[j]] = [copy[j], copy[i]];
            return { op: `swap ${i} ${j}`, text: copy.join('') };
        }
        case 5: { // duplicate a run of tokens elsewhere
            const i = at(); const k = 1 + rng.int(30); const j = at();
            const run = tokens.slice(i, i + k);
            return { op: `duplicate ${i}..${i + k} at ${j}`, text: [...tokens.slice(0, j), ...run, ...tokens.slice(j)].join('') };
        }
        case 6: { // truncate
            const cut = rng.int(text.length + 1);
            return { op: `truncate at ${cut}`, text: text.substring(0, cut) };
        }
        case 7: { // random UTF-16 code units (control characters, lone surrogates, anything)
            const pos = rng.int(text.length + 1); const k = 1 + rng.int(8);
            let junk = '';
            for (let m = 0; m < k; m++) junk += String.fromCharCode(rng.next() < 0.5 ? rng.int(128) : rng.int(0x10000));
            return { op: `random chars ${JSON.stringify(junk)} at ${pos}`, text: text.substring(0, pos) + junk + text.substring(pos) };
        }
        default: { // a character replaced by a hostile one
            const pos = rng.int(Math.max(1, text.length)); const ch = rng.pick(['\u0000', '\ufeff', '"', '{', '}', '\r', '\n', '\\', '\ud800']);
            return { op: `replace char ${pos} by ${JSON.stringify(ch)}`, text: text.substring(0, pos) + ch + text.substring(pos + 1) };
        }
    }
}

/** A unit nested `depth` deep, each with a number extending its parent's and one function. */
export function deeplyNested(depth: number): string {
    const lines = ['manual PROFUNDO "Manual profundo" {', '    institucion IMSS', '}', ''];
    let open = '';
    let close = '';
    for (let d = 1; d <= depth; d++) {
        open += `unidad U${d} "Unidad ${d}" {\nnúmero ${Array.from({ length: d }, () => 1).join('.')}\nfunciones { 1. "Coordinar la unidad ${d}." }\n`;
        close += '}\n';
    }
    return lines.join('\n') + open + close;
}

/** `count` top-level units, each `adscrita a` the one before (a chain), or the one after (one big cycle). */
export function adscriptionChain(count: number, cycle = false): string {
    const units = Array.from({ length: count }, (_, i) => {
        const to = cycle ? `U${(i + 1) % count}` : i > 0 ? `U${i - 1}` : undefined;
        return `unidad U${i} "Dirección ${i}" {\n    número ${i + 1}\n${to ? `    adscrita a ${to}\n` : ''}    funciones { 1. "Coordinar la Dirección ${i}." }\n}\n`;
    });
    return `manual CADENA "Manual en cadena" {\n    institucion IMSS\n}\n\n${units.join('\n')}`;
}
