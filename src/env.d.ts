declare const __CANDOR_BROWSER__: 'chrome' | 'firefox';
declare const __CANDOR_VERSION__: string;
declare const __TRACKERDB_VERSION__: string;
