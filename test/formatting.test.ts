// The formatter lays out structure and never touches a function text; formatting twice changes nothing.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationToken } from 'vscode-languageserver';
import { AstUtils } from 'langium';
import { isFuncion, isInciso } from '../server/src/language/generated/ast.js';
import { buildWorkspace, exampleFiles } from './helpers/workspace.js';

const OPTIONS = { tabSize: 4, insertSpaces: true };

async function format(text: string): Promise<string> {
    const ws = await buildWorkspace({ 'f.estructura': text });
    const doc = ws.docs['f.estructura'];
    const edits = await ws.services.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: OPTIONS }, CancellationToken.None);
    return TextDocument.applyEdits(TextDocument.create('f', 'estructura', 1, text), edits);
}

/** The raw source text of every function and inciso string, as written. */
async function functionTexts(text: string): Promise<string[]> {
    const ws = await buildWorkspace({ 'f.estructura': text });
    return AstUtils.streamAst(ws.docs['f.estructura'].parseResult.value)
        .filter(n => isFuncion(n) || isInciso(n))
        .map(n => n.$cstNode!.text.substring(n.$cstNode!.text.indexOf('"')))
        .toArray();
}

describe('formatter', () => {
    it('lays out a compact unit one property per line, indented', async () => {
        const input = 'manual M "Manual" { institucion IMSS vigencia 2022-10-01 }\nunidad DOE "Dirección de Operación y Evaluación" { tipo Dirección número 7.1\n  funciones { 1. "Coordinar las acciones." 2. cierre "Las demás que le confiera la Ley." }\npuesto T "Titular" { clase mando titular } unidad U "Unidad Uno" { número 7.1.1 } }';
        expect(await format(input)).toBe(`manual M "Manual" {
    institucion IMSS
    vigencia 2022-10-01
}

unidad DOE "Dirección de Operación y Evaluación" {
    tipo Dirección
    número 7.1
    funciones {
        1. "Coordinar las acciones."
        2. cierre "Las demás que le confiera la Ley."
    }
    puesto T "Titular" {
        clase mando
        titular
    }
    unidad U "Unidad Uno" {
        número 7.1.1
    }
}
`);
    });

    it('keeps a wrapped function text byte for byte, re-indenting only around it', async () => {
        const input = 'manual M "M" { institucion IMSS }\nunidad U "Unidad" {\nfunciones {\n1. "Primera línea\n       segunda línea con  dos espacios" {\na) "inciso"\n}\n}\n}\n';
        const output = await format(input);
        expect(output).toContain('1. "Primera línea\n       segunda línea con  dos espacios" {');
        expect(output).toContain('\n            a) "inciso"\n');
    });

    for (const [name, text] of Object.entries(exampleFiles())) {
        it(`is idempotent and keeps every function text of ${name}`, async () => {
            const once = await format(text);
            // The examples are written the way the formatter writes them.
            expect(once).toBe(text);
            const twice = await format(once);
            expect(twice).toBe(once);
            expect(await functionTexts(once)).toEqual(await functionTexts(text));
        });
    }
});
