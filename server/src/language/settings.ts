// User settings for the rules: a severity (or "off") per rule code, and the institution profiles.
// Two layers: the workspace file `estructura.json` (read by the server and the CLI alike) and the
// editor's `estructura.reglas` setting, which wins over the file for the user who sets it.

import type { TabuladorData } from './positions/tabulador.js';
import { parseTabuladorSpecs, type TabuladorFileSpec } from './positions/tabulador-files.js';
import { DEFAULT_PROFILES, FALLBACK_PROFILE, FEDERAL_PROFILE, type InstitutionProfile } from './profiles.js';
import { RULES, type Severity } from './rules/catalog.js';
import { OFF_WORDS, parseSeverity } from './severity.js';

export type SeveritySetting = Severity | 'off';

export const CONFIG_FILE = 'estructura.json';

/** A setting's value: a severity by any of its names (severity.ts), or one of the words for off. */
function severitySetting(word: string): SeveritySetting | undefined {
    const folded = word.trim().toLowerCase();
    return OFF_WORDS.includes(folded) ? 'off' : parseSeverity(folded)?.catalog;
}

export interface ParsedConfig {
    reglas: Map<string, SeveritySetting>;
    perfiles: Record<string, Partial<InstitutionProfile>>;
    /** The tabulador spreadsheets to load (positions/tabulador-files.ts), relative to the file's folder. */
    tabuladores: TabuladorFileSpec[];
    /** Spanish messages about what was ignored, for the CLI and the server log. */
    problems: string[];
}

/** Reads the `reglas` object of the file or of the editor setting. */
export function parseSeverities(value: unknown, where: string, problems: string[]): Map<string, SeveritySetting> {
    const out = new Map<string, SeveritySetting>();
    if (value === undefined || value === null) return out;
    if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${where}: «reglas» debe ser un objeto { "código": "error" | "warning" | "info" | "hint" | "off" }.`);
        return out;
    }
    for (const [code, raw] of Object.entries(value as Record<string, unknown>)) {
        if (!RULES.has(code)) {
            problems.push(`${where}: la regla «${code}» no existe; se ignora.`);
            continue;
        }
        const severity = typeof raw === 'string' ? severitySetting(raw) : raw === false ? 'off' : undefined;
        if (!severity) {
            problems.push(`${where}: severidad «${String(raw)}» no válida para «${code}»: use error, warning, info, hint u off.`);
            continue;
        }
        out.set(code, severity);
    }
    return out;
}

/** Parses the text of `estructura.json`. Never throws: problems are returned. */
export function parseConfigFile(text: string, file: string): ParsedConfig {
    const problems: string[] = [];
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        return { reglas: new Map(), perfiles: {}, tabuladores: [], problems: [`${file}: no es JSON válido (${(error as Error).message}); se usan los valores por omisión.`] };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return { reglas: new Map(), perfiles: {}, tabuladores: [], problems: [`${file}: debe contener un objeto con «reglas» y «perfiles».`] };
    }
    const root = json as Record<string, unknown>;
    for (const key of Object.keys(root)) {
        if (key !== 'reglas' && key !== 'perfiles' && key !== 'tabuladores' && !key.startsWith('$')) problems.push(`${file}: clave desconocida «${key}»; se ignora.`);
    }
    const reglas = parseSeverities(root.reglas, file, problems);
    const perfiles: Record<string, Partial<InstitutionProfile>> = {};
    if (root.perfiles !== undefined) {
        if (typeof root.perfiles !== 'object' || root.perfiles === null || Array.isArray(root.perfiles)) {
            problems.push(`${file}: «perfiles» debe ser un objeto por institución, p. ej. { "IMSS": { "puntuacion": "punto" } }.`);
        } else {
            for (const [institution, profile] of Object.entries(root.perfiles as Record<string, unknown>)) {
                perfiles[institution] = parseProfile(profile, `${file}: perfil ${institution}`, problems);
            }
        }
    }
    const tabuladores = parseTabuladorSpecs(root.tabuladores, file, problems);
    return { reglas, perfiles, tabuladores, problems };
}

function parseProfile(value: unknown, where: string, problems: string[]): Partial<InstitutionProfile> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push(`${where}: debe ser un objeto.`);
        return {};
    }
    const out: Partial<InstitutionProfile> = {};
    const stringList = (v: unknown) => Array.isArray(v) && v.every(x => typeof x === 'string');
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        switch (key) {
            case 'niveles':
                if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(stringList)) out.niveles = v as Record<string, string[]>;
                else problems.push(`${where}: «niveles» debe ser { "tipo superior": ["tipo", …] }.`);
                break;
            case 'sedes':
            case 'tiposNormativos':
                if (stringList(v)) out[key] = v as string[];
                else problems.push(`${where}: «${key}» debe ser una lista de tipos.`);
                break;
            case 'puntuacion':
                if (v === 'punto' || v === 'punto-y-coma') out.puntuacion = v;
                else problems.push(`${where}: «puntuacion» debe ser "punto" o "punto-y-coma".`);
                break;
            case 'nombreDuplicado':
                if (v === 'mismo-padre' || v === 'siempre') out.nombreDuplicado = v;
                else problems.push(`${where}: «nombreDuplicado» debe ser "mismo-padre" o "siempre".`);
                break;
            case 'segmentosStaff':
            case 'objetivoObligatorio':
            case 'normaImss':
                if (typeof v === 'boolean') out[key] = v;
                else problems.push(`${where}: «${key}» debe ser true o false.`);
                break;
            case 'clausulaCierre':
                if (typeof v === 'string' && v.trim()) out.clausulaCierre = v;
                else problems.push(`${where}: «clausulaCierre» debe ser un texto.`);
                break;
            case 'ordenNiveles':
                if (v === 'federal' || v === 'federal-grado-nivel' || (stringList(v) && (v as string[]).length > 0)) out.ordenNiveles = v as 'federal' | 'federal-grado-nivel' | string[];
                else problems.push(`${where}: «ordenNiveles» debe ser "federal", "federal-grado-nivel" o la lista de niveles de la institución, del más alto al más bajo.`);
                break;
            default:
                problems.push(`${where}: clave desconocida «${key}»; se ignora.`);
        }
    }
    return out;
}

/** The settings in force: defaults, then the workspace file, then the editor. */
export class RuleSettings {
    private fileSeverities = new Map<string, SeveritySetting>();
    private editorSeverities = new Map<string, SeveritySetting>();
    private profiles = new Map<string, InstitutionProfile>();
    private loadedTabuladores: readonly TabuladorData[] = [];
    private readonly listeners: Array<() => void> = [];

    constructor() {
        this.setProfiles({});
    }

    /** The configured severity of a rule, or undefined to keep the one the rule reported. */
    severity(code: string): SeveritySetting | undefined {
        return this.editorSeverities.get(code) ?? this.fileSeverities.get(code);
    }

    /**
     * An institution's profile: its own (defaults and `estructura.json`), else the federal one
     * (`APF` in `estructura.json`) for a named institution, else the IMSS's for a file without one.
     */
    profile(institution: string): InstitutionProfile {
        return this.profiles.get(institution)
            ?? (institution ? this.profiles.get('APF') ?? FEDERAL_PROFILE : this.profiles.get('IMSS') ?? FALLBACK_PROFILE);
    }

    applyFile(config: ParsedConfig | undefined): void {
        this.fileSeverities = config?.reglas ?? new Map();
        this.setProfiles(config?.perfiles ?? {});
        this.changed();
    }

    /** The tabuladores loaded from the spreadsheets `estructura.json` names (read them with `tabuladoresOf`). */
    get tabuladores(): readonly TabuladorData[] {
        return this.loadedTabuladores;
    }

    /** Called once the spreadsheets of `tabuladores` are read (loadTabuladores). */
    applyTabuladores(tabuladores: readonly TabuladorData[]): void {
        this.loadedTabuladores = tabuladores;
        this.changed();
    }

    applyEditor(severities: Map<string, SeveritySetting>): void {
        this.editorSeverities = severities;
        this.changed();
    }

    onChange(listener: () => void): void {
        this.listeners.push(listener);
    }

    private setProfiles(overrides: Record<string, Partial<InstitutionProfile>>): void {
        this.profiles = new Map();
        for (const institution of new Set([...Object.keys(DEFAULT_PROFILES), ...Object.keys(overrides)])) {
            const base = DEFAULT_PROFILES[institution] ?? (overrides.APF ? { ...FEDERAL_PROFILE, ...overrides.APF } : FEDERAL_PROFILE);
            this.profiles.set(institution, { ...base, ...overrides[institution] });
        }
    }

    private changed(): void {
        for (const listener of this.listeners) listener();
    }
}
