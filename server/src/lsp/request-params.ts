// Requests whose parameters do not have the shape the protocol gives them (no `textDocument`, a
// position that is not two non-negative integers, a `query` that is not a string…) are answered
// InvalidParams (-32602) before any handler runs: the handlers (Langium's and ours) read the
// parameters without checking them, and a TypeError inside one came back as InternalError (-32603,
// «Cannot read properties of undefined»), as if the server had failed.
//
// The check sits in the connection's message strategy, which sees every message before it is
// dispatched, in order. It cannot answer by itself, so an invalid request is dispatched, with the
// same id, to an internal method whose handler rejects with the reason. A position past the end of
// its line or of the document is valid: the protocol clamps it.
import { ErrorCodes, ResponseError, type Connection, type Message, type MessageStrategy, type RequestMessage } from 'vscode-languageserver';
import { BUSCAR_UNIDAD_REQUEST, COMPARAR_REQUEST, INVALID_PARAMS_METHOD, ORGANIGRAMA_REQUEST, PLAZAS_REQUEST } from '../protocol.js';

interface InvalidParams {
    method: string;
    problem: string;
}

type Check = (params: Record<string, unknown>) => string | undefined;

const UINTEGER_MAX = 2 ** 31 - 1;

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function uinteger(value: unknown): boolean {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= UINTEGER_MAX;
}

function position(value: unknown, name: string): string | undefined {
    if (!isObject(value)) return `${name} must be an object { line, character }`;
    if (!uinteger(value.line)) return `${name}.line must be a non-negative integer`;
    if (!uinteger(value.character)) return `${name}.character must be a non-negative integer`;
    return undefined;
}

function range(value: unknown, name: string): string | undefined {
    if (!isObject(value)) return `${name} must be an object { start, end }`;
    return position(value.start, `${name}.start`) ?? position(value.end, `${name}.end`);
}

const textDocument: Check = params => {
    const td = params.textDocument;
    if (!isObject(td)) return 'textDocument must be an object { uri }';
    if (typeof td.uri !== 'string') return 'textDocument.uri must be a string';
    return undefined;
};

const atPosition: Check = params => textDocument(params) ?? position(params.position, 'position');
const inRange: Check = params => textDocument(params) ?? range(params.range, 'range');

const hierarchyItem: Check = params => {
    const item = params.item;
    if (!isObject(item)) return 'item must be an object { uri, range, selectionRange, … }';
    if (typeof item.uri !== 'string') return 'item.uri must be a string';
    return range(item.range, 'item.range') ?? range(item.selectionRange, 'item.selectionRange');
};

const formattingOptions: Check = params => {
    const options = params.options;
    if (!isObject(options)) return 'options must be an object { tabSize, insertSpaces }';
    if (!uinteger(options.tabSize)) return 'options.tabSize must be a non-negative integer';
    if (typeof options.insertSpaces !== 'boolean') return 'options.insertSpaces must be a boolean';
    return undefined;
};

function optional(params: Record<string, unknown>, name: string, type: 'string' | 'boolean'): string | undefined {
    return params[name] === undefined || typeof params[name] === type ? undefined : `${name} must be a ${type}`;
}

const BASE_FIELD = new Map([['git', 'rev'], ['carpeta', 'path'], ['fecha', 'date']]);

function compareBase(base: unknown): string | undefined {
    if (!isObject(base)) return 'base must be an object { kind, … }';
    const field = typeof base.kind === 'string' ? BASE_FIELD.get(base.kind) : undefined;
    if (!field) return 'base.kind must be "git", "carpeta" or "fecha"';
    return typeof base[field] === 'string' ? undefined : `base.${field} must be a string`;
}

/** The checks of every request the server answers that reads parameters, by method. */
const CHECKS: Record<string, Check> = {
    'textDocument/hover': atPosition,
    'textDocument/definition': atPosition,
    'textDocument/declaration': atPosition,
    'textDocument/typeDefinition': atPosition,
    'textDocument/implementation': atPosition,
    'textDocument/documentHighlight': atPosition,
    'textDocument/prepareRename': atPosition,
    'textDocument/completion': atPosition,
    'textDocument/signatureHelp': atPosition,
    'textDocument/prepareCallHierarchy': atPosition,
    'textDocument/prepareTypeHierarchy': atPosition,
    'callHierarchy/incomingCalls': hierarchyItem,
    'callHierarchy/outgoingCalls': hierarchyItem,
    'typeHierarchy/supertypes': hierarchyItem,
    'typeHierarchy/subtypes': hierarchyItem,
    'textDocument/references': params => atPosition(params)
        ?? (isObject(params.context) && typeof params.context.includeDeclaration === 'boolean' ? undefined : 'context must be an object { includeDeclaration: boolean }'),
    'textDocument/rename': params => atPosition(params) ?? (typeof params.newName === 'string' ? undefined : 'newName must be a string'),
    'textDocument/documentSymbol': textDocument,
    'textDocument/foldingRange': textDocument,
    'textDocument/documentLink': textDocument,
    'textDocument/codeLens': textDocument,
    'textDocument/semanticTokens/full': textDocument,
    'textDocument/semanticTokens/full/delta': params => textDocument(params) ?? (typeof params.previousResultId === 'string' ? undefined : 'previousResultId must be a string'),
    'textDocument/semanticTokens/range': inRange,
    'textDocument/inlayHint': inRange,
    'textDocument/formatting': params => textDocument(params) ?? formattingOptions(params),
    'textDocument/rangeFormatting': params => inRange(params) ?? formattingOptions(params),
    'textDocument/onTypeFormatting': params => atPosition(params) ?? (typeof params.ch === 'string' ? undefined : 'ch must be a string') ?? formattingOptions(params),
    'textDocument/codeAction': params => inRange(params)
        ?? (isObject(params.context) && Array.isArray(params.context.diagnostics) ? undefined : 'context must be an object { diagnostics: [] }'),
    'workspace/symbol': params => (typeof params.query === 'string' ? undefined : 'query must be a string'),
    [ORGANIGRAMA_REQUEST]: params => {
        if (typeof params.uri !== 'string') return 'uri must be a string';
        if (params.alcance !== undefined && params.alcance !== 'manual' && params.alcance !== 'unidad') return 'alcance must be "manual" or "unidad"';
        if (params.position !== undefined) {
            const problem = position(params.position, 'position');
            if (problem) return problem;
        }
        if (params.collapsed !== undefined && !(Array.isArray(params.collapsed) && params.collapsed.every(id => typeof id === 'string'))) return 'collapsed must be an array of strings';
        if (params.plazas !== undefined && typeof params.plazas !== 'boolean') return 'plazas must be a boolean';
        return undefined;
    },
    [BUSCAR_UNIDAD_REQUEST]: params => (typeof params.query === 'string' ? undefined : 'query must be a string')
        ?? (params.limite === undefined || uinteger(params.limite) ? undefined : 'limite must be a non-negative integer'),
    // The shape of `base` only: a value of the right type that does not do (a blank revision, a date
    // not written AAAA-MM-DD, a folder that does not exist) is explained by the request, in Spanish.
    [PLAZAS_REQUEST]: params => (typeof params.uri === 'string' ? undefined : 'uri must be a string') ?? position(params.position, 'position'),
    [COMPARAR_REQUEST]: params => compareBase(params.base) ?? optional(params, 'uri', 'string') ?? optional(params, 'root', 'string')
};

/** Why a request's parameters are invalid, or undefined when they are fine (or not ours to check). */
export function invalidParams(method: string, params: unknown): string | undefined {
    const check = Object.hasOwn(CHECKS, method) ? CHECKS[method] : undefined;
    if (!check) return undefined;
    if (!isObject(params)) return 'params must be an object';
    return check(params);
}

function isRequest(message: Message): message is RequestMessage {
    const candidate = message as Partial<RequestMessage>;
    return typeof candidate.method === 'string' && (typeof candidate.id === 'number' || typeof candidate.id === 'string');
}

/** The connection's message strategy: invalid requests go to INVALID_PARAMS_METHOD, everything else as it came. */
export const paramsStrategy: MessageStrategy = {
    handleMessage(message: Message, next: (message: Message) => void): void {
        if (isRequest(message)) {
            const problem = invalidParams(message.method, message.params);
            if (problem) {
                const params: InvalidParams = { method: message.method, problem };
                return next({ ...message, method: INVALID_PARAMS_METHOD, params } as RequestMessage);
            }
        }
        return next(message);
    }
};

/** Answers the requests the strategy found invalid: InvalidParams, naming the method and the problem. */
export function registerInvalidParams(connection: Connection): void {
    connection.onRequest(INVALID_PARAMS_METHOD, (params: InvalidParams | undefined) => {
        const method = typeof params?.method === 'string' ? params.method : 'request';
        const problem = typeof params?.problem === 'string' ? params.problem : 'invalid parameters';
        throw new ResponseError(ErrorCodes.InvalidParams, `Invalid params for ${method}: ${problem}.`);
    });
}
