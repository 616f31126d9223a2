declare const __VSHIP_VERSION__: string;
/** The app's version: set by the build (package.json), `0.0.0-dev` when sources run directly. */
export const VERSION = typeof __VSHIP_VERSION__ === 'string' ? __VSHIP_VERSION__ : '0.0.0-dev';
