export declare function newestMtime(path: string): number
