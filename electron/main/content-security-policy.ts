/**
 * The renderer's Content-Security-Policy, sent as a response header by the app:// handler.
 * Everything is same-origin; nothing remote is allowed anywhere.
 */

/** Directives in the order they are sent. Each exception says which library needs it. */
const directives: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'self'"],
  // ONNX Runtime Web compiles its .wasm (needs 'wasm-unsafe-eval', not 'unsafe-eval') and
  // Emscripten's threaded build starts its workers from blob: URLs.
  ['script-src', "'self'", "'wasm-unsafe-eval'", 'blob:'],
  ['worker-src', "'self'", 'blob:'],
  // wavesurfer.js renders into a shadow root with inline <style> elements.
  ['style-src', "'self'", "'unsafe-inline'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'", 'data:'],
  // Recorded attempts play back from blob: URLs; the live input is a MediaStream.
  ['media-src', "'self'", 'blob:', 'mediastream:'],
  // fetch() of local assets (.wasm, VAD model) and of blob: URLs built from stored audio.
  ['connect-src', "'self'", 'blob:', 'data:'],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** The Content-Security-Policy header value for every app:// document. */
export const CONTENT_SECURITY_POLICY = directives.map((parts) => parts.join(' ')).join('; ');

/**
 * Headers every app:// response carries. COOP/COEP make the page cross-origin isolated, which
 * SharedArrayBuffer (and so ONNX Runtime Web's multi-threaded WASM) requires.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
