export declare const SPEC_PATH: string;
export declare const SCHEMA_PATH: string;
export declare const BANNER: string;
export declare function renderSchema(specPath?: string): Promise<string>;
