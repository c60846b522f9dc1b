// funcion-puntuacion: the final punctuation of each function, per the institution's profile.
// "punto" (IMSS): every function ends with a period. "punto-y-coma" (ISSSTE): every function
// ends with ";", the second to last with ", y" (or "; y") and the last with a period. A function
// whose incisos follow may end with ":" ("…para lo cual podrá:").
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { CodeAction } from 'vscode-languageserver-types';
import { isFuncion, type Funcion, type Unidad } from '../../generated/ast.js';
import { institutionOf } from '../../model.js';
import type { RuleSettings } from '../../settings.js';
import { report } from '../catalog.js';
import { fixAction, nodeAtDiagnostic, type FixContext } from '../fixes.js';
import { rangeOf, stringSpan } from '../../string-span.js';
import { finalPunctuation } from './text.js';

/** The ending a fix writes, as shown to the user. */
type Ending = '.' | ';' | ', y';

export interface PunctuationData { esperado: Ending }

interface Expectation { write: Ending; accepted: string[]; why: string }

function expectation(settings: RuleSettings, unit: Unidad, index: number): Expectation {
    if (settings.profile(institutionOf(unit)).puntuacion === 'punto') {
        return { write: '.', accepted: ['.'], why: '' };
    }
    const n = unit.funciones.length;
    if (index === n - 1) return { write: '.', accepted: ['.'], why: ' (la última función de la lista termina con punto)' };
    if (index === n - 2) return { write: ', y', accepted: [',y', ';y'], why: ' (la penúltima función termina con «, y»)' };
    return { write: ';', accepted: [';'], why: ' (las funciones terminan con «;» hasta la penúltima)' };
}

function describe(ending: string): string {
    if (ending === '') return 'sin puntuación';
    return `con «${ending.replace(/([,;])y$/u, '$1 y')}»`;
}

export function checkPunctuation(unit: Unidad, accept: ValidationAcceptor, settings: RuleSettings): void {
    unit.funciones.forEach((fn, i) => {
        if (!fn.texto) return;
        const span = stringSpan(fn, 'texto');
        if (!span) return;
        const { contentEnd, ending, endingEnd } = finalPunctuation(span.inner);
        if (contentEnd === 0) return;
        const wanted = expectation(settings, unit, i);
        if (wanted.accepted.includes(ending)) return;
        if (ending === ':' && fn.incisos.length > 0) return;
        const range = ending
            ? rangeOf(fn, span.start + contentEnd, span.start + endingEnd)
            : lastWordRange(fn, span.start, span.inner.substring(0, contentEnd));
        report(accept, 'funcion-puntuacion',
            `la función termina ${describe(ending)}; se esperaba «${wanted.write}»${wanted.why}.`,
            { node: fn, range, data: { esperado: wanted.write } satisfies PunctuationData });
    });
}

function lastWordRange(fn: Funcion, start: number, content: string) {
    const match = /\S+$/u.exec(content);
    const from = match ? match.index : Math.max(0, content.length - 1);
    return rangeOf(fn, start + from, start + content.length);
}

export function punctuationFix({ document, diagnostic }: FixContext): CodeAction[] {
    const wanted = (diagnostic.data as PunctuationData | undefined)?.esperado;
    if (!wanted) return [];
    const fn = AstUtils.getContainerOfType(nodeAtDiagnostic(document, diagnostic), isFuncion);
    if (!fn) return [];
    const span = stringSpan(fn, 'texto');
    if (!span) return [];
    const { contentEnd, endingEnd } = finalPunctuation(span.inner);
    const range = {
        start: document.textDocument.positionAt(span.start + contentEnd),
        end: document.textDocument.positionAt(span.start + endingEnd)
    };
    return [fixAction(`Terminar la función con «${wanted}»`, document, diagnostic, [{ range, newText: wanted }])];
}
