/** `audio-type` (audio-decode's own format sniffer, used by speech/node/audio-file.ts) ships no types. */
declare module 'audio-type' {
  /** The format its magic numbers say (`wav`, `mp3`, `oga`, `opus`, `flac`, `m4a`, `webm`, …), or undefined. */
  export default function getType(bytes: Uint8Array): string | undefined;
}
