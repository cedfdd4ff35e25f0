export declare const serverDist: string
export declare const serverEntry: string
export declare function serverBuildIsStale(): boolean
export declare function buildServer(): Promise<void>
export declare function ensureServerBuild(): Promise<void>
