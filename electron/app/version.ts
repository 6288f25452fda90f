/** The app version, read from package.json at build time by esbuild/Vite (JSON import). */
import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
