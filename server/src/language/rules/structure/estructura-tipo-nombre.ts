// estructura-tipo-nombre: the declared `tipo` agrees with the kind the name's prefix suggests
// ("División de …" is a División). Units without `tipo` and names with no known prefix are not
// checked. The name cannot tell a Dirección Normativa from a Dirección (nor a Coordinación
// Normativa from a Coordinación), and the OOAD are the former Delegaciones: those pairs agree.
import { AstUtils, type ValidationAcceptor } from 'langium';
import { TextEdit, type CodeAction } from 'vscode-languageserver';
import { isUnidad, type Unidad } from '../../generated/ast.js';
import { kindFromName } from '../../kinds.js';
import { normalizeKey } from '../../text-keys.js';
import { report } from '../catalog.js';
import { fixAction, nodeAtDiagnostic, type FixContext } from '../fixes.js';
import { canonicalKind } from './shared.js';

/** Declared kinds that are compatible with the kind a name suggests, besides that kind itself. */
const REFINEMENTS: Record<string, string[]> = {
    'Dirección': ['Dirección Normativa'],
    'Coordinación': ['Coordinación Normativa'],
    'Delegación': ['Órgano de Operación Administrativa Desconcentrada'],
    'Órgano de Operación Administrativa Desconcentrada': ['Delegación']
};

function agrees(declared: string, suggested: string): boolean {
    const key = normalizeKey(declared);
    return key === normalizeKey(suggested) || (REFINEMENTS[suggested] ?? []).some(k => normalizeKey(k) === key);
}

export interface KindNameData {
    /** The kind the name suggests: the fix writes it. */
    tipo: string;
    /** The `tipo` as declared, to check the fix still applies. */
    declarado: string;
}

export function checkKindName(unit: Unidad, accept: ValidationAcceptor): void {
    if (!unit.tipo?.trim() || !unit.nombre?.trim()) return;
    const guess = kindFromName(unit.nombre);
    if (!guess) return;
    const declared = canonicalKind(unit.tipo);
    if (agrees(declared, guess.kind)) return;
    const shape = guess.grouping ? ' (un nombre en plural que agrupa unidades)' : guess.generic ? ' (un nombre en plural que representa varias unidades)' : '';
    const data: KindNameData = { tipo: guess.kind, declarado: unit.tipo };
    report(accept, 'estructura-tipo-nombre',
        `el nombre «${unit.nombre}» indica el tipo «${guess.kind}»${shape}, pero el tipo declarado es «${unit.tipo}».`,
        { node: unit, property: 'tipo', data });
}

/** Quick fix: replace the declared `tipo` with the one the name suggests. */
export function kindFromNameFix({ document, diagnostic }: FixContext): CodeAction[] {
    const data = diagnostic.data as Partial<KindNameData> | undefined;
    if (!data?.tipo) return [];
    // Offer it only while the diagnostic still points at that unit's `tipo`.
    const node = nodeAtDiagnostic(document, diagnostic);
    const unit = node && AstUtils.getContainerOfType(node, isUnidad);
    if (!unit?.tipo || (data.declarado && normalizeKey(unit.tipo) !== normalizeKey(data.declarado))) return [];
    return [fixAction(`Cambiar el tipo a «${data.tipo}»`, document, diagnostic, [TextEdit.replace(diagnostic.range, data.tipo)])];
}
