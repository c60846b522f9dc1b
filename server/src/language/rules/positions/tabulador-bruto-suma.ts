// tabulador-bruto-suma: a tabulador row's gross (`bruto`) is the sum of its parts, to the centavo.
// The same test and message (`grossMessage`, positions/tabulador.ts) applies to the rows of tabuladores
// loaded from spreadsheets, reported by their loader with the file, sheet and row.
import type { ValidationAcceptor } from 'langium';
import type { FilaTabulador } from '../../generated/ast.js';
import { declaredRow, grossMessage } from '../../positions/tabulador.js';
import { report } from '../catalog.js';

export function checkGrossSum(row: FilaTabulador, accept: ValidationAcceptor): void {
    const message = grossMessage(declaredRow(row));
    if (message) report(accept, 'tabulador-bruto-suma', message, { node: row, property: 'bruto' });
}
