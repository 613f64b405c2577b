/**
 * A Web Lock held for as long as an attempt is being recorded, so that recovery in another
 * window never "recovers" a recording that is still going on.
 */
const lockName = (attemptId: string) => `pitchpace-recording-${attemptId}`;

/** Holds the lock until the returned release function is called. */
export function holdRecordingLock(attemptId: string): () => void {
  if (!('locks' in navigator)) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  void navigator.locks.request(lockName(attemptId), () => held);
  return release;
}

/** True when some window holds the recording lock of this attempt. */
export async function isRecordingElsewhere(attemptId: string): Promise<boolean> {
  if (!('locks' in navigator)) return false;
  const { held = [] } = await navigator.locks.query();
  return held.some((lock) => lock.name === lockName(attemptId));
}
