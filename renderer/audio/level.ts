/** Input level for the meter: RMS of the latest block, on a dBFS scale mapped to 0..1. */

/** Quietest level the meter shows; below it the bar is empty. */
export const METER_FLOOR_DB = -60;

/** Root mean square of a block of samples. */
export function rms(samples: Float32Array): number {
  let acc = 0;
  for (const s of samples) acc += s * s;
  return samples.length === 0 ? 0 : Math.sqrt(acc / samples.length);
}

/** Level in dBFS (0 = full scale), with silence clamped to the meter floor. */
export function toDecibels(level: number): number {
  return level > 0 ? Math.max(METER_FLOOR_DB, 20 * Math.log10(level)) : METER_FLOOR_DB;
}

/** Position of a level on the meter, 0 (floor) to 1 (full scale). */
export function meterFraction(samples: Float32Array): number {
  return (toDecibels(rms(samples)) - METER_FLOOR_DB) / -METER_FLOOR_DB;
}
