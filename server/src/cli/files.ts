// File-system helpers of the writing commands (importar, exportar).
import { promises as fs } from 'node:fs';

/** Whether a file or folder exists: the commands refuse to replace one without --sobrescribir. */
export async function exists(file: string): Promise<boolean> {
    try {
        await fs.access(file);
        return true;
    } catch {
        return false;
    }
}
