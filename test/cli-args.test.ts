// The subcommands' options (server/src/cli/args.ts): Spanish names with English aliases, both
// `--opción valor` and `--opción=valor`, and Spanish messages for what is wrong.
import { describe, expect, it } from 'vitest';
import { readOptions, type OptionSpecs } from '../server/src/cli/args.js';

const SPECS = {
    salida: { type: 'string', aliases: ['output'], short: 'o' },
    espacio: { type: 'string', aliases: ['workspace'] },
    sobrescribir: { type: 'boolean', aliases: ['overwrite'] }
} as const satisfies OptionSpecs;

describe('command-line options', () => {
    it('reads Spanish names, English aliases, short forms and `=` values, in command-line order', () => {
        const read = readOptions(['a.txt', '--espacio', 'x', '--workspace=y', '-o', 'out', '--overwrite', 'b.txt', '--espacio=z'], SPECS);
        expect(read).toEqual({ values: { salida: ['out'], espacio: ['x', 'y', 'z'], sobrescribir: true }, positionals: ['a.txt', 'b.txt'] });
    });

    it('gives every option its empty value when absent', () => {
        expect(readOptions([], SPECS)).toEqual({ values: { salida: [], espacio: [], sobrescribir: false }, positionals: [] });
    });

    it('says in Spanish what is wrong', () => {
        expect(readOptions(['--foo'], SPECS)).toBe('opción desconocida «--foo».');
        expect(readOptions(['--salida'], SPECS)).toBe('falta el valor de --salida.');
        expect(readOptions(['-o'], SPECS)).toBe('falta el valor de --salida.');
        expect(readOptions(['--salida', '--sobrescribir'], SPECS)).toBe('falta el valor de --salida.');
        expect(readOptions(['--sobrescribir=sí'], SPECS)).toBe('la opción --sobrescribir no lleva valor.');
    });
});
