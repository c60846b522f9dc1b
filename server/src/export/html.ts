// A manual as one self-contained HTML page an analyst can print to PDF as is: the official order
// (header, prose sections, organigramas drawn inline as SVG, then every unit in number order with
// its functions, incisos and positions), inline CSS with print rules, no remote content, a page
// break before each top-level unit.
import type { Funcion } from '../language/generated/ast.js';
import { printsLandscape } from './charts.js';
import { changeSummary, isChartSection, positionSummary, unitFacts, type ManualDocument, type UnitEntry } from './manual-document.js';

const CSS = `
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1f2933; max-width: 60em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .6em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #cbd2d9; padding-bottom: .2em; margin-top: 1.8em; }
h3, h4, h5, h6 { margin: 1.4em 0 .3em; }
h3 { font-size: 1.2em; } h4 { font-size: 1.1em; } h5, h6 { font-size: 1em; }
.numero { color: #52606d; margin-right: .4em; }
table.datos { border-collapse: collapse; margin: 1em 0; }
table.datos th { text-align: left; padding: .2em 1em .2em 0; color: #52606d; font-weight: 600; vertical-align: top; }
table.datos td { padding: .2em 0; }
.datos-unidad { color: #52606d; font-size: .92em; margin: 0 0 .6em; }
.id { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85em; color: #7b8794; }
p.parrafo { text-align: justify; margin: .5em 0; }
ol.funciones { list-style: none; padding-left: 0; margin: .4em 0 1em; }
ol.funciones > li { margin: .35em 0; padding-left: 2.4em; text-indent: -2.4em; text-align: justify; }
ol.funciones .num { display: inline-block; min-width: 2.4em; text-indent: 0; font-weight: 600; }
ol.funciones .marca { color: #52606d; font-style: italic; }
ul.incisos { list-style: none; margin: .2em 0 .2em 2.4em; padding: 0; text-indent: 0; }
ul.incisos li { margin: .15em 0; }
ul.puestos { margin: .3em 0 1em; }
figure.organigrama { margin: 1.2em 0; break-inside: avoid; page-break-inside: avoid; }
figure.organigrama svg { max-width: 100%; height: auto; border: 1px solid #e4e7eb; }
figure.organigrama figcaption { font-size: .9em; color: #52606d; margin-top: .3em; }
section.estructura, section.pagina { break-before: page; page-break-before: always; }
section.estructura > h2 + section.pagina { break-before: auto; page-break-before: auto; }
.cambios td, .cambios th { border-top: 1px solid #e4e7eb; padding: .3em .6em .3em 0; vertical-align: top; text-align: left; font-size: .95em; }
.cambios { border-collapse: collapse; }
@media print {
  @page { size: letter; margin: 2cm 1.8cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  ol.funciones > li, ul.incisos li { break-inside: avoid; page-break-inside: avoid; }
  figure.organigrama svg { border: none; }
  /* A chart scales down to the page, width and height: charts.ts splits it so that names stay at 9 px or more. */
  figure.organigrama svg { width: auto; max-height: 23cm; }
  @page horizontal { size: letter landscape; margin: 1.5cm; }
  figure.organigrama.ancha { page: horizontal; }
  figure.organigrama.ancha svg { max-height: 18cm; }
  a { color: inherit; text-decoration: none; }
}
`;

export function manualHtml(manual: ManualDocument, chartSvgs: string[]): string {
    const out: string[] = [...headerHtml(manual)];
    // A chart that prints larger across the page goes on a landscape page of its own.
    const figures = () => chartSvgs.map(svg => `<figure class="organigrama${isWide(svg) ? ' ancha' : ''}">${svg}</figure>`);
    let chartsPlaced = false;
    for (const section of manual.sections) {
        out.push('<section class="seccion">', `<h2>${esc(section.titulo)}</h2>`);
        for (const paragraph of section.parrafos) out.push(`<p class="parrafo">${esc(paragraph)}</p>`);
        if (!chartsPlaced && isChartSection(section)) {
            out.push(...figures());
            chartsPlaced = true;
        }
        out.push('</section>');
    }
    if (!chartsPlaced && chartSvgs.length > 0 && manual.units.length > 0) {
        out.push('<section class="seccion">', '<h2>Organigramas</h2>', ...figures(), '</section>');
    }
    out.push(...unitsHtml(manual));
    const unattached = manual.positions.filter(p => !manual.units.some(u => u.positions.includes(p)));
    if (unattached.length > 0) {
        out.push('<section class="seccion">', '<h2>Puestos</h2>', '<ul class="puestos">', ...unattached.map(p => `<li>${esc(positionSummary(p))}</li>`), '</ul>', '</section>');
    }
    out.push(...changesHtml(manual));
    out.push('</body>', '</html>');
    return out.join('\n') + '\n';
}

/** The page's head, and the manual's title with its data (institution, clave, vigencia…). */
function headerHtml(manual: ManualDocument): string[] {
    const out: string[] = [];
    const header = manual.header;
    out.push('<!DOCTYPE html>', '<html lang="es">', '<head>', '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${esc(manual.title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
    out.push('<header>', `<h1>${esc(manual.title)}</h1>`, '<table class="datos">');
    const row = (label: string, value: string | undefined) => { if (value) out.push(`<tr><th>${label}</th><td>${value}</td></tr>`); };
    row('Institución', manual.institution && esc(manual.institution));
    row('Clave', header?.clave && esc(header.clave));
    row('Vigencia', header?.vigencia && esc(header.vigencia));
    row('Publicación', header?.publicacion && esc(header.publicacion));
    row('Acuerdos', manual.acuerdos.length > 0 ? manual.acuerdos.map(a => `${esc(a.id)}${a.fecha ? ` (${a.fecha})` : ''}`).join('<br>') : undefined);
    row('Fuente', header?.fuente && esc(header.fuente));
    out.push('</table>', '</header>');
    return out;
}

/** The units with their functions; a top-level area starts a printed page. */
function unitsHtml(manual: ManualDocument): string[] {
    if (manual.units.length === 0) return [];
    const out: string[] = ['<section class="estructura">', '<h2>Funciones</h2>'];
    let open = false;
    for (const entry of manual.units) {
        if (entry.pageBreak) {
            if (open) out.push('</section>');
            out.push('<section class="pagina">');
            open = true;
        }
        out.push(unitHtml(entry, manual));
    }
    if (open) out.push('</section>');
    out.push('</section>');
    return out;
}

function changesHtml(manual: ManualDocument): string[] {
    if (manual.changes.length === 0) return [];
    const out: string[] = ['<section class="seccion">', '<h2>Cambios registrados</h2>', '<table class="cambios">',
        '<tr><th>Acuerdo u oficio</th><th>Fecha</th><th>Tipo</th><th>Unidades y detalle</th></tr>'];
    for (const change of manual.changes) {
        const c = changeSummary(change);
        out.push(`<tr><td>${esc(c.authority)}</td><td>${esc(c.date ?? '')}</td><td>${esc(c.type ?? '')}</td><td>${esc(c.units)}${c.description ? `<br><span class="marca">${esc(c.description)}</span>` : ''}</td></tr>`);
    }
    out.push('</table>', '</section>');
    return out;
}

function unitHtml(entry: UnitEntry, manual: ManualDocument): string {
    const out: string[] = [];
    const level = Math.min(6, 3 + entry.depth);
    out.push(`<article class="unidad" id="${anchor(entry.qualifiedId)}">`);
    out.push(`<h${level}>${entry.number ? `<span class="numero">${esc(entry.number)}</span>` : ''}${esc(entry.name)}</h${level}>`);
    const facts = unitFacts(entry, manual);
    const parts: string[] = [];
    if (facts.kind) parts.push(`<strong>${esc(facts.kind)}</strong>`);
    if (facts.adscription) {
        const a = facts.adscription;
        const name = `${a.number ? `${esc(a.number)} ` : ''}${esc(a.name)}`;
        parts.push(`adscrita a: ${a.inManual ? `<a href="#${anchor(a.qualifiedId)}">${name}</a>` : `${name} (<span class="id">${esc(a.qualifiedId)}</span>, otro manual)`}`);
    } else if (facts.unresolvedAdscription) {
        parts.push(`adscrita a: <span class="id">${esc(facts.unresolvedAdscription)}</span> (no definida)`);
    }
    if (facts.sameAs) parts.push(`misma unidad que: ${esc(facts.sameAs)}`);
    parts.push(...facts.attributes.map(esc));
    parts.push(`<span class="id">${esc(entry.qualifiedId)}</span>`);
    out.push(`<p class="datos-unidad">${parts.join(' · ')}</p>`);
    if (facts.aliases.length > 0) out.push(`<p><strong>También llamada:</strong> ${facts.aliases.map(esc).join('; ')}</p>`);
    if (facts.formerNames.length > 0) out.push(`<p><strong>Nombres anteriores:</strong> ${facts.formerNames.map(esc).join('; ')}</p>`);
    if (entry.unit.objetivo) out.push(`<p class="parrafo"><strong>Objetivo:</strong> ${esc(entry.unit.objetivo)}</p>`);
    if (entry.unit.funciones.length > 0) {
        out.push('<p><strong>Funciones:</strong></p>', '<ol class="funciones">');
        for (const fn of entry.unit.funciones) out.push(functionHtml(fn));
        out.push('</ol>');
    }
    if (entry.positions.length > 0) {
        out.push('<p><strong>Puestos:</strong></p>', '<ul class="puestos">', ...entry.positions.map(p => `<li>${esc(positionSummary(p))}</li>`), '</ul>');
    }
    out.push('</article>');
    return out.join('\n');
}

function functionHtml(fn: Funcion): string {
    const marks = [fn.autoridad ? 'acto de autoridad' : '', fn.fundamento ? `fundamento: ${fn.fundamento}` : ''].filter(Boolean);
    const number = fn.numero ? `<span class="num">${esc(fn.numero.replace(/\.$/, ''))}.</span>` : '<span class="num"></span>';
    let html = `<li>${number}${esc(fn.texto)}${marks.length > 0 ? ` <span class="marca">(${esc(marks.join('; '))})</span>` : ''}`;
    if (fn.incisos.length > 0) {
        html += `<ul class="incisos">${fn.incisos.map(i => `<li>${i.letra ? `${esc(i.letra)}) ` : i.guion ? '– ' : ''}${esc(i.texto)}</li>`).join('')}</ul>`;
    }
    return `${html}</li>`;
}

/** A chart that prints larger across a landscape page than on a portrait one. */
function isWide(svg: string): boolean {
    const size = /<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
    return Boolean(size && printsLandscape(Number(size[1]), Number(size[2])));
}

function anchor(id: string): string {
    return `u-${id.replace(/[^\p{L}\d_.-]/gu, '_')}`;
}

/** Escapes text for HTML content and attribute values (nothing for a property a half-typed file lacks). */
export function esc(text: string | undefined): string {
    return (text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
