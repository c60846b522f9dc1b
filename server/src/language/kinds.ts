// Unit kinds seen in the IMSS and ISSSTE manuals, as analysts write them after `tipo`.
import { normalizeKey } from './model.js';

export const UNIT_KINDS = [
    'Dirección General', 'Secretaría General', 'Dirección', 'Dirección Normativa', 'Unidad',
    'Coordinación', 'Coordinación Normativa', 'Coordinación Técnica', 'Coordinación Administrativa',
    'División', 'Subjefatura de División', 'Jefatura de Servicios', 'Departamento',
    'Delegación', 'Órgano de Operación Administrativa Desconcentrada', 'UMAE',
    'Subdirección', 'Subcoordinación', 'Prosecretaría', 'Tesorería General', 'Agrupación'
] as const;

const byKey = new Map<string, string>(UNIT_KINDS.map(kind => [normalizeKey(kind), kind]));

/** The canonical spelling of a kind written any way (accents, case), or undefined if unknown. */
export function canonicalKind(written: string | undefined): string | undefined {
    return written ? byKey.get(normalizeKey(written)) : undefined;
}
