// Starts the language server and starts it again when it dies: the page says so, restarts it
// by itself a couple of times, then offers a button. The editor, its models and the folder are
// untouched, so nothing typed is lost; the new server gets every open model again.
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver-protocol/browser';
import type { DocumentSync } from './document-sync.js';
import { isEstructuraPath, uriOf, type FileStore, type StoreChange } from './file-store.js';
import type { Notices } from './notices.js';
import { startServer, type RunningServer } from './server-connection.js';

/** Restarts done without asking; after these the user decides (a crash at every start would loop). */
const AUTOMATIC_RESTARTS = 2;
const NOTICE_KEY = 'servidor';

export class ServerLifecycle {
    private running: RunningServer | undefined;
    private restarts = 0;
    private readonly readyListeners: Array<(server: RunningServer) => void> = [];
    private pendingEvents: FileEvent[] = [];
    /** Set from a death until the next start: one death is reported once. */
    private down = false;

    constructor(private readonly store: FileStore, private readonly sync: DocumentSync, private readonly notices: Notices) {
        store.onChange(change => this.watched(change));
    }

    server(): RunningServer | undefined {
        return this.running;
    }

    onReady(listener: (server: RunningServer) => void): void {
        this.readyListeners.push(listener);
    }

    async start(): Promise<void> {
        this.notices.setStatus('Iniciando el servidor de lenguaje…');
        this.down = false;
        try {
            const server = await startServer(this.store, reason => this.died(reason));
            this.running = server;
            performance.mark('estructura:servidor-iniciado');
            this.sync.attach(server);
            this.notices.dismiss(NOTICE_KEY);
            this.notices.setStatus('Revisando los archivos…');
            for (const listener of this.readyListeners) listener(server);
        } catch (error) {
            this.died(error instanceof Error ? error.message : String(error));
        }
    }

    private died(reason: string): void {
        if (this.down) return;
        this.down = true;
        this.running?.stop();
        this.running = undefined;
        this.sync.attach(undefined);
        this.notices.setStatus('El servidor de lenguaje no está funcionando.');
        const restart = () => { this.restarts = 0; void this.start(); };
        if (this.restarts < AUTOMATIC_RESTARTS) {
            this.restarts++;
            this.notices.show('aviso', `El servidor de lenguaje se detuvo (${reason}); se está reiniciando. Sus textos están a salvo.`, { key: NOTICE_KEY });
            setTimeout(() => void this.start(), 1000);
            return;
        }
        this.notices.show('error', `El servidor de lenguaje se detuvo (${reason}). El editor sigue funcionando y sus textos están a salvo, pero sin revisión.`, {
            key: NOTICE_KEY, action: { label: 'Reiniciar el servidor', run: restart }
        });
    }

    /** Files added, replaced or removed in the folder, batched into one notification. */
    private watched(change: StoreChange): void {
        if (!isEstructuraPath(change.path)) return;
        if (change.kind === 'edited' && !change.path.endsWith('estructura.json')) return;
        const type = change.kind === 'added' ? FileChangeType.Created : change.kind === 'removed' ? FileChangeType.Deleted : FileChangeType.Changed;
        if (!this.pendingEvents.length) setTimeout(() => this.sendWatched(), 200);
        this.pendingEvents.push({ uri: uriOf(change.path), type });
    }

    private sendWatched(): void {
        const changes = this.pendingEvents;
        this.pendingEvents = [];
        void this.running?.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    }
}
