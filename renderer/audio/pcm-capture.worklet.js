/* global AudioWorkletProcessor, registerProcessor, sampleRate, currentFrame */
/**
 * Forwards the raw mono input of the audio graph to the main thread in blocks of about 100 ms
 * (posting every 128-frame render quantum would flood the message port). Each block carries the
 * context frame of its first sample, so the main thread can line audio up with the clock.
 *
 * Messages in: 'flush' → posts the partial block, then { type: 'flushed', endFrame }.
 * Messages out: { type: 'chunk', startFrame, samples } with samples transferred.
 */
class PcmCaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.blockSize = Math.max(128, Math.round(sampleRate / 10));
    this.buffer = new Float32Array(this.blockSize);
    this.filled = 0;
    this.bufferStartFrame = -1;
    this.stopped = false;
    this.port.onmessage = (event) => {
      if (event.data === 'flush') {
        this.postBlock();
        this.stopped = true;
        this.port.postMessage({ type: 'flushed', endFrame: currentFrame });
      }
    };
  }

  postBlock() {
    if (this.filled === 0) return;
    const samples = this.buffer.slice(0, this.filled);
    this.port.postMessage({ type: 'chunk', startFrame: this.bufferStartFrame, samples }, [
      samples.buffer,
    ]);
    this.filled = 0;
    this.bufferStartFrame = -1;
  }

  process(inputs) {
    if (this.stopped) return false;
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i++) {
      if (this.bufferStartFrame < 0) this.bufferStartFrame = currentFrame + i;
      this.buffer[this.filled++] = channel[i];
      if (this.filled === this.blockSize) this.postBlock();
    }
    return true;
  }
}

registerProcessor('pcm-capture', PcmCaptureProcessor);
