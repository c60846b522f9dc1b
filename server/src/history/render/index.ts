// The renderers of a comparison (see compare.ts) and of the structure at a date (as-of.ts): text
// for a terminal, Markdown and HTML an analyst can attach to a proposal, versioned JSON for tools.
export type { ReportInput, RenderOptions } from './model.js';
export { renderText } from './text.js';
export { renderMarkdown } from './markdown.js';
export { renderHtml } from './html.js';
export { comparisonJson } from './json.js';
