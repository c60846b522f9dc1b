// Unit kinds seen in the IMSS and ISSSTE manuals, as analysts write them after `tipo`.
export const UNIT_KINDS = [
    'Dirección General', 'Secretaría General', 'Dirección', 'Dirección Normativa', 'Unidad',
    'Coordinación', 'Coordinación Normativa', 'Coordinación Técnica', 'Coordinación Administrativa',
    'División', 'Subjefatura de División', 'Jefatura de Servicios', 'Departamento',
    'Delegación', 'Órgano de Operación Administrativa Desconcentrada', 'UMAE',
    'Subdirección', 'Subcoordinación', 'Prosecretaría', 'Tesorería General', 'Agrupación'
] as const;
