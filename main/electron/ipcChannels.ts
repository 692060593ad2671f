import type { ApiMethod } from '../../shared/api/backendApi';

/** IPC channel names, one per API method: the preload and main agree on them through this module. */
export const apiChannel = (method: ApiMethod): string => `netcanvas:api:${method}`;
export const RUN_EVENT_CHANNEL = 'netcanvas:run-event';
export const MENU_CHANNEL = 'netcanvas:menu';
/** Renderer → main: the ids of the commands that can run now, for the native menu. */
export const MENU_STATE_CHANNEL = 'netcanvas:menu-state';
