// References resolve by id within the institution's namespace, across files, nested units included.
import { AstUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Unidad, Puesto } from '../server/src/language/generated/ast.js';
import { buildWorkspace, lineOf } from './helpers/workspace.js';

const IMSS = `manual IMSS_MO "Manual del IMSS" { institucion IMSS }
unidad DG "Dirección General" {
    tipo Dirección General
    número 8.1
    puesto TIT_DG "Titular de la Dirección General" { clase mando titular }
    unidad SG "Secretaría General" {
        tipo Secretaría General
        número 8.1.1
        unidad CTEC "Coordinación Técnica de la Secretaría" {
            tipo Coordinación Técnica
            número 8.1.1.1
        }
    }
}
`;

const DOE = `manual IMSS_DOE "Manual de la DOE" { institucion IMSS }
unidad DOE "Dirección de Operación y Evaluación" {
    tipo Dirección
    número 7.1
    adscrita a DG
    puesto TIT_DOE "Titular de la DOE" { reporta a TIT_DG }
}
unidad APOYO "Coordinación de Apoyo a la Secretaría" {
    tipo Coordinación
    adscrita a CTEC
}
`;

const ISSSTE = `manual ISSSTE_MOG "Manual del ISSSTE" { institucion ISSSTE }
unidad DG "Dirección General del ISSSTE" {
    tipo Dirección General
}
unidad ENLACE "Coordinación de Enlace con el IMSS" {
    tipo Coordinación
    adscrita a IMSS.SG
}
unidad MAL "Coordinación sin calificar" {
    tipo Coordinación
    adscrita a SG
}
`;

describe('linking across files and institutions', async () => {
    const ws = await buildWorkspace({ 'imss.estructura': IMSS, 'doe.estructura': DOE, 'issste.estructura': ISSSTE });
    const [doe, apoyo] = ws.docs['doe.estructura'].parseResult.value.elementos as Unidad[];
    const [issDg, enlace, mal] = ws.docs['issste.estructura'].parseResult.value.elementos as Unidad[];

    it('resolves a root unit of one manual to a unit of another file', () => {
        expect(doe.adscripcion?.ref?.nombre).toBe('Dirección General');
        expect(AstUtils.getDocument(doe.adscripcion!.ref!).uri.path).toBe('/ws/imss.estructura');
    });

    it('resolves a unit nested two levels deep in another file', () => {
        expect(apoyo.adscripcion?.ref?.nombre).toBe('Coordinación Técnica de la Secretaría');
    });

    it('resolves a position nested in a unit of another file', () => {
        const titular = doe.puestos[0] as Puesto;
        expect(titular.reportaA?.ref?.titulo).toBe('Titular de la Dirección General');
    });

    it('keeps namespaces apart: the same id in two institutions', () => {
        expect(issDg.name).toBe('DG');
        expect(doe.adscripcion?.ref).not.toBe(issDg);
        expect(ws.docs['imss.estructura'].diagnostics?.filter(d => d.code === 'estructura-id-duplicado')).toEqual([]);
    });

    it('resolves a reference qualified with another institution', () => {
        expect(enlace.adscripcion?.ref?.nombre).toBe('Secretaría General');
    });

    it('reports an unqualified id of another institution as unresolved, in Spanish', () => {
        expect(mal.adscripcion?.ref).toBeUndefined();
        const doc = ws.docs['issste.estructura'];
        const errors = doc.diagnostics!.filter(d => d.code === 'estructura-referencia');
        expect(errors).toHaveLength(1);
        expect(errors[0].severity).toBe(1);
        expect(errors[0].message).toBe('No se encontró ninguna unidad con el identificador «SG» en el espacio de trabajo.');
        expect(errors[0].range.start.line).toBe(lineOf(doc, 'adscrita a SG'));
    });

    it('has no errors in the files that are right', () => {
        expect(ws.docs['imss.estructura'].diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        expect(ws.docs['doe.estructura'].diagnostics?.filter(d => d.severity === 1)).toEqual([]);
    });

    it('re-links a file when the unit it points to is renamed elsewhere', async () => {
        await ws.update('imss.estructura', IMSS.replace('unidad DG ', 'unidad DIRGEN '));
        const doeDoc = ws.docs['doe.estructura'];
        const errors = doeDoc.diagnostics!.filter(d => d.code === 'estructura-referencia');
        expect(errors.map(e => e.range.start.line)).toEqual([lineOf(doeDoc, 'adscrita a DG')]);
        await ws.update('imss.estructura', IMSS);
        expect(ws.docs['doe.estructura'].diagnostics!.filter(d => d.code === 'estructura-referencia')).toEqual([]);
    });
});
