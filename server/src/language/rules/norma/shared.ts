// What the Norma rules share: where a PHAE's attachment is written, for the diagnostics about it.
import type { Puesto } from '../../generated/ast.js';

/** The position's `adscrito a`, or its name when it is attached by where it is written. */
export function attachmentRange(position: Puesto): { node: Puesto; property: 'adscripcion' | 'name' } {
    return { node: position, property: position.adscripcion ? 'adscripcion' : 'name' };
}
