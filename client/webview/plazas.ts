// The page of «Ver plazas de la unidad»: the positions of a unit and its subtree (protocol.ts'
// PlazasResult, answered by the server) as a table with sortable columns, the units with their
// plazas, and the totals by level, clase and tipo de personal. Every text is escaped; the page loads
// nothing and runs one inline script by nonce (sorting, and a click on a row asks the extension to
// open the position's text). The extension and the tests build it the same way; nothing here needs
// VS Code. A click message is the comparison view's (`FromComparacion`, a `file:…#L<line>` href).
import type { PlazaGrupo, PlazaPuesto, PlazasResult, PlazaTotales, PlazaUnidad } from '../../server/src/protocol.js';
import { comparacionPolicy } from './comparacion.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string | number | undefined): string {
    return String(text ?? '').replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** The link a row opens: the position's file (a URI from the server) and its 1-based line. */
function hrefOf(row: PlazaPuesto): string {
    return `${row.archivo}#L${row.linea}`;
}

/** A column of the positions table: header, value, and whether it sorts as a number. */
const COLUMNS: ReadonlyArray<[string, (row: PlazaPuesto, unit: PlazaUnidad | undefined) => string | number | undefined, boolean]> = [
    ['Unidad', (_, unit) => unit?.nombre ?? '(sin unidad)', false],
    ['Puesto', row => row.titulo, false],
    ['Nivel', row => row.nivel, false],
    ['Denominación', row => row.denominacion, false],
    ['Clase', row => row.clase, false],
    ['Personal', row => row.personal, false],
    ['Plazas', row => row.plazas, true],
    ['Ocupadas', row => row.ocupadas, true],
    ['Vacantes', row => row.vacantes, true]
];

function positionsTable(report: PlazasResult): string {
    const rows = [
        ...report.unidades.flatMap(unit => unit.puestos.map(row => [row, unit] as const)),
        ...report.sinUnidad.map(row => [row, undefined] as const)
    ];
    const head = COLUMNS.map(([title, , numeric], i) =>
        `<th scope="col" data-col="${i}"${numeric ? ' data-num="1" class="num"' : ''} tabindex="0" aria-sort="none">${escapeHtml(title)}</th>`).join('');
    const body = rows.map(([row, unit]) => {
        const cells = COLUMNS.map(([, value, numeric]) => {
            const v = value(row, unit);
            return `<td${numeric ? ' class="num"' : ''} data-v="${escapeHtml(v)}">${escapeHtml(v)}</td>`;
        }).join('');
        return `<tr data-href="${escapeHtml(hrefOf(row))}" tabindex="0" title="${escapeHtml(`${row.id} · línea ${row.linea}`)}">${cells}</tr>`;
    }).join('\n');
    return `<table id="puestos"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function totalsCells(t: PlazaTotales): string {
    return [t.puestos, t.plazas, t.ocupadas, t.vacantes, t.sinDato].map(n => `<td class="num">${escapeHtml(n)}</td>`).join('');
}

const TOTALS_HEAD = '<th scope="col" class="num">Puestos</th><th scope="col" class="num">Plazas</th><th scope="col" class="num">Ocupadas</th><th scope="col" class="num">Vacantes</th><th scope="col" class="num">Sin dato</th>';

function groupTable(title: string, groups: PlazaGrupo[], none: string): string {
    if (groups.length === 0) return '';
    const rows = groups.map(g => `<tr><th scope="row">${escapeHtml(g.clave || none)}</th>${totalsCells(g)}</tr>`).join('\n');
    return `<table class="totales"><caption>${escapeHtml(title)}</caption><thead><tr><th></th>${TOTALS_HEAD}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function unitsTable(report: PlazasResult): string {
    const rows = report.unidades.filter(u => u.totales.puestos > 0).map(u =>
        `<tr><th scope="row" class="d${Math.min(u.profundidad, 9)}">${escapeHtml(u.nombre)} <span class="id">${escapeHtml(u.id)}</span></th>${totalsCells(u.totales)}</tr>`).join('\n');
    return `<table class="totales"><caption>Unidades (con sus subunidades)</caption><thead><tr><th></th>${TOTALS_HEAD}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** Sorting by a header (click, Enter or Space: ascending, then descending) and opening a row's position. */
const SCRIPT = `(function () {
  var vscode = acquireVsCodeApi();
  var table = document.getElementById('puestos');
  function sortBy(th) {
    var col = Number(th.getAttribute('data-col'));
    var numeric = th.getAttribute('data-num') === '1';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].getAttribute('data-v'), y = b.cells[col].getAttribute('data-v');
      var c;
      if (numeric) c = (x === '' ? -1 : Number(x)) - (y === '' ? -1 : Number(y));
      else c = x.localeCompare(y, 'es', { numeric: true, sensitivity: 'base' });
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function open(row) {
    vscode.postMessage({ type: 'abrir', href: row.getAttribute('data-href') });
  }
  function act(event) {
    var target = event.target;
    var th = target && target.closest ? target.closest('#puestos th[data-col]') : null;
    if (th) { event.preventDefault(); sortBy(th); return; }
    var row = target && target.closest ? target.closest('#puestos tr[data-href]') : null;
    if (row) { event.preventDefault(); open(row); }
  }
  document.addEventListener('click', act);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') act(event);
  });
})();`;

const STYLE = `body { font-family: var(--vscode-font-family, sans-serif); font-size: 13px; color: var(--vscode-foreground, #222); padding: 0 1em 2em; }
table { border-collapse: collapse; margin: 0.8em 0 1.6em; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { padding: 0.25em 0.6em; border-bottom: 1px solid var(--vscode-panel-border, #ccc); text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
#puestos thead th { cursor: pointer; user-select: none; position: sticky; top: 0; background: var(--vscode-editor-background, #fff); }
#puestos th[aria-sort="ascending"]::after { content: " ▲"; }
#puestos th[aria-sort="descending"]::after { content: " ▼"; }
#puestos tbody tr { cursor: pointer; }
#puestos tbody tr:hover, #puestos tbody tr:focus { background: var(--vscode-list-hoverBackground, #eef); outline: none; }
.id { opacity: 0.7; font-size: 0.9em; }
${Array.from({ length: 10 }, (_, d) => `.d${d} { padding-left: ${0.6 + d * 1.2}em; }`).join('\n')}
.grupos { display: flex; flex-wrap: wrap; gap: 0 2em; }`;

/** The webview's page for a report (the CSP allows no style attribute: the indentation is classes). */
export function plazasPage(report: PlazasResult, nonce: string): string {
    const empty = report.totales.puestos === 0
        ? '<p>Ni esta unidad ni las que dependen de ella tienen puestos declarados.</p>' : '';
    return `<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${comparacionPolicy(nonce)}">
<title>${escapeHtml(`Plazas: ${report.titulo}`)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(report.titulo)}</h1>
<p>Total: ${escapeHtml(report.resumen)} en ${escapeHtml(report.totales.puestos)} ${report.totales.puestos === 1 ? 'puesto' : 'puestos'}. Un clic en un renglón abre el puesto; en un encabezado, ordena.</p>
${empty}${report.totales.puestos > 0 ? positionsTable(report) : ''}
${report.totales.puestos > 0 ? unitsTable(report) : ''}
<div class="grupos">
${groupTable('Por nivel', report.porNivel, '(sin nivel)')}
${groupTable('Por clase', report.porClase, '(sin clase)')}
${groupTable('Por tipo de personal', report.porPersonal, '(sin tipo)')}
</div>
<script nonce="${nonce}">
${SCRIPT}
</script>
</body>
</html>
`;
}
