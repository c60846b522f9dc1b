// norma-7.2.1.15-sede: a puesto homólogo de autorización específica (PHAE) is attached directly to
// a sede (the Dirección General, the Secretaría General or a Dirección Normativa).
// Quick fix: "Adscribir a la sede DOE". A PHAE written `adscrito a X` gets the sede in place of X;
// a PHAE nested in a unit (or attached only through `titular de`) gets an `adscrito a <sede>` line,
// which takes precedence over the enclosing unit.
import { AstUtils, GrammarUtils, type LangiumDocument, type ValidationAcceptor } from 'langium';
import { TextEdit, type CodeAction } from 'vscode-languageserver';
import { isPuesto, type Puesto, type Unidad } from '../../generated/ast.js';
import { institutionOf, isPhae, parentOf, unitOfPosition } from '../../model.js';
import type { RuleSettings } from '../../settings.js';
import { report } from '../catalog.js';
import { fixAction, lineIndentation, nodeAtDiagnostic, type FixContext } from '../fixes.js';
import { attachmentRange } from './shared.js';

/** A sede: the Dirección General, the Secretaría General or an órgano normativo (data, not a name guess). */
export function isSede(unit: Unidad, settings: RuleSettings): boolean {
    const described = unit.equivalente?.ref ?? unit;
    const profile = settings.profile(institutionOf(unit));
    const kind = described.tipo ?? unit.tipo ?? '';
    return described.organoNormativo || unit.organoNormativo || profile.sedes.includes(kind) || profile.tiposNormativos.includes(kind);
}

/** The nearest sede above a unit (itself excluded), walking the adscription chain without looping. */
export function nearestSede(unit: Unidad, settings: RuleSettings): Unidad | undefined {
    const seen = new Set<Unidad>([unit]);
    for (let u = parentOf(unit); u && !seen.has(u); u = parentOf(u)) {
        if (isSede(u, settings)) return u;
        seen.add(u);
    }
    return undefined;
}

export function checkSede(position: Puesto, accept: ValidationAcceptor, settings: RuleSettings): void {
    if (!isPhae(position)) return;
    const unit = unitOfPosition(position);
    if (!unit || isSede(unit, settings)) return;
    const sede = nearestSede(unit, settings);
    report(accept, 'norma-7.2.1.15-sede',
        `el puesto homólogo «${position.titulo ?? position.name}» está adscrito a «${unit.nombre ?? unit.name}», que no es sede de la Dirección General, la Secretaría General ni una Dirección Normativa${sede ? `; su sede es «${sede.nombre ?? sede.name}» (${sede.name})` : ''}.`,
        { ...attachmentRange(position), data: sede ? { sede: sede.name, actual: unit.name } satisfies SedeData : undefined });
}

export interface SedeData {
    /** The id of the nearest sede above the position's unit. */
    sede: string;
    /** The id of the unit the position was attached to when the rule ran. */
    actual: string;
}

/** Quick fix: "Adscribir a la sede DOE". */
export function moveToSedeFix({ document, diagnostic }: FixContext): CodeAction[] {
    const data = diagnostic.data as Partial<SedeData> | undefined;
    if (!data?.sede) return [];
    const node = nodeAtDiagnostic(document, diagnostic);
    const position = node && AstUtils.getContainerOfType(node, isPuesto);
    if (!position) return [];
    const title = `Adscribir a la sede ${data.sede}`;
    if (position.adscripcion) {
        // Offer it only while the attachment is still the one the diagnostic is about.
        const ref = position.adscripcion.$refNode;
        if (!ref || (data.actual && position.adscripcion.ref?.name !== data.actual)) return [];
        return [fixAction(title, document, diagnostic, [TextEdit.replace(ref.range, data.sede)])];
    }
    const insertion = attachmentLine(document, position, data.sede);
    return insertion ? [fixAction(title, document, diagnostic, [insertion])] : [];
}

/** `adscrito a <sede>` as the first statement of the position's block. */
function attachmentLine(document: LangiumDocument, position: Puesto, sede: string): TextEdit | undefined {
    const open = position.$cstNode && GrammarUtils.findNodeForKeyword(position.$cstNode, '{');
    if (!open) return undefined;
    const indentation = (lineIndentation(document, position) ?? '') + '    ';
    return TextEdit.insert(open.range.end, `\n${indentation}adscrito a ${sede}`);
}
