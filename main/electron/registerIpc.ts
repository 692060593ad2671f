import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiReply } from '../../shared/api/apiSchemas';
import { API_METHODS } from '../../shared/api/backendApi';
import type { Dispatch } from '../services/dispatchApi';
import { apiChannel } from './ipcChannels';

/**
 * One handler per API method. Each checks that the call comes from the app's own page (not a
 * frame or a page navigated elsewhere), then hands the arguments to the validating dispatcher.
 */
export function registerIpc(
  ipc: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedSender: (e: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of API_METHODS) {
    ipc.handle(apiChannel(method), async (event, args: unknown): Promise<ApiReply<unknown>> => {
      if (!isTrustedSender(event))
        return { ok: false, code: 'forbidden', error: 'This page may not call NetCanvas.' };
      return dispatch(method, args);
    });
  }
}
