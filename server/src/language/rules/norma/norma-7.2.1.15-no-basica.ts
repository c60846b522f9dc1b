// norma-7.2.1.15-no-basica: a PHAE is not attached to a unit of the estructura no básica.
import type { ValidationAcceptor } from 'langium';
import type { Puesto } from '../../generated/ast.js';
import { isPhae, unitOfPosition } from '../../model.js';
import { report } from '../catalog.js';
import { attachmentRange } from './shared.js';

export function checkNoBasica(position: Puesto, accept: ValidationAcceptor): void {
    if (!isPhae(position)) return;
    const unit = unitOfPosition(position);
    if (!unit?.noBasica) return;
    report(accept, 'norma-7.2.1.15-no-basica',
        `el puesto homólogo «${position.titulo ?? position.name}» está adscrito a «${unit.nombre ?? unit.name}», de la estructura no básica.`,
        attachmentRange(position));
}
