// Langium's parser keeps what it last parsed until it parses again: the CST builder its root node
// (the whole CST, and through it the text) and chevrotain its token vector. Closing a huge document
// then freed nothing until the next edit (a 4.8 M character document: 20 MB of heap kept,
// test/edit-memory.test.ts). Called after each parse of a document; the parse result does not
// need them (its errors are read before).
import type { LangiumCoreServices } from 'langium';

interface ParserInternals {
    nodeBuilder?: { rootNode?: unknown; nodeStack?: unknown[] };
    wrapper?: { input: unknown[] };
}

export function releaseParser(services: LangiumCoreServices): void {
    const parser = services.parser.LangiumParser as unknown as ParserInternals;
    if (parser.nodeBuilder) {
        parser.nodeBuilder.rootNode = undefined;
        parser.nodeBuilder.nodeStack = [];
    }
    if (parser.wrapper) parser.wrapper.input = [];
}
