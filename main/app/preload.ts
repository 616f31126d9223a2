/**
 * Sandboxed preload: exposes `window.vship`, the ShipBridge, and nothing else. It can require
 * only `electron`, so the channel names are repeated here rather than imported from ipc.ts.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ShipBridge } from '../../shared/contract';

const INVOKE_CHANNEL = 'vship:invoke';
const EVENT_CHANNEL = 'vship:event';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_e, message: { event: string; payload: unknown }) => {
  for (const cb of listeners.get(message.event) ?? []) {
    try {
      cb(message.payload);
    } catch (err) {
      console.error(`[vship] listener for ${message.event} threw`, err);
    }
  }
});

const bridge: ShipBridge = {
  host: 'electron',
  invoke: (channel, req) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, req),
  // Served by the app:// protocol handler (main/app/protocol.ts) from the core, by id.
  evidenceUrl: (id) => `app://vship/evidence/${id}`,
  on(event, cb) {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const listener = cb as Listener;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('vship', bridge);
