// Spanish messages for the errors Langium and chevrotain report in English.
import { LangiumParserErrorMessageProvider, DefaultLexerErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';

function describeToken(type: TokenType): string {
    const name = type.name;
    if (name.endsWith(':KW')) return `la palabra clave «${name.slice(0, -3)}»`;
    switch (name) {
        case 'ID': return 'un identificador';
        case 'STRING': return 'un texto entre comillas';
        case 'NUMERO': return 'un número';
        case 'FECHA': return 'una fecha (AAAA-MM-DD)';
        default: return name;
    }
}

function describeFound(token: IToken): string {
    return token.image ? `«${token.image}»` : 'el fin del archivo';
}

export class SpanishParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken }): string {
        return `Se esperaba ${describeToken(expected)} pero se encontró ${describeFound(actual)}.`;
    }
    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken }): string {
        return `Se esperaba el fin del archivo pero se encontró ${describeFound(firstRedundant)}.`;
    }
    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; ruleName: string }): string {
        return `Texto inesperado: ${describeFound(options.actual[0])}. Se esperaba ${expectedAlternatives(options.expectedPathsPerAlt)}.`;
    }
    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; ruleName: string }): string {
        return `Texto inesperado: ${describeFound(options.actual[0])}. Se esperaba ${expectedAlternatives([options.expectedIterationPaths])}.`;
    }
}

function expectedAlternatives(paths: TokenType[][][]): string {
    const firsts = new Set<string>();
    for (const alt of paths) for (const path of alt) if (path[0]) firsts.add(describeToken(path[0]));
    const list = [...firsts].slice(0, 6);
    return list.length ? list.join(', ') + (firsts.size > list.length ? '…' : '') : 'otra cosa';
}

export class SpanishLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + Math.min(length, 20));
        const code = text.codePointAt(0) ?? 0;
        const shown = code < 32 || code === 0xfeff ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : text;
        return `Carácter inesperado: «${shown}». Los textos van entre comillas dobles.`;
    }
}

export function unresolvedReferenceMessage(type: string, refText: string): string {
    const what = type === 'Puesto' ? 'ningún puesto' : type === 'Manual' ? 'ningún manual' : 'ninguna unidad';
    return `no se encontró ${what} con el identificador «${refText}» en el espacio de trabajo.`;
}
