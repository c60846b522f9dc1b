// Norma 7.2.1.15 and 5.48: where a puesto homólogo de autorización específica (PHAE) may be
// attached, and what it may not do or have.
import type { ValidationAcceptor } from 'langium';
import { isPuesto, type Actividad, type Organigrama, type Puesto, type Unidad } from '../../generated/ast.js';
import { institutionOf, isPhae, parentOf, unitOfPosition } from '../../model.js';
import type { RuleSettings } from '../../settings.js';
import type { StructureIndex } from '../../structure-index.js';
import { report } from '../catalog.js';
import type { SedeData } from './move-to-sede.js';

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

function attachmentRange(position: Puesto): { node: Puesto; property: 'adscripcion' | 'name' } {
    return { node: position, property: position.adscripcion ? 'adscripcion' : 'name' };
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

export function checkNoBasica(position: Puesto, accept: ValidationAcceptor): void {
    if (!isPhae(position)) return;
    const unit = unitOfPosition(position);
    if (!unit?.noBasica) return;
    report(accept, 'norma-7.2.1.15-no-basica',
        `el puesto homólogo «${position.titulo ?? position.name}» está adscrito a «${unit.nombre ?? unit.name}», de la estructura no básica.`,
        attachmentRange(position));
}

export function checkSinPersonal(position: Puesto, accept: ValidationAcceptor, index: StructureIndex): void {
    if (!isPhae(position)) return;
    const subordinates = index.snapshot.subordinates.get(position);
    if (subordinates.length > 0) {
        report(accept, 'norma-7.2.1.15-sin-personal',
            `el puesto homólogo «${position.titulo ?? position.name}» no puede tener personal a su cargo, y le reportan: ${subordinates.map(p => p.name).join(', ')}.`,
            { node: position, property: 'name' });
    }
    if (position.titular) {
        report(accept, 'norma-7.2.1.15-sin-personal',
            `el puesto homólogo «${position.titulo ?? position.name}» no puede ser titular de una unidad.`,
            { node: position, keyword: 'titular' });
    }
}

// Leading verbs of acts of authority (acts that bind third parties). "Sancionar" is not one: in
// these manuals it means to approve.
const AUTHORITY = /^(?:imponer|resolver|ordenar|conceder|otorgar|negar|vetar|expedir|nombrar|remover|revocar|suspender|clausurar|multar|embargar|determinar\s+(?:los\s+)?cr[eé]ditos)\b/iu;

export function checkAutoridad(activity: Actividad, accept: ValidationAcceptor): void {
    if (!isPuesto(activity.$container) || !isPhae(activity.$container)) return;
    if (activity.autoridad) {
        report(accept, 'norma-7.2.1.15-autoridad', 'un puesto homólogo no realiza actos de autoridad, y esta actividad está marcada «autoridad».', { node: activity });
    } else if (AUTHORITY.test((activity.texto ?? '').trim())) {
        const verb = (activity.texto ?? '').trim().split(/\s+/u)[0];
        report(accept, 'norma-7.2.1.15-autoridad', `«${verb}» es un acto de autoridad, que un puesto homólogo no realiza.`, { node: activity, property: 'texto' }, 'warning');
    }
}

export function checkAtribuciones(activity: Actividad, accept: ValidationAcceptor): void {
    if (!isPuesto(activity.$container) || !isPhae(activity.$container) || !activity.fundamento) return;
    if (/\bRIIMSS\b|Reglamento Interior del (?:Instituto Mexicano del Seguro Social|IMSS)/iu.test(activity.fundamento)) {
        report(accept, 'norma-7.2.1.15-atribuciones',
            'la actividad de un puesto homólogo atiende proyectos encomendados, no atribuciones del RIIMSS; no puede fundarse en él.',
            { node: activity, property: 'fundamento' });
    }
}

export function checkOrganigrama(chart: Organigrama, accept: ValidationAcceptor): void {
    chart.puestos.forEach((ref, index) => {
        if (ref.ref && isPhae(ref.ref)) {
            report(accept, 'norma-5.48-organigrama', `el puesto homólogo «${ref.ref.titulo ?? ref.ref.name}» no se representa en organigramas.`,
                { node: chart, property: 'puestos', index });
        }
    });
}
