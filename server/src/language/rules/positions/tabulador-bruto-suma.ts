// tabulador-bruto-suma: a tabulador row's gross (`bruto`) is the sum of its parts, to the centavo.
// The same test (`grossMismatch`, positions/tabulador.ts) applies to the rows of tabuladores
// loaded from spreadsheets, reported by their loader with the file, sheet and row.
import type { ValidationAcceptor } from 'langium';
import type { FilaTabulador } from '../../generated/ast.js';
import { declaredRow, formatPesos, grossMismatch, type TabuladorRow } from '../../positions/tabulador.js';
import { report } from '../catalog.js';

/** The message for a row whose gross is not the sum of its parts; undefined when it is (or cannot be told). */
export function grossMessage(row: TabuladorRow): string | undefined {
    const mismatch = grossMismatch(row);
    if (!mismatch) return undefined;
    return `el bruto del nivel «${row.nivel}», ${formatPesos(mismatch.bruto)}, no es la suma de sus partes, ${formatPesos(mismatch.suma)} (diferencia: ${formatPesos(mismatch.bruto - mismatch.suma)}).`;
}

export function checkGrossSum(row: FilaTabulador, accept: ValidationAcceptor): void {
    const message = grossMessage(declaredRow(row));
    if (message) report(accept, 'tabulador-bruto-suma', message, { node: row, property: 'bruto' });
}
