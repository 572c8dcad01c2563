export { startServer, type RunningServer, type StartOptions } from './main.js';
export { loadConfig, ConfigError, type Config } from './platform/config.js';
export { restoreDataDir, isEmbeddedBackup, RestoreError } from './platform/db/restore-data-dir.js';
