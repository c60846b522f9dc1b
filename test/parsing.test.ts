// Every construct of the language parses into the model the services rely on.
import { describe, expect, it } from 'vitest';
import { isManual, isParte, isUnidad, isPuesto, isOrganigrama, isCambio, type Manual, type Parte, type Unidad, type Puesto, type Organigrama, type Cambio } from '../server/src/language/generated/ast.js';
import { buildWorkspace } from './helpers/workspace.js';

const MANUAL = `// Comentario de línea
/* Comentario
   de bloque */
manual IMSS_DOE_2022 "Manual de Organización de la Dirección de Operación y Evaluación" {
    institución IMSS
    clave "G000-002-001"
    vigencia 2022-10-01
    acuerdo "ACDO.AS2.HCT.270922/264.P.DA" fecha 2022-09-27
    publicación "Normateca institucional"
    fuente "imss-manual-direccion-operacion-evaluacion-2022.txt"
    sección "1. Introducción" {
        línea 1
        "El H. Consejo Técnico del Instituto Mexicano del Seguro Social, en sesión ordinaria
         celebrada el 27 de septiembre de 2022, dictó el acuerdo ACDO.AS2.HCT.270922/264.P.DA."
        "Segundo párrafo con \\"comillas\\" dentro."
    }
}

unidad DOE "Dirección de Operación y Evaluación" {
    tipo Dirección Normativa
    número 7.1
    adscrita a IMSS.DG
    órgano normativo
    estructura básica
    alias "DOE"
    anterior "Coordinación de Asesores de la Dirección General" hasta 2001-12-16 acuerdo "ACDO.SA.HCT.121201/300.P.DA"
    objetivo "Evaluar la operación de los Órganos de Operación Administrativa Desconcentrada."
    línea 682
    puesto JD_APS "Jefe de División de Análisis Prospectivo" {
        clase homólogo de autorización específica
        nivel "N33"
        plazas 1
        reporta a TIT_DOE
        actividades {
            "Elaborar estudios prospectivos." fundamento "Programa institucional"
            autoridad "Imponer sanciones a los proveedores."
        }
    }
    puesto TIT_DOE "Titular de la Dirección de Operación y Evaluación" {
        clase mando
        titular
    }
    funciones {
        1. "Determinar las políticas y estrategias para verificar la organización." línea 686
        2. autoridad "Resolver los recursos que se presenten." fundamento "RIIMSS art. 82"
        3. "Proponer el Plan General de Comunicación Social, de acuerdo con:" {
            a) "las políticas del Gobierno Federal;" línea 700
            b) "los objetivos institucionales."
            - "un punto sin letra"
        }
        "Función sin número, como en las viñetas."
        21. cierre "Las demás que le sean encomendadas por la Dirección General del Instituto."
    }
    unidad UMAE "Unidades Médicas de Alta Especialidad" {
        tipo UMAE
        número 7.1.1.
        genérica 25
        estructura no básica
    }
    unidad OOAD_G "Órganos de Operación Administrativa Desconcentrada" {
        tipo Agrupación
        número 7.1.2
        agrupación
    }
}

puesto ASESOR "Asesor de la Dirección" {
    clase operativo
    adscrito a DOE
    titular de UMAE
}

organigrama ORG_DOE "Organigrama Estructural" {
    vigencia 2022-10-01
    raíz DOE
    puestos TIT_DOE, ASESOR
}

cambio "ACDO.AS2.HCT.310822/226.P.DA" {
    fecha 2022-08-31
    tipo denominación
    unidades DOE, UMAE
    puestos JD_APS
    nombre anterior "Coordinación de Seguimiento a la Operación con Entidades"
    nombre nuevo "Coordinación de Análisis, Prospectiva y Seguimiento a la Operación Institucional"
    adscripción anterior DOE
    adscripción nueva UMAE
    descripción "Cambio de denominación y reubicación de un puesto."
    línea 19
}
`;

const INSTITUTIONAL = `manual IMSS_MO_2018 "Manual de Organización del IMSS" {
    institucion IMSS
}
unidad DG "Dirección General" {
    tipo Dirección General
    número 8.1
}
`;

const PART = `parte de IMSS_DOE_2022 "Anexo" {
    institucion IMSS
}
unidad ÁREA_ÑANDÚ "Coordinación de Ñandúes" {
    tipo Coordinación
    adscrita a UMAE
}
`;

describe('parsing every construct', async () => {
    const ws = await buildWorkspace({ 'doe.estructura': MANUAL, 'mo.estructura': INSTITUTIONAL, 'parte.estructura': PART });
    const doc = ws.docs['doe.estructura'];
    const root = doc.parseResult.value;

    it('parses without lexer, parser or linking errors', () => {
        for (const d of Object.values(ws.docs)) {
            expect(d.parseResult.lexerErrors).toEqual([]);
            expect(d.parseResult.parserErrors).toEqual([]);
        }
        // The only error is the deliberate one: an activity marked «autoridad» in a PHAE (Norma 7.2.1.15).
        const errors = Object.values(ws.docs).flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1));
        expect(errors.map(e => [e.code, e.range.start.line + 1])).toEqual([['norma-7.2.1.15-autoridad', 36]]);
    });

    it('reads the manual header and its prose sections', () => {
        expect(isManual(root.encabezado)).toBe(true);
        const manual = root.encabezado as Manual;
        expect(manual).toMatchObject({
            name: 'IMSS_DOE_2022', institucion: 'IMSS', clave: 'G000-002-001', vigencia: '2022-10-01',
            acuerdos: [{ id: 'ACDO.AS2.HCT.270922/264.P.DA', fecha: '2022-09-27' }], publicacion: 'Normateca institucional',
            fuente: 'imss-manual-direccion-operacion-evaluacion-2022.txt'
        });
        expect(manual.secciones[0].titulo).toBe('1. Introducción');
        expect(manual.secciones[0].linea).toBe('1');
        // A string wrapped over two lines reads as one paragraph with single spaces.
        expect(manual.secciones[0].parrafos[0]).toBe('El H. Consejo Técnico del Instituto Mexicano del Seguro Social, en sesión ordinaria celebrada el 27 de septiembre de 2022, dictó el acuerdo ACDO.AS2.HCT.270922/264.P.DA.');
        expect(manual.secciones[0].parrafos[1]).toBe('Segundo párrafo con "comillas" dentro.');
    });

    it('reads a unit with every attribute', () => {
        const doe = root.elementos.find(isUnidad) as Unidad;
        expect(doe).toMatchObject({
            name: 'DOE', nombre: 'Dirección de Operación y Evaluación', tipo: 'Dirección Normativa',
            numero: '7.1', organoNormativo: true, estructuraDeclarada: true, noBasica: false,
            alias: ['DOE'], objetivo: 'Evaluar la operación de los Órganos de Operación Administrativa Desconcentrada.', linea: '682'
        });
        expect(doe.adscripcion?.$refText).toBe('IMSS.DG');
        expect(doe.adscripcion?.ref?.nombre).toBe('Dirección General');
        expect(doe.anteriores[0]).toMatchObject({ nombre: 'Coordinación de Asesores de la Dirección General', hasta: '2001-12-16', acuerdo: 'ACDO.SA.HCT.121201/300.P.DA' });
        const [umae, grouping] = doe.unidades;
        expect(umae).toMatchObject({ name: 'UMAE', numero: '7.1.1.', generica: true, instancias: '25', estructuraDeclarada: true, noBasica: true });
        expect(grouping).toMatchObject({ agrupacion: true, tipo: 'Agrupación' });
    });

    it('reads functions: numbers, closing clause, authority, basis, source line, incisos', () => {
        const doe = root.elementos.find(isUnidad) as Unidad;
        const f = doe.funciones;
        expect(f.map(x => x.numero)).toEqual(['1.', '2.', '3.', undefined, '21.']);
        expect(f[0]).toMatchObject({ texto: 'Determinar las políticas y estrategias para verificar la organización.', linea: '686', cierre: false });
        expect(f[1]).toMatchObject({ autoridad: true, fundamento: 'RIIMSS art. 82' });
        expect(f[2].incisos.map(i => [i.letra, i.guion, i.texto])).toEqual([
            ['a', false, 'las políticas del Gobierno Federal;'],
            ['b', false, 'los objetivos institucionales.'],
            [undefined, true, 'un punto sin letra']
        ]);
        expect(f[2].incisos[0].linea).toBe('700');
        expect(f[4]).toMatchObject({ cierre: true, texto: 'Las demás que le sean encomendadas por la Dirección General del Instituto.' });
    });

    it('reads positions, nested and top level', () => {
        const doe = root.elementos.find(isUnidad) as Unidad;
        const [phae, titular] = doe.puestos;
        expect(phae).toMatchObject({ name: 'JD_APS', clase: 'homólogo de autorización específica', nivel: 'N33', plazas: '1' });
        expect(phae.reportaA?.ref).toBe(titular);
        expect(phae.actividades.map(a => [a.autoridad, a.fundamento])).toEqual([[false, 'Programa institucional'], [true, undefined]]);
        expect(titular).toMatchObject({ clase: 'mando', titular: true });
        const asesor = root.elementos.find(isPuesto) as Puesto;
        expect(asesor.adscripcion?.ref).toBe(doe);
        expect(asesor.titularDe?.ref?.name).toBe('UMAE');
    });

    it('reads organigramas and change records', () => {
        const org = root.elementos.find(isOrganigrama) as Organigrama;
        expect(org).toMatchObject({ name: 'ORG_DOE', titulo: 'Organigrama Estructural', vigencia: '2022-10-01' });
        expect(org.raiz?.ref?.name).toBe('DOE');
        expect(org.puestos.map(p => p.ref?.name)).toEqual(['TIT_DOE', 'ASESOR']);
        const change = root.elementos.find(isCambio) as Cambio;
        expect(change).toMatchObject({
            acuerdo: 'ACDO.AS2.HCT.310822/226.P.DA', fecha: '2022-08-31', tipo: 'denominación',
            nombreAnterior: 'Coordinación de Seguimiento a la Operación con Entidades',
            nombreNuevo: 'Coordinación de Análisis, Prospectiva y Seguimiento a la Operación Institucional',
            descripcion: 'Cambio de denominación y reubicación de un puesto.', linea: '19'
        });
        expect(change.unidades.map(u => u.ref?.name)).toEqual(['DOE', 'UMAE']);
        expect(change.adscripcionAnterior?.ref?.name).toBe('DOE');
        expect(change.adscripcionNueva?.ref?.name).toBe('UMAE');
    });

    it('accepts Spanish letters in identifiers and a `parte de` header', () => {
        const part = ws.docs['parte.estructura'].parseResult.value;
        expect(isParte(part.encabezado)).toBe(true);
        expect((part.encabezado as Parte).manual?.ref?.name).toBe('IMSS_DOE_2022');
        const unit = part.elementos[0] as Unidad;
        expect(unit.name).toBe('ÁREA_ÑANDÚ');
        expect(unit.adscripcion?.ref?.name).toBe('UMAE');
    });
});
