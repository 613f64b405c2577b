/**
 * Main-process side of the channel map: every handler is typed by ../ipc-contract.ts, checks
 * that the caller is the app's own page, and validates its arguments — the renderer is treated
 * as untrusted, whatever its types say.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { INVOKE_CHANNELS } from '../ipc-contract';
import type {
  EventChannel,
  EventChannels,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
} from '../ipc-contract';

/** One channel's handler: an argument check, then the work. */
export interface InvokeHandler<C extends InvokeChannel> {
  /** Turns the raw arguments into typed ones, or throws a message fit for the user. */
  parse(args: unknown[]): InvokeArgs<C>;
  handle(event: IpcMainInvokeEvent, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
}

/** A handler for every channel: a missing one is a type error. */
export type InvokeHandlers = { [C in InvokeChannel]: InvokeHandler<C> };

function registerOne<C extends InvokeChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  handler: InvokeHandler<C>,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) {
      throw new Error(`Refused ${channel}: the request did not come from the Pitchpace window.`);
    }
    return handler.handle(event, ...handler.parse(args));
  });
}

/** Registers every channel of the contract with `ipcMain.handle`. */
export function registerInvokeHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: InvokeHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const channel of INVOKE_CHANNELS) {
    registerOne(ipcMain, channel, handlers[channel], isTrustedSender);
  }
}

/** Sends a typed event to one renderer. */
export function sendEvent<C extends EventChannel>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  channel: C,
  payload: EventChannels[C],
): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}
