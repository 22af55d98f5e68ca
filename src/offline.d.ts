/** Set by vite.config.ts (`offlineFlag`): true when the build has a service worker to register. */
declare const __OFFLINE__: boolean;
