/** @lanyard/kiosk: the station agent (what `lanyard kiosk start` runs). */
export * from './agent/index.js';
