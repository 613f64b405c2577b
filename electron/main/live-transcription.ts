/**
 * Live transcription sessions in main: each belongs to the window that opened it (only that
 * window may feed or finish it) and is dropped when that window goes away.
 */
import type { Transcript } from '../../core/transcript';
import type { RecordingSession, SessionCallbacks } from '../../speech/client';
import type { WindowWords } from '../../speech/windowing';

/** The part of a window's webContents a session needs. */
export interface SessionOwner {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface LiveSessionEvents<Owner extends SessionOwner> {
  onWindow(owner: Owner, session: number, window: WindowWords): void;
  onError(owner: Owner, session: number, message: string): void;
}

type StartSession = (modelFolder: string, callbacks: SessionCallbacks) => Promise<RecordingSession>;

export class LiveTranscriptions<Owner extends SessionOwner> {
  private nextId = 1;
  private readonly sessions = new Map<number, { owner: number; session: RecordingSession }>();
  private readonly watchedOwners = new Set<number>();

  constructor(
    private readonly startSession: StartSession,
    private readonly events: LiveSessionEvents<Owner>,
  ) {}

  /** Opens a session for `owner`; ids are this registry's, stable across speech-process restarts. */
  async start(owner: Owner, modelFolder: string): Promise<number> {
    const id = this.nextId++;
    const session = await this.startSession(modelFolder, {
      onWords: (window) => this.events.onWindow(owner, id, window),
      onError: (error) => {
        this.sessions.delete(id);
        this.events.onError(owner, id, error.message);
      },
    });
    this.sessions.set(id, { owner: owner.id, session });
    if (!this.watchedOwners.has(owner.id)) {
      this.watchedOwners.add(owner.id);
      owner.once('destroyed', () => {
        this.watchedOwners.delete(owner.id);
        this.dropOwner(owner.id);
      });
    }
    return id;
  }

  private owned(ownerId: number, id: number): RecordingSession {
    const entry = this.sessions.get(id);
    if (!entry || entry.owner !== ownerId) {
      throw new Error(`No live transcription ${id} (finished, cancelled or failed).`);
    }
    return entry.session;
  }

  /** Feeds audio; false when the session is unknown (e.g. it just failed). */
  push(ownerId: number, id: number, samples: Float32Array): boolean {
    try {
      this.owned(ownerId, id).push(samples);
      return true;
    } catch {
      return false;
    }
  }

  async finish(ownerId: number, id: number): Promise<Transcript> {
    const session = this.owned(ownerId, id);
    this.sessions.delete(id);
    return session.finish();
  }

  async cancel(ownerId: number, id: number): Promise<boolean> {
    const entry = this.sessions.get(id);
    if (!entry || entry.owner !== ownerId) return false;
    this.sessions.delete(id);
    await entry.session.cancel();
    return true;
  }

  /** Cancels every session of a window that closed or reloaded. */
  dropOwner(ownerId: number): void {
    for (const [id, entry] of this.sessions) {
      if (entry.owner !== ownerId) continue;
      this.sessions.delete(id);
      void entry.session.cancel().catch(() => undefined);
    }
  }
}
