// One exporter per format of `estructura exportar`: what a manual (or all of them) becomes in that
// format, as named texts that the command line then writes to stdout, a file or a folder.
import * as path from 'node:path';
import type { Chart } from '../organigrama/index.js';
import type { MentionIndex } from '../language/mentions/mention-index.js';
import { chartPageSvgs, staticChartSvg } from './charts.js';
import { manualHtml } from './html.js';
import { manualFileBase, type ManualDocument } from './manual-document.js';
import { manualMarkdown } from './markdown.js';
import { modelJson } from './model-json.js';

export type ExportFormat = 'html' | 'md' | 'json' | 'svg';

/** One file the export produces: its name inside the output folder and its text. */
export interface ExportOutput {
    name: string;
    text: string;
    /** Charts that accompany a Markdown document, written next to it. */
    companion?: boolean;
}

/** Where the export goes and what the exporters need besides the manuals. */
export interface ExportContext {
    /** The organigramas of a manual (none for a manual without units). */
    chartsOf(manual: ManualDocument): Chart[];
    mentions: MentionIndex;
    /** The folder the output is read from: paths in the JSON are relative to it. */
    folder: string;
    /** Written to the standard output: Markdown inlines its charts. */
    toStdout: boolean;
    /** The one file --salida names, if it names a file. */
    singleFile?: string;
}

export interface Exporter {
    format: ExportFormat;
    /** --salida names a file when it matches this, else a folder. */
    extension: RegExp;
    write(manuals: ManualDocument[], context: ExportContext): Promise<ExportOutput[]>;
}

function chartName(base: string, i: number, all: Chart[]): string {
    return `${base}.organigrama${all.length > 1 ? `-${i + 1}` : ''}.svg`;
}

const json: Exporter = {
    format: 'json',
    extension: /\.json$/i,
    async write(manuals, context) {
        const model = modelJson(manuals, { base: context.folder, mentions: context.mentions });
        return [{ name: manuals.length === 1 ? `${manualFileBase(manuals[0])}.json` : 'estructura.json', text: JSON.stringify(model, null, 2) + '\n' }];
    }
};

const svg: Exporter = {
    format: 'svg',
    extension: /\.svg$/i,
    async write(manuals, context) {
        const outputs: ExportOutput[] = [];
        for (const manual of manuals) {
            const list = context.chartsOf(manual);
            for (let i = 0; i < list.length; i++) outputs.push({ name: chartName(manualFileBase(manual), i, list), text: (await staticChartSvg(list[i])) + '\n' });
        }
        return outputs;
    }
};

const html: Exporter = {
    format: 'html',
    extension: /\.html?$/i,
    async write(manuals, context) {
        const outputs: ExportOutput[] = [];
        for (const manual of manuals) {
            // A chart too big for one legible printed page goes on several (charts.ts).
            const svgs = (await Promise.all(context.chartsOf(manual).map(chart => chartPageSvgs(chart)))).flat();
            outputs.push({ name: `${manualFileBase(manual)}.html`, text: manualHtml(manual, svgs) });
        }
        return outputs;
    }
};

const md: Exporter = {
    format: 'md',
    extension: /\.(md|markdown)$/i,
    async write(manuals, context) {
        const outputs: ExportOutput[] = [];
        for (const manual of manuals) {
            const list = context.chartsOf(manual);
            const svgs = await Promise.all(list.map(chart => staticChartSvg(chart)));
            if (context.toStdout) {
                outputs.push({ name: `${manualFileBase(manual)}.md`, text: manualMarkdown(manual, { inline: svgs }) });
                continue;
            }
            // Charts as files beside the document, linked by relative name.
            const base = context.singleFile && manuals.length === 1 ? path.basename(context.singleFile).replace(md.extension, '') : manualFileBase(manual);
            const names = list.map((_, i) => chartName(base, i, list));
            outputs.push({ name: `${base}.md`, text: manualMarkdown(manual, { linked: names.map((name, i) => ({ file: name, title: list[i].title })) }) });
            svgs.forEach((chart, i) => outputs.push({ name: names[i], text: chart + '\n', companion: true }));
        }
        return outputs;
    }
};

export const EXPORTERS: Record<ExportFormat, Exporter> = { html, md, json, svg };
