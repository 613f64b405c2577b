import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { modelController } from '../../app/services';
import { ModelPanel } from './ModelPanel';
import { webModelEntries } from './model-controller';
import { useModelStore } from './model-store';

const initial = useModelStore.getState();
beforeEach(() => useModelStore.setState(initial, true));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ModelPanel', () => {
  it('in the browser build with no model: says plainly how to get one', () => {
    useModelStore.setState({
      source: 'web',
      listed: true,
      models: webModelEntries([]),
      selectedId: 'whisper-base.en',
    });
    render(<ModelPanel />);
    expect(screen.getByTestId('model-hint').textContent).toBe(
      'To get a model, run npm run models -- whisper-base.en in the project folder, then reload.',
    );
    expect(screen.getByTestId('model-status').textContent).toMatch(/section markers only/);
    expect(screen.queryByTestId('model-download')).toBeNull();
  });

  it('shows loading progress, then which model transcribes', () => {
    useModelStore.setState({
      listed: true,
      models: webModelEntries(['whisper-tiny.en']),
      selectedId: 'whisper-tiny.en',
      load: { kind: 'loading', modelId: 'whisper-tiny.en', fraction: 0.42 },
    });
    render(<ModelPanel />);
    expect(screen.getByTestId('model-status').textContent).toBe('Loading whisper-tiny.en… 42%');
    act(() =>
      useModelStore.setState({ load: { kind: 'ready', modelId: 'whisper-tiny.en', device: null } }),
    );
    expect(screen.getByTestId('model-status').textContent).toBe(
      'Transcribing with whisper-tiny.en.',
    );
    act(() =>
      useModelStore.setState({
        load: { kind: 'ready', modelId: 'whisper-tiny.en', device: 'webgpu' },
      }),
    );
    expect(screen.getByTestId('model-status').textContent).toBe(
      'Transcribing with whisper-tiny.en on the GPU (WebGPU).',
    );
    expect(screen.getByTestId('model-status').dataset.device).toBe('webgpu');
    expect(screen.queryByTestId('model-hint')).toBeNull();
  });

  it('in the desktop app: downloads the chosen model with bytes, speed and time left, and cancels', () => {
    const download = vi.spyOn(modelController, 'download').mockResolvedValue();
    const cancel = vi.spyOn(modelController, 'cancelDownload').mockResolvedValue();
    useModelStore.setState({
      source: 'desktop',
      listed: true,
      models: webModelEntries([]),
      selectedId: 'whisper-base.en',
    });
    render(<ModelPanel />);
    fireEvent.click(screen.getByTestId('model-download'));
    expect(download).toHaveBeenCalledWith('whisper-base.en');

    act(() =>
      useModelStore.setState({
        download: {
          modelId: 'whisper-base.en',
          progress: {
            modelId: 'whisper-base.en',
            file: 'onnx/decoder_model_merged_quantized.onnx',
            fileIndex: 6,
            fileCount: 7,
            receivedBytes: 40_000_000,
            totalBytes: 80_000_000,
            bytesPerSecond: 2_500_000,
            secondsLeft: 16,
          },
        },
      }),
    );
    const progress = screen.getByTestId('model-progress');
    expect(progress.querySelector('progress')?.value).toBe(40_000_000);
    expect(progress.textContent).toContain('40.0 MB of 80.0 MB · 2.5 MB/s · 16 s left');
    expect(screen.queryByTestId('model-download')).toBeNull();
    fireEvent.click(screen.getByText('Cancel download'));
    expect(cancel).toHaveBeenCalled();
  });
});
