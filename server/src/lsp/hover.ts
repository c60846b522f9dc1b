// Hover cards for units and positions, wherever the cursor is: the declaration or any reference.
import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import { RULES } from '../language/rules/catalog.js';
import { markdownText } from './markdown.js';
import type { RuleLinks } from '../language/rules/docs-link.js';
import { SEVERITY_NAMES } from '../language/severity.js';
import { AstNodeHoverProvider } from 'langium/lsp';
import { isDocumento, isFuncion, isInciso, isManual, isPuesto, isUnidad, type Funcion, type Inciso, type Manual, type Puesto, type Unidad } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import { adscriptionPath, institutionOf, isPhae, unitOfPosition } from '../language/model.js';
import type { Mention, MentionIndex } from '../language/mentions/mention-index.js';
import { plazasText, subtreeTotals } from '../language/positions/plazas.js';
import type { StructureIndex } from '../language/structure-index.js';
import { historyMarkdown, historyOf } from './unit-history.js';

export class EstructuraHoverProvider extends AstNodeHoverProvider {
    private readonly structure: StructureIndex;
    private readonly mentions: MentionIndex;
    private readonly documents: LangiumDocuments;
    private readonly ruleLinks: RuleLinks;

    constructor(services: EstructuraServices) {
        super(services);
        this.ruleLinks = services.settings.RuleLinks;
        this.structure = services.structure.StructureIndex;
        this.mentions = services.structure.MentionIndex;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const parts: string[] = this.ruleDocs(document, params.position);
        const hover = await super.getHoverContent(document, params);
        if (hover) parts.push((hover.contents as { value: string }).value);
        else {
            // On a unit named in prose: the unit's card (or the class, the body outside the institution…).
            const mention = this.mentions.mentionAt(document, document.textDocument.offsetAt(params.position));
            if (mention) parts.push(mentionCard(mention, this.structure, this.mentions, unit => this.history(unit)));
            // Inside a function text: where it comes from, which unit it belongs to.
            const root = document.parseResult.value.$cstNode;
            const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
            const node = leaf?.astNode;
            const fn = isFuncion(node) ? node : isInciso(node) ? node.$container : undefined;
            if (fn) parts.push(functionCard(fn, isInciso(node) ? node : undefined));
        }
        return parts.length > 0 ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : undefined;
    }

    /** The documentation of the rules whose diagnostics cover the position, from the catalog. */
    private ruleDocs(document: LangiumDocument, position: Position): string[] {
        const codes = new Set<string>();
        for (const d of document.diagnostics ?? []) {
            if (typeof d.code === 'string' && RULES.has(d.code) && contains(d.range, position)) codes.add(d.code);
        }
        return [...codes].map(code => {
            const r = RULES.get(code)!;
            const lines = [`**${r.code}** · ${r.source} · ${SEVERITY_NAMES[r.severity]} por omisión`, r.description];
            if (r.quote) lines.push(r.quote.split('\n').map(l => `> ${l}`).join('\n'));
            if (r.fix) lines.push(`*Corrección rápida:* ${r.fix}`);
            const href = this.ruleLinks.link(code);
            if (href) lines.push(`[Documentación de la regla](${href})`);
            return lines.join('\n\n');
        });
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        if (isUnidad(node)) return unitCard(node, this.structure, this.mentions, this.history(node));
        if (isPuesto(node)) return positionCard(node, this.structure, this.history(node));
        if (isManual(node)) return manualCard(node);
        return undefined;
    }

    /** The «Historia» section: the change records about the unit or position, across the workspace. */
    private history(node: Unidad | Puesto): string {
        const same = isUnidad(node) ? this.structure.snapshot.equivalents.get(node) : [];
        return historyMarkdown(historyOf(node, this.documents, same));
    }
}

const md = markdownText;

/** «Dirección General (1)»: a unit's name and number, as Markdown text. */
function unitName(unit: Unidad): string {
    return md(`${unit.nombre ?? unit.name}${unit.numero ? ` (${unit.numero})` : ''}`);
}

function fileOf(node: AstNode): string {
    return AstUtils.getDocument(node).uri.path.split('/').pop() ?? '';
}

export function unitCard(unit: Unidad, structure: StructureIndex, mentions: MentionIndex, history = ''): string {
    const snapshot = structure.snapshot;
    const lines: string[] = [];
    lines.push(`**${md(unit.nombre ?? unit.name)}**`);
    const facts = [
        unit.tipo && `Tipo: ${md(unit.tipo)}`,
        unit.numero && `Número: ${md(unit.numero)}`,
        `Id: \`${institutionOf(unit) ? institutionOf(unit) + '.' : ''}${unit.name}\``
    ].filter(Boolean);
    lines.push(facts.join(' · '));
    const same = unit.equivalente?.ref;
    if (same && same !== unit) lines.push(`Misma unidad que: ${unitName(same)}, en \`${fileOf(same)}\``);
    const path = adscriptionPath(same && same !== unit && !unit.adscripcion ? same : unit).slice(1);
    if (path.length > 0) {
        lines.push(`Adscripción: ${path.map(unitName).join(' › ')}`);
    } else {
        lines.push('Adscripción: unidad raíz');
    }
    const titulares = snapshot.titulares.get(unit);
    if (titulares.length > 0) lines.push(`Titular: ${titulares.map(p => md(p.titulo ?? p.name)).join('; ')}`);
    const children = snapshot.children.get(unit).length;
    const functions = unit.funciones.length;
    const positions = snapshot.positions.get(unit).length;
    lines.push([
        plural(functions, 'función', 'funciones'),
        plural(children, 'unidad subordinada', 'unidades subordinadas'),
        plural(positions, 'puesto', 'puestos')
    ].join(' · '));
    const plazas = subtreeTotals(unit, snapshot);
    if (plazas.plazas > 0) lines.push(`Plazas: ${plazasText(plazas)}${children > 0 ? ', con sus subunidades' : ''}`);
    const former = formerNames(unit, mentions);
    if (former.length > 0) lines.push(`Nombres anteriores: ${former.join('; ')}`);
    lines.push(`Definida en \`${fileOf(unit)}\``);
    const origin = sourceOf(unit);
    if (origin) lines.push(`Texto original: ${origin}`);
    if (history) lines.push(history);
    if (unit.objetivo) lines.push(`---\n*Objetivo:* ${md(unit.objetivo)}`);
    return lines.join('\n\n');
}

function positionCard(position: Puesto, structure: StructureIndex, history: string): string {
    const unit = unitOfPosition(position);
    const lines = [`**${md(position.titulo ?? position.name)}**`];
    lines.push([
        position.clase && `Clase: ${isPhae(position) ? 'homólogo de autorización específica' : md(position.clase)}`,
        position.nivel && `Nivel: ${md(position.nivel)}`,
        position.clave && `Clave: ${md(position.clave)}`,
        position.tipoPersonal && `Personal de ${position.tipoPersonal}`,
        position.plazas && `Plazas: ${position.plazas}`,
        position.ocupadas && `Ocupadas: ${position.ocupadas}`,
        position.vacantes && `Vacantes: ${position.vacantes}`,
        `Id: \`${position.name}\``
    ].filter(Boolean).join(' · '));
    if (position.denominacion) lines.push(`Denominación: ${md(position.denominacion)}`);
    if (unit) lines.push(`Adscrito a: ${unitName(unit)}`);
    if (position.titularDe?.ref || position.titular) lines.push(`Titular de: ${md((position.titularDe?.ref ?? unit)?.nombre ?? '?')}`);
    if (position.reportaA?.ref) lines.push(`Reporta a: ${md(position.reportaA.ref.titulo ?? position.reportaA.ref.name)}`);
    const subordinates = structure.snapshot.subordinates.get(position);
    if (subordinates.length > 0) lines.push(`Le reportan: ${subordinates.map(p => md(p.titulo ?? p.name)).join('; ')}`);
    if (position.actividades.length > 0) lines.push(plural(position.actividades.length, 'actividad', 'actividades'));
    if (position.clavesPlaza.length > 0) lines.push(`Claves de plaza: ${position.clavesPlaza.map(md).join(', ')}`);
    lines.push(`Definido en \`${fileOf(position)}\``);
    if (position.desde) lines.push(`Importado de ${md([position.desde, position.hoja && `hoja «${position.hoja}»`, position.fila && `fila ${position.fila}`].filter(Boolean).join(', '))}`);
    if (history) lines.push(history);
    return lines.join('\n\n');
}

function contains(range: Range, p: Position): boolean {
    const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return after && before;
}

function functionCard(fn: Funcion, inciso: Inciso | undefined): string {
    const unit = fn.$container;
    const index = unit.funciones.indexOf(fn) + 1;
    const lines = [`**Función ${md(fn.numero ?? String(index))}** de ${unitName(unit)}`];
    const facts = [fn.cierre && 'cláusula de cierre', fn.autoridad && 'acto de autoridad', fn.incisos.length > 0 && plural(fn.incisos.length, 'inciso', 'incisos')].filter(Boolean);
    if (facts.length > 0) lines.push(facts.join(' · '));
    if (fn.fundamento) lines.push(`Fundamento: ${md(fn.fundamento)}`);
    const origin = sourceOf(inciso ?? fn);
    if (origin) lines.push(`Texto original: ${origin}`);
    return lines.join('\n\n');
}

function manualCard(manual: Manual): string {
    return [
        `**${md(manual.titulo ?? manual.name)}**`,
        [manual.institucion, manual.clave && `Clave ${manual.clave}`, manual.vigencia && `Vigencia ${manual.vigencia}`].filter(Boolean).map(t => md(t as string)).join(' · '),
        ...manual.acuerdos.map(a => md(`Acuerdo ${a.id}${a.fecha ? ` (${a.fecha})` : ''}`))
    ].filter(Boolean).join('\n\n');
}

/** "manual.txt, línea 803" for an imported element: the header's `fuente` and the element's `línea`. */
export function sourceOf(node: AstNode & { linea?: string }): string | undefined {
    if (!node.linea) return undefined;
    const root = AstUtils.findRootNode(node);
    const file = isDocumento(root) ? root.encabezado?.fuente : undefined;
    return md(file ? `${file}, línea ${node.linea}` : `línea ${node.linea}`);
}

function plural(count: number, one: string, many: string): string {
    return `${count} ${count === 1 ? one : many}`;
}

/** The former names of a unit, dated: declared on the unit or by a rename (`cambio`). */
function formerNames(unit: Unidad, mentions: MentionIndex): string[] {
    return mentions.dictionary.formerNames.get(unit).map(e => {
        const facts = [e.until && `hasta ${e.until}`, e.change].filter(Boolean);
        return md(`«${e.name}»${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`);
    });
}

const MENTION_KINDS: Record<Mention['kind'], string> = {
    oficial: 'Mención por el nombre oficial',
    alias: 'Mención por un alias',
    anterior: 'Mención por un nombre anterior',
    variante: 'Mención con una variante del nombre oficial',
    plural: 'Mención de varias unidades a la vez',
    clase: 'Mención de una clase de unidades, no de una unidad',
    externa: 'Dependencia o unidad externa a la institución',
    contextual: 'Mención por contexto',
    desconocida: 'Nombre con forma de unidad que no existe en el espacio de trabajo'
};

/** `history` gives a unit's «Historia» section, shown when the mention names a single unit. */
function mentionCard(mention: Mention, structure: StructureIndex, mentions: MentionIndex, history: (unit: Unidad) => string): string {
    const head = [`*${MENTION_KINDS[mention.kind]}:* «${md(mention.text)}»${mention.list ? `, de la lista «${md(mention.list)}»` : ''}`];
    if (mention.replacement) head.push(`Nombre ${mention.kind === 'anterior' ? 'vigente' : 'oficial'}: «${md(mention.replacement)}»`);
    return [head.join(' · '), ...mention.units.map(unit => unitCard(unit, structure, mentions, mention.units.length === 1 ? history(unit) : ''))].join('\n\n---\n\n');
}
