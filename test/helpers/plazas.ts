// A small workspace with positions: nested, `adscrito a` from another file, `adscrita a`, occupancy
// written or not, one position attached to no unit (test/plazas*.test.ts).
export const SMALL = {
    'org.estructura': `manual ORG "Organización" {
    institucion INST
}

unidad DG "Dirección General" {
    puesto TIT_DG "Titular de la Dirección General" {
        titular
        nivel K31
        clase mando
        personal confianza
    }
    unidad DA "Dirección de Administración" {
        puesto TIT_DA "Director de Administración" {
            titular
            nivel MC03
            clase mando
            personal confianza
            ocupadas 1
        }
        puesto ANALISTA "Analista" {
            nivel PQ1
            clase enlace
            personal confianza
            plazas 5
            ocupadas 3
        }
    }
}

unidad DJ "Dirección Jurídica" {
    adscrita a DG
}
`,
    'plantilla.estructura': `manual PLANTILLA "Plantilla" {
    institucion INST
}

puesto SUB_DJ "Subdirector de lo Contencioso" {
    adscrito a DJ
    nivel MC3
    clase mando
    personal confianza
    plazas 2
    vacantes 2
}

puesto APOYO "Apoyo administrativo" {
    adscrito a DA
    clase operativo
    personal base
    plazas 4
}

puesto SUELTO "Asesor" {
    plazas 3
}
`
};
