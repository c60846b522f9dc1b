// The page of the comparison webview: the server's HTML report (renderHtml: no script, inline
// stylesheet, every text escaped) under a Content-Security-Policy as strict as the organigrama's,
// plus one small script that turns a click on a link to a definition into a message to the
// extension (a webview cannot follow file: links). The extension and the browser test build it the
// same way; nothing here needs VS Code.

/** Messages from the comparison webview to the extension. */
export type FromComparacion = { type: 'abrir'; href: string };

/**
 * Nothing loads from anywhere: the report's own <style> and this script run by nonce; no images,
 * fonts, frames or connections.
 */
export function comparacionPolicy(nonce: string): string {
    return [
        "default-src 'none'",
        `style-src 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`
    ].join('; ');
}

/**
 * Clicks on links: one to a place in a file goes to the extension; any other (there should be none)
 * goes nowhere. In-page anchors keep their default. Enter on a focused link is a click too.
 */
const SCRIPT = `(function () {
  var vscode = acquireVsCodeApi();
  function follow(event) {
    var target = event.target;
    var link = target && target.closest ? target.closest('a[href]') : null;
    if (!link) return;
    var href = link.getAttribute('href') || '';
    if (href.charAt(0) === '#') return;
    event.preventDefault();
    if (event.type === 'click' && href.indexOf('file:') === 0) vscode.postMessage({ type: 'abrir', href: href });
  }
  document.addEventListener('click', follow);
  document.addEventListener('auxclick', follow);
})();`;

/**
 * The report reads as paper (dark text on white) whatever the editor's theme: the webview would
 * otherwise paint the theme's background under the report's light colors.
 */
const PAPER = 'html, body { background: #ffffff; } a { color: #0b57a4; }';

/** The report's HTML, made into the webview's page. */
export function comparacionPage(report: string, nonce: string): string {
    const policy = `<meta http-equiv="Content-Security-Policy" content="${comparacionPolicy(nonce)}">`;
    // renderHtml escapes every text, so `<style` and `</body>` only occur as its own tags.
    let page = report.replace(/<style(?=[\s>])/g, `<style nonce="${nonce}"`);
    page = /<head>/i.test(page) ? page.replace(/<head>/i, `<head>\n${policy}`) : `${policy}\n${page}`;
    const tail = `<style nonce="${nonce}">${PAPER}</style>\n<script nonce="${nonce}">\n${SCRIPT}\n</script>\n`;
    const end = page.lastIndexOf('</body>');
    return end >= 0 ? `${page.slice(0, end)}${tail}${page.slice(end)}` : `${page}\n${tail}`;
}

/**
 * What a link the server wrote (compare-request.ts, placeHref) points at: a `.estructura` file and
 * its 1-based line. Anything else is refused: the webview only ever asks to open a definition.
 */
export function placeOfHref(href: string): { file: string; line: number } | undefined {
    const match = /^(file:\/\/[^#?]*\.estructura)#L(\d+)$/.exec(href);
    if (!match) return undefined;
    const line = Number(match[2]);
    return line >= 1 ? { file: match[1], line } : undefined;
}
