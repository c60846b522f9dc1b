// The outline: manual › units › sub-units and positions, each unit as «7.1 Dirección de Operación
// y Evaluación» (the number first, as the manual's index reads, and visible at any width) with its
// function count and id as detail; the change records and the organigramas grouped under a node of
// their own («Cambios (22)», «Organigramas (7)»), after the units.
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import {
    isCambio, isManual, isOrganigrama, isPuesto, isUnidad,
    type Cambio, type Documento, type Organigrama, type Puesto, type Unidad
} from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';

export class EstructuraDocumentSymbolProvider implements DocumentSymbolProvider {
    constructor(_services: EstructuraServices) {}

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value as Documento;
        const elements = [
            ...root.elementos.flatMap(e => this.elementSymbol(e)),
            ...group('Organigramas', root.elementos.filter(isOrganigrama).flatMap(o => this.chartSymbol(o))),
            ...group('Cambios', root.elementos.filter(isCambio).flatMap(c => this.changeSymbol(c)))
        ];
        const header = root.encabezado;
        if (!header?.$cstNode || !root.$cstNode) return elements;
        const name = isManual(header) ? header.titulo ?? header.name : `Parte de ${header.manual?.$refText ?? '?'}${header.titulo ? `: ${header.titulo}` : ''}`;
        const nameNode = header.$cstNode;
        return [{
            name: name || 'Manual',
            detail: [header.institucion, header.clave, header.vigencia && `vigencia ${header.vigencia}`].filter(Boolean).join(' · '),
            kind: SymbolKind.Module,
            range: root.$cstNode.range,
            selectionRange: nameNode.range,
            children: elements
        }];
    }

    private elementSymbol(node: AstNode): DocumentSymbol[] {
        if (isUnidad(node)) return [this.unitSymbol(node)];
        if (isPuesto(node)) return [this.positionSymbol(node)];
        return [];
    }

    private chartSymbol(node: Organigrama): DocumentSymbol[] {
        return this.simple(node, organigramaLabel(node.titulo ?? node.name ?? ''), node.vigencia ? `vigencia ${node.vigencia}` : '', SymbolKind.Event);
    }

    private changeSymbol(node: Cambio): DocumentSymbol[] {
        return this.simple(node, `Cambio ${node.acuerdo ?? (node.oficio ? `oficio ${node.oficio}` : '')}`.trim(), [node.tipo, node.fecha].filter(Boolean).join(' · '), SymbolKind.Event);
    }

    private unitSymbol(unit: Unidad): DocumentSymbol {
        const count = unit.funciones.length;
        const detail = [`${count} ${count === 1 ? 'función' : 'funciones'}`, unit.name].filter(Boolean).join(' · ');
        const name = unit.nombre || unit.name || '(unidad sin nombre)';
        return {
            name: unit.numero ? `${unit.numero} ${name}` : name,
            detail,
            kind: SymbolKind.Class,
            range: unit.$cstNode!.range,
            selectionRange: findNameRange(unit) ?? unit.$cstNode!.range,
            children: [...unit.puestos.map(p => this.positionSymbol(p)), ...unit.unidades.map(u => this.unitSymbol(u))]
        };
    }

    private positionSymbol(position: Puesto): DocumentSymbol {
        return {
            name: position.titulo || position.name || '(puesto sin título)',
            detail: [position.clase, position.titular ? 'titular' : undefined, position.name].filter(Boolean).join(' · '),
            kind: SymbolKind.Field,
            range: position.$cstNode!.range,
            selectionRange: findNameRange(position) ?? position.$cstNode!.range
        };
    }

    private simple(node: AstNode, name: string, detail: string, kind: SymbolKind): DocumentSymbol[] {
        if (!node.$cstNode) return [];
        return [{ name, detail, kind, range: node.$cstNode.range, selectionRange: node.$cstNode.range }];
    }
}

/** One node holding `children` («Cambios (22)»), spanning them; nothing when there are none. */
function group(title: string, children: DocumentSymbol[]): DocumentSymbol[] {
    if (children.length === 0) return [];
    const first = children[0];
    const last = children[children.length - 1];
    return [{
        name: `${title} (${children.length})`,
        kind: SymbolKind.Namespace,
        range: { start: first.range.start, end: last.range.end },
        selectionRange: first.selectionRange,
        children
    }];
}

function findNameRange(node: Unidad | Puesto) {
    return GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range;
}

/** `Organigrama Estructural` stays as is; a bare title gets the word in front. */
function organigramaLabel(title: string): string {
    return /^organigrama\b/i.test(title) ? title : `Organigrama ${title}`.trim();
}
