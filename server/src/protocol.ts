// The wire between the VS Code client (client/src/*.ts) and the language server (server/src/lsp/*.ts):
// every custom request's name with its parameters and answer, the test-only requests, and the
// client's commands the server may send. Both bundles import this file, and nothing else of the
// other side: it holds names and types only (its imports are types, erased from the bundles).
import type { Range } from 'vscode-languageserver-types';

/** LSP's RequestCancelled: how a request the client cancelled is answered. */
export const REQUEST_CANCELLED = -32800;

// ---- estructura/organigrama: the chart of a manual or a unit, drawn as SVG by the server.

export const ORGANIGRAMA_REQUEST = 'estructura/organigrama';

export interface OrganigramaParams {
    uri: string;
    /** The cursor; with `alcance: 'unidad'` the chart is the subtree of the unit around it. */
    position?: { line: number; character: number };
    alcance: 'manual' | 'unidad';
    /** Ids of collapsed boxes; absent: open as many levels as stay readable (about 60 boxes). */
    collapsed?: string[];
    /**
     * A place (in any file) whose unit the view should centre on: when that unit is in the chart,
     * the answer names it in `focus` and the boxes above it are expanded so that it shows.
     */
    focus?: { uri: string; line: number; character: number };
    /** The width of the view in CSS px: rows of boxes wrap to stay legible when fitted to it. */
    viewWidth?: number;
    /** Each box also says the plazas of its unit and subunits (setting `estructura.organigrama.plazas`). */
    plazas?: boolean;
}

export interface OrganigramaResult {
    svg: string;
    title: string;
    institution: string;
    vigencia?: string;
    unitCount: number;
    shownCount: number;
    collapsed: string[];
    /** Ids of every box with units below it, for «expand all» / «collapse all». */
    parents: string[];
    /** Which chart this is (the manual, or the unit of a unit's chart): the view opens a new one fitted. */
    key: string;
    /** The id of the box at `focus`, when the unit there is in the chart. */
    focus?: string;
}

export type OrganigramaResponse = OrganigramaResult | { error: string };

// ---- estructura/buscarUnidad: «Estructura: Buscar unidad…».

export const BUSCAR_UNIDAD_REQUEST = 'estructura/buscarUnidad';

export interface BuscarUnidadParams {
    /** Words of the name, its number or its id; empty: every unit. */
    query: string;
    /** At most this many results (default 200). */
    limite?: number;
}

export interface UnidadEncontrada {
    /** `IMSS.DOE`. */
    id: string;
    nombre: string;
    numero?: string;
    tipo?: string;
    /** The unit it hangs from, by name. */
    superior?: string;
    /** The alias or former name the query matched, when the official name did not. */
    tambien?: string;
    uri: string;
    /** The unit's id in its declaration. */
    range: Range;
}

export interface BuscarUnidadResult {
    unidades: UnidadEncontrada[];
    /** Units that matched beyond `limite`. */
    omitidas: number;
}

// ---- estructura/comparar: «Comparar con…», the cuadro comparativo as one HTML page.

export const COMPARAR_REQUEST = 'estructura/comparar';

export type CompareBase =
    | { kind: 'git'; rev: string }
    | { kind: 'carpeta'; path: string }
    | { kind: 'fecha'; date: string };

export interface CompararParams {
    /** What the workspace is compared with («antes»). */
    base: CompareBase;
    /** Compare only this unit and the units below it: an id, qualified (`IMSS.DOE`) or not. */
    root?: string;
    /** The active document: picks the workspace folder in a multi-root workspace, qualifies `root`. */
    uri?: string;
}

export interface CompararSummary {
    differences: number;
    /** Differences that need an act and have none. */
    uncovered: number;
    /** Records new in «después» whose change the comparison does not show. */
    unfulfilled: number;
}

export interface CompararResult {
    html: string;
    summary: CompararSummary;
    /** How each side is named in the report. */
    before: string;
    after: string;
}

export type CompararResponse = CompararResult | { error: string };

// ---- Test-only requests (server/src/lsp/test-hooks.ts), registered when the server runs with
// ESTRUCTURA_TEST_HOOKS=1; never by the extension.

export const TEST_HOOKS_VARIABLE = 'ESTRUCTURA_TEST_HOOKS';
export const TEST_HEAP_REQUEST = 'estructura/test/heap';
export const TEST_PARSES_REQUEST = 'estructura/test/parses';

export interface TestHeapResult {
    /** `process.memoryUsage().heapUsed` after the queued builds, in bytes. */
    heapUsed: number;
    /** False when the process could not collect (started without `--expose-gc`). */
    gc: boolean;
}

export interface TestParsesResult {
    parses: number;
    chars: number;
    /** Texts of 50,000 characters or more. */
    large: number;
    /** The process's CPU time (user + system), in milliseconds. */
    cpuMs: number;
}

// ---- Internal: a request whose parameters are invalid is dispatched here (lsp/request-params.ts).

export const INVALID_PARAMS_METHOD = 'estructura/$invalidParams';

// ---- The client's commands the server may send: the client lists them in
// `initializationOptions.commands` (server/src/language/client-commands.ts).

/** Sets a rule to `off` in the workspace's `estructura.reglas`; argument: the rule's code. */
export const DISABLE_RULE_COMMAND = 'estructura.desactivarRegla';
/** Opens the rule's rendered section of docs/reglas.md; argument: the rule's code. */
export const SHOW_RULE_COMMAND = 'estructura.verRegla';
/** «Ver plazas de la unidad» at (uri, position): the code lens of a unit's plazas. */
export const SHOW_PLAZAS_COMMAND = 'estructura.verPlazas';
/** What the VS Code client declares in `initializationOptions.commands`. */
export const CLIENT_COMMANDS: readonly string[] = [DISABLE_RULE_COMMAND, SHOW_RULE_COMMAND, SHOW_PLAZAS_COMMAND];

// ---- estructura/plazas: «Ver plazas de la unidad», the positions of a unit and its subtree with
// their totals (server/src/language/positions/report.ts builds it, for the CLI as well).

export const PLAZAS_REQUEST = 'estructura/plazas';

export interface PlazasParams {
    uri: string;
    /** The cursor: the unit around it (or the unit of the position, or the unit a reference names). */
    position: { line: number; character: number };
}

/** A sum of positions; `sinDato`: the plazas whose occupancy the text does not say. */
export interface PlazaTotales {
    puestos: number;
    plazas: number;
    ocupadas: number;
    vacantes: number;
    sinDato: number;
}

/** The sum of one level, clase or tipo de personal; `clave` '' when the positions do not say. */
export interface PlazaGrupo extends PlazaTotales {
    clave: string;
}

export interface PlazaPuesto {
    /** Qualified id (`IMSS.TIT_DG`). */
    id: string;
    titulo: string;
    nivel?: string;
    clave?: string;
    denominacion?: string;
    clase?: string;
    personal?: string;
    plazas: number;
    ocupadas?: number;
    vacantes?: number;
    /** Qualified id of its unit. */
    unidad?: string;
    /** The request: the file's URI; the CLI: its path. */
    archivo: string;
    /** 1-based line of the declaration. */
    linea: number;
}

export interface PlazaUnidad {
    id: string;
    nombre: string;
    /** 0 for a root of the report. */
    profundidad: number;
    padre?: string;
    /** Plazas of the unit and its subunits. */
    plazas: number;
    totales: PlazaTotales;
    /** Sums of its own positions only. */
    propias: PlazaTotales;
    /** Its own positions. */
    puestos: PlazaPuesto[];
}

export interface PlazasResult {
    /** What the report covers: the unit's name, or «Todas las unidades». */
    titulo: string;
    /** Every plaza of the report. */
    total: number;
    /** The total in words: «12 plazas (10 ocupadas, 2 vacantes)». */
    resumen: string;
    totales: PlazaTotales;
    porNivel: PlazaGrupo[];
    porClase: PlazaGrupo[];
    porPersonal: PlazaGrupo[];
    unidades: PlazaUnidad[];
    /** Positions attached to no unit (only when the report covers every unit). */
    sinUnidad: PlazaPuesto[];
}

export type PlazasResponse = PlazasResult | { error: string };

// ---- File access from the client: where the server cannot read the workspace itself (a web
// worker in VS Code for the Web or in the playground page), it asks the client. The Node server
// reads the disk and never sends these. Answers for a file that cannot be read are errors
// (ResponseError with a message), never an empty text.

/** Every `.estructura` file and `estructura.json` under a folder, recursively (hidden folders and
 *  `node_modules` skipped): their URIs, as strings. */
export const FIND_FILES_REQUEST = 'estructura/archivos';

export interface FindFilesParams {
    /** The folder's URI. */
    carpeta: string;
}

export type FindFilesResult = string[];

/** The text of a file (UTF-8). */
export const READ_FILE_REQUEST = 'estructura/leer';

export interface ReadFileParams {
    uri: string;
}

export type ReadFileResult = string;

/** The bytes of a file (a tabulador spreadsheet), base64-encoded. */
export const READ_BINARY_REQUEST = 'estructura/leerBinario';

export type ReadBinaryResult = string;
