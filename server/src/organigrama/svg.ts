// Draws a laid-out chart as a standalone SVG document. Styling is done with presentation
// attributes, not a <style> element, so the same markup shows under the webview's strict CSP.
import { fold } from '../language/text-keys.js';
import { LINE_HEIGHT, wrap, type ChartLayout, type LaidBox } from './layout.js';

const HEADER = 44;
const FONT = 'Segoe UI, Helvetica, Arial, sans-serif';

/** Fill colour per kind, by the kind's first word: the hierarchy reads at a glance. */
const FILLS: Record<string, string> = {
    direccion: '#dbe7f5', unidad: '#e3eefa', coordinacion: '#e8f2e6', division: '#f3efe0',
    departamento: '#f6f1ea', subdireccion: '#e6e4f4', jefatura: '#f1e6ee', secretaria: '#dbe7f5',
    subsecretaria: '#e6e4f4', gerencia: '#e8f2e6', oficina: '#f4f4f4'
};

export interface SvgOptions {
    /** The view's +/− toggles and tab stops; off for a file or paper, where they mean nothing. */
    interactive?: boolean;
}

export function chartSvg(layout: ChartLayout, { interactive = true }: SvgOptions = {}): string {
    const width = Math.max(layout.width, 360);
    const height = layout.height + HEADER;
    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="12" role="img" aria-label="${escape(title(layout))}">`);
    out.push(`<title>${escape(title(layout))}</title>`);
    out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
    out.push(`<text x="16" y="22" font-size="15" font-weight="600" fill="#1f2933">${escape(layout.chart.title)}</text>`);
    const subtitle = [layout.chart.institution, layout.chart.vigencia ? `Vigencia: ${layout.chart.vigencia}` : 'Vigencia no declarada', `${layout.unitCount} ${layout.unitCount === 1 ? 'unidad' : 'unidades'}`]
        .filter(Boolean).join(' · ');
    out.push(`<text class="vigencia" x="16" y="38" fill="#52606d">${escape(subtitle)}</text>`);
    out.push(`<g transform="translate(0,${HEADER})">`);
    out.push('<g class="lineas" fill="none" stroke="#7b8794" stroke-width="1.2">');
    for (const edge of layout.edges) {
        if (edge.points.length < 2) continue;
        const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
        out.push(`<path d="${d}"/>`);
    }
    out.push('</g>');
    for (const box of layout.boxes) out.push(boxSvg(box, interactive));
    out.push('</g></svg>');
    return out.join('\n');
}

function boxSvg(laid: LaidBox, interactive: boolean): string {
    const { box } = laid;
    const fill = FILLS[kindKey(box.kind)] ?? '#eef2f6';
    const parts: string[] = [];
    // Focusable with Tab in the view; Enter opens the definition there (ignored in a plain SVG file).
    const label = [box.number, box.kind, box.name].filter(Boolean).join(' ');
    parts.push(`<g class="caja" data-id="${escape(box.id)}" data-uri="${escape(box.uri)}" data-line="${box.line}" data-character="${box.character}"${box.number ? ` data-numero="${escape(box.number)}"` : ''} transform="translate(${round(laid.x)},${round(laid.y)})"${interactive ? ' tabindex="0" role="button"' : ''} aria-label="${escape(label)}">`);
    parts.push(`<title>${escape([box.number, box.name].filter(Boolean).join(' '))}</title>`);
    parts.push(`<rect width="${laid.width}" height="${laid.height}" rx="4" fill="${fill}" stroke="#3e4c59" stroke-width="1"/>`);
    let y = 8 + 11;
    const center = laid.width / 2;
    const meta = [box.number, box.kind].filter(Boolean).join(' · ');
    parts.push(`<text class="tipo" x="${center}" y="${y}" text-anchor="middle" font-size="10" fill="#52606d">${escape(meta || ' ')}</text>`);
    for (const line of laid.nameLines) {
        y += LINE_HEIGHT;
        parts.push(`<text class="nombre" x="${center}" y="${y}" text-anchor="middle" font-weight="600" fill="#1f2933">${escape(line)}</text>`);
    }
    if (box.titular) {
        for (const line of wrap(box.titular, 30)) {
            y += LINE_HEIGHT;
            parts.push(`<text class="titular" x="${center}" y="${y}" text-anchor="middle" font-style="italic" font-size="11" fill="#3e4c59">${escape(line)}</text>`);
        }
    }
    if (box.plazas) {
        for (const line of wrap(box.plazas, 30)) {
            y += LINE_HEIGHT;
            parts.push(`<text class="plazas" x="${center}" y="${y}" text-anchor="middle" font-size="10" fill="#52606d">${escape(line)}</text>`);
        }
    }
    if (interactive && laid.descendants > 0) {
        const sign = laid.collapsed ? '+' : '−';
        const toggleLabel = laid.collapsed ? `Mostrar ${laid.descendants} unidades` : 'Ocultar las unidades de abajo';
        parts.push(`<g class="alternar" data-toggle="${escape(box.id)}" transform="translate(${laid.width - 12},${laid.height})" tabindex="0" role="button" aria-label="${toggleLabel}">`
            + `<title>${toggleLabel}</title><circle r="8" fill="#ffffff" stroke="#3e4c59"/>`
            + `<text y="4" text-anchor="middle" font-size="12" font-weight="700" fill="#1f2933">${sign}</text></g>`);
    }
    if (laid.collapsed) {
        parts.push(`<text class="ocultas" x="${center}" y="${laid.height + 14}" text-anchor="middle" font-size="10" fill="#52606d">+${laid.descendants}</text>`);
    }
    parts.push('</g>');
    return parts.join('');
}

function title(layout: ChartLayout): string {
    return `Organigrama: ${layout.chart.title}`;
}

function kindKey(kind: string | undefined): string {
    return fold(kind ?? '').split(' ')[0];
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}

/** Escapes text for XML content and attribute values. */
export function escape(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
