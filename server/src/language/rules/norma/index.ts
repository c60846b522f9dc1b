// Registration of this rule group's checks and quick fixes.
import type { EstructuraServices } from '../../estructura-module.js';
import type { FixMap } from '../fixes.js';
import type { RuleCheck } from '../index.js';

export function normaChecks(_services: EstructuraServices): RuleCheck[] {
    return [];
}

export const normaFixes: FixMap = {};
