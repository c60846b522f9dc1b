import { CstUtils, DefaultValueConverter, isLeafCstNode, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { normalizeSpace } from './text-keys.js';

/**
 * Strings may be wrapped over several lines to stay readable; their value is the text with
 * escapes resolved and white space collapsed, so a re-wrapped string keeps the same words.
 */
export class EstructuraValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            return normalizeSpace(unescapeString(input.substring(1, input.length - 1)));
        }
        if (rule.name === 'NombreTipo' || rule.name === 'ClasePuesto') {
            // Multi-word values read as written: `Jefatura de Servicios`, not `JefaturadeServicios`.
            return CstUtils.streamCst(cstNode).filter(n => isLeafCstNode(n) && !n.hidden).map(n => n.text).join(' ');
        }
        return super.runConverter(rule, input, cstNode);
    }
}

export function unescapeString(body: string): string {
    if (!body.includes('\\')) return body;
    return body.replace(/\\(.)/gs, (_m, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));
}
