// The rule catalog: the single source of truth for every diagnostic the project reports.
// Hover texts, docs and the CLI read it from here. Each rule's example is a pair of fixture files
// (test/fixtures/reglas/<codigo>/ejemplo-*.estructura), brought in by the build as examples.ts.
import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import { RULE_EXAMPLES } from './examples.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RuleExample {
    /** A complete `.estructura` file that breaks the rule (and gets its diagnostic beside examples/). */
    readonly incorrecto: string;
    /** The same file, corrected: none of the rule's diagnostics. */
    readonly correcto: string;
}

export interface Rule {
    readonly code: string;
    /** Where the rule comes from, cited in the hover, the docs and `estructura reglas` (not in the message, which leads with what differs). */
    readonly source: string;
    /** Default severity; some rules report a milder one for weaker evidence (see `note`). */
    readonly severity: Severity;
    readonly description: string;
    /** The clause or convention quoted in the documentation. */
    readonly quote?: string;
    /** From the rule's fixtures; a rule without one says why in `noExample`. */
    readonly example?: RuleExample;
    readonly noExample?: string;
    /** The quick fix offered, if any. */
    readonly fix?: string;
    /** Anything else the documentation should say (a second severity, a profile setting). */
    readonly note?: string;
}

const NORMA_7_2_1_15 = '7.2.1.15 Los puestos homólogos de autorización específica estarán directamente adscritos a la sede de la Dirección General, Secretaría General y Direcciones Normativas, desarrollarán funciones especializadas y concretas en proyectos y programas encomendados por el titular del órgano de adscripción; más no en el cumplimiento de las atribuciones conferidas a éstos en el RIIMSS. No podrán estar adscritos a la estructura no básica ni tendrán personal de mando y operativo bajo su cargo, asimismo, no realizarán ningún tipo de actos de autoridad.';
const NORMA_5_48 = '5.48 puestos homólogos de autorización específica: Puestos encargados de realizar actividades y acciones concretas y especializadas, de apoyo profesional, generadas a partir de las funciones asignadas a la Dirección General, Secretaría General y Órganos Normativos. […] adscribiéndose directamente a las sedes de las mismas y no se representan en organigramas.';

const rules = [

    {
        code: 'estructura-sintaxis',
        source: 'Sintaxis',
        severity: 'error',
        description: 'El archivo no se puede leer como `.estructura`: falta o sobra algo en la línea indicada.'
    },
    {
        code: 'estructura-propiedad-repetida',
        source: 'Sintaxis',
        severity: 'error',
        description: 'Cada dato de una unidad, un puesto, un manual, un organigrama o un cambio (`número`, `tipo`, `adscrita a`, `objetivo`, `titular`…) se escribe una vez: escrito dos veces, el segundo valor reemplaza al primero sin avisar. Las listas (`alias`, `anterior`, `funciones`, `puestos`, unidades) sí se repiten.'
    },
    {
        code: 'estructura-referencia',
        source: 'Estructura',
        severity: 'error',
        description: 'Toda referencia a una unidad, un puesto o un manual (adscrita a, titular de, reporta a, parte de…) debe existir en el espacio de trabajo, dentro de la institución o calificada con ella (`IMSS.DG`).'
    },
    {
        code: 'estructura-numeracion',
        source: 'Convención de los manuales',
        severity: 'error',
        description: 'El número de una unidad extiende en un segmento el número de su unidad superior, y las unidades hermanas se numeran 1..n sin huecos ni repeticiones. En el perfil ISSSTE se admiten los segmentos `.0.` de las unidades de staff (5.3.0.1 depende de 5.3).',
        quote: 'Las unidades se numeran como un esquema decimal bajo la sección de Funciones (7.1, 7.1.1, 7.1.1.5.1.1); el número codifica la unidad superior.',
        fix: 'Renumerar la unidad con el número que le corresponde.'
    },
    {
        code: 'estructura-ciclo',
        source: 'Estructura',
        severity: 'error',
        description: 'La cadena de adscripción (también entre archivos y manuales) no puede volver a una unidad ya recorrida: toda unidad debe llegar a una raíz.'
    },
    {
        code: 'estructura-id-duplicado',
        source: 'Estructura',
        severity: 'error',
        description: 'Los identificadores de unidades y puestos son únicos por institución en todo el espacio de trabajo, porque las referencias se resuelven por identificador. Mientras un identificador esté repetido, sus referencias llevan a la primera definición: la del primer archivo por su ruta y, dentro de ese archivo, la primera de arriba abajo; el mensaje de cada definición nombra la primera de las otras, en el mismo orden. Así el editor y `estructura revisar` dan lo mismo, se abran y editen los archivos en el orden que sea.'
    },
    {
        code: 'manual-encabezado',
        source: 'Estructura',
        severity: 'warning',
        description: 'Cada archivo declara a qué manual pertenece (`manual` o `parte de`) y su institución, que es el espacio de nombres de sus identificadores.'
    },
    {
        code: 'norma-7.2.1.15-sede',
        source: 'Norma 7.2.1.15',
        severity: 'error',
        description: 'Un puesto homólogo de autorización específica (PHAE) se adscribe directamente a la sede de la Dirección General, de la Secretaría General o de una Dirección Normativa (unidad con `órgano normativo`); adscrito a cualquier unidad de nivel inferior (Unidad, Coordinación, División…) viola la Norma. Qué unidades son normativas es un dato de la unidad (o del perfil), no una deducción por su nombre.',
        quote: NORMA_7_2_1_15,
        fix: 'Adscribir el puesto a la sede más cercana hacia arriba (Dirección General, Secretaría General o Dirección Normativa): reemplaza la unidad de `adscrito a`, o añade `adscrito a <sede>` a un puesto escrito dentro de la unidad.',
        note: 'Solo donde el perfil tiene `normaImss` (IMSS e ISSSTE; no el perfil federal APF). Caso real: el Acuerdo ACDO.AS2.HCT.310822/226.P.DA (manual de la DOE, 2022), en `examples/ejemplos/phae-doe-2022/`.'
    },
    {
        code: 'norma-7.2.1.15-no-basica',
        source: 'Norma 7.2.1.15',
        severity: 'error',
        description: 'Un PHAE no puede adscribirse a una unidad de la estructura no básica.',
        quote: NORMA_7_2_1_15,
        note: 'Solo donde el perfil tiene `normaImss` (IMSS e ISSSTE; no el perfil federal APF).'
    },
    {
        code: 'norma-7.2.1.15-sin-personal',
        source: 'Norma 7.2.1.15',
        severity: 'error',
        description: 'Un PHAE no tiene personal de mando ni operativo a su cargo: ningún puesto le reporta y no es titular de ninguna unidad. Los subordinados pueden declararse en otros archivos: la revisión abarca todo el espacio de trabajo.',
        quote: NORMA_7_2_1_15,
        note: 'Solo donde el perfil tiene `normaImss` (IMSS e ISSSTE; no el perfil federal APF).'
    },
    {
        code: 'norma-7.2.1.15-autoridad',
        source: 'Norma 7.2.1.15',
        severity: 'error',
        description: 'Un PHAE no realiza actos de autoridad. Una actividad marcada `autoridad` es un error; una actividad cuyo verbo inicial es de autoridad (Imponer, Resolver, Ordenar, Conceder, Negar, Vetar, Expedir, Determinar créditos, Nombrar, Remover…) es una advertencia. «Sancionar» no cuenta: en los manuales significa aprobar.',
        quote: NORMA_7_2_1_15,
        note: 'Solo donde el perfil tiene `normaImss` (IMSS e ISSSTE; no el perfil federal APF). Severidad: error si la actividad está marcada `autoridad`; advertencia si solo el verbo lo sugiere.'
    },
    {
        code: 'norma-7.2.1.15-atribuciones',
        source: 'Norma 7.2.1.15',
        severity: 'error',
        description: 'Las actividades de un PHAE atienden proyectos y programas encomendados, no las atribuciones que el RIIMSS confiere al órgano: una actividad de un PHAE no puede tener como fundamento una atribución del RIIMSS.',
        quote: NORMA_7_2_1_15,
        note: 'Solo donde el perfil tiene `normaImss` (IMSS e ISSSTE; no el perfil federal APF).'
    },
    {
        code: 'norma-5.48-organigrama',
        source: 'Norma 5.48',
        severity: 'error',
        description: 'Los PHAE no se representan en organigramas: un organigrama no puede listar un PHAE entre sus puestos. Los organigramas que genera la herramienta los omiten.',
        quote: NORMA_5_48,
        note: 'Solo donde el perfil tiene `normaImss` (IMSS e ISSSTE; no el perfil federal APF).'
    },
    {
        code: 'estructura-nombre-duplicado',
        source: 'Estructura',
        severity: 'warning',
        description: 'Dos unidades de la misma institución con el mismo nombre oficial se confunden al citarlas. Por omisión se permite cuando sus unidades superiores son distintas (el ISSSTE tiene nueve «Coordinación Administrativa», una por Dirección); el perfil lo configura.',
        note: 'Perfil: `nombreDuplicado` = "mismo-padre" (por omisión) o "siempre".'
    },
    {
        code: 'estructura-tipo-nombre',
        source: 'Convención de los manuales',
        severity: 'warning',
        description: 'El tipo declarado coincide con el principio del nombre oficial: «División de …» es una División. El tipo que sugiere el nombre es una sugerencia: «Unidad de Congresos» puede ser un edificio, por eso es una advertencia.',
        quote: 'El nombre de una unidad empieza por su tipo (Dirección, Coordinación Técnica, División, Jefatura de Servicios, Departamento…).',
        fix: 'Cambiar el tipo al que indica el nombre.'
    },
    {
        code: 'estructura-nivel',
        source: 'Perfil de la institución',
        severity: 'warning',
        description: 'El tipo de una unidad está permitido bajo el tipo de su unidad superior, según la tabla de niveles de la institución (IMSS: Dirección → Unidad/Coordinación → Coordinación/Coordinación Técnica/División → División → Subjefatura de División; ISSSTE: Dirección → Subdirección → Jefatura de Servicios → Departamento, más las unidades de staff).',
        note: 'La tabla está en el perfil (`niveles`) y se puede cambiar en `estructura.json`. IMSS: directamente bajo una Dirección (y bajo la Secretaría General, del mismo nivel) van solo Unidades y Coordinaciones (también la Coordinación Normativa y la Administrativa); una División o una Coordinación Técnica bajo una Dirección se señala. Así lo muestran los manuales: en el de la Dirección de Operación y Evaluación 2022 (imss-manual-direccion-operacion-evaluacion-2022.txt) las seis unidades de la Dirección son tres Unidades y tres Coordinaciones (7.1.1 a 7.1.6, líneas 811, 2644, 3607, 4024, 4820 y 5185) y toda Coordinación Técnica o División depende de una Unidad o de una Coordinación; sus Antecedentes dicen que la Dirección quedó «integrada por las Unidades … y por las coordinaciones normativas …» (líneas 178 a 183) y, en 2013, que de ella «dependerán la Unidad de Evaluación de Delegaciones, las Coordinaciones de Comunicación Social, de Vinculación Institucional y de Asuntos Internacionales» (líneas 92 a 97; igual en imss-manual-organizacion-2018.txt, líneas 697 a 699). Cuando los Antecedentes dicen «todas ellas dependientes hasta entonces de la Dirección…» de una Coordinación Técnica y una División (líneas 169 a 172) hablan de la estructura de la Dirección, no de su primer nivel: lo mismo dicen de una Coordinación y cuatro Divisiones que dependían de una Unidad (líneas 158 a 163). El único Jefe de División adscrito a una Dirección era un puesto homólogo de autorización específica (líneas 188 a 191; Norma 5.48: no es una unidad ni se dibuja en el organigrama), y al convertirse en la División de Análisis Prospectiva pasó a una Coordinación (7.1.5.3).'
    },
    {
        code: 'estructura-sin-funciones',
        source: 'Convención de los manuales',
        severity: 'warning',
        description: 'Toda unidad del manual tiene funciones, salvo las agrupaciones (`agrupación`) y las unidades genéricas (`genérica`).'
    },
    {
        code: 'estructura-titular-unico',
        source: 'Estructura',
        severity: 'error',
        description: 'Una unidad tiene a lo más un puesto titular.'
    },
    {
        code: 'estructura-objetivo',
        source: 'Perfil de la institución',
        severity: 'warning',
        description: 'En los perfiles ISSSTE y federal (APF: Secretarías y Comisiones cuyo Manual de Organización General se publica en el DOF) cada unidad tiene su objetivo (el manual pone «Objetivo:» antes de las funciones de cada unidad).',
        note: 'Perfil: `objetivoObligatorio`.'
    },
    {
        code: 'funcion-infinitivo',
        source: 'Convención de los manuales',
        severity: 'warning',
        description: 'Una función empieza con un verbo en infinitivo («Coordinar…», «Planear, dirigir y coordinar…», «Llevar a cabo…», «Dar seguimiento…», también con pronombre: «Establecerlos…», «Allegarse…»). Decide la primera palabra; las comillas, números o viñetas que la precedan no cuentan. Los incisos y la cláusula de cierre no se revisan.',
        quote: 'Una función es un párrafo que empieza con un infinitivo.'
    },
    {
        code: 'funcion-cierre',
        source: 'Convención de los manuales',
        severity: 'warning',
        description: 'La lista de funciones termina con una cláusula de cierre, y solo hay una: marcada `cierre` o reconocida por su estructura, la misma que usa el importador: un infinitivo opcional, luego «las demás», «todas aquellas» o «cualquier otra», y después «que…», funciones, atribuciones, facultades, actividades… o «inherentes», «afines», «análogas»… («Las demás que le confieran…», «Realizar las demás funciones inherentes al cargo…»; no «Coordinar con las demás áreas…»). Las unidades sin funciones no se revisan aquí (estructura-sin-funciones).',
        fix: 'Añadir la cláusula de cierre usual de la institución (perfil: `clausulaCierre`) como última función, con el número siguiente si la lista está numerada.'
    },
    {
        code: 'funcion-numeracion',
        source: 'Convención de los manuales',
        severity: 'warning',
        description: 'Las funciones numeradas van de 1 a n sin saltos ni repeticiones, y en una lista numerada ninguna función se queda sin número. Una lista sin ningún número (el Manual de Organización del IMSS 2018) no se revisa. Se señala la primera función fuera de lugar.',
        fix: 'Renumerar las funciones de la lista de 1 a n.'
    },
    {
        code: 'funcion-puntuacion',
        source: 'Convención de los manuales',
        severity: 'info',
        description: 'Una función termina con punto. En el perfil ISSSTE las funciones terminan con «;», la penúltima con «, y» (o «; y») y la última con punto. Una función seguida de incisos puede terminar con dos puntos («…para lo cual podrá:»).',
        note: 'Perfil: `puntuacion` = "punto" o "punto-y-coma".',
        fix: 'Poner la puntuación final que corresponde.'
    },
    {
        code: 'funcion-duplicada',
        source: 'Convención de los manuales',
        severity: 'warning',
        description: 'La misma función (igual una vez que se ignoran acentos, mayúsculas, puntuación y espacios) dos veces en la lista de una unidad: se señala la segunda, que nombra la primera. No se revisan las cláusulas de cierre. La misma función en dos unidades distintas es otra regla, `funcion-duplicada-entre-unidades`, una sugerencia.'
    },
    {
        code: 'funcion-duplicada-entre-unidades',
        source: 'Convención de los manuales',
        severity: 'hint',
        description: 'La misma función (igual una vez que se ignoran acentos, mayúsculas, puntuación y espacios) en dos unidades de la misma institución: una sugerencia en cada una, que nombra otra unidad que la tiene (de su mismo manual primero) y cuántas más, y enlaza las demás apariciones (información relacionada). Puede ser una copia por error o una función que las unidades comparten de verdad; por eso es solo una sugerencia: VS Code la marca con unos puntos discretos bajo el principio del texto y no la lista en el panel Problemas. No se revisan las cláusulas de cierre, las funciones tipo que la institución da a muchas unidades (diez o más: el ISSSTE repite algunas en cientos de unidades) ni las dos descripciones de una misma unidad en dos manuales (`misma unidad que`).',
        note: 'Para verlas en el panel Problemas, súbala a `info` (o `warning`) en la configuración `estructura.reglas` o en `estructura.json`; `off` la apaga. `estructura revisar` las cuenta entre las sugerencias (`--minimo informativo` las oculta).'
    },
    {
        code: 'funcion-mencion',
        source: 'Convención de los manuales',
        severity: 'info',
        description: 'Las unidades que nombra el texto de una función, de un inciso, de una actividad o de un objetivo se buscan en todo el espacio de trabajo, en cualquier manual: por su nombre oficial, sus alias y sus nombres anteriores (los que registra `anterior "…"` o un `cambio` con `nombre anterior` y `nombre nuevo`), sin distinguir acentos, mayúsculas, espacios ni guiones, con artículos opcionales y «H.» opcional; gana el nombre más largo. Un nombre con forma de unidad que no existe en el espacio de trabajo es informativo; uno que cambió de nombre por un Acuerdo registrado es una advertencia; una variante del nombre oficial (con un artículo de más o de menos, o sin una o dos palabras del nombre, como «Coordinación de Vinculación con el Congreso» por «Coordinación Técnica de Vinculación con el Congreso») es informativa. En una lista en plural («las Direcciones de Finanzas y Jurídica», también con comas: «las Direcciones de Comunicación Social, de Planeación y Jurídica») cada miembro se busca por separado; el miembro que no corresponde a ninguna unidad se señala sobre sus propias palabras («Finanzas») cuando otro miembro de la lista sí es una unidad del espacio de trabajo, con los mismos criterios que un nombre en singular. Una lista en la que ningún miembro es una unidad se toma por una clase («las Delegaciones Estatales y Regionales», «las Subdelegaciones de Prestaciones y de Administración», una en cada Delegación), igual que un plural sin lista («las Subdelegaciones de Prestaciones»). No se señalan las clases de unidades («las Direcciones Normativas», «la Unidad Administrativa»), las dependencias externas («la Secretaría de Hacienda y Crédito Público») ni las menciones por contexto («la Dirección», «su superior jerárquico»).',
        note: 'Severidad: advertencia para un nombre anterior; informativo para un nombre desconocido o una variante.',
        fix: 'Escribir el nombre vigente (para un nombre anterior) o el nombre oficial (para una variante).'
    },
    {
        code: 'acuerdo-formato',
        source: 'Convención de los Acuerdos',
        severity: 'warning',
        description: 'Un identificador de Acuerdo del H. Consejo Técnico está bien formado: ACDO.<sesión>.HCT.<DDMMAA>/<número>.P.<área>, como ACDO.AS2.HCT.270922/264.P.DA (se admite el guion antes del número, como en ACDO.SA2.HCT.271010-323.P.DAED, publicado así), su segmento DDMMAA es una fecha válida y coincide con la fecha declarada (`acuerdo "…" fecha …` del manual, `fecha` del cambio). También se admite la forma de 2007 (ACDO-HCT-270607/256 P (D.P.M.)). Lo que no es un identificador ACDO (acuerdos anteriores como «177/2001», oficios) no se revisa.',
        fix: 'Cambiar la fecha declarada a la que indica el identificador.'
    },
    {
        code: 'vigencia-organigrama',
        source: 'Convención de los manuales',
        severity: 'warning',
        description: 'La vigencia de un organigrama no es anterior al último cambio registrado (`cambio` con `fecha`) de las unidades que muestra (su raíz y las unidades de su manual que dependen de ella) o de los puestos que lista.'
    },
    {
        code: 'cambio-incongruente',
        source: 'Historia de la estructura',
        severity: 'warning',
        description: 'Los cambios registrados (`cambio`) coinciden con la estructura escrita. Para cada unidad que nombra un cambio (en `unidades`) y que existe en el espacio de trabajo: su `nombre nuevo` es su nombre de hoy (o uno de sus nombres anteriores, `anterior "…"`); su `adscripción nueva` es la unidad de la que depende hoy (por anidación o `adscrita a`), y las unidades nombradas junto con una de sus superiores se mueven con ella (en `unidades UAD, CAO, DAC`, con CAO y DAC dentro de UAD, solo se revisa UAD); una `supresión` o una `fusión` la deja fuera de la estructura (salvo la unidad que resulta de la fusión, la que lleva el `nombre nuevo`). No se señala cuando un registro posterior (de fecha posterior, o de la misma fecha más abajo en el mismo archivo) vuelve a cambiar esa unidad: la renombra, la mueve, la suprime o, tras una supresión, la vuelve a nombrar. Un cambio sin `fecha` no se revisa, ni una unidad nombrada que no existe (una unidad suprimida: eso lo señala `estructura-referencia`).',
        note: 'Solo se señala donde hay un registro escrito y el texto lo contradice: editar un nombre o una adscripción sin escribir un `cambio` nunca la dispara, porque el estado anterior a la edición no está en el texto; los cambios sin registro los lista la comparación de dos versiones de la estructura (`estructura comparar`). Los cambios y las unidades suelen estar en archivos distintos (los cambios en el archivo principal del manual, las unidades en el de cada Dirección, o en otro manual): editar la unidad o un cambio posterior en su archivo vuelve a revisar el archivo del cambio. Caso de ejemplo: `examples/ejemplos/historia-sin-aplicar.estructura`.'
    },
    {
        code: 'puesto-nivel-superior',
        source: 'Convención de las plantillas',
        severity: 'warning',
        description: 'El puesto al que se reporta (`reporta a`) tiene un nivel más alto que el del puesto. Con los códigos federales de grupo, grado y nivel (G Secretario, H Subsecretario… K Director General, L Director General Adjunto, M Director de Área, N Subdirector, O Jefe de Departamento, P Enlace), manda la letra del grupo: G arriba de H … arriba de P; un superior de un grupo más bajo (un Director de Área, M, que se reporta a un Subdirector, N) se señala. Dos niveles del mismo grupo no se comparan, salvo que el perfil lo pida (`federal-grado-nivel`: el grado y luego el nivel más altos, MC3 arriba de MB1; los subniveles con o sin ceros, MC03 = MC3, son el mismo nivel, y el mismo nivel que el superior también se señala).',
        note: 'Perfil: `ordenNiveles` = "federal" (por grupo; por omisión en el perfil federal APF), "federal-grado-nivel" (también por grado y nivel dentro del grupo) o la lista de niveles de la institución, del más alto al más bajo. El grado no se compara por omisión porque no todos los catálogos lo ordenan igual: en el directorio del IFAI 2014 los Secretarios (KA2, «Coordinador») son superiores de Directores Generales (KB1 a KB3). IMSS e ISSSTE no tienen orden por omisión (sus categorías no son códigos federales ni hay una tabla pública que las ordene): la regla no los revisa hasta que `estructura.json` les dé un `ordenNiveles`. No se revisa un nivel que el orden no incluye. Un superior que no existe es `estructura-referencia`.'
    },
    {
        code: 'puesto-adscripcion-superior',
        source: 'Convención de las plantillas',
        severity: 'warning',
        description: 'Un puesto está en la unidad del puesto al que se reporta o en una unidad que depende de ella (por anidación, `adscrita a` o `misma unidad que`, en cualquier archivo). El titular de una unidad se reporta al de la unidad superior; un puesto de otra rama se reporta a alguien de fuera de su línea de mando.',
        note: 'La unidad de un puesto es la de `adscrito a`, si no la unidad en la que está escrito, si no la de `titular de`. Caso real: el directorio de puestos del IFAI 2014 tiene al menos una fila cuya unidad no coincide con la de su superior.'
    },
    {
        code: 'puesto-nivel-denominacion',
        source: 'Convención de las plantillas',
        severity: 'info',
        description: 'Un nivel tiene una sola denominación en el catálogo de puestos de la institución: dos puestos de la misma institución con el mismo nivel (MC03 y MC3 son el mismo) y distinta `denominación` (sin contar acentos, mayúsculas ni espacios) se señalan los dos, cada uno nombrando un puesto que lo llama de otra forma. Varios niveles con la misma denominación sí se admiten (KB1, KB2 y KB3: «Director General»).',
        note: 'Caso real: el catálogo del IFAI 2014 da a KA02 «Contralor» y a KA2 «Coordinador», a OB02 «Chofer» y a OB2 «Jefe de Departamento»; o son dos niveles que el catálogo escribe distinto o es un error de captura.'
    },
    {
        code: 'plaza-clave-duplicada',
        source: 'Convención de las plantillas',
        severity: 'error',
        description: 'Cada clave de plaza (`claves de plaza "2095/001", …`) aparece una sola vez en la institución, en todos sus archivos: una plaza es de un solo puesto. Se señala cada aparición, nombrando la primera de las otras. Las claves se comparan como se escriben, salvo espacios y mayúsculas.'
    },
    {
        code: 'puesto-unidad-suprimida',
        source: 'Historia de la estructura',
        severity: 'warning',
        description: 'Un puesto no queda adscrito a una unidad suprimida: si el último cambio registrado con fecha que nombra la unidad (en `unidades`, en cualquier archivo) es una `supresión`, cada puesto de la unidad se señala. Un registro posterior de la unidad (su creación de nuevo, un nuevo nombre) lo levanta.',
        note: 'La unidad misma la señala `cambio-incongruente`; esta regla señala los puestos que quedan en ella. Un cambio sin `fecha` no cuenta.'
    },
    {
        code: 'puesto-plazas-suma',
        source: 'Convención de las plantillas',
        severity: 'error',
        description: 'Las plazas ocupadas más las vacantes de un puesto son sus plazas (`plazas N`, una si no se escribe). Si solo se escribe una de las dos, no puede pasar de las plazas.'
    },
    {
        code: 'tabulador-bruto-suma',
        source: 'Convención de los tabuladores',
        severity: 'error',
        description: 'En un tabulador, el sueldo bruto mensual de cada nivel es la suma de sus partes (sueldo base, ayuda de despensa, compensación garantizada…), al centavo. Una fila sin bruto o sin partes no se revisa.',
        note: 'Lo mismo se revisa en los tabuladores que `estructura.json` carga de hojas de cálculo (`tabuladores`): allí el aviso nombra el archivo, la hoja y la fila. Caso real: en el tabulador de mando de la SRE 2018 el bruto es la suma de sueldo base, despensa y compensación garantizada al centavo en los seis niveles del extracto (G11 a J11).'
    },
    {
        code: 'estructura-regla-fallida',
        source: 'Estructura',
        severity: 'error',
        description: 'Una regla falló al revisar este elemento (un error interno de la herramienta). Las demás reglas siguen revisándolo; el mensaje nombra la regla para reportarlo.',
        noExample: 'Ningún texto debería provocarla: señala un error de la herramienta, no del manual.'
    }
] as const satisfies readonly Rule[];

export type RuleCode = (typeof rules)[number]['code'];

export const RULES: ReadonlyMap<string, Rule> = new Map(rules.map(rule => [rule.code, { ...rule, example: RULE_EXAMPLES[rule.code] }]));

export function rule(code: RuleCode): Rule {
    return RULES.get(code)!;
}

/**
 * Reports a diagnostic of a catalog rule, with its code. The message leads with what tells one
 * diagnostic from another (issue 19: a source prefix truncated it in the Problems panel); the
 * rule's source is in the hover and the docs. `severity` is for rules that report a milder
 * severity for weaker evidence; the user's setting overrides both.
 */
export function report<N extends AstNode>(
    accept: ValidationAcceptor, code: RuleCode, message: string, info: DiagnosticInfo<N>, severity?: Severity
): void {
    const r = rule(code);
    accept(severity ?? r.severity, capitalize(message), { ...info, code });
}

/** The message as shown: its first letter capitalized (messages are written to follow no prefix). */
export function capitalize(message: string): string {
    return message.charAt(0).toLocaleUpperCase('es') + message.slice(1);
}
