// Layout only: one property per line, blocks indented. Never touches the inside of a string,
// so function texts stay byte for byte as written.
import type { AstNode } from 'langium';
import { AbstractFormatter, Formatting, type NodeFormatter } from 'langium/lsp';
import * as ast from '../language/generated/ast.js';

const STATEMENT_KEYWORDS: Record<string, string[]> = {
    Manual: ['institucion', 'institución', 'clave', 'vigencia', 'acuerdo', 'publicacion', 'publicación', 'fuente'],
    Parte: ['institucion', 'institución', 'clave', 'vigencia', 'acuerdo', 'publicacion', 'publicación', 'fuente'],
    Seccion: ['linea', 'línea'],
    Unidad: ['tipo', 'numero', 'número', 'adscrita', 'organo', 'órgano', 'estructura', 'agrupacion', 'agrupación',
        'generica', 'genérica', 'alias', 'objetivo', 'linea', 'línea', 'funciones'],
    Puesto: ['clase', 'titular', 'adscrito', 'adscrita', 'reporta', 'nivel', 'plazas', 'actividades', 'linea', 'línea'],
    Organigrama: ['vigencia', 'raiz', 'raíz', 'puestos', 'linea', 'línea'],
    Cambio: ['fecha', 'tipo', 'unidades', 'puestos', 'nombre', 'adscripcion', 'adscripción', 'descripcion', 'descripción', 'linea', 'línea']
};

const newLine = Formatting.newLine({ allowMore: true });

export class EstructuraFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        const f = this.getNodeFormatter(node);
        if (ast.isDocumento(node)) {
            f.nodes(...node.elementos).prepend(Formatting.newLines(2));
            return;
        }
        this.indentBlocks(f);
        const keywords = STATEMENT_KEYWORDS[node.$type];
        if (keywords) f.keywords(...keywords).prepend(newLine);
        if (ast.isManual(node) || ast.isParte(node)) f.nodes(...node.secciones).prepend(newLine);
        if (ast.isSeccion(node)) f.property('parrafos').prepend(newLine);
        if (ast.isUnidad(node)) {
            f.nodes(...node.anteriores, ...node.funciones, ...node.puestos, ...node.unidades).prepend(newLine);
        }
        if (ast.isPuesto(node)) f.nodes(...node.actividades).prepend(newLine);
        if (ast.isFuncion(node)) f.nodes(...node.incisos).prepend(newLine);
    }

    /** Every `{ … }` of this node: contents indented, the closing brace on its own line. */
    private indentBlocks(f: NodeFormatter<AstNode>): void {
        const opens = f.keywords('{');
        const closes = f.keywords('}');
        opens.nodes.forEach((open, i) => {
            const close = closes.nodes[i];
            if (!close) return;
            const openRegion = f.cst([open]);
            const closeRegion = f.cst([close]);
            f.interior(openRegion, closeRegion).prepend(Formatting.indent({ allowMore: false }));
            closeRegion.prepend(Formatting.newLine());
            openRegion.prepend(Formatting.oneSpace());
        });
    }
}
