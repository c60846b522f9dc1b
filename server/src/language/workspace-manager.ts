// The startup build validates too, so the Problems panel lists every file's diagnostics
// as soon as the workspace is loaded, before any file is opened.
import { DefaultWorkspaceManager, type BuildOptions } from 'langium';

export class EstructuraWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
}
