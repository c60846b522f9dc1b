// The kinds of change a dated record (`cambio`) names: the comparison (snapshot.ts) and the
// editor's unit history (lsp/unit-history.ts) read them alike. Apart from snapshot.ts, which is
// the command line's and reads paths, so that the language server's web worker needs only this.

/** The kinds of change a record can name, folded to one spelling without accents. */
export type RecordKind = 'creacion' | 'supresion' | 'fusion' | 'denominacion' | 'adscripcion' | 'transformacion' | 'reubicacion';

const RECORD_KINDS: Record<string, RecordKind> = {
    creacion: 'creacion', creación: 'creacion', supresion: 'supresion', supresión: 'supresion',
    fusion: 'fusion', fusión: 'fusion', denominacion: 'denominacion', denominación: 'denominacion',
    adscripcion: 'adscripcion', adscripción: 'adscripcion', transformacion: 'transformacion',
    transformación: 'transformacion', reubicacion: 'reubicacion', reubicación: 'reubicacion'
};

export function recordKindOf(word: string | undefined): RecordKind | undefined {
    return word === undefined ? undefined : RECORD_KINDS[word];
}
