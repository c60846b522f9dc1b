// The organigrama as plain data: the boxes of a manual's units (or of one unit's subtree), built
// from the linked workspace. Plain data so it can be laid out, drawn as SVG, exported as JSON and
// sent to the webview alike.
import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { isDocumento, isManual, isOrganigrama, isPuesto, isUnidad, type Documento, type Organigrama, type Puesto, type Unidad } from '../language/generated/ast.js';
import { kindFromName } from '../language/kinds.js';
import { institutionOf, isPhae, manualIdOf, manualKey, numberKey, parentOf, structureElements, titularTarget } from '../language/model.js';
import { normalizeSpace } from '../language/text-keys.js';
import { plazasText, subtreeTotals } from '../language/positions/plazas.js';
import type { StructureSnapshot } from '../language/structure-index.js';

export interface ChartBox {
    /** The unit's id qualified by its institution (`IMSS.DOE`): unique in a workspace. */
    id: string;
    name: string;
    kind?: string;
    number?: string;
    /** Title of the position declared titular of the unit; never a PHAE (Norma 5.48). */
    titular?: string;
    /** The plazas of the unit and its subtree («12 plazas (10 ocupadas, 2 vacantes)»), when asked for and any. */
    plazas?: string;
    /** Where the unit is defined: the file and the 0-based line and column of its id. */
    uri: string;
    line: number;
    character: number;
    children: ChartBox[];
}

export interface Chart {
    title: string;
    institution: string;
    manual?: string;
    /** The date of the organigrama in force (`vigencia`), else the manual's. */
    vigencia?: string;
    roots: ChartBox[];
}

/** Every box of a chart, depth first. */
export function* chartBoxes(chart: Chart): Generator<ChartBox> {
    const stack = [...chart.roots].reverse();
    while (stack.length > 0) {
        const box = stack.pop()!;
        yield box;
        for (let i = box.children.length - 1; i >= 0; i--) stack.push(box.children[i]);
    }
}

/**
 * Builds charts from the linked documents of a workspace. Hierarchy follows `adscrita a` and
 * nesting, across the files a manual is split in, but stays inside one manual: a unit of another
 * manual adscribed here is drawn in its own manual's chart.
 */
export class ChartBuilder {
    private readonly titulares = new Map<Unidad, Puesto>();
    private readonly childrenOf = new Map<Unidad, Unidad[]>();
    private readonly unitsByManual = new Map<string, Unidad[]>();
    private readonly documentOf = new Map<AstNode, LangiumDocument>();

    /** With `plazas`, the workspace's structure, each box says the plazas of its unit's subtree. */
    constructor(documents: Iterable<LangiumDocument>, private readonly options: { plazas?: StructureSnapshot } = {}) {
        for (const document of documents) {
            const root = document.parseResult.value;
            if (!isDocumento(root)) continue;
            this.documentOf.set(root, document);
            for (const element of structureElements(root)) {
                if (isUnidad(element)) {
                    const key = manualKey(element);
                    let units = this.unitsByManual.get(key);
                    if (!units) this.unitsByManual.set(key, units = []);
                    units.push(element);
                    const parent = parentOf(element);
                    if (parent && manualKey(parent) === key) {
                        let siblings = this.childrenOf.get(parent);
                        if (!siblings) this.childrenOf.set(parent, siblings = []);
                        siblings.push(element);
                    }
                } else if (isPuesto(element) && !isPhae(element)) {
                    const target = titularTarget(element);
                    if (target && !this.titulares.has(target)) this.titulares.set(target, element);
                }
            }
        }
    }

    /** The whole manual the node belongs to: its root units and everything under them. */
    manualChart(node: AstNode): Chart {
        const key = manualKey(node);
        const units = this.unitsByManual.get(key) ?? [];
        const roots = units.filter(unit => {
            const parent = parentOf(unit);
            return !parent || manualKey(parent) !== key || parent === unit;
        });
        const header = this.headerOf(node);
        const title = (header && (isManual(header) ? header.titulo ?? header.name : undefined))
            ?? this.mainHeaderTitle(key) ?? manualIdOf(node) ?? 'Organigrama';
        const seen = new Set<Unidad>();
        const boxes = this.sorted(roots).map(unit => this.box(unit, seen));
        // Units caught in an adscription cycle have no root above them: draw them too, once.
        for (const unit of this.sorted(units)) if (!seen.has(unit)) boxes.push(this.box(unit, seen));
        return {
            title: normalizeSpace(title),
            institution: institutionOf(node),
            manual: manualIdOf(node),
            vigencia: this.vigenciaOf(roots.length === 1 ? roots[0] : undefined, key),
            roots: boxes
        };
    }

    /** The subtree of one unit, within its manual. */
    unitChart(unit: Unidad): Chart {
        return {
            title: normalizeSpace(unit.nombre ?? unit.name ?? ''),
            institution: institutionOf(unit),
            manual: manualIdOf(unit),
            vigencia: this.vigenciaOf(unit, manualKey(unit)),
            roots: [this.box(unit, new Set())]
        };
    }

    /**
     * The charts a manual states: one per `organigrama` with a `raíz` (as the printed manual has),
     * or the whole manual when it states none.
     */
    statedCharts(node: AstNode): Chart[] {
        const key = manualKey(node);
        const charts: Chart[] = [];
        for (const root of this.documentOf.keys()) {
            if (manualKey(root) !== key) continue;
            for (const element of (root as Documento).elementos) {
                if (!isOrganigrama(element) || !element.raiz?.ref) continue;
                const chart = this.unitChart(element.raiz.ref);
                if (element.titulo) chart.title = normalizeSpace(element.titulo);
                chart.vigencia = element.vigencia ?? chart.vigencia;
                charts.push(chart);
            }
        }
        return charts.length > 0 ? charts : [this.manualChart(node)];
    }

    /** The manuals of the workspace, as `manualKey` gives them. */
    manualKeys(): string[] {
        return [...this.unitsByManual.keys()];
    }

    unitsOfManual(key: string): readonly Unidad[] {
        return this.unitsByManual.get(key) ?? [];
    }

    private box(unit: Unidad, seen: Set<Unidad>): ChartBox {
        seen.add(unit);
        const titular = this.titulares.get(unit);
        const name = normalizeSpace(unit.nombre ?? '') || unit.name || '(unidad sin nombre)';
        const position = GrammarUtils.findNodeForProperty(unit.$cstNode, 'name')?.range.start ?? unit.$cstNode?.range.start;
        const document = this.documentOf.get(AstUtils.findRootNode(unit));
        const children = this.sorted((this.childrenOf.get(unit) ?? []).filter(child => !seen.has(child)));
        return {
            id: chartBoxId(unit),
            name,
            kind: unit.tipo ? normalizeSpace(unit.tipo) : kindFromName(name)?.kind,
            number: unit.numero?.replace(/\.$/, ''),
            titular: titular ? normalizeSpace(titular.titulo ?? '') || undefined : undefined,
            plazas: this.plazasOf(unit),
            uri: document?.uri.toString() ?? '',
            line: position?.line ?? 0,
            character: position?.character ?? 0,
            children: children.map(child => this.box(child, seen))
        };
    }

    private plazasOf(unit: Unidad): string | undefined {
        if (!this.options.plazas) return undefined;
        const totals = subtreeTotals(unit, this.options.plazas);
        return totals.plazas > 0 ? plazasText(totals) : undefined;
    }

    /**
     * Units in the manual's order: by number, segment by segment (1.0.2.9 before 1.0.2.10), those
     * without a number after, in the order of their files and of the text.
     */
    private sorted(units: readonly Unidad[]): Unidad[] {
        const place = (unit: Unidad) => this.documentOf.get(AstUtils.findRootNode(unit))?.uri.toString() ?? '';
        return [...units].sort((a, b) => compareUnitNumbers(a.numero, b.numero)
            || place(a).localeCompare(place(b)) || (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
    }

    /** The vigencia of the organigrama rooted at the unit, else of any organigrama, else the manual's. */
    private vigenciaOf(unit: Unidad | undefined, key: string): string | undefined {
        let any: string | undefined;
        let manual: string | undefined;
        for (const root of this.documentOf.keys()) {
            if (manualKey(root) !== key) continue;
            const header = (root as Documento).encabezado;
            if (header?.vigencia && isManual(header)) manual = header.vigencia;
            for (const element of (root as Documento).elementos) {
                if (!isOrganigrama(element) || !element.vigencia) continue;
                if (unit && element.raiz?.ref === unit) return element.vigencia;
                any ??= (element as Organigrama).vigencia;
            }
        }
        return manual ?? any;
    }

    private headerOf(node: AstNode) {
        const root = AstUtils.findRootNode(node);
        return isDocumento(root) ? root.encabezado : undefined;
    }

    /** The title of a split manual's main file, for a chart asked from one of its parts. */
    private mainHeaderTitle(key: string): string | undefined {
        for (const root of this.documentOf.keys()) {
            const header = (root as Documento).encabezado;
            if (isManual(header) && manualKey(root) === key) return header.titulo ?? header.name;
        }
        return undefined;
    }
}

/** A unit's box id: its id qualified by its institution. */
export function chartBoxId(unit: Unidad): string {
    const institution = institutionOf(unit);
    return institution ? `${institution}.${unit.name}` : unit.name;
}

/** Compares unit numbers as the manuals number them (7.1.2 < 7.1.10, 10.1 after 9); no number last. */
export function compareUnitNumbers(a: string | undefined, b: string | undefined): number {
    const x = numberKey(a)?.split('.').filter(Boolean) ?? [];
    const y = numberKey(b)?.split('.').filter(Boolean) ?? [];
    if (x.length === 0 || y.length === 0) return y.length - x.length;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const d = x[i].localeCompare(y[i], undefined, { numeric: true });
        if (d !== 0) return d;
    }
    return x.length - y.length;
}
