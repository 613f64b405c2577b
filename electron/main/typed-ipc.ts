/**
 * Main-process side of the channel map: every handler is typed by ../ipc-contract.ts, checks
 * that the caller is the app's own page, and validates its arguments — the renderer is treated
 * as untrusted, whatever its types say.
 */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { INVOKE_CHANNELS, SEND_CHANNELS } from '../ipc-contract';
import type {
  EventChannel,
  EventChannels,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  SendChannel,
  SendChannels,
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

/** One one-way channel's handler. It cannot reply, so bad input is dropped (and logged). */
export interface SendHandler<C extends SendChannel> {
  parse(args: unknown[]): SendChannels[C];
  handle(event: IpcMainEvent, ...args: SendChannels[C]): void;
}

export type SendHandlers = { [C in SendChannel]: SendHandler<C> };

/** Registers every one-way channel of the contract with `ipcMain.on`. */
export function registerSendHandlers(
  ipcMain: Pick<IpcMain, 'on'>,
  handlers: SendHandlers,
  isTrustedSender: (event: IpcMainEvent) => boolean,
): void {
  for (const channel of SEND_CHANNELS) {
    const handler = handlers[channel];
    ipcMain.on(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) return;
      try {
        handler.handle(event, ...handler.parse(args));
      } catch (error) {
        console.warn(`Ignored ${channel}: ${(error as Error).message}`);
      }
    });
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
