import { describe, expect, it } from 'vitest';
import { microphoneErrorFrom } from './microphone';

describe('microphoneErrorFrom', () => {
  it('turns getUserMedia failures into problems the user can act on', () => {
    const problem = (name: string) => microphoneErrorFrom(new DOMException('x', name)).problem;
    expect(problem('NotAllowedError')).toBe('permission-denied');
    expect(problem('NotFoundError')).toBe('no-device');
    expect(problem('OverconstrainedError')).toBe('no-device');
    expect(problem('NotReadableError')).toBe('device-busy');
    expect(problem('TypeError')).toBe('unsupported');
    expect(microphoneErrorFrom(new DOMException('x', 'NotAllowedError')).message).toMatch(
      /Allow microphone access/,
    );
  });
});
