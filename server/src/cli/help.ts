// The help of `estructura` and of each command (`estructura <comando> --help`), in Spanish.
import { VERSION } from './package-info.js';

const EXIT_CODES = 'Códigos de salida: 0 sin errores, 1 con errores, 2 uso incorrecto o entrada ilegible.';

export const USAGE = `Uso: estructura <comando> [opciones]

Comandos:
  revisar <rutas…>       revisa archivos y carpetas .estructura (alias: check)
  reglas                 el catálogo de reglas; en Markdown, docs/reglas.md (alias: rules)
  importar <texto.txt>   convierte el texto de un manual en archivos .estructura (alias: import)
  importar-plazas <hoja.csv|xlsx>
                         convierte una hoja de cálculo de puestos y plazas en archivos .estructura
                         (alias: import-positions)
  exportar <rutas…>      exporta los manuales a HTML, Markdown, JSON o SVG (alias: export)
  comparar <antes> <después>
                         compara dos versiones de una estructura (carpetas o revisiones de git)
                         y liga cada cambio con su acuerdo; con --al, la estructura vigente en
                         una fecha (alias: diff)
  plazas <rutas…>        los puestos de una unidad y de las que dependen de ella, con sus plazas
                         y totales por nivel, clase y tipo de personal (alias: positions)

Opciones:
  -h, --help             esta ayuda; «estructura <comando> --help», la de cada comando
  -v, --version          la versión de estructura

${EXIT_CODES}`;

export const REVISAR_USAGE = 'Uso: estructura revisar <archivos o carpetas…> [--formato texto|json|sarif|github] [--minimo <severidad>] [--max-advertencias <N>] [--espacio <carpeta>…] [--config <estructura.json>]';

const REVISAR = `${REVISAR_USAGE}
(alias: check)

Revisa los archivos .estructura de las rutas (las carpetas, con sus subcarpetas) con las mismas
reglas que el editor y muestra cada diagnóstico con su severidad y el código de su regla.

Opciones:
  --formato texto|json|sarif|github
        texto (por omisión): «archivo:línea:columna severidad código mensaje», una línea por
          diagnóstico, y al final los diagnósticos por regla y el resumen; en una terminal, agrupados
          bajo el nombre de cada archivo y con colores (sin ellos si la variable NO_COLOR está
          definida o TERM es dumb);
        json: {"diagnostics": […], "summary": {…, "porRegla": {…}}};
        sarif: SARIF 2.1.0, para GitHub code scanning y otros visores;
        github: una anotación de GitHub Actions por diagnóstico (::error file=…,line=…::mensaje).
  --minimo error|advertencia|informativo|sugerencia
        muestra solo los diagnósticos de esa severidad o mayor (también en inglés: error, warning,
        info, hint); el resumen cuenta lo que se muestra y dice cuántos se ocultaron.
  --max-advertencias <N>
        termina con 1 si hay más de N advertencias, aunque no haya errores. No se combina con
        --minimo error, que ocultaría esas advertencias.
  --espacio <carpeta o archivo>
        carga también esos archivos para resolver referencias y para las reglas entre archivos,
        pero no reporta sus diagnósticos; se puede repetir.
  --config <estructura.json>
        la configuración de reglas y perfiles; por omisión, el estructura.json de la carpeta
        revisada o de una superior.
  -h, --help             esta ayuda
  -v, --version          la versión de estructura

Severidades, de mayor a menor: error, advertencia, informativo, sugerencia.

Códigos de salida: 0 sin errores; 1 con errores, o con más advertencias que --max-advertencias;
2 uso incorrecto, o una ruta que no existe, no se puede leer o no contiene archivos .estructura
(se nombra en stderr y se revisa el resto).

Ejemplos:
  estructura revisar manuales/
  estructura revisar manuales/imss-doe-2022/ --espacio manuales/ --minimo advertencia
  estructura revisar manuales/ --formato sarif > estructura.sarif`;

export const REGLAS_USAGE = 'Uso: estructura reglas [--formato texto|md]';

const REGLAS = `${REGLAS_USAGE}
(alias: rules)

Lista el catálogo de reglas: código, severidad por omisión y fuente. Con --formato md escribe el
Markdown de docs/reglas.md: cada regla con su descripción, la cláusula que cita y ejemplos.

Opciones:
  --formato texto|md     texto (por omisión) o Markdown
  -h, --help             esta ayuda
  -v, --version          la versión de estructura

Códigos de salida: 0, o 2 ante un uso incorrecto.`;

export const IMPORTAR_USAGE = 'Uso: estructura importar <texto.txt> --salida <carpeta> [--perfil imss|issste|apf|auto] [--reporte <reporte.json>] [--espacio <carpeta>…] [--nombre <base>] [--sobrescribir]';

const IMPORTAR = `Uso: estructura importar <texto.txt> --salida <carpeta> [opciones]
(alias: import)

Convierte el texto extraído del PDF de un manual en archivos .estructura: uno por manual, o uno por
área principal (\`parte de …\`) si el manual es grande.

Opciones:
  -o, --salida <carpeta>     dónde escribir los archivos (obligatoria)
  --perfil <perfil>          el perfil de la institución (imss, issste, apf) o auto, por omisión,
                             que lo reconoce en el texto
  --reporte <reporte.json>   escribe además el reporte: cada línea de la entrada (conservada,
                             descartada o sin reconocer), las unidades, la historia y los avisos
  --espacio <carpeta>        los manuales ya importados con los que se enlaza la raíz (por
                             omisión, la carpeta que contiene a la de salida); se puede repetir
  --nombre <base>            el nombre base de los archivos
  --sobrescribir             reemplaza archivos existentes (sin ella, no se reemplaza ninguno)
  -h, --help                 esta ayuda
  -v, --version              la versión de estructura

Códigos de salida: 0 si importó, 1 si el archivo no es un manual legible, 2 ante un uso incorrecto
o un archivo de salida que ya existe.`;

export const EXPORTAR_USAGE = 'Uso: estructura exportar <rutas…> --formato html|md|json|svg [--salida <archivo o carpeta>] [--manual <ID>…] [--espacio <carpeta>…] [--sobrescribir]';

const EXPORTAR = `${EXPORTAR_USAGE}
(alias: export)

Exporta cada manual de las rutas como un documento, aunque esté partido en varios archivos.

Opciones:
  -f, --formato html|md|json|svg
        html: listo para imprimir a PDF; md: Markdown, con los organigramas en SVG junto al .md;
        json: el modelo completo; svg: solo los organigramas, un archivo por organigrama.
  -o, --salida <archivo o carpeta>
        un archivo si termina en .html, .md, .json o .svg; si no, una carpeta. Sin --salida, un
        solo documento a la salida estándar.
  --manual <ID>          exporta solo ese manual de las rutas; se puede repetir
  --espacio <carpeta>    carga también esos archivos para resolver referencias, sin exportar sus
                         manuales; las partes (\`parte de\`) de un manual exportado que estén ahí
                         sí se incluyen en él; se puede repetir
  --sobrescribir         reemplaza archivos existentes
  -h, --help             esta ayuda
  -v, --version          la versión de estructura

Si se da el archivo principal de un manual partido (o una de sus partes) sin las demás partes de
su carpeta, se exporta lo dado y se avisa en stderr cuántas partes quedaron fuera: para exportarlo
completo, dé la carpeta o añádala con --espacio.

Códigos de salida: 0 si exportó, 1 ante errores de sintaxis (no exporta nada), 2 ante un uso
incorrecto, una ruta que no existe o un archivo que ya existe.

Ejemplos:
  estructura exportar manuales/imss-doe-2022 --formato html --salida doe.html
  estructura exportar manuales/ --formato json > estructura.json`;

export const COMPARAR_USAGE = 'Uso: estructura comparar <antes> <después> [--formato texto|json|markdown|html] [--unidad <ID>] [--tabulador <archivo>] [--salida <archivo>]\n     estructura comparar --al <AAAA-MM-DD> <versión> [opciones]';

const COMPARAR = `${COMPARAR_USAGE}
(alias: diff)

Compara dos versiones de una estructura y muestra su diferencia: unidades creadas, suprimidas,
renombradas, movidas (con su tramo), transformadas y renumeradas; puestos creados, eliminados,
movidos, reclasificados, de otro nivel o con otras plazas; funciones agregadas, eliminadas,
modificadas (palabra por palabra) y reordenadas. Cada cambio se liga con los registros \`cambio\`
de la versión «después» que lo autorizan; se listan los cambios que ningún registro cubre y los
registros nuevos cuyo cambio no se ve.

Con puestos, cuenta por unidad las plazas creadas, suprimidas, movidas y reniveladas y, con un
tabulador, el costo mensual y anual de cada versión (plazas × bruto mensual de su nivel; anual =
12 × mensual, sin prestaciones) y su diferencia; avisa si la propuesta aumenta el costo (no es
compensada) y lista aparte las plazas cuyo nivel no está en el tabulador.

Cada versión es una carpeta (o un archivo) o una revisión de git del repositorio de la carpeta
actual: HEAD~3, una rama, un commit, o REV:ruta para una carpeta de esa revisión (la ruta, relativa
a la carpeta actual). Una revisión sin ruta lee las mismas carpetas que la otra versión.
Las unidades se emparejan por identificador; si cambió, por su historia registrada (nombre
anterior), por su nombre y por sus funciones; nunca por su número.

Opciones:
  --al <AAAA-MM-DD>      la estructura vigente en esa fecha, deducida de la versión dada y de sus
                         registros (se deshacen, del más reciente al más antiguo, los posteriores a
                         la fecha), y su diferencia con la versión dada
  --unidad <ID>          compara solo esa unidad y las que dependen de ella
  --tabulador <archivo>  costea las dos versiones con ese tabulador: un .estructura con elementos
                         tabulador, o un CSV/XLSX con columnas nivel y bruto (o total_bruto). Sin
                         él, el de cada versión (sus tabulador y los de su estructura.json)
  -f, --formato texto|json|markdown|html
        texto (por omisión); json (esquema en docs/comparar.md); markdown o html: un cuadro
        comparativo (situación actual, situación propuesta, acuerdo) para anexar a una propuesta.
  -o, --salida <archivo> escribe ahí en vez de la salida estándar
  --sobrescribir         reemplaza el archivo de --salida si existe
  -h, --help             esta ayuda
  -v, --version          la versión de estructura

Un archivo con errores de sintaxis se compara en lo que se puede leer; los errores se listan.

Códigos de salida: 0 sin diferencias, 1 con diferencias, 2 uso incorrecto, una versión que no es
carpeta ni revisión, o una unidad de --unidad que no está en ninguna versión.

Ejemplos:
  estructura comparar HEAD~3 manuales/
  estructura comparar main:manuales/imss propuesta/imss --formato html --salida cuadro.html
  estructura comparar --al 2018-07-25 manuales/imss-doe-2022
  estructura comparar actual/ propuesta/ --tabulador tabuladores/sre-2018.csv --formato markdown`;

export const PLAZAS_USAGE = 'Uso: estructura plazas <rutas…> [--unidad <ID>] [--formato texto|csv|xlsx|json] [--salida <archivo>] [--espacio <carpeta>…] [--sobrescribir]';

const PLAZAS = `${PLAZAS_USAGE}
(alias: positions)

Lista los puestos de una unidad y de las unidades que dependen de ella (sin --unidad, de todas las
unidades, y los puestos que no están adscritos a ninguna): por puesto, su nivel, denominación,
clase, tipo de personal, plazas (1 si no se indica), ocupadas y vacantes (cuando se indican; si se
indica solo una, la otra es el resto de las plazas), archivo y línea; por unidad, sus plazas y las
de sus subunidades; al final, los totales por nivel, por clase y por tipo de personal.

Opciones:
  --unidad <ID>          la unidad (IMSS.DG, o DG si ninguna otra institución usa ese identificador)
  -f, --formato texto|csv|xlsx|json
        texto (por omisión); csv: un renglón por puesto y, tras un renglón vacío, los totales (UTF-8);
        xlsx: una hoja «Puestos» y una hoja «Totales»; json: total, totales, porNivel, porClase,
        porPersonal, unidades (id, nombre, plazas con sus subunidades, puestos) y sinUnidad.
        Sin --formato, lo dice la extensión de --salida.
        En CSV, un texto que empieza con =, +, - o @ se escribe precedido de un apóstrofo para que
        la hoja de cálculo no lo ejecute como fórmula.
  -o, --salida <archivo> escribe ahí en vez de la salida estándar (obligatoria para xlsx)
  --espacio <carpeta>    carga también esa carpeta, para resolver adscripciones a otros archivos
  --sobrescribir         reemplaza el archivo de --salida si existe
  -h, --help             esta ayuda
  -v, --version          la versión de estructura

Un archivo con errores de sintaxis se cuenta en lo que se puede leer; se avisa.

Códigos de salida: 0 listo, 2 uso incorrecto, entrada ilegible o una unidad de --unidad que no está.

Ejemplos:
  estructura plazas manuales/ puestos/ --unidad IFAI.DGA
  estructura plazas manuales/ --formato csv --salida plazas.csv
  estructura plazas manuales/ --salida plazas.xlsx`;

/** The help of each command, by its Spanish name. */
export const IMPORTAR_PLAZAS_USAGE = 'Uso: estructura importar-plazas <archivo.csv|xlsx> --salida <carpeta> [--espacio <carpeta>…] [--reporte <reporte.json>] [--hoja <nombre>] [--columnas <mapa.json>] [--institucion <ID>] [--agrupar] [--sobrescribir]';

const IMPORTAR_PLAZAS = `${IMPORTAR_PLAZAS_USAGE}
(alias: import-positions)

Lee una hoja de cálculo de puestos (un directorio de puestos, un analítico de plazas, una
plantilla) y escribe sus puestos en archivos .estructura: cada puesto con su nivel, denominación,
tipo de personal, plazas, ocupadas y vacantes, claves de plaza, «reporta a» (el cargo superior,
buscado por su nombre) y la fila de la que viene (desde … hoja … fila …). Encuentra el encabezado
aunque haya títulos encima y reconoce las columnas por sus nombres usuales (Unidad Administrativa,
Nombre del Cargo, Nombre del Cargo Superior, Clave del Puesto, Nivel, CATEGORIA, PLZAUT…), sin
acentos, mayúsculas ni espacios de más. Las fórmulas no se calculan: se lee su valor guardado.

Cada unidad de la hoja se busca en el espacio de trabajo (por id, número o nombre oficial); si no
está, se crea, marcada con la fila de la que viene. Dentro de cada una, un puesto cuyo cargo es un
nombre de unidad (Dirección…, Subdirección…, Departamento…) y del que dependen otros puestos es el
titular de una unidad de ese nombre, bajo la unidad de su superior: se busca en el espacio de
trabajo bajo esa misma unidad y, si no está, se crea marcada con su fila; los puestos que dependen
de él van en ella. Los demás cargos (Asesor, Enlace…) quedan en la unidad de su superior. Cada fila
queda importada u omitida con su motivo (en blanco, título, total o subtotal, celda ilegible,
clave de plaza repetida…).

Opciones:
  -o, --salida <carpeta>   dónde escribir los archivos (un archivo principal y uno por unidad de la
                           hoja creada, con sus unidades implícitas dentro)
  --espacio <carpeta>      las unidades existentes a las que se adscriben los puestos; se puede repetir
  --reporte <archivo.json> el reporte: puestos, unidades encontradas y creadas (implicita: si la
                           implica el árbol de puestos en vez de nombrarla la hoja), filas omitidas
                           ({hoja, fila, motivo}) y avisos ({hoja, fila, mensaje})
  --hoja <nombre>          la hoja que se importa (por omisión, la que parece una tabla de puestos)
  --columnas <mapa.json>   qué columna es cada campo, p. ej. {"unidad": "Área", "cargo": "Puesto"};
                           campos: unidad, cargo, superior, nivel, denominacion, personal, plazas,
                           ocupadas, vacantes, estatus, clavePlaza, institucion
  --institucion <ID>       la institución (por omisión, la del espacio de trabajo o las iniciales de
                           la columna «Institución»)
  --agrupar                para una plantilla (una fila por plaza): las filas de una unidad iguales
                           en cargo, superior, nivel, denominación y tipo de personal son un solo
                           puesto con sus plazas, ocupadas, vacantes y claves de plaza sumadas (el
                           puesto dice la fila de la primera); el titular y los puestos a los que
                           otros reportan quedan solos
  --sobrescribir           reemplaza los archivos que ya existan
  -h, --help               esta ayuda

Códigos de salida: 0 importada; 1 la hoja no se puede importar (dañada, .xls antiguo, no es una
tabla de puestos, vacía); 2 uso incorrecto, archivo inexistente o salida que ya existe. Si la
importación falla no se escribe nada.

Ejemplo:
  estructura importar-plazas directorio.csv --salida puestos/ --espacio manuales/ --reporte reporte.json`;

export const COMMAND_HELP: Record<string, string> = { revisar: REVISAR, reglas: REGLAS, importar: IMPORTAR, 'importar-plazas': IMPORTAR_PLAZAS, exportar: EXPORTAR, comparar: COMPARAR, plazas: PLAZAS };

export function versionLine(): string {
    return `estructura ${VERSION}`;
}
