// acuerdo-formato: an Acuerdo of the H. Consejo Técnico is cited by an id like
// ACDO.AS2.HCT.270922/264.P.DA: session (AS2, SA2, AS3…), HCT, the session date DDMMYY, the
// Acuerdo's number, P and the proposing area (DA, DAED, DF, DG…). The ids in the manuals all
// have this form; the IMSS 2018 manual cites one as ACDO.SA2.HCT.271010-323.P.DAED, with a dash
// before the number: it is how the Acuerdo was published, so the dash is accepted.
// The 2018 manual also cites an older form, ACDO-HCT-270607/256 P (D.P.M.), accepted too. Other
// instruments a change may cite (older acuerdos like «177/2001», oficios) are not ACDO ids: only
// ids that start with ACDO (in any case) or name the HCT are checked.
// When the id sits next to a declared date (`acuerdo "…" fecha …`, `cambio "…" { fecha … }`),
// its DDMMYY segment must be that date.
import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import type { CodeAction } from 'vscode-languageserver-types';
import { isAcuerdoManual, isCambio, type AcuerdoManual, type Cambio, type NombreAnterior } from '../../generated/ast.js';
import { report } from '../catalog.js';
import { fixAction, nodeAtDiagnostic, type FixContext } from '../fixes.js';
import { cstOf } from '../functions/text.js';

export const ACUERDO_ID = /^ACDO\.([A-Z]{2,3}\d{1,2})\.HCT\.(\d{6})[/-](\d{1,4})\.P\.([A-ZÑ]{1,10})$/u;

/** The form of 2007: ACDO-HCT-270607/256 P (D.P.M.); group 1 is DDMMYY. */
export const ACUERDO_ID_2007 = /^ACDO-HCT-\s?(\d{6})\/(\d{1,4})\s?P\s?\(([A-ZÑ.]{1,12})\)$/u;

const EXAMPLE = 'ACDO.AS2.HCT.270922/264.P.DA';

/** Whether an id claims to be an Acuerdo of the H. Consejo Técnico (else it is another instrument). */
function isAcuerdoId(id: string): boolean {
    return /^\s*acdo/iu.test(id) || /\bhct\b/iu.test(id);
}

export interface AcuerdoDateData { fecha: string }

/** The session date an id encodes (DDMMYY), as YYYY-MM-DD, or undefined when it is no date. */
export function sessionDate(ddmmyy: string): string | undefined {
    const day = Number(ddmmyy.substring(0, 2));
    const month = Number(ddmmyy.substring(2, 4));
    const yy = Number(ddmmyy.substring(4, 6));
    // The Consejo Técnico's ACDO ids appear in the 2000s; a year after 70 is read as 19YY.
    const year = yy >= 70 ? 1900 + yy : 2000 + yy;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Why an id is not well formed, in words for the message. */
function malformed(id: string): string {
    const trimmed = id.trim();
    if (trimmed === '') return 'el identificador del Acuerdo está vacío';
    if (trimmed !== id || /\s/u.test(id)) return `el identificador «${id}» tiene espacios; se escribe sin ellos (p. ej. ${EXAMPLE})`;
    if (ACUERDO_ID.test(id.toUpperCase())) return `el identificador «${id}» debe escribirse en mayúsculas (${id.toUpperCase()})`;
    if (!id.startsWith('ACDO.')) return `el identificador «${id}» no empieza con «ACDO.»`;
    return `el identificador «${id}» no tiene la forma ACDO.<sesión>.HCT.<DDMMAA>/<número>.P.<área> (p. ej. ${EXAMPLE})`;
}

export function checkAcuerdo(node: AcuerdoManual | Cambio | NombreAnterior, accept: ValidationAcceptor): void {
    const property = isAcuerdoManual(node) ? 'id' : 'acuerdo';
    const id = isAcuerdoManual(node) ? node.id : node.acuerdo;
    if (id === undefined) return;
    const info = { node: node as AstNode, property: property as never };
    if (id.trim() !== '' && !isAcuerdoId(id)) return;
    const segment = ACUERDO_ID.exec(id)?.[2] ?? ACUERDO_ID_2007.exec(id)?.[1];
    if (!segment) {
        report(accept, 'acuerdo-formato', `${malformed(id)}.`, info);
        return;
    }
    const date = sessionDate(segment);
    if (!date) {
        report(accept, 'acuerdo-formato', `el segmento ${segment} de «${id}» no es una fecha DDMMAA válida.`, info);
        return;
    }
    const declared = isAcuerdoManual(node) || isCambio(node) ? node.fecha : undefined;
    if (declared && declared !== date) {
        report(accept, 'acuerdo-formato',
            `el segmento ${segment} de «${id}» indica la sesión del ${date}, pero la fecha declarada es ${declared}.`,
            { ...info, data: { fecha: date } satisfies AcuerdoDateData });
    }
}

/** Sets the declared date to the one the id encodes. */
export function acuerdoDateFix({ document, diagnostic }: FixContext): CodeAction[] {
    const fecha = (diagnostic.data as AcuerdoDateData | undefined)?.fecha;
    if (!fecha) return [];
    const at = nodeAtDiagnostic(document, diagnostic);
    const node = AstUtils.getContainerOfType(at, (n): n is AcuerdoManual | Cambio => isAcuerdoManual(n) || isCambio(n));
    const cst = node && cstOf(node, 'fecha');
    if (!cst) return [];
    return [fixAction(`Cambiar la fecha a ${fecha}`, document, diagnostic, [{ range: cst.range, newText: fecha }])];
}
