// The extension answers the server's file requests (server/src/files/client-file-access.ts)
// with VS Code's own file access, which works on any workspace: github.dev, vscode.dev with a
// local folder, a remote file system. Text is decoded as UTF-8, as the desktop server reads it.
import { RelativePattern, Uri, workspace } from 'vscode';
import { ResponseError, type BaseLanguageClient } from 'vscode-languageclient';
import {
    FIND_FILES_REQUEST, READ_BINARY_REQUEST, READ_FILE_REQUEST,
    type FindFilesParams, type FindFilesResult, type ReadBinaryResult, type ReadFileParams, type ReadFileResult
} from '../../server/src/protocol.js';
import { toBase64 } from '../../server/src/protocol-base64.js';

/** Skipped as the desktop server skips them (server/src/files/file-access.ts). */
const EXCLUDE = '{**/node_modules/**,**/out/**,**/.*/**}';
/** Error code of an answer the client cannot give (the file is missing or unreadable). */
const UNREADABLE = -32803;

export function answerFileRequests(client: BaseLanguageClient): void {
    client.onRequest(FIND_FILES_REQUEST, async (params: FindFilesParams): Promise<FindFilesResult> => {
        const folder = Uri.parse(params.carpeta);
        const found = await workspace.findFiles(new RelativePattern(folder, '**/{*.estructura,estructura.json}'), EXCLUDE);
        return found.map(uri => uri.toString());
    });
    client.onRequest(READ_FILE_REQUEST, async (params: ReadFileParams): Promise<ReadFileResult> =>
        new TextDecoder('utf-8').decode(await read(params.uri)));
    client.onRequest(READ_BINARY_REQUEST, async (params: ReadFileParams): Promise<ReadBinaryResult> => {
        return toBase64(await read(params.uri));
    });
}

async function read(uri: string): Promise<Uint8Array> {
    try {
        return await workspace.fs.readFile(Uri.parse(uri));
    } catch (error) {
        throw new ResponseError(UNREADABLE, (error as Error).message);
    }
}
