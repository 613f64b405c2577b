/**
 * A Web Lock held for as long as an attempt is being recorded, so that recovery in another
 * window never "recovers" a recording that is still going on.
 */
const lockName = (attemptId: string) => `pitchpace-recording-${attemptId}`;

/** The Web Locks API where the environment has one (older engines and some test DOMs do not). */
const lockManager = (): LockManager | undefined =>
  (navigator as { locks?: LockManager | null }).locks ?? undefined;

/** Holds the lock until the returned release function is called. */
export function holdRecordingLock(attemptId: string): () => void {
  const locks = lockManager();
  if (!locks) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  void locks.request(lockName(attemptId), () => held);
  return release;
}

/** True when some window holds the recording lock of this attempt. */
export async function isRecordingElsewhere(attemptId: string): Promise<boolean> {
  const locks = lockManager();
  if (!locks) return false;
  const { held = [] } = await locks.query();
  return held.some((lock) => lock.name === lockName(attemptId));
}
