export declare const webDist: string
export declare function isDevelopmentBuild(): boolean
export declare function webBuildIsStale(): boolean
export declare function ensureWebBuild(): void
