import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './content-security-policy';

const parsePolicy = (policy: string): Map<string, string[]> =>
  new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );

describe('content security policy', () => {
  const policy = parsePolicy(CONTENT_SECURITY_POLICY);

  it('defaults to same-origin and forbids plugins, frames, base and form targets', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('lets ONNX Runtime Web compile wasm and start blob: workers, without general eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:']);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  });

  it('plays recorded audio from blob: and the live stream', () => {
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
  });

  it('allows nothing remote in any directive', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).toMatch(
          /^('self'|'none'|'wasm-unsafe-eval'|'unsafe-inline'|blob:|data:|mediastream:)$/,
        );
      }
    }
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is sent with the cross-origin isolation headers ONNX Runtime threads need', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(SECURITY_HEADERS['Cross-Origin-Embedder-Policy']).toBe('require-corp');
  });
});
